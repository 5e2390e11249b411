using System.Globalization;
using System.Text;
using RapidResponse.Alerts;
using RapidResponse.Http;
using RapidResponse.Statements;

namespace RapidResponse.Recipients;

/// <summary>A statement draft as a file to download.</summary>
public sealed record DraftFile(string FileName, string ContentType, byte[] Content);

/// <summary>
/// The API behind a recipient's page (<c>/api/r/{code}/…</c>). The code alone authenticates; a forged, unknown or
/// expired one answers 404, the same for all, and each action answers the page's new state.
/// </summary>
public sealed class RecipientPages(RecipientLinks links, RecipientStateReader reader, RecipientActions actions)
{
    private const string Markdown = "text/markdown; charset=utf-8";
    private const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public async Task<bool> ExistsAsync(string? code, CancellationToken cancellationToken) =>
        await links.ResolveAsync(code, cancellationToken) is not null;

    public async Task<Result<RecipientView>> StateAsync(string? code, CancellationToken cancellationToken) =>
        await links.ResolveAsync(code, cancellationToken) is { } target ? await reader.ReadAsync(target, cancellationToken) : Unknown();

    public Task<Result<RecipientView>> AcknowledgeAsync(string? code, CancellationToken cancellationToken) =>
        ActAsync(code, target => actions.AcknowledgeAsync(target, cancellationToken), cancellationToken);

    public Task<Result<RecipientView>> DeclineAsync(string? code, CancellationToken cancellationToken) =>
        ActAsync(code, target => actions.DeclineAsync(target, cancellationToken), cancellationToken);

    public Task<Result<RecipientView>> AddStatusAsync(string? code, RecipientStatusRequest request, CancellationToken cancellationToken) =>
        ActAsync(code, target => actions.AddStatusAsync(target, request, cancellationToken), cancellationToken);

    /// <summary><c>{id}.md</c> or <c>{id}.docx</c>, where id is a draft of <see cref="RecipientView.Drafts"/>.</summary>
    public async Task<Result<DraftFile>> DraftAsync(string? code, string? file, CancellationToken cancellationToken)
    {
        if (await links.ResolveAsync(code, cancellationToken) is not { } target)
        {
            return Unknown();
        }

        var id = Path.GetFileNameWithoutExtension(file ?? "");
        var format = Path.GetExtension(file ?? "");
        var draft = (await reader.DraftsAsync(target, cancellationToken)).FirstOrDefault(d => d.Id == id);
        if (draft is null || format is not (".md" or ".docx"))
        {
            return Problem.NotFound($"No draft '{file}' on this page.");
        }

        var fileName = string.Create(CultureInfo.InvariantCulture, $"statement-{target.Alert.Incident.ToWire()}-{AlertFactsText.Reference(target.Alert).ToLowerInvariant()}-{id}{format}");
        return format == ".md"
            ? new DraftFile(fileName, Markdown, Encoding.UTF8.GetBytes(draft.Markdown))
            : new DraftFile(fileName, Docx, DraftDocx.Write(draft.Markdown));
    }

    private async Task<Result<RecipientView>> ActAsync(string? code, Func<RecipientTarget, Task<Problem?>> act, CancellationToken cancellationToken)
    {
        if (await links.ResolveAsync(code, cancellationToken) is not { } target)
        {
            return Unknown();
        }

        if (await act(target) is { } problem)
        {
            return problem;
        }

        // Read again: the action changed the alert's partition.
        return await reader.ReadAsync(await links.ResolveAsync(code, cancellationToken) ?? target, cancellationToken);
    }

    private static Problem Unknown() => Problem.NotFound("This link is not valid, or it has expired.");
}
