using RapidResponse.Responses;

namespace RapidResponse.Tests.Unit;

public sealed class InboundCommandTests
{
    [Theory]
    [InlineData("YES")]
    [InlineData(" yes ")]
    [InlineData("Yes!")]
    [InlineData("да")]
    [InlineData("ДА")]
    [InlineData("Да.")]
    [InlineData("иә")]
    [InlineData("ИӘ")]
    [InlineData("ok")]
    [InlineData("OK")]
    [InlineData("1")]
    public void Yes_AndItsEquivalents_Acknowledge(string body) =>
        Assert.Equal(InboundIntent.Acknowledge, InboundCommand.Parse(body, "SOS").Intent);

    [Theory]
    [InlineData("yes please come", InboundIntent.None)]
    [InlineData("no", InboundIntent.None)]
    [InlineData("", InboundIntent.None)]
    [InlineData(null, InboundIntent.None)]
    [InlineData("STOP", InboundIntent.Stop)]
    [InlineData("unsubscribe", InboundIntent.Stop)]
    [InlineData("Help", InboundIntent.Help)]
    [InlineData("START", InboundIntent.Start)]
    [InlineData("SOS", InboundIntent.Panic)]
    [InlineData("sos", InboundIntent.Panic)]
    [InlineData("SOSO", InboundIntent.None)]
    public void OtherWords_AreUnderstoodAsCarriersExpect(string? body, InboundIntent expected) =>
        Assert.Equal(expected, InboundCommand.Parse(body, "SOS").Intent);

    [Fact]
    public void Panic_KeepsTheWordsAfterTheKeyword_AndTheKeywordIsConfigurable()
    {
        Assert.Equal("police at  the door", InboundCommand.Parse("SOS   police at  the door ", "SOS").Rest);
        Assert.Equal(InboundIntent.Panic, InboundCommand.Parse("Помогите срочно", "помогите").Intent);
        Assert.Equal(InboundIntent.None, InboundCommand.Parse("SOS now", "HELPME").Intent);
    }
}
