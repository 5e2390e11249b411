using RapidResponse.Responses;
using RapidResponse.Security;

namespace RapidResponse.Tests.Unit;

/// <summary>Kazakh replies to the service number: yes, no, stop, help, and a keyword or codeword in Kazakh letters.</summary>
public sealed class KazakhInboundTests
{
    [Theory]
    [InlineData("иә", InboundIntent.Acknowledge)]
    [InlineData("Иә, барамын", InboundIntent.Acknowledge)]
    [InlineData("жоқ", InboundIntent.Decline)]
    [InlineData("ЖОҚ", InboundIntent.Decline)]
    [InlineData("Жоқ, сотта отырмын", InboundIntent.Decline)]
    [InlineData("жок", InboundIntent.Decline)]
    [InlineData("көмек", InboundIntent.Help)]
    [InlineData("КӨМЕК", InboundIntent.Help)]
    [InlineData("тоқтат", InboundIntent.Stop)]
    [InlineData("Тоқтату", InboundIntent.Stop)]
    [InlineData("тоқтат көлікті", InboundIntent.None)]
    public void Kazakh_words_are_understood(string body, InboundIntent expected) =>
        Assert.Equal(expected, InboundCommand.Parse(body, "SOS").Intent);

    [Fact]
    public void A_kazakh_keyword_raises_a_panic_whatever_its_case_and_keeps_the_words_after_it()
    {
        var command = InboundCommand.Parse("дабыл Қайың полиция келді", "ДАБЫЛ");

        Assert.Equal(InboundIntent.Panic, command.Intent);
        Assert.Equal("Қайың полиция келді", command.Rest);
    }

    [Fact]
    public void A_word_sent_decomposed_is_read_as_composed()
    {
        // "Қайың" with "й" as "и" and a combining breve, as some keyboards send it.
        const string decomposed = "Қаи\u0306ың";

        Assert.Equal("Қайың полиция", InboundCommand.Parse("SOS " + decomposed + " полиция", "SOS").Rest);
        Assert.Equal(InboundIntent.Panic, InboundCommand.Parse("Қаи\u0306ың келді", "қайың").Intent);
    }

    [Fact]
    public void A_kazakh_codeword_matches_whatever_the_case_and_the_composition()
    {
        var salt = CodeHasher.NewSalt();
        var stored = CodeHasher.Hash("Қайың", salt);

        Assert.True(CodeHasher.Matches("қайың", salt, stored));
        Assert.True(CodeHasher.Matches("ҚАЙЫҢ", salt, stored));
        Assert.True(CodeHasher.Matches("қаи\u0306ың", salt, stored));
        Assert.False(CodeHasher.Matches("қайын", salt, stored));
    }

    [Fact]
    public void Replies_are_in_the_writers_language()
    {
        Assert.Equal("RapidResponse: дабыл көтерілді, №7F3K2Q. Көмекке хабарласып жатырмыз.", ReplyTexts.For("kk").Raised("7F3K2Q"));
        Assert.Contains("ИӘ", ReplyTexts.Kazakh.Help, StringComparison.Ordinal);
        Assert.Contains("ЖОҚ", ReplyTexts.Kazakh.Unclear, StringComparison.Ordinal);
        Assert.Equal(InboundSmsService.UnclearText("kk"), ReplyTexts.Kazakh.Unclear);
        Assert.Equal(InboundSmsService.HelpText, ReplyTexts.For("de").Help);
        Assert.Contains("ДА", ReplyTexts.For("ru").Help, StringComparison.Ordinal);
    }
}
