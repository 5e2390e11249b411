using System.Globalization;
using RapidResponse.Alerts;

namespace RapidResponse.Statements;

/// <summary>
/// The values a statement template may use, built only from the alert and the legal profile.
/// What the alert does not say becomes the placeholder; consent decides who is named.
/// </summary>
public static class StatementModel
{
    public static Dictionary<string, object?> Build(Alert alert, LegalProfile profile, string language)
    {
        var people = alert.People.Count;
        var named = PublicPeople.Named(alert);
        var regionName = profile.Regions.TryGetValue(alert.Region, out var region) ? region.In(language) : null;
        var country = CountryName(alert, profile, language);
        var placeText = Placeholders.OrToConfirm(alert.Location?.Text, language);
        var items = profile.For(alert.Incident).ToList();

        return new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["placeholder"] = Placeholders.ToConfirm(language),
            ["incident"] = alert.Incident.ToWire(),
            ["incident_text"] = Placeholders.Incident(alert.Incident, language),
            ["who"] = PublicPeople.Describe(alert, language),
            ["who_known"] = people > 0,
            ["plural"] = named.Count + PublicPeople.Unnamed(alert) != 1,
            ["named_count"] = named.Count,
            ["people_count"] = people,
            ["place"] = placeText,
            ["where"] = string.Join(", ", new[] { placeText, regionName, country }.Where(p => p is not null)),
            ["country"] = country,
            ["in_country"] = profile.Country == Contacts.RegionCode.International ? $"in {country}" : profile.Locative.In(language),
            ["international"] = profile.Country == Contacts.RegionCode.International,
            ["government"] = profile.Government.In(language),
            ["parliament"] = profile.Parliament.In(language),
            ["date"] = Placeholders.Date(alert.OccurredAt, language),
            ["time"] = Placeholders.Time(alert.OccurredAt),
            ["event"] = string.IsNullOrWhiteSpace(alert.EventName) ? null : alert.EventName,
            ["report"] = string.IsNullOrWhiteSpace(alert.Message) ? null : alert.Message,
            ["reference"] = AlertFactsText.Reference(alert),
            ["caveat"] = profile.Caveat?.In(language),
            ["constitution"] = Items(items, language, LegalItem.Constitution),
            ["treaties"] = Items(items, language, LegalItem.Treaty),
            ["declarations"] = Items(items, language, LegalItem.Declaration),
            ["upr"] = Items(items, language, LegalItem.Upr),
            ["sources"] = items.Select(i => i.Link.AbsoluteUri).Distinct(StringComparer.Ordinal).ToList(),
        };
    }

    private static List<Dictionary<string, object?>> Items(IEnumerable<LegalItem> items, string language, string kind) =>
        items.Where(i => i.Kind == kind)
            .Select(i => new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["text"] = i.Text.In(language),
                ["clause"] = i.Text.In(language).TrimEnd('.'),
                ["cite"] = i.Cite(language),
                ["link"] = i.Link.AbsoluteUri,
                ["verbatim"] = i.Verbatim && !i.TranslatedIn(language),
                ["translated"] = i.TranslatedIn(language),
                ["accepted"] = i.Accepted,
            })
            .ToList();

    /// <summary>The profile's own name for its country; for the international profile, .NET's English name of the region's country.</summary>
    private static string CountryName(Alert alert, LegalProfile profile, string language)
    {
        if (profile.Country != Contacts.RegionCode.International)
        {
            return profile.Name.In(language);
        }

        try
        {
            return Contacts.RegionCode.Country(alert.Region) is { } code ? new RegionInfo(code).EnglishName : Placeholders.ToConfirm(language);
        }
        catch (ArgumentException)
        {
            // An ISO code .NET does not know: say so rather than guess.
            return Placeholders.ToConfirm(language);
        }
    }
}
