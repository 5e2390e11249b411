using System.Text.RegularExpressions;

namespace RapidResponse.Responses;

/// <summary>What an inbound SMS asks for.</summary>
public enum InboundIntent
{
    None,
    Acknowledge,
    Decline,
    Stop,
    Start,
    Help,
    Panic,
}

/// <summary>
/// An inbound SMS, understood: its intent; for a panic, the words after the keyword; for YES or NO, the alert
/// reference it names, if any ("YES 51B7E1"), which picks that alert when the lawyer has several open.
/// </summary>
public sealed partial record InboundCommand(InboundIntent Intent, string Rest = "", string? Reference = null)
{
    /// <summary>"Yes" in the languages of the service's lawyers: English, Russian, Kazakh (with the Cyrillic-only spelling), and the usual short forms.</summary>
    private static readonly HashSet<string> Yes = new(StringComparer.Ordinal) { "yes", "y", "yeah", "yep", "ok", "okay", "1", "да", "ага", "иә", "ия", "иа", "ие" };

    /// <summary>"No": the lawyer cannot go.</summary>
    private static readonly HashSet<string> No = new(StringComparer.Ordinal) { "no", "n", "nope", "2", "нет", "не", "жоқ", "жок" };

    /// <summary>Twilio's and the US carriers' standard opt-out, opt-in and help keywords.</summary>
    private static readonly HashSet<string> Stop = new(StringComparer.Ordinal) { "stop", "stopall", "unsubscribe", "cancel", "end", "quit", "стоп", "тоқтат", "тоқтату" };
    private static readonly HashSet<string> Start = new(StringComparer.Ordinal) { "start", "unstop" };
    private static readonly HashSet<string> Help = new(StringComparer.Ordinal) { "help", "info", "помощь", "көмек" };

    /// <summary>
    /// Case, whitespace and punctuation do not matter, and what follows the first word is the writer's own: "Yes!",
    /// " ДА ", "Yes, on my way", "Да, еду", "иә барамын" acknowledge; "No, in court", "нет" decline. STOP, START and
    /// HELP count only alone, as carriers read them, so "stop the car" opts nobody out.
    /// </summary>
    public static InboundCommand Parse(string? body, string panicKeyword)
    {
        // Composed first: a phone may send "й" as "и" and a combining breve, which would split a word in two.
        var text = (body ?? "").Trim().Normalize(System.Text.NormalizationForm.FormC);
        var words = Words().Matches(text).Select(m => m.Value.ToLowerInvariant()).ToList();
        if (words.Count == 0)
        {
            return new InboundCommand(InboundIntent.None);
        }

        if (words.Count == 1 && Stop.Contains(words[0]))
        {
            return new InboundCommand(InboundIntent.Stop);
        }

        if (words.Count == 1 && Start.Contains(words[0]))
        {
            return new InboundCommand(InboundIntent.Start);
        }

        if (words.Count <= 2 && Help.Contains(words[0]))
        {
            return new InboundCommand(InboundIntent.Help);
        }

        var parts = text.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (string.Equals(Normalize(parts[0]), Normalize(panicKeyword), StringComparison.Ordinal))
        {
            return new InboundCommand(InboundIntent.Panic, parts.Length > 1 ? parts[1] : "");
        }

        var reference = words.Skip(1).FirstOrDefault(w => ReferenceWord().IsMatch(w))?.ToUpperInvariant();
        return words[0] switch
        {
            var w when Yes.Contains(w) => new InboundCommand(InboundIntent.Acknowledge, Reference: reference),
            var w when No.Contains(w) => new InboundCommand(InboundIntent.Decline, Reference: reference),
            _ => new InboundCommand(InboundIntent.None),
        };
    }

    private static string Normalize(string word) =>
        word.Normalize(System.Text.NormalizationForm.FormC).Trim().TrimEnd('.', '!', ',', ';').Trim().ToLowerInvariant();

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Words();

    // An alert reference: the last 6 characters of its id (Crockford base32, so digits and letters); it holds a digit.
    [GeneratedRegex(@"^(?=.*\d)[0-9a-z]{6}$")]
    private static partial Regex ReferenceWord();
}
