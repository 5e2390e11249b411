using System.Collections.Concurrent;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using RapidResponse.Channels;

namespace RapidResponse.Operations;

/// <summary>A provider as the outage record sees it: down since when, last refused when, and why.</summary>
public sealed record ProviderState(string Provider, bool Down, DateTimeOffset Since, DateTimeOffset LastFailureAt, string Reason);

/// <summary>
/// Provider outages (our account refused, or the provider unreachable for long), shared by every instance through
/// the <c>ProviderStatus</c> table (partition <c>provider</c>, row the provider). The first instance to see an
/// outage records it and tells the operator, on the other provider's channel; the first to send through it again
/// records the recovery and tells the operator once more. Each instance remembers what it reported, so a healthy
/// send costs no storage call and an outage is written at most every <see cref="RefreshEvery"/> per instance.
/// </summary>
public sealed partial class ProviderOutages(TableClient table, OperatorAlerts operators, TimeProvider time, ILogger<ProviderOutages> logger)
{
    private const string Partition = "provider";

    /// <summary>An outage no instance has seen again for this long is no longer shown (its instances may be gone).</summary>
    public static readonly TimeSpan ShownFor = TimeSpan.FromMinutes(10);

    private static readonly TimeSpan RefreshEvery = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, DateTimeOffset> reportedDown = new(StringComparer.Ordinal);

    /// <summary>
    /// Whether this instance has seen the provider down and not working since (no storage call): a send through it
    /// can use the recipient's other channel at once.
    /// </summary>
    public bool IsKnownDown(string provider) => reportedDown.ContainsKey(provider);

    /// <summary>A send failed because of the provider, not the recipient.</summary>
    public async Task FailedAsync(string provider, string reason, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (reportedDown.TryGetValue(provider, out var reported) && now - reported < RefreshEvery)
        {
            return;
        }

        reportedDown[provider] = now;
        var current = await table.GetEntityIfExistsAsync<TableEntity>(Partition, provider, cancellationToken: cancellationToken);
        if (current.HasValue && current.Value!.GetBoolean("Down") == true)
        {
            current.Value["LastFailureAt"] = now;
            await table.UpdateEntityAsync(current.Value, ETag.All, TableUpdateMode.Merge, cancellationToken);
            return;
        }

        var row = new TableEntity(Partition, provider) { ["Down"] = true, ["Since"] = now, ["LastFailureAt"] = now, ["Reason"] = reason };
        if (!await TryWriteAsync(row, current.HasValue ? current.Value!.ETag : null, cancellationToken))
        {
            return; // Another instance recorded it first, and tells the operator.
        }

        LogDown(provider, reason);
        await TellOperatorAsync(
            $"{provider} is refusing sends",
            $"{provider} answered: {reason}. Sends through it are retried; recipients with another channel get it there. Fix the account (credentials, suspension, permissions).",
            $"operator/outage/{provider}/{now.ToUnixTimeSeconds()}",
            downProvider: provider,
            cancellationToken);
    }

    /// <summary>A send went through the provider: if this instance saw it down, the outage is over.</summary>
    public async Task WorkingAsync(string provider, CancellationToken cancellationToken)
    {
        if (!reportedDown.TryRemove(provider, out _))
        {
            return;
        }

        var current = await table.GetEntityIfExistsAsync<TableEntity>(Partition, provider, cancellationToken: cancellationToken);
        if (!current.HasValue || current.Value!.GetBoolean("Down") != true)
        {
            return;
        }

        var since = current.Value.GetDateTimeOffset("Since") ?? time.GetUtcNow();
        var row = new TableEntity(Partition, provider) { ["Down"] = false, ["Since"] = time.GetUtcNow(), ["LastFailureAt"] = current.Value.GetDateTimeOffset("LastFailureAt"), ["Reason"] = "" };
        if (!await TryWriteAsync(row, current.Value.ETag, cancellationToken))
        {
            return;
        }

        var lasted = time.GetUtcNow() - since;
        LogUp(provider, lasted);
        await TellOperatorAsync(
            $"{provider} is sending again",
            $"{provider} took a send again after {Math.Round(lasted.TotalMinutes, 1)} minutes; held sends are going out.",
            $"operator/recovered/{provider}/{time.GetUtcNow().ToUnixTimeSeconds()}",
            downProvider: null,
            cancellationToken);
    }

    /// <summary>The providers down now, as <c>/api/health</c> shows them.</summary>
    public async Task<IReadOnlyList<ProviderState>> DownAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var down = new List<ProviderState>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            var last = row.GetDateTimeOffset("LastFailureAt") ?? DateTimeOffset.MinValue;
            if (row.GetBoolean("Down") == true && now - last < ShownFor)
            {
                down.Add(new ProviderState(row.RowKey, true, row.GetDateTimeOffset("Since") ?? last, last, row.GetString("Reason") ?? ""));
            }
        }

        return down;
    }

    /// <summary>Adds the row, or replaces it over <paramref name="version"/>; false when another instance got there first.</summary>
    private async Task<bool> TryWriteAsync(TableEntity row, ETag? version, CancellationToken cancellationToken)
    {
        try
        {
            if (version is { } etag)
            {
                await table.UpdateEntityAsync(row, etag, TableUpdateMode.Replace, cancellationToken);
            }
            else
            {
                await table.AddEntityAsync(row, cancellationToken);
            }

            return true;
        }
        catch (RequestFailedException exception) when (exception.Status is 409 or 412)
        {
            return false;
        }
    }

    private async Task TellOperatorAsync(string subject, string text, string reference, string? downProvider, CancellationToken cancellationToken)
    {
        try
        {
            if (!await operators.NotifyAsync(subject, text, reference, cancellationToken, downProvider))
            {
                LogOperatorNotTold(subject);
            }
        }
        catch (ProviderUnavailableException exception)
        {
            // The outage is recorded and shown on /api/health either way.
            LogOperatorUnreachable(exception, subject);
        }
    }

    [LoggerMessage(EventId = 4100, Level = LogLevel.Critical, Message = "Provider {Provider} is refusing sends: {Reason}")]
    private partial void LogDown(string provider, string reason);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "Provider {Provider} is sending again after {Lasted}")]
    private partial void LogUp(string provider, TimeSpan lasted);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Critical, Message = "No operator channel took the notice '{Subject}'")]
    private partial void LogOperatorNotTold(string subject);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Critical, Message = "The operator could not be told '{Subject}'")]
    private partial void LogOperatorUnreachable(Exception exception, string subject);
}
