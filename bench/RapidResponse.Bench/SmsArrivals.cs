using System.Diagnostics;
using RapidResponse.LocalHost.StandIns;

namespace RapidResponse.Bench;

/// <summary>One SMS the Twilio stand-in recorded, stamped on the bench's <see cref="Stopwatch"/> clock.</summary>
public sealed record SmsArrival(string To, string Body, long Timestamp);

/// <summary>
/// Stamps every SMS the stand-in records with <see cref="Stopwatch.GetTimestamp"/> as it is recorded (the stand-in
/// records after its configured latency, so a request reached it <c>Latency</c> earlier).
/// </summary>
public sealed class SmsArrivals : IDisposable
{
    private readonly StandInRecorder recorder;
    private readonly List<SmsArrival> arrivals = [];
    private readonly Lock gate = new();
    private int seen;

    public SmsArrivals(StandInRecorder recorder)
    {
        this.recorder = recorder;
        recorder.Recorded += OnRecorded;
    }

    public int Count
    {
        get
        {
            lock (gate)
            {
                return arrivals.Count;
            }
        }
    }

    /// <summary>The arrivals from <paramref name="from"/> (an earlier <see cref="Count"/>) on.</summary>
    public IReadOnlyList<SmsArrival> Since(int from)
    {
        lock (gate)
        {
            return arrivals.Skip(from).ToArray();
        }
    }

    /// <summary>Waits until <paramref name="condition"/> holds over the arrivals, or throws after <paramref name="timeout"/>.</summary>
    public async Task WaitForAsync(Func<IReadOnlyList<SmsArrival>, bool> condition, TimeSpan timeout, string what)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition(Since(0)))
        {
            if (deadline.Elapsed > timeout)
            {
                throw new TimeoutException($"The stand-in did not see {what} within {timeout.TotalSeconds:0} s ({Count} SMS so far).");
            }

            await Task.Delay(20);
        }
    }

    /// <summary>Waits until every one of <paramref name="phones"/> has an SMS since <paramref name="from"/>.</summary>
    public Task WaitForEveryAsync(IReadOnlySet<string> phones, int from, TimeSpan timeout, string what) =>
        WaitForAsync(a => a.Skip(from).Where(s => phones.Contains(s.To)).Select(s => s.To).Distinct(StringComparer.Ordinal).Count() == phones.Count, timeout, what);

    /// <summary>
    /// When the last of <paramref name="phones"/> got its first SMS since <paramref name="from"/>: every recipient
    /// reached (a retried send does not count twice).
    /// </summary>
    public long EveryoneReached(IReadOnlySet<string> phones, int from) =>
        Since(from).Where(s => phones.Contains(s.To)).GroupBy(s => s.To, StringComparer.Ordinal).Max(g => g.Min(s => s.Timestamp));

    public void Dispose() => recorder.Recorded -= OnRecorded;

    private void OnRecorded()
    {
        var now = Stopwatch.GetTimestamp();
        lock (gate)
        {
            // The recorder's queue only grows, in order; everything past 'seen' is new.
            foreach (var sms in recorder.Sms.Skip(seen))
            {
                arrivals.Add(new SmsArrival(sms.To, sms.Body, now));
                seen++;
            }
        }
    }
}
