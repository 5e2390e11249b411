using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using RapidResponse.Alerts;
using RapidResponse.Contacts;
using RapidResponse.Responses;
using RapidResponse.Statements;

namespace RapidResponse.Tests.Statements;

public sealed class EmailTests
{
    private static readonly StatementAlertComposer Composer = Samples.Composer();

    [Fact]
    public void The_ngo_email_puts_the_facts_first_then_the_draft_and_attaches_it_as_docx_and_md()
    {
        var email = Composer.ComposeEmail(Samples.Full(Incident.Detention), new Recipient("Amnesty KZ", ContactRole.Ngo, "en"));

        var facts = email.Text.IndexOf("- Who: Zhanar Sekerbayeva (organiser); Gulzada Serzhan (not for publication)", StringComparison.Ordinal);
        var draft = email.Text.IndexOf("# [YOUR ORGANISATION] condemns the detention", StringComparison.Ordinal);
        Assert.InRange(facts, 0, draft);
        Assert.Contains("<h1>[YOUR ORGANISATION] condemns the detention of human rights defenders in Kazakhstan</h1>", email.Html, StringComparison.Ordinal);
        Assert.Contains("draft statement inside", email.Subject, StringComparison.Ordinal);
        Assert.Equal(["statement-detention-7f3k2q-en.docx", "statement-detention-7f3k2q-en.md"], email.Attachments.Select(a => a.FileName));
        Assert.StartsWith("**DRAFT — verify every fact", System.Text.Encoding.UTF8.GetString(email.Attachments[1].Content), StringComparison.Ordinal);
    }

    [Fact]
    public void Subjects_and_facts_name_the_place_not_the_region_code()
    {
        var en = Composer.ComposeEmail(Samples.Full(Incident.Detention), new Recipient("Amnesty KZ", ContactRole.Ngo, "en"));
        var ru = Composer.ComposeEmail(Samples.Full(Incident.Detention), new Recipient("Amnesty KZ", ContactRole.Journalist, "ru"));
        var country = Composer.ComposeEmail(Samples.Minimal(region: "KZ"), new Recipient("Ally", ContactRole.Ally, "en"));

        Assert.StartsWith("URGENT: detention in Shymkent: draft statement inside", en.Subject, StringComparison.Ordinal);
        Assert.StartsWith("СРОЧНО: задержание (Шымкент)", ru.Subject, StringComparison.Ordinal);
        Assert.Contains("(Shymkent)", en.Text, StringComparison.Ordinal);
        Assert.Contains("in Kazakhstan:", country.Subject, StringComparison.Ordinal);
        Assert.DoesNotContain("KZ-SHY", en.Subject + en.Text + ru.Subject + ru.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_follow_up_subject_names_the_place_in_the_recipients_language()
    {
        var statements = Samples.Statements();
        var alert = Samples.Full(Incident.Detention);
        var update = new FollowUpRecord(1, FollowUpKind.Update, "still-held", null, DateTimeOffset.UnixEpoch);

        var en = FollowUpEmails.Compose(alert, new Recipient("Amnesty KZ", ContactRole.Ngo, "en"), update, statements);
        var ru = FollowUpEmails.Compose(alert, new Recipient("Amnesty KZ", ContactRole.Ngo, "ru"), update, statements);

        Assert.StartsWith("UPDATE: detention in Shymkent (ref", en.Subject, StringComparison.Ordinal);
        Assert.StartsWith("НОВОСТИ: задержание (Шымкент)", ru.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public void A_follow_up_email_to_an_ngo_attaches_the_updated_draft_as_docx_and_md_like_the_first()
    {
        var statements = Samples.Statements();
        var alert = Samples.Full(Incident.Detention);
        var charged = new FollowUpRecord(2, FollowUpKind.Update, "charged", "Charged under article 378.", Samples.UpdatedAt);

        var ngo = FollowUpEmails.Compose(alert, new Recipient("Amnesty KZ", ContactRole.Ngo, "ru"), charged, statements);
        var lawyer = FollowUpEmails.Compose(alert, new Recipient("Aigerim", ContactRole.Lawyer, "ru"), charged, statements);

        Assert.Equal(["statement-7f3k2q-update-2-charged-ru.docx", "statement-7f3k2q-update-2-charged-ru.md"], ngo.Attachments.Select(a => a.FileName));
        var markdown = System.Text.Encoding.UTF8.GetString(ngo.Attachments[1].Content);
        Assert.Equal(statements.RenderFollowUp(alert, FollowUp.Charged, charged.Message, charged.At, "ru").Markdown, markdown);
        Assert.Contains("Дата этого обновления: 30 мая 2026 г.", markdown, StringComparison.Ordinal);
        using (var stream = new MemoryStream(ngo.Attachments[0].Content))
        using (var document = WordprocessingDocument.Open(stream, isEditable: false))
        {
            Assert.Contains(document.MainDocumentPart!.Document.Body!.Elements<Paragraph>(), p => p.InnerText.Contains("Charged under article 378.", StringComparison.Ordinal));
        }

        Assert.Contains("(также во вложении в форматах .docx и .md)", ngo.Text, StringComparison.Ordinal);
        Assert.Empty(lawyer.Attachments);
    }

    [Fact]
    public void The_docx_opens_with_openxml_and_holds_the_headline_as_a_heading_and_the_constitution_citation()
    {
        var email = Composer.ComposeEmail(Samples.Full(Incident.Attack), new Recipient("Amnesty KZ", ContactRole.Ngo, "ru"));
        var docx = email.Attachments.Single(a => a.FileName.EndsWith(".docx", StringComparison.Ordinal));

        using var stream = new MemoryStream(docx.Content);
        using var document = WordprocessingDocument.Open(stream, isEditable: false);
        var paragraphs = document.MainDocumentPart!.Document.Body!.Elements<Paragraph>().ToList();
        var heading = paragraphs.Single(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Heading1");

        Assert.Equal("[YOUR ORGANISATION] осуждает нападение на правозащитников в Казахстане", heading.InnerText);
        Assert.Contains(paragraphs, p => p.InnerText.Contains("(Конституция Республики Казахстан 2026 года, статья 1)", StringComparison.Ordinal));
        Assert.NotNull(document.MainDocumentPart.StyleDefinitionsPart?.Styles);
    }

    [Fact]
    public void Journalists_get_the_facts_with_consented_names_only_and_no_draft()
    {
        var email = Composer.ComposeEmail(Samples.Full(), new Recipient("Reporter", ContactRole.Journalist, "en"));

        Assert.Empty(email.Attachments);
        Assert.Contains("- Who: Zhanar Sekerbayeva and one other activist", email.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Gulzada", email.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("[YOUR ORGANISATION]", email.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Diplomats_get_a_notice_in_the_eu_guidelines_frame_not_the_press_statement()
    {
        var email = Composer.ComposeEmail(Samples.Full(Incident.Detention), new Recipient("EU Delegation", ContactRole.Diplomat, "en"));

        Assert.Empty(email.Attachments);
        Assert.Contains("European Union Guidelines on Human Rights Defenders", email.Text, StringComparison.Ordinal);
        Assert.Contains("observe any court hearing", email.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("[YOUR ORGANISATION]", email.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_encodes_what_the_organiser_typed()
    {
        var alert = Samples.Full() with { Message = "<script>alert(1)</script>" };

        var email = Composer.ComposeEmail(alert, new Recipient("NGO", ContactRole.Ngo, "en"));

        Assert.DoesNotContain("<script>", email.Html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", email.Html, StringComparison.Ordinal);
    }
}
