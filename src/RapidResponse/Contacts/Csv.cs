using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace RapidResponse.Contacts;

/// <summary>
/// Reads a contacts CSV with CsvHelper (RFC 4180: quoted fields may hold commas, quotes and line breaks; LF or CRLF),
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

    public static IEnumerable<IReadOnlyList<string>> ReadRows(byte[] utf8)
    {
        // The reader drops a UTF-8 byte-order mark, so an Excel file's first column is "name", not "\uFEFFname".
        using var text = new StreamReader(new MemoryStream(utf8), new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
        using var parser = new CsvParser(text, Configuration);
        while (parser.Read())
        {
            yield return parser.Record ?? [];
        }
    }

    public static IEnumerable<IReadOnlyList<string>> ReadRows(string text) => ReadRows(Encoding.UTF8.GetBytes(text));
}
