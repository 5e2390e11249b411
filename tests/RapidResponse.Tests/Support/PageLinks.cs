using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using RapidResponse.Channels.Email;

namespace RapidResponse.Tests.Support;

/// <summary>Recipients' page links as the stand-ins recorded them: in an SMS body, or in one recipient's personalization of an email.</summary>
public static partial class PageLinks
{
    public static string? InText(string? text) => text is null ? null : Link().Match(text) is { Success: true } m ? m.Value : null;

    /// <summary>The page link of the alert SMS to a phone about an alert (by its reference).</summary>
    public static string FromSms(LocalHostFixture host, string phone, string reference) =>
        Responders.SmsTo(host, phone, reference).Select(InText).FirstOrDefault(l => l is not null)
        ?? throw new Xunit.Sdk.XunitException($"No page link in the SMS to that phone about {reference}.");

    /// <summary>The link one recipient of an email reads: their personalization's substitution, or the text itself for a single email.</summary>
    public static string FromEmail(LocalHostFixture host, string email, string reference)
    {
        foreach (var mail in host.StandIns.Emails.Where(m => m.To.Contains(email) && m.Subject!.Contains(reference, StringComparison.Ordinal)))
        {
            var mine = (mail.Raw["personalizations"]?.AsArray() ?? [])
                .FirstOrDefault(p => (p?["to"]?.AsArray() ?? []).Any(t => t?["email"]?.GetValue<string>() == email));
            var substituted = mine?["substitutions"]?[EmailBatch.LinkPlaceholder]?.GetValue<string>();
            if ((substituted ?? InText(mail.Text)) is { } link)
            {
                return link;
            }
        }

        throw new Xunit.Sdk.XunitException($"No page link in an email to that address about {reference}.");
    }

    public static string Code(string link) => link[(link.LastIndexOf('/') + 1)..];

    public static JsonObject Json(string text) => JsonNode.Parse(text)!.AsObject();

    [GeneratedRegex(@"https?://\S+/api/r/[0-9A-Za-z]{11}")]
    private static partial Regex Link();
}
