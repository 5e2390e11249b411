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
    [InlineData("yes please come")]
    [InlineData("Yes, on my way")]
    [InlineData("YES - 20 min")]
    [InlineData("Да, еду")]
    [InlineData("да еду в отдел")]
    [InlineData("Иә, барамын")]
    [InlineData("ok going")]
    [InlineData("Yes!!! 51b7e1")]
    public void Yes_AndItsEquivalents_Acknowledge(string body) =>
        Assert.Equal(InboundIntent.Acknowledge, InboundCommand.Parse(body, "SOS").Intent);

    [Theory]
    [InlineData("no", InboundIntent.Decline)]
    [InlineData("No, I'm in court all day", InboundIntent.Decline)]
    [InlineData("Нет, не могу", InboundIntent.Decline)]
    [InlineData("жоқ", InboundIntent.Decline)]
    [InlineData("stop the car", InboundIntent.None)]
    [InlineData("yesterday I was there", InboundIntent.None)]
    [InlineData("who is this?", InboundIntent.None)]
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

    [Theory]
    [InlineData("YES 51B7E1", "51B7E1")]
    [InlineData("да, 51b7e1, еду", "51B7E1")]
    [InlineData("no 7F3K2Q", "7F3K2Q")]
    [InlineData("Yes, on my way", null)]
    [InlineData("yes coming", null)]
    public void A_reference_after_yes_or_no_names_the_alert(string body, string? reference) =>
        Assert.Equal(reference, InboundCommand.Parse(body, "SOS").Reference);
}
