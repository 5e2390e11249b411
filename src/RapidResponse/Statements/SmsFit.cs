namespace RapidResponse.Statements;

/// <summary>
/// Fits a later SMS (a confirmation, an update, a resolution) into the first alert SMS's budget
/// (<see cref="SmsSegments.Budget"/>) with the recipient's page link last: the text gives up its tail, cut at a word
/// and marked, only as far as it must. The link is never cut: the page carries everything the text gave up.
/// </summary>
public static class SmsFit
{
    public static string WithLink(string text, Uri? pageLink)
    {
        var tail = pageLink is null ? "" : " " + pageLink.AbsoluteUri;
        var whole = text + tail;
        var cut = SmsSegments.EncodingOf(whole) == SmsEncoding.Gsm7 ? "..." : "…";
        var keep = text.Length - Math.Max(0, Over(whole));
        while (!Fits(whole) && keep > 0)
        {
            whole = SmsComposer.Truncate(text, keep, cut) + tail;
            keep--;
        }

        return whole;
    }

    /// <summary>The first of <paramref name="candidates"/> (fullest first) within the budget, else the last, the shortest.</summary>
    public static string FirstThatFits(IEnumerable<string> candidates)
    {
        var last = "";
        foreach (var candidate in candidates)
        {
            if (Fits(candidate))
            {
                return candidate;
            }

            last = candidate;
        }

        return last;
    }

    private static bool Fits(string text) => SmsSegments.Count(text) <= SmsSegments.Budget(text);

    private static int Over(string text) =>
        SmsSegments.Units(text) - SmsSegments.Capacity(SmsSegments.EncodingOf(text), SmsSegments.Budget(text));
}
