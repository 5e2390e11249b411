using System.Globalization;
using System.Text;
using RapidResponse.Alerts;
using RapidResponse.Contacts;

namespace RapidResponse.Statements;

/// <summary>
/// Writes the alert SMS within <see cref="MaxSegments"/> segments. The essentials (incident, who, map link, time,
/// "reply YES", reference) always stay; when the text is too long it gives up, in this order: the status link,
/// the organizer's message, the brand, people's roles, the labels, the place words (the map link stays),
/// given names (initials, then family names only), and last the tail of long names.
/// </summary>
public static class SmsComposer
{
    public const int MaxSegments = 2;
    private const string Cut = "...";

    public static string Compose(Alert alert, Recipient recipient, Uri? statusLink)
    {
        var phrases = SmsPhrases.For(recipient.Language);
        var people = Visible(alert, recipient.Role, phrases);
        var shape = new Shape(alert.Message?.Length ?? 0, alert.Location?.Text?.Length ?? 0, 100);
        var text = Render(alert, phrases, people, shape, statusLink);
        while (SmsSegments.Count(text) > MaxSegments && Shrink(shape, text, alert) is { } smaller)
        {
            shape = smaller;
            text = Render(alert, phrases, people, shape, statusLink);
        }

        return text;
    }

    /// <summary>The next thing to give up, or null when only the essentials are left.</summary>
    private static Shape? Shrink(Shape shape, string text, Alert alert)
    {
        var over = SmsSegments.Units(text) - SmsSegments.Capacity(SmsSegments.EncodingOf(text), MaxSegments);
        var minPlace = AlertFactsText.MapLink(alert) is null ? 20 : 0;
        var next = shape switch
        {
            { Status: true } => shape with { Status = false },
            { Message: > 0 } => shape with { Message = shape.Message - over - Cut.Length < 20 ? 0 : shape.Message - over - Cut.Length },
            { Brand: true } => shape with { Brand = false },
            { Roles: true } => shape with { Roles = false },
            { Labels: true } => shape with { Labels = false },
            _ when shape.Place > minPlace => shape with { Place = Math.Max(minPlace, shape.Place - over - Cut.Length) },
            { NameForm: < 2 } => shape with { NameForm = shape.NameForm + 1 },
            _ when shape.Name > 8 => shape with { Name = Math.Max(8, shape.Name - 4) },
            _ => shape,
        };
        return next == shape ? null : next;
    }

    private static string Render(Alert alert, SmsPhrases phrases, IReadOnlyList<Person> people, Shape shape, Uri? statusLink)
    {
        var text = new StringBuilder();
        if (shape.Brand)
        {
            text.Append(phrases.Brand);
        }

        text.Append(phrases.Incident(alert.Incident)).Append(": ").Append(Sentences.End(Who(people, alert, phrases, shape))).Append(' ');
        var place = Truncate(alert.Location?.Text, shape.Place);
        var link = AlertFactsText.MapLink(alert);
        if (place.Length > 0 || link is not null)
        {
            text.Append(shape.Labels ? phrases.Where : "").AppendJoin(' ', new[] { place, link }.Where(p => !string.IsNullOrEmpty(p))).Append(' ');
        }

        text.Append(shape.Labels ? phrases.When : "").Append(phrases.Time(alert.OccurredAt)).Append(". ");
        var message = Truncate(alert.Message, shape.Message);
        if (message.Length > 0)
        {
            text.Append('"').Append(message).Append("\" ");
        }

        text.Append(phrases.ReplyYes).Append(' ').Append(phrases.Ref).Append(AlertFactsText.Reference(alert));
        if (shape.Status && statusLink is not null)
        {
            text.Append(' ').Append(statusLink.AbsoluteUri);
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
            return hidden == 0 ? phrases.Nobody : string.Format(CultureInfo.InvariantCulture, phrases.Others, hidden).TrimStart('+');
        }

        var names = people.Select(p =>
        {
            var name = Truncate(Shorten(p.Name, shape.NameForm), shape.Name);
            return shape.Roles && p.Role is { } r ? $"{name} ({r})" : name;
        });
        var who = string.Join(", ", names);
        return hidden == 0 ? who : who + " " + string.Format(CultureInfo.InvariantCulture, phrases.Others, hidden);
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

    // Below 8 characters a cut text says nothing ("Ci..."), so it goes entirely.
    private static string Truncate(string? text, int max) =>
        string.IsNullOrWhiteSpace(text) || max < 8 ? ""
        : text.Length <= max ? text
        : text[..Math.Max(0, max - Cut.Length)].TrimEnd() + Cut;

    private readonly record struct Shape(int Message, int Place, int Name)
    {
        public bool Status { get; init; } = true;

        public bool Brand { get; init; } = true;

        public bool Roles { get; init; } = true;

        public bool Labels { get; init; } = true;

        /// <summary>0: full names; 1: initials and family name; 2: family name only.</summary>
        public int NameForm { get; init; }
    }
}
