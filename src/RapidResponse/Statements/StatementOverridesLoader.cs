using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace RapidResponse.Statements;

/// <summary>
/// Applies the uploaded templates and profiles at start-up, then again every <see cref="Every"/>, so every instance
/// of the app drafts with what the admin uploaded. A stored upload that no longer validates is logged and skipped.
/// </summary>
public sealed partial class StatementOverridesLoader(
    StatementOverrideStore overrides,
    StatementTemplates templates,
    LegalProfiles profiles,
    TimeProvider time,
    ILogger<StatementOverridesLoader> logger) : BackgroundService
{
    public static readonly TimeSpan Every = TimeSpan.FromMinutes(5);

    public async Task ApplyAsync(CancellationToken cancellationToken)
    {
        foreach (var entry in await overrides.ListAsync(cancellationToken))
        {
            IEnumerable<string> errors;
            try
            {
                errors = entry.Kind == StatementOverrideStore.Template
                    ? templates.Source(entry.Name) == entry.Source ? [] : templates.Replace(entry.Name, entry.Source).Select(e => e.ToString())
                    : profiles.Replace(LegalProfiles.Parse(entry.Name + ".json", entry.Source));
            }
            catch (InvalidOperationException exception)
            {
                errors = [exception.Message];
            }

            foreach (var error in errors)
            {
                LogSkipped(entry.Kind, entry.Name, error);
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ApplyAsync(stoppingToken);
            }
            catch (Azure.RequestFailedException exception)
            {
                // Storage unreachable: keep drafting with what is loaded, try again at the next round.
                LogUnavailable(exception);
            }

            try
            {
                await Task.Delay(Every, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(EventId = 7001, Level = LogLevel.Error, Message = "Uploaded statement {Kind} {Name} is not applied: {Error}")]
    private partial void LogSkipped(string kind, string name, string error);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Warning, Message = "Uploaded statement templates and profiles could not be read")]
    private partial void LogUnavailable(Exception exception);
}
