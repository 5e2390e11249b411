using System.Collections;

namespace RapidResponse.Telemetry;

/// <summary>
/// The log scope of one alert's step: <c>AlertId</c> becomes a property of every log record written inside it,
/// including the SDKs' own, so one query finds everything that happened to an alert.
/// </summary>
public sealed class AlertScope(string alertId) : IReadOnlyList<KeyValuePair<string, object?>>
{
    public int Count => 1;

    public KeyValuePair<string, object?> this[int index] =>
        index == 0 ? new("AlertId", alertId) : throw new ArgumentOutOfRangeException(nameof(index));

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        yield return this[0];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => $"AlertId:{alertId}";
}
