using System.Reflection;
using Microsoft.Extensions.Logging;

namespace RapidResponse.Tests.Unit;

/// <summary>
/// Operators alert and search on log event ids (docs/OPERATIONS.md: event 4000 is a parked message, 3100 the send
/// budget falling back): one id must mean one thing.
/// </summary>
public sealed class LogEventIdTests
{
    [Fact]
    public void EveryLogEventOfTheApp_HasAnIdOfItsOwn()
    {
        var events = typeof(RapidResponseOptions).Assembly.GetTypes()
            .SelectMany(type => type.GetMethods(BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Select(method => (Method: method, Attribute: method.GetCustomAttribute<LoggerMessageAttribute>()))
            .Where(e => e.Attribute is not null)
            .ToList();

        Assert.True(events.Count > 50, $"Only {events.Count} log events found: the reflection misses them.");
        var shared = events
            .GroupBy(e => e.Attribute!.EventId)
            .Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(e => $"{e.Method.DeclaringType!.Name}.{e.Method.Name}"))}");
        Assert.Empty(shared);
    }
}
