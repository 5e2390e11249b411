using System.Diagnostics;
using System.Diagnostics.Metrics;
using RapidResponse.Channels;
using RapidResponse.Dispatch;

namespace RapidResponse.Telemetry;

/// <summary>
/// The service's traces and metrics: one <see cref="ActivitySource"/> and one <see cref="Meter"/>, both named
/// <see cref="Name"/>. Tags carry ids, channels, states and country codes only: never a phone number, an email
/// address or a name. Static, as the runtime's own sources are, so that instrumenting a service adds no constructor
/// parameter; listeners (OpenTelemetry, tests) subscribe by name.
/// </summary>
public static class RapidResponseTelemetry
{
    public const string Name = "RapidResponse";

    /// <summary>The correlation id from the panic press through every queue hop: the alert id.</summary>
    public const string AlertIdTag = "rapidresponse.alert_id";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    private static readonly Counter<long> AlertsAccepted = Meter.CreateCounter<long>(
        "rapidresponse.alerts.accepted", "{alert}", "Alerts accepted from a panic press (durable and queued).");

    private static readonly Histogram<int> FanOutRecipients = Meter.CreateHistogram<int>(
        "rapidresponse.fanout.recipients", "{recipient}", "Recipients × channels planned by one fan-out; 0 means nobody was alerted.");

    private static readonly Histogram<double> SendDuration = Meter.CreateHistogram<double>(
        "rapidresponse.send.duration", "s", "One provider send, by channel and outcome (accepted, rejected, unavailable, unknown, error).");

    private static readonly Counter<long> ProviderReports = Meter.CreateCounter<long>(
        "rapidresponse.deliveries.reported", "{report}", "Provider callbacks that moved a delivery forward, by channel and new state.");

    private static readonly Counter<long> Escalations = Meter.CreateCounter<long>(
        "rapidresponse.escalations", "{escalation}", "Alerts escalated to the next tier because nobody acknowledged.");

    private static readonly Counter<long> Acknowledgements = Meter.CreateCounter<long>(
        "rapidresponse.acknowledgements", "{acknowledgement}", "Recipients who answered that they are on it.");

    private static readonly Counter<long> PoisonMessages = Meter.CreateCounter<long>(
        "rapidresponse.queue.poisoned", "{message}", "Queue messages moved to a poison queue after maxDequeueCount failures.");

    private static readonly Counter<long> PurgedRows = Meter.CreateCounter<long>(
        "rapidresponse.retention.purged", "{row}", "Rows removed by the retention purge, by table.");

    /// <summary>
    /// Starts the span of one step of an alert and a log scope carrying its id. <paramref name="traceParent"/> is the
    /// W3C <c>traceparent</c> a queue message carried, so the steps of one alert form one trace.
    /// </summary>
    public static AlertTrace Trace(Microsoft.Extensions.Logging.ILogger logger, string step, string alertId, string? traceParent = null)
    {
        ActivityLink[]? links = null;
        if (!ActivityContext.TryParse(traceParent, null, isRemote: true, out var parent))
        {
            parent = Activity.Current?.Context ?? default;
        }
        else if (Activity.Current is { } current)
        {
            // The host's own invocation span stays linked when the message's trace becomes the parent.
            links = [new ActivityLink(current.Context)];
        }

        var activity = Source.StartActivity(step, ActivityKind.Internal, parent, [new(AlertIdTag, alertId)], links);
        return new AlertTrace(activity, logger.BeginScope(new AlertScope(alertId)));
    }

    /// <summary>The W3C <c>traceparent</c> to put on a queue message, or null when nothing is being traced.</summary>
    public static string? CurrentTraceParent() =>
        Activity.Current is { IdFormat: ActivityIdFormat.W3C } current ? current.Id : null;

    public static void AlertAccepted(string region, string incident) =>
        AlertsAccepted.Add(1, new("country", Country(region)), new("incident", incident));

    public static void FannedOut(int recipients) => FanOutRecipients.Record(recipients);

    /// <summary>Times one provider send and records its outcome; exceptions propagate unchanged.</summary>
    public static async Task<SendOutcome> MeasureSendAsync(Channel channel, TimeProvider time, Func<Task<SendOutcome>> send)
    {
        var started = time.GetTimestamp();
        var outcome = "error";
        try
        {
            var result = await send();
            outcome = result is SendOutcome.Accepted ? "accepted" : "rejected";
            return result;
        }
        catch (ProviderUnavailableException exception)
        {
            outcome = exception.MayHaveReachedProvider ? "unknown" : "unavailable";
            throw;
        }
        finally
        {
            SendDuration.Record(time.GetElapsedTime(started).TotalSeconds, new("channel", Wire(channel)), new("outcome", outcome));
            Activity.Current?.SetTag("rapidresponse.send.outcome", outcome);
        }
    }

    public static void DeliveryReported(Channel channel, DeliveryState state) =>
        ProviderReports.Add(1, new("channel", Wire(channel)), new("state", state.ToWire()));

    public static void Escalated(int tier) => Escalations.Add(1, new KeyValuePair<string, object?>("tier", tier));

    public static void Acknowledged(Channel channel) => Acknowledgements.Add(1, new KeyValuePair<string, object?>("channel", Wire(channel)));

    public static void MessagePoisoned(string queue) => PoisonMessages.Add(1, new KeyValuePair<string, object?>("queue", queue));

    public static void Purged(string table, long rows) => PurgedRows.Add(rows, new KeyValuePair<string, object?>("table", table));

    private static string Wire(Channel channel) => channel.ToString().ToLowerInvariant();

    private static string Country(string region) => region.Split('-', 2)[0];
}
