using RapidResponse.Alerts;
using RapidResponse.Organizers;

namespace RapidResponse.Tests.Unit;

public sealed class PanicValidatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 10, 5, 0, TimeSpan.Zero);
    private static readonly Organizer OneRegion = Organizer("KZ-SHY");

    [Fact]
    public void Validate_OnlyIncident_UsesTheOrganizersOnlyRegionAndNow()
    {
        var facts = PanicValidator.Validate(Press(incident: "attack"), OneRegion, Now);

        Assert.True(facts.IsOk);
        Assert.Equal("KZ-SHY", facts.Value!.Region);
        Assert.Equal(Incident.Attack, facts.Value.Incident);
        Assert.Equal(Now, facts.Value.OccurredAt);
        Assert.False(facts.Value.Silent);
    }

    [Fact]
    public void Validate_NoRegionWithSeveralRegions_NamesRegion()
    {
        var facts = PanicValidator.Validate(Press(incident: "raid"), Organizer("KZ-SHY", "KZ-ALA"), Now);

        Assert.Equal(422, facts.Problem!.Status);
        Assert.Contains("region", facts.Problem.Errors!.Keys);
    }

    [Fact]
    public void Validate_RegionOutsideScope_IsForbidden()
    {
        var facts = PanicValidator.Validate(Press(incident: "raid", region: "kz-ala"), OneRegion, Now);

        Assert.Equal(403, facts.Problem!.Status);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("burglary")]
    [InlineData("1")]
    [InlineData("")]
    public void Validate_MissingOrUnknownIncident_NamesIncident(string? incident)
    {
        var facts = PanicValidator.Validate(Press(incident: incident), OneRegion, Now);

        Assert.Equal(422, facts.Problem!.Status);
        Assert.Contains("incident", facts.Problem.Errors!.Keys);
    }

    [Theory]
    [InlineData(90.1, 0, "location.lat")]
    [InlineData(-90.1, 0, "location.lat")]
    [InlineData(0, 180.5, "location.lon")]
    [InlineData(0, -181, "location.lon")]
    public void Validate_CoordinatesOutOfRange_NameTheField(double lat, double lon, string field)
    {
        var facts = PanicValidator.Validate(Press(incident: "attack", location: new PanicLocation(lat, lon, null, null)), OneRegion, Now);

        Assert.Contains(field, facts.Problem!.Errors!.Keys);
    }

    [Fact]
    public void Validate_EveryBrokenRule_IsReportedAtOnce()
    {
        var press = Press(
            incident: "party",
            message: new string('m', PanicValidator.MaxMessageLength + 1),
            people: [new PanicPerson("", null, true)],
            occurredAt: Now.AddHours(2));

        var errors = PanicValidator.Validate(press, OneRegion, Now).Problem!.Errors!;

        Assert.Equal(["incident", "message", "occurredAt", "people[0].name"], errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Validate_People_KeepTheirConsentToBeNamed()
    {
        var press = Press(incident: "detention", people: [new PanicPerson(" Zhanar S. ", "co-founder", true), new PanicPerson("Gulzada S.", null, null)]);

        var people = PanicValidator.Validate(press, OneRegion, Now).Value!.People;

        Assert.Equal([new Person("Zhanar S.", "co-founder", true), new Person("Gulzada S.", null, false)], people);
    }

    private static Organizer Organizer(params string[] regions) => new("org1", "Test", regions, null, "en", "hash", Now);

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(-1)]
    public void Validate_AccuracyThatIsNotAFiniteDistance_NamesAccuracy(double accuracy)
    {
        var facts = PanicValidator.Validate(Press(incident: "attack", location: new PanicLocation(42.3, 69.59, accuracy, null)), OneRegion, Now);

        Assert.Equal(422, facts.Problem!.Status);
        Assert.Equal(["location.accuracyM"], facts.Problem.Errors!.Keys);
    }

    private static PanicRequest Press(
        string? incident,
        string? region = null,
        PanicLocation? location = null,
        string? message = null,
        IReadOnlyList<PanicPerson?>? people = null,
        DateTimeOffset? occurredAt = null) =>
        new(region, incident, location, message, people, null, null, occurredAt, null);
}
