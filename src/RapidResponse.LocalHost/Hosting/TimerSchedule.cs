using System.Globalization;
using NCrontab;

namespace RapidResponse.LocalHost.Hosting;

/// <summary>
/// A <c>[TimerTrigger]</c> schedule as the Functions runtime reads it: a six-field NCRONTAB expression
/// (<c>{second} {minute} {hour} {day} {month} {day-of-week}</c>, evaluated in UTC) or a <c>hh:mm:ss</c> interval.
/// </summary>
public sealed class TimerSchedule
{
    private readonly CrontabSchedule? cron;
    private readonly TimeSpan interval;

    private TimerSchedule(CrontabSchedule? cron, TimeSpan interval)
    {
        this.cron = cron;
        this.interval = interval;
    }

    public static TimerSchedule Parse(string expression)
    {
        if (TimeSpan.TryParse(expression, CultureInfo.InvariantCulture, out var interval) && interval > TimeSpan.Zero)
        {
            return new TimerSchedule(null, interval);
        }

        return new TimerSchedule(CrontabSchedule.Parse(expression, new CrontabSchedule.ParseOptions { IncludingSeconds = true }), TimeSpan.Zero);
    }

    /// <summary>The first occurrence strictly after <paramref name="after"/>.</summary>
    public DateTimeOffset Next(DateTimeOffset after) => cron is null
        ? after + interval
        : new DateTimeOffset(cron.GetNextOccurrence(after.UtcDateTime), TimeSpan.Zero);
}
