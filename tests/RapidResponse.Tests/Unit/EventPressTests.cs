using RapidResponse.Alerts;
using RapidResponse.Events;
using RapidResponse.Organizers;

namespace RapidResponse.Tests.Unit;

/// <summary>A press naming a registered event: what the press leaves out comes from the event; what it says wins.</summary>
public sealed class EventPressTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 10, 5, 0, TimeSpan.Zero);
    private static readonly Organizer Organizer = new("org1", "Zhanar", ["KZ-SHY", "KZ-ALA"], null, "ru", "hash", DateTimeOffset.UnixEpoch);

    private static readonly RegisteredEvent Workshop = new(
        "ev1", "org1", "Women's rights workshop", "KZ-SHY", new Location(42.3417, 69.5901, null, "Community centre"),
        Now.AddHours(-1), Now.AddHours(3), [new Person("Zhanar S.", "co-founder", true)], Now.AddDays(-2));

    [Fact]
    public void BarePress_TakesTheEventsRegionPlacePeopleAndName()
    {
        var facts = PanicValidator.Validate(Press(eventId: "ev1"), Organizer, Now, Workshop).Value!;

        Assert.Equal("KZ-SHY", facts.Region);
        Assert.Equal(new Location(42.3417, 69.5901, null, "Community centre"), facts.Location);
        Assert.Equal(Workshop.People, facts.People);
        Assert.Equal("Women's rights workshop", facts.EventName);
    }

    [Fact]
    public void ThePhonesCoordinatesAndThePressesOwnWords_WinOverTheEvents()
    {
        var press = Press(eventId: "ev1") with
        {
            Region = "KZ-ALA",
            Location = new PanicLocation(43.2, 76.9, 15, null),
            People = [new PanicPerson("Aliya K.", null, null)],
            EventName = "Moved to the park",
        };

        var facts = PanicValidator.Validate(press, Organizer, Now, Workshop).Value!;

        Assert.Equal("KZ-ALA", facts.Region);
        Assert.Equal(new Location(43.2, 76.9, 15, "Community centre"), facts.Location);
        Assert.Equal([new Person("Aliya K.", null, false)], facts.People);
        Assert.Equal("Moved to the park", facts.EventName);
    }

    [Fact]
    public void AnEventIdWithNoEventOfThisOrganizer_Is422OnEventId()
    {
        var problem = PanicValidator.Validate(Press(eventId: "nope") with { Region = "KZ-SHY" }, Organizer, Now, registered: null).Problem!;

        Assert.Equal(422, problem.Status);
        Assert.Equal(["eventId"], problem.Errors!.Keys);
    }

    [Theory]
    [InlineData(-90, false)]
    [InlineData(-59, true)]
    [InlineData(359, true)]
    [InlineData(361, false)]
    public void AnEventIsCurrent_FromAnHourBeforeItsStart_ToTwoHoursAfterItsEnd(int minutesFromStart, bool current) =>
        Assert.Equal(current, Workshop.IsCurrent(Workshop.StartsAt.AddMinutes(minutesFromStart)));

    private static PanicRequest Press(string? eventId) => new(null, "attack", null, null, null, null, eventId, null, null);
}
