namespace RapidResponse.Responses;

/// <summary>What an inbound SMS asks for.</summary>
public enum InboundIntent
{
    None,
    Acknowledge,
    Stop,
    Start,
    Help,
    Panic,
}

/// <summary>An inbound SMS, understood: its intent and, for a panic, the words after the keyword.</summary>
public sealed record InboundCommand(InboundIntent Intent, string Rest = "")
{
    /// <summary>"Yes" in the languages of the service's lawyers: English, Russian, Kazakh (with the Cyrillic-only spelling), and the usual short forms.</summary>
    private static readonly HashSet<string> Yes = new(StringComparer.Ordinal) { "yes", "y", "ok", "okay", "1", "да", "иә", "ия", "иа" };

    /// <summary>Twilio's and the US carriers' standard opt-out, opt-in and help keywords.</summary>
    private static readonly HashSet<string> Stop = new(StringComparer.Ordinal) { "stop", "stopall", "unsubscribe", "cancel", "end", "quit", "стоп" };
    private static readonly HashSet<string> Start = new(StringComparer.Ordinal) { "start", "unstop" };
    private static readonly HashSet<string> Help = new(StringComparer.Ordinal) { "help", "info", "помощь" };

    /// <summary>Case, surrounding whitespace and trailing punctuation do not matter: "Yes!", " ДА ", "ok." all acknowledge.</summary>
    public static InboundCommand Parse(string? body, string panicKeyword)
    {
        var text = (body ?? "").Trim();
        var whole = Normalize(text);
        if (Yes.Contains(whole))
        {
            return new InboundCommand(InboundIntent.Acknowledge);
        }

        if (Stop.Contains(whole))
        {
            return new InboundCommand(InboundIntent.Stop);
        }

        if (Start.Contains(whole))
        {
            return new InboundCommand(InboundIntent.Start);
        }

        if (Help.Contains(whole))
        {
            return new InboundCommand(InboundIntent.Help);
        }

        var parts = text.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return parts.Length > 0 && string.Equals(Normalize(parts[0]), Normalize(panicKeyword), StringComparison.Ordinal)
            ? new InboundCommand(InboundIntent.Panic, parts.Length > 1 ? parts[1] : "")
            : new InboundCommand(InboundIntent.None);
    }

    private static string Normalize(string word) => word.Trim().TrimEnd('.', '!', ',', ';').Trim().ToLowerInvariant();
}
