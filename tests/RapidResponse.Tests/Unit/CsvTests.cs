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

    [Fact]
    public void Write_PutsAnApostropheBeforeEveryCellASpreadsheetWouldRunAsAFormula()
    {
        var cells = new[] { "=HYPERLINK(\"http://x\")", "+77010000101", "-2+3", "@SUM(A1)", "\tx", "\rx", "'=1", "Айгерим", "a-b" };

        var text = System.Text.Encoding.UTF8.GetString(Csv.Write([cells])[3..]);
        var written = Parsed(text);

        Assert.Equal(["'=HYPERLINK(\"http://x\")", "'+77010000101", "'-2+3", "'@SUM(A1)", "'\tx", "'\rx", "''=1", "Айгерим", "a-b"], written);
    }

    [Fact]
    public void Write_ThenRead_GivesBackEveryCellAsItWas()
    {
        string[][] rows = [["contactId", "name", "phone"], ["c1", "=cmd|' /C calc'!A0", "+77010000101"], ["c2", "'Abdu, \"the\" lawyer\nline two", ""]];

        Assert.Equal(rows, Csv.ReadRows(Csv.Write(rows)).Select(r => r.ToArray()));
    }

    [Fact]
    public void Write_StartsWithAUtf8ByteOrderMark_AndEndsRowsInCrlf()
    {
        var bytes = Csv.Write([["name", "language"], ["Айгерим", "ru"]]);

        Assert.Equal(System.Text.Encoding.UTF8.GetPreamble(), bytes[..3]);
        Assert.Equal("name,language\r\nАйгерим,ru\r\n", System.Text.Encoding.UTF8.GetString(bytes[3..]));
        Assert.Equal("name", Csv.ReadRows(bytes).First()[0]);
    }

    [Fact]
    public void Read_DropsOnlyTheApostropheExportAdded()
    {
        Assert.Equal(["+77010000101", "'Abdu", "O'Brien", "'"], Csv.ReadRows("'+77010000101,'Abdu,O'Brien,'\n").Single());
    }

    private static string[] Parsed(string text)
    {
        using var parser = new CsvHelper.CsvParser(new StringReader(text), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(parser.Read());
        return parser.Record!;
    }
}
