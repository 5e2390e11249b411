using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace RapidResponse.Statements;

/// <summary>
/// A draft as a Word document the NGO edits and publishes: real Heading 1/Heading 2 styles (so the outline and
/// accessibility tools see the structure), bullets as list paragraphs, bold kept.
/// </summary>
public static class DraftDocx
{
    public static byte[] Write(string markdown)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = Styles();
            var body = new Body(DraftBlock.Parse(markdown).Select(Paragraph));
            main.Document = new Document(body);
        }

        return stream.ToArray();
    }

    private static Paragraph Paragraph(DraftBlock block)
    {
        var style = block.Kind switch
        {
            DraftBlockKind.Heading1 => "Heading1",
            DraftBlockKind.Heading2 => "Heading2",
            DraftBlockKind.Bullet => "ListBullet",
            _ => null,
        };
        var paragraph = new Paragraph();
        if (style is not null)
        {
            paragraph.Append(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        }

        var spans = block.Kind == DraftBlockKind.Bullet ? ["• " + block.Spans[0], .. block.Spans.Skip(1)] : block.Spans;
        for (var i = 0; i < spans.Count; i++)
        {
            var run = new Run(new Text(spans[i]) { Space = SpaceProcessingModeValues.Preserve });
            if (i % 2 == 1)
            {
                run.PrependChild(new RunProperties(new Bold()));
            }

            paragraph.Append(run);
        }

        return paragraph;
    }

    private static Styles Styles() => new(
        Style("Normal", "Normal", null, 22, bold: false),
        Style("Heading1", "heading 1", "Normal", 32, bold: true),
        Style("Heading2", "heading 2", "Normal", 26, bold: true),
        Style("ListBullet", "List Bullet", "Normal", 22, bold: false));

    private static Style Style(string id, string name, string? basedOn, int halfPoints, bool bold)
    {
        var style = new Style { Type = StyleValues.Paragraph, StyleId = id };
        style.Append(new StyleName { Val = name });
        if (basedOn is not null)
        {
            style.Append(new BasedOn { Val = basedOn });
        }

        var run = new StyleRunProperties(new FontSize { Val = halfPoints.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        if (bold)
        {
            run.PrependChild(new Bold());
        }

        style.Append(run);
        return style;
    }
}
