using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace RapidResponse.Contacts;

/// <summary>
/// Reads and writes a contacts CSV with CsvHelper (RFC 4180: quoted fields may hold commas, quotes and line breaks; LF or CRLF),
/// from UTF-8 bytes with or without the byte-order mark Excel's "CSV UTF-8" writes. Blank lines are skipped.
/// </summary>
public static class Csv
{
    private static readonly CsvConfiguration Configuration = new(CultureInfo.InvariantCulture)
    {
        HasHeaderRecord = false, // the import reads its own header, to report unknown and missing columns
        DetectDelimiter = false,
        IgnoreBlankLines = true,
        BadDataFound = null, // a stray quote inside an unquoted field is kept as text, not a reason to refuse the file
    };

    /// <summary>
    /// What a spreadsheet could run as a formula (<c>= + - @</c>, tab, CR), and the apostrophe itself so a cell that
    /// truly starts with one survives a round trip. Export puts a <c>'</c> before such a cell; import takes it off.
    /// </summary>
    private static readonly char[] Neutralised = ['=', '+', '-', '@', '\t', '\r', '\''];

    private static readonly CsvConfiguration WriteConfiguration = new(CultureInfo.InvariantCulture)
    {
        InjectionOptions = InjectionOptions.Escape,
        InjectionCharacters = Neutralised,
        InjectionEscapeCharacter = '\'',
        NewLine = "\r\n",
    };

    /// <summary>UTF-8 with a byte-order mark (so Excel reads Cyrillic and Kazakh right), CRLF, formula cells neutralised.</summary>
    public static byte[] Write(IEnumerable<IReadOnlyList<string>> rows)
    {
        using var buffer = new MemoryStream();
        using (var text = new StreamWriter(buffer, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
        using (var writer = new CsvWriter(text, WriteConfiguration))
        {
            foreach (var row in rows)
            {
                foreach (var cell in row)
                {
                    writer.WriteField(cell);
                }

                writer.NextRecord();
            }
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// A cell as written before export neutralised it: one leading <c>'</c> is dropped when a neutralised character
    /// follows it (<c>'+77010000101</c> is the phone <c>+77010000101</c>); any other apostrophe is the cell's own.
    /// </summary>
    public static string Restore(string cell) =>
        cell.Length > 1 && cell[0] == '\'' && Neutralised.Contains(cell[1]) ? cell[1..] : cell;

    public static IEnumerable<IReadOnlyList<string>> ReadRows(byte[] utf8)
    {
        // The reader drops a UTF-8 byte-order mark, so an Excel file's first column is "name", not "\uFEFFname".
        using var text = new StreamReader(new MemoryStream(utf8), new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
        using var parser = new CsvParser(text, Configuration);
        while (parser.Read())
        {
            yield return parser.Record?.Select(Restore).ToArray() ?? [];
        }
    }

    public static IEnumerable<IReadOnlyList<string>> ReadRows(string text) => ReadRows(Encoding.UTF8.GetBytes(text));
}
