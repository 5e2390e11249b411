using System.Text;
using RapidResponse.Alerts;
using RapidResponse.Contacts;

namespace RapidResponse.Statements;

/// <summary>
/// Writes the alert SMS within its budget: <see cref="SmsSegments.Budget"/> (2 segments of GSM-7, 3 of UCS-2 for
/// Cyrillic and Kazakh). It always carries, in this order: the incident and who, the place (its words, or the map
/// link when only coordinates exist), when,
/// the note, "reply YES" with the reference, and the recipient's page link, which carries everything else. When the
/// text is too long it gives up, in this order: the brand, people's roles, the labels, the note's and then the place's
/// tail (cut at a word, marked) down to a few words, given names (initials, then family names only), long names'
/// tails, and only then the rest of the note and most of the place words. The page link and the
/// reply line are never given up.
/// </summary>
public static class SmsComposer
{
    /// <summary>The note and the place keep at least this much until the names are as short as they go.</summary>
    private const int Short = 24;

    public static string Compose(Alert alert, Recipient recipient, Uri? pageLink)
    {
        var phrases = SmsPhrases.For(recipient.Language);
        var people = Visible(alert, recipient.Role, phrases);
        var shape = new Shape(alert.Message?.Length ?? 0, alert.Location?.Text?.Length ?? 0, 100);
        var text = Render(alert, phrases, people, shape, pageLink, recipient.Lead);
        shape = shape with { Cut = SmsSegments.EncodingOf(text) == SmsEncoding.Gsm7 ? "..." : "…" };
        while (SmsSegments.Count(text) > SmsSegments.Budget(text) && Shrink(shape, text, alert) is { } smaller)
        {
            shape = smaller;
            text = Render(alert, phrases, people, shape, pageLink, recipient.Lead);
        }

        return text;
    }

    /// <summary>The next thing to give up, or null when only the essentials are left.</summary>
    private static Shape? Shrink(Shape shape, string text, Alert alert)
    {
        var over = SmsSegments.Units(text) - SmsSegments.Capacity(SmsSegments.EncodingOf(text), SmsSegments.Budget(text));
        var next = shape switch
        {
            { Brand: true } => shape with { Brand = false },
            { Roles: true } => shape with { Roles = false },
            { Labels: true } => shape with { Labels = false },
            { Message: > Short } => shape with { Message = Math.Max(Short, shape.Message - over - shape.Cut.Length) },
            { Place: > Short } => shape with { Place = Math.Max(Short, shape.Place - over - shape.Cut.Length) },
            { NameForm: < 2 } => shape with { NameForm = shape.NameForm + 1 },
            _ when shape.Name > 8 => shape with { Name = Math.Max(8, shape.Name - 4) },
            { Message: > 0 } => shape with { Message = 0 },
            { Place: > 12 } => shape with { Place = 12 },
            _ => shape,
        };
        return next == shape ? null : next;
    }

    private static string Render(Alert alert, SmsPhrases phrases, IReadOnlyList<Person> people, Shape shape, Uri? pageLink, string lead)
    {
        var text = new StringBuilder(lead);
        if (shape.Brand)
        {
            text.Append(phrases.Brand);
        }

        text.Append(phrases.Incident(alert.Incident)).Append(": ").Append(Sentences.End(Who(people, alert, phrases, shape))).Append(' ');
        var place = Truncate(alert.Location?.Text, shape.Place, shape.Cut);
        // The words say where to go; the map link stands in for them only when the phone knew nothing else (the page has both).
        var link = place.Length == 0 ? AlertFactsText.MapLink(alert) : null;
        if (place.Length > 0 || link is not null)
        {
            text.Append(shape.Labels ? phrases.Where : "").AppendJoin(' ', new[] { place, link }.Where(p => !string.IsNullOrEmpty(p))).Append(' ');
        }

        text.Append(shape.Labels ? phrases.When : "").Append(phrases.Time(alert.OccurredAt)).Append(". ");
        var message = Truncate(alert.Message, shape.Message, shape.Cut);
        if (message.Length > 0)
        {
            text.Append('"').Append(message).Append("\" ");
        }

        text.Append(phrases.ReplyYes).Append(' ').Append(phrases.Ref).Append(AlertFactsText.Reference(alert));
        if (pageLink is not null)
        {
            text.Append(' ').Append(pageLink.AbsoluteUri);
        }

        return text.ToString();
    }

    /// <summary>Lawyers get every name they need to find the people; others only those who agreed to be named.</summary>
    private static List<Person> Visible(Alert alert, ContactRole role, SmsPhrases phrases) =>
        role == ContactRole.Lawyer ? alert.People.ToList() : alert.People.Where(p => p.PublicName).ToList();

    private static string Who(IReadOnlyList<Person> people, Alert alert, SmsPhrases phrases, Shape shape)
    {
        var hidden = alert.People.Count - people.Count;
        if (people.Count == 0)
        {
            return hidden == 0 ? phrases.Nobody : phrases.Others(hidden).TrimStart('+');
        }

        var names = people.Select(p =>
        {
            var name = Truncate(Shorten(p.Name, shape.NameForm), shape.Name, shape.Cut);
            return shape.Roles && p.Role is { } r ? $"{name} ({r})" : name;
        });
        var who = string.Join(", ", names);
        return hidden == 0 ? who : who + " " + phrases.Others(hidden);
    }

    /// <summary>"Zhanar Sekerbayeva" → "Z. Sekerbayeva" → "Sekerbayeva": the family name is what a police register shows.</summary>
    private static string Shorten(string name, int form)
    {
        var parts = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return (parts.Length, form) switch
        {
            ( < 2, _) or (_, 0) => name,
            (_, 1) => string.Join(' ', parts[..^1].Select(p => p[0] + ".")) + " " + parts[^1],
            _ => parts[^1],
        };
    }

    // Below 8 characters a cut text says nothing ("Ci..."), so it goes entirely. A cut ends at a word when one ends
    // near enough, and is marked, so nobody reads a cut note as the whole of it.
    /// <summary>At most <paramref name="max"/> characters, cut at a word and marked with <paramref name="cut"/>; empty below 8.</summary>
    internal static string Truncate(string? text, int max, string cut)
    {
        if (string.IsNullOrWhiteSpace(text) || max < 8)
        {
            return "";
        }

        if (text.Length <= max)
        {
            return text;
        }

        var kept = text[..Math.Max(0, max - cut.Length)];
        var space = kept.LastIndexOf(' ');
        if (space >= kept.Length - 15 && space > 0)
        {
            kept = kept[..space];
        }

        return kept.TrimEnd(' ', ',', ';', ':', '.', '-', '«') + cut;
    }

    private readonly record struct Shape(int Message, int Place, int Name)
    {
        /// <summary>The cut mark: "…" costs nothing more in UCS-2, but would turn a GSM-7 text into UCS-2.</summary>
        public string Cut { get; init; } = "...";

        public bool Brand { get; init; } = true;

        public bool Roles { get; init; } = true;

        public bool Labels { get; init; } = true;

        /// <summary>0: full names; 1: initials and family name; 2: family name only.</summary>
        public int NameForm { get; init; }
    }
}
