using System.Globalization;
using CsCheck;

namespace RapidResponse.Tests.Fuzz;

/// <summary>Generators of request bodies that are always wrong in at least one way, so none may be accepted.</summary>
internal static class MalformedInput
{
    private static readonly string[] KnownPanicFields = ["region", "incident", "location", "message", "people", "eventName", "eventId", "occurredAt", "silent"];

    private static readonly Gen<string> Text = Gen.String[Gen.Char, 0, 40];

    private static readonly Gen<string> JsonScalar = Gen.OneOf(
        Gen.Int.Select(i => i.ToString(CultureInfo.InvariantCulture)),
        Gen.Double.Select(d => double.IsFinite(d) ? d.ToString("R", CultureInfo.InvariantCulture) : "1e400"),
        Gen.OneOf<string>("true", "false", "null", "[]", "{}", "[1,2]", "\"\"", "{\"a\":{}}"),
        Text.Select(Quote));

    /// <summary>A panic body with at least one defect: syntax, shape, type, range, size or depth.</summary>
    public static readonly Gen<string> PanicBody = Gen.OneOf(
        // Broken syntax: a trailing comma (or worse) after arbitrary text.
        Text.Select(t => "{\"incident\":" + Quote(t) + ", "),
        Text.Select(t => "{" + t + ","),
        // Not an object at the root.
        JsonScalar.Where(s => !s.StartsWith('{')),
        // A known field of the wrong type.
        Gen.Select(Gen.OneOf<string>("incident", "region", "message", "silent", "occurredAt", "people", "location"), Gen.OneOf<string>("12", "[]", "{\"x\":1}", "true", "\"not-a-date\"", "-1e999"))
            .Where(p => !(p.Item1 is "message" or "region" or "incident" && p.Item2.StartsWith('"'))
                        && !(p.Item1 == "silent" && p.Item2 == "true")
                        && !(p.Item1 == "people" && p.Item2 == "[]"))
            .Select((field, value) => field == "incident" ? $"{{\"incident\":{value}}}" : $"{{\"incident\":\"attack\",\"{field}\":{value}}}"),
        // A field nobody knows.
        Text.Where(t => !KnownPanicFields.Contains(t, StringComparer.OrdinalIgnoreCase)).Select(t => $"{{\"incident\":\"attack\",{Quote("x_" + t)}:1}}"),
        // An incident that is not one.
        Text.Where(t => !new[] { "attack", "detention", "raid", "threat", "ban", "other" }.Contains(t, StringComparer.OrdinalIgnoreCase))
            .Select(t => $"{{\"incident\":{Quote(t)}}}"),
        // Coordinates off the planet.
        Gen.Double[90.000001, 1e12].Select(lat => $"{{\"incident\":\"attack\",\"location\":{{\"lat\":{lat.ToString("R", CultureInfo.InvariantCulture)},\"lon\":0}}}}"),
        Gen.Double[-1e12, -180.000001].Select(lon => $"{{\"incident\":\"attack\",\"location\":{{\"lat\":0,\"lon\":{lon.ToString("R", CultureInfo.InvariantCulture)}}}}}"),
        // Too long, too deep, too big.
        Gen.Int[501, 5000].Select(n => $"{{\"incident\":\"attack\",\"message\":\"{new string('m', n)}\"}}"),
        Gen.Int[17, 300].Select(depth => $"{{\"incident\":\"attack\",\"people\":{new string('[', depth)}{new string(']', depth)}}}"),
        Gen.Int[17_000, 40_000].Select(n => $"{{\"incident\":\"attack\",\"message\":\"{new string('x', n)}\"}}"));

    /// <summary>A contact body with at least one defect.</summary>
    public static readonly Gen<string> ContactBody = Gen.OneOf(
        Text.Select(t => "{\"name\":" + Quote(t) + ","),
        JsonScalar.Where(s => !s.StartsWith('{')),
        Text.Select(t => $"{{\"name\":\"A\",\"region\":\"KZ\",\"role\":{Quote(t)},\"phone\":\"+77011234567\"}}")
            .Where(b => !new[] { "\"lawyer\"", "\"ngo\"", "\"journalist\"", "\"diplomat\"", "\"ally\"" }.Any(r => b.Contains("\"role\":" + r, StringComparison.OrdinalIgnoreCase))),
        Text.Select(t => $"{{\"name\":\"A\",\"region\":\"KZ\",\"role\":\"lawyer\",\"phone\":{Quote("+" + t)}}}"),
        Gen.Int[10, 10_000].Select(tier => $"{{\"name\":\"A\",\"region\":\"KZ\",\"role\":\"ngo\",\"tier\":{tier},\"email\":\"a@example.org\"}}"),
        Text.Select(t => $"{{\"name\":\"A\",\"region\":\"KZ\",\"role\":\"ngo\",\"email\":\"a@example.org\",{Quote("x_" + t)}:true}}"));

    /// <summary>Path segments of any characters, escaped for a URL.</summary>
    public static readonly Gen<string> PathSegment = Gen.String[Gen.Char, 1, 60].Select(Uri.EscapeDataString);

    /// <summary>Header values a client should never send.</summary>
    public static readonly Gen<string> JunkToken = Gen.String[Gen.Char.AlphaNumeric, 0, 80];

    private static string Quote(string text) => System.Text.Json.JsonSerializer.Serialize(text);
}
