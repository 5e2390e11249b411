namespace RapidResponse.Statements;

/// <summary>What a line of a draft is: the small Markdown subset the templates write (headings, bullets, paragraphs).</summary>
public enum DraftBlockKind
{
    Heading1,
    Heading2,
    Bullet,
    Paragraph,
}

/// <summary>One block of a draft; <see cref="Spans"/> alternate plain and bold text (<c>**bold**</c>), starting plain.</summary>
public sealed record DraftBlock(DraftBlockKind Kind, IReadOnlyList<string> Spans)
{
    public string Text => string.Concat(Spans);

    /// <summary>Splits a draft into blocks, one per non-empty line, so .docx, HTML and .md carry the same structure.</summary>
    public static IReadOnlyList<DraftBlock> Parse(string markdown) =>
        markdown.Split('\n')
            .Where(line => line.Trim().Length > 0)
            .Select(line => line switch
            {
                _ when line.StartsWith("# ", StringComparison.Ordinal) => Of(DraftBlockKind.Heading1, line[2..]),
                _ when line.StartsWith("## ", StringComparison.Ordinal) => Of(DraftBlockKind.Heading2, line[3..]),
                _ when line.StartsWith("- ", StringComparison.Ordinal) => Of(DraftBlockKind.Bullet, line[2..]),
                _ => Of(DraftBlockKind.Paragraph, line),
            })
            .ToList();

    private static DraftBlock Of(DraftBlockKind kind, string text) => new(kind, text.Trim().Split("**"));
}
