using System.Globalization;

namespace RapidResponse.Tests.Support;

/// <summary>Unique, valid test identities, so parallel tests never share a recipient or a region.</summary>
public static class TestData
{
    private static int counter = Random.Shared.Next(1_000_000, 8_000_000);

    /// <summary>A valid Kazakh mobile number no other test uses.</summary>
    public static string Phone() =>
        "+7701" + Interlocked.Increment(ref counter).ToString("D7", CultureInfo.InvariantCulture);

    public static string Email(string who) => $"{who}-{Guid.NewGuid():N}@example.org";

    private static int country = Random.Shared.Next(0, 26 * 26);

    /// <summary>A country code and a region in it that no other test of this run uses, e.g. <c>QX</c> and <c>QX-A1B2C3</c>.</summary>
    public static (string Country, string Region) Region()
    {
        var n = Interlocked.Increment(ref country) % (26 * 26);
        var code = string.Concat((char)('A' + n / 26), (char)('A' + n % 26));
        return (code, $"{code}-{Guid.NewGuid().ToString("N")[..6].ToUpperInvariant()}");
    }
}
