using System.Net;
using System.Text;

namespace RapidResponse.Statements;

/// <summary>A draft as simple HTML for an email body: every value encoded, since the facts come from a panic press.</summary>
public static class DraftHtml
{
    public static string Write(string markdown)
    {
        var html = new StringBuilder();
        var inList = false;
        foreach (var block in DraftBlock.Parse(markdown))
        {
            if (inList != (block.Kind == DraftBlockKind.Bullet))
            {
                html.Append(inList ? "</ul>" : "<ul>");
                inList = !inList;
            }

            var tag = block.Kind switch
            {
                DraftBlockKind.Heading1 => "h1",
                DraftBlockKind.Heading2 => "h2",
                DraftBlockKind.Bullet => "li",
                _ => "p",
            };
            html.Append('<').Append(tag).Append('>').Append(Inline(block)).Append("</").Append(tag).Append('>');
        }

        return html.Append(inList ? "</ul>" : "").ToString();
    }

    private static string Inline(DraftBlock block) =>
        string.Concat(block.Spans.Select((span, i) =>
            i % 2 == 1 ? $"<strong>{WebUtility.HtmlEncode(span)}</strong>" : WebUtility.HtmlEncode(span)));
}
