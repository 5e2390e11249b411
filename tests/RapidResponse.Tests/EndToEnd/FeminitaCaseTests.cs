using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using RapidResponse.LocalHost.StandIns;
using RapidResponse.Tests.Support;

namespace RapidResponse.Tests.EndToEnd;

/// <summary>
/// The case the product was built for (Shymkent, 29 May): two co-founders of a feminist initiative detained at their
/// event, one of whom agrees to be named. The national NGO's draft must read like the statement ILGA-Europe published
/// then, cite the Constitution in force today, and name nobody who has not agreed to be named.
/// </summary>
[Collection(LocalHostCollection.Name)]
public sealed class FeminitaCaseTests(LocalHostFixture host)
{
    [Fact]
    public async Task A_press_in_Shymkent_gives_the_ngo_a_draft_in_the_reference_order_citing_the_2026_constitution_and_naming_only_the_consenting_co_founder()
    {
        var (ngo, reference) = await PressAsync("en");
        var mail = host.StandIns.Emails.Single(m => m.To.Contains(ngo) && m.Subject!.Contains(reference, StringComparison.Ordinal));

        // The facts above the line are for the NGO's eyes and carry every name; the draft below it is for the public.
        var draft = mail.Text![(mail.Text!.IndexOf("\n----\n", StringComparison.Ordinal) + 6)..];
        var attached = Attachment(mail, ".md");
        Assert.Equal(draft.Trim(), attached.Trim());

        InOrder(draft,
            "[YOUR ORGANISATION] condemns the detention of Zhanar Sekerbayeva and one other activist",
            "## What happened",
            "Shymkent, Kazakhstan, during the event “Women's rights workshop”",
            "The Constitution of Kazakhstan guarantees:",
            "(Constitution of the Republic of Kazakhstan of 2026, Article 1)",
            "Kazakhstan ratified the International Covenant on Civil and Political Rights on 24 January 2006",
            "it accepted the recommendation to ‘Guarantee an enabling environment for the civil society activities, activist groups and human rights defenders of LGBTI persons’",
            "## Our calls",
            "- release Zhanar Sekerbayeva and one other activist at once");
        Assert.Contains("The Constitution of the Republic of Kazakhstan adopted by referendum on 15 March 2026 has been in force since 1 July 2026", draft, StringComparison.Ordinal);
        Assert.DoesNotContain("1995", draft, StringComparison.Ordinal);
        Assert.DoesNotContain("Gulzada", draft, StringComparison.Ordinal);
        Assert.DoesNotContain("Serzhan", draft, StringComparison.Ordinal);
        Assert.DoesNotContain("Gulzada", attached, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_kazakh_ngo_gets_the_same_draft_in_kazakh_citing_the_2026_constitution_and_naming_only_the_consenting_co_founder()
    {
        var (ngo, reference) = await PressAsync("kk");
        var mail = host.StandIns.Emails.Single(m => m.To.Contains(ngo) && m.Subject!.Contains(reference, StringComparison.Ordinal));

        var draft = mail.Text![(mail.Text!.IndexOf("\n----\n", StringComparison.Ordinal) + 6)..];
        Assert.StartsWith("ШҰҒЫЛ: ұстап алу (Шымкент)", mail.Subject, StringComparison.Ordinal);
        Assert.Equal(draft.Trim(), Attachment(mail, ".md").Trim());
        InOrder(draft,
            "# [YOUR ORGANISATION] Қазақстандағы құқық қорғаушылардың ұсталуын айыптайды",
            "## Не болды",
            "Шымкент, Қазақстан) «Women's rights workshop» іс-шарасы барысында құқық қорғаушылар ұсталды. Ұсталғандар: Zhanar Sekerbayeva және тағы бір белсенді.",
            "Конституция мыналарға кепілдік береді:",
            "(Қазақстан Республикасының 2026 жылғы Конституциясы, 1-бап; біздің аудармамыз)",
            "Қазақстан Азаматтық және саяси құқықтар туралы халықаралық пактіні 2006 жылғы 24 қаңтарда ратификациялады",
            "«ЛГБТИ адамдардың азаматтық қоғам қызметі, белсенді топтары және құқық қорғаушылары үшін қолайлы ортаға кепілдік беру» деген ұсынымды қабылдады",
            "## Біздің үндеуіміз",
            "- ұсталғандарға заңда танылған құқық бұзушылық үшін айып тағылмаса, оларды дереу босатуға");
        Assert.Contains("2026 жылғы 1 шілдеден бастап күшінде", draft, StringComparison.Ordinal);
        Assert.DoesNotContain("1995", draft, StringComparison.Ordinal);
        Assert.DoesNotContain("Gulzada", draft, StringComparison.Ordinal);
        Assert.DoesNotContain("Serzhan", draft, StringComparison.Ordinal);
    }

    /// <summary>The press of 29 May in Shymkent, with a national NGO reading <paramref name="language"/>; returns its address and the alert's reference once its email is sent.</summary>
    private async Task<(string Ngo, string Reference)> PressAsync(string language)
    {
        var ngo = TestData.Email("ngo-kz");
        await Scenario.PutContactAsync(host, "ngo-kz-" + Guid.NewGuid().ToString("N")[..8],
            new { name = "Kazakh NGO", region = "KZ", role = "ngo", tier = 1, email = ngo, language });
        var organizer = await Responders.OrganizerAsync(host, "KZ-SHY", TestData.Phone());

        using var pressed = await host.SendAsync(HttpMethod.Post, "api/panic", organizer, new
        {
            region = "KZ-SHY",
            incident = "detention",
            location = new { lat = 42.3155, lon = 69.5869, accuracyM = 20, text = "Community centre, Tauke Khan Ave" },
            message = "Police took both co-founders to the station",
            people = new object[]
            {
                new { name = "Zhanar Sekerbayeva", role = "co-founder", publicName = true },
                new { name = "Gulzada Serzhan", role = "co-founder", publicName = false },
            },
            eventName = "Women's rights workshop",
        });
        Assert.Equal(HttpStatusCode.Accepted, pressed.StatusCode);
        var reference = Responders.Reference((await pressed.Content.ReadFromJsonAsync<JsonObject>())!["alertId"]!.GetValue<string>());
        await host.StandIns.WaitForAsync(r => r.Emails.Any(m => m.To.Contains(ngo) && m.Subject!.Contains(reference, StringComparison.Ordinal)), Patience.Delivery);
        return (ngo, reference);
    }

    /// <summary>Each part occurs in the text, after the one before it.</summary>
    private static void InOrder(string text, params string[] parts)
    {
        var at = 0;
        foreach (var part in parts)
        {
            var found = text.IndexOf(part, at, StringComparison.Ordinal);
            Assert.True(found >= 0, $"Not found after position {at}: {part}\n\n{text}");
            at = found + part.Length;
        }
    }

    private static string Attachment(RecordedEmail mail, string extension)
    {
        var attachment = mail.Raw["attachments"]!.AsArray().Single(a => a!["filename"]!.GetValue<string>().EndsWith(extension, StringComparison.Ordinal))!;
        return Encoding.UTF8.GetString(Convert.FromBase64String(attachment["content"]!.GetValue<string>()));
    }
}
