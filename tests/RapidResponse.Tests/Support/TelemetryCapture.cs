using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;

namespace RapidResponse.Tests.Support;

/// <summary>
/// Every span and every metric measurement the process emits while it lives, from every source and meter, as text
/// (names, tags, events, links), to check what leaks into telemetry. Process-wide: parallel tests add their own.
/// </summary>
public sealed class TelemetryCapture : IDisposable
{
    private readonly ActivityListener activities;
    private readonly MeterListener meters = new();

    public TelemetryCapture()
    {
        activities = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => Spans.Add(activity),
        };
        ActivitySource.AddActivityListener(activities);

        meters.InstrumentPublished = (instrument, listener) => listener.EnableMeasurementEvents(instrument);
        meters.SetMeasurementEventCallback<byte>(Record);
        meters.SetMeasurementEventCallback<short>(Record);
        meters.SetMeasurementEventCallback<int>(Record);
        meters.SetMeasurementEventCallback<long>(Record);
        meters.SetMeasurementEventCallback<float>(Record);
        meters.SetMeasurementEventCallback<double>(Record);
        meters.SetMeasurementEventCallback<decimal>(Record);
        meters.Start();
    }

    public ConcurrentBag<Activity> Spans { get; } = [];

    public ConcurrentQueue<(string Instrument, string Text)> Measurements { get; } = new();

    /// <summary>Everything captured, one line per span or measurement.</summary>
    public IEnumerable<string> Texts() =>
        Spans.Select(Describe).Concat(Measurements.Select(m => m.Text));

    public void Dispose()
    {
        activities.Dispose();
        meters.Dispose();
    }

    private static string Describe(Activity activity) => string.Join(" ",
        new[] { activity.Source.Name, activity.OperationName, activity.DisplayName, activity.StatusDescription ?? "" }
            .Concat(activity.TagObjects.Select(t => $"{t.Key}={Convert.ToString(t.Value, CultureInfo.InvariantCulture)}"))
            .Concat(activity.Events.SelectMany(e => e.Tags.Select(t => $"{e.Name}:{t.Key}={Convert.ToString(t.Value, CultureInfo.InvariantCulture)}")))
            .Concat(activity.Baggage.Select(b => $"{b.Key}={b.Value}")));

    private void Record<T>(Instrument instrument, T value, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        var text = instrument.Meter.Name + " " + instrument.Name + " " + Convert.ToString(value, CultureInfo.InvariantCulture);
        foreach (var tag in tags)
        {
            text += $" {tag.Key}={Convert.ToString(tag.Value, CultureInfo.InvariantCulture)}";
        }

        Measurements.Enqueue((instrument.Name, text));
    }
}
