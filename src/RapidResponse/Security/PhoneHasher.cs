using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace RapidResponse.Security;

/// <summary>
/// Keyed hashes of phone numbers for the phone index, so that table is not a list of defenders' and lawyers'
/// numbers: HMAC-SHA256 under a key derived from the data key (<see cref="RapidResponseOptions.DerivedKey"/>; a
/// plain hash of a phone number is reversed by trying every number).
/// </summary>
public sealed class PhoneHasher(IOptions<RapidResponseOptions> options)
{
    private readonly byte[] key = options.Value.DerivedKey("rapidresponse/phone-index/v1");

    /// <summary>The hash of an E.164 number, as 64 hex characters (a valid table key).</summary>
    public string Hash(string e164) => Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(e164)));
}
