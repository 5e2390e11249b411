using RapidResponse.Contacts;

namespace RapidResponse.Tests.Unit;

public sealed class CsvTests
{
    [Fact]
    public void ReadRows_HandlesQuotedCommasQuotesAndLineBreaks()
    {
        var rows = Csv.ReadRows("name,note\r\n\"Bureau, Almaty\",\"said \"\"hi\"\"\nthen left\"\n\nlast,row").ToList();

        Assert.Equal(3, rows.Count);
        Assert.Equal(["name", "note"], rows[0]);
        Assert.Equal(["Bureau, Almaty", "said \"hi\"\nthen left"], rows[1]);
        Assert.Equal(["last", "row"], rows[2]);
    }

    [Fact]
    public void ReadRows_KeepsEmptyCells() =>
        Assert.Equal(["a", "", "c", ""], Csv.ReadRows("a,,c,\n").Single());

    [Fact]
    public void ReadRows_DropsTheByteOrderMarkExcelWrites()
    {
        byte[] file = [.. System.Text.Encoding.UTF8.GetPreamble(), .. "name,region\r\nAigerim N.,KZ-SHY\r\n"u8];

        var rows = Csv.ReadRows(file).ToList();

        Assert.Equal(["name", "region"], rows[0]);
        Assert.Equal(["Aigerim N.", "KZ-SHY"], rows[1]);
    }

    [Fact]
    public void ReadRows_KeepsAStrayQuoteInsideAnUnquotedFieldAsText() =>
        Assert.Equal(["O\"Brien", "x"], Csv.ReadRows("O\"Brien,x\n").Single());
}
