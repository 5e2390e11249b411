using RapidResponse.Contacts;

namespace RapidResponse.Tests.Unit;

public sealed class RegionCodeTests
{
    [Theory]
    [InlineData("KZ-SHY", new[] { "KZ-SHY", "KZ", "INTL" })]
    [InlineData("kz-shy", new[] { "KZ-SHY", "KZ", "INTL" })]
    [InlineData("KZ", new[] { "KZ", "INTL" })]
    [InlineData("INTL", new[] { "INTL" })]
    public void Chain_RunsFromRegionToCountryToInternational(string region, string[] expected) =>
        Assert.Equal(expected, RegionCode.Chain(region));

    [Theory]
    [InlineData("KZ-SHY", true)]
    [InlineData("INTL", true)]
    [InlineData("KZ", true)]
    [InlineData("K", false)]
    [InlineData("KZ-", false)]
    [InlineData("KZ/SHY", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsValid_AcceptsCountriesSubdivisionsAndIntl(string? region, bool valid) =>
        Assert.Equal(valid, RegionCode.IsValid(region));
}
