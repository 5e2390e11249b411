using RapidResponse.Alerts;
using RapidResponse.Statements;

namespace RapidResponse.Tests.Statements;

public sealed class FollowUpTests
{
    private static readonly StatementService Statements = Samples.Statements();

    [Theory]
    [InlineData(FollowUp.StillHeld, "still held")]
    [InlineData(FollowUp.Charged, "charged")]
    [InlineData(FollowUp.Released, "released")]
    [InlineData(FollowUp.Injured, "injured")]
    [InlineData(FollowUp.Resolved, "safe")]
    public void Each_follow_up_has_its_own_headline_and_stays_a_draft(FollowUp followUp, string headline)
    {
        var draft = Statements.RenderFollowUp(Samples.Full(Incident.Detention), followUp, null, Samples.UpdatedAt, "en");

        Assert.StartsWith("UPDATE: human rights defenders " + headline, draft.Title, StringComparison.Ordinal);
        Assert.Contains("DRAFT — verify every fact before publishing", draft.Markdown, StringComparison.Ordinal);
        Assert.Contains("Date of this update: 30 May 2026.", draft.Markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("The latest report", draft.Markdown, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(FollowUp.Released)]
    [InlineData(FollowUp.Resolved)]
    public void After_release_the_draft_no_longer_demands_a_release(FollowUp followUp)
    {
        var draft = Statements.RenderFollowUp(Samples.Full(Incident.Detention), followUp, null, Samples.UpdatedAt, "en").Markdown;

        Assert.DoesNotContain("- release ", draft, StringComparison.Ordinal);
        Assert.Contains("hold the perpetrators accountable", draft, StringComparison.Ordinal);
    }

    [Fact]
    public void The_update_message_is_quoted_as_a_report_to_verify()
    {
        var draft = Statements.RenderFollowUp(Samples.Full(Incident.Detention), FollowUp.Charged, "Charged under article 378.", Samples.UpdatedAt, "ru").Markdown;

        Assert.Contains("Последнее сообщение (проверить и переписать перед публикацией): «Charged under article 378.»", draft, StringComparison.Ordinal);
        Assert.Contains("Суть обвинений и статья закона: [уточнить].", draft, StringComparison.Ordinal);
        Assert.Contains("Дата этого обновления: 30 мая 2026 г.\n", draft, StringComparison.Ordinal);
    }
}
