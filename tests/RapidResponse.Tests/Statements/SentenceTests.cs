using RapidResponse.Alerts;
using RapidResponse.Contacts;
using RapidResponse.Statements;

namespace RapidResponse.Tests.Statements;

/// <summary>A name written with an initial ("Zhanar S.") ends a sentence with one full stop, not two.</summary>
public sealed class SentenceTests
{
    private static readonly StatementAlertComposer Composer = Samples.Composer();

    [Theory]
    [InlineData("en")]
    [InlineData("ru")]
    public void InitialEndingASentence_IsNotFollowedByASecondFullStop(string language)
    {
        var alert = Samples.Full(Incident.Attack) with { People = [new Person("Zhanar S.", null, PublicName: true)] };

        var sms = Composer.ComposeSms(alert, new Recipient("Aigerim", ContactRole.Lawyer, language)).Body;
        var email = Composer.ComposeEmail(alert, new Recipient("Rights Bureau", ContactRole.Ngo, language));

        Assert.Contains("Zhanar S.", sms, StringComparison.Ordinal);
        Assert.DoesNotContain("S..", sms, StringComparison.Ordinal);
        Assert.Contains("Zhanar S.", email.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("S..", email.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Zhanar S.", "Zhanar S.")]
    [InlineData("Zhanar Sekerbayeva", "Zhanar Sekerbayeva.")]
    public void End_AddsAFullStopOnlyWhereNoneIs(string text, string expected) => Assert.Equal(expected, Sentences.End(text));
}
