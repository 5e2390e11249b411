using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace RapidResponse.Security;

/// <summary>
/// The one-click acknowledgement link in an alert email: <c>api/alerts/{alertId}/ack?token=…</c>, where the token
/// names the delivery and carries an HMAC-SHA256 over alert and delivery (key derived from the data key,
/// <see cref="RapidResponseOptions.DerivedKey"/>), so a link cannot be made for another delivery or alert.
/// </summary>
public sealed class AckLinks(IOptions<RapidResponseOptions> options)
{
    private readonly byte[] key = options.Value.DerivedKey("rapidresponse/ack-link/v1");

    public Uri For(string alertId, string deliveryId) =>
        options.Value.Link($"api/alerts/{alertId}/ack?token={Token(alertId, deliveryId)}");

    public string Token(string alertId, string deliveryId) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(deliveryId)) + "." + Base64Url.EncodeToString(Mac(alertId, deliveryId));

    /// <summary>The delivery the token was made for, when it verifies for this alert; else null.</summary>
    public string? Verify(string alertId, string? token)
    {
        if (token?.Split('.') is not [var id, var mac] || id.Length > 400 || mac.Length > 64)
        {
            return null;
        }

        try
        {
            var deliveryId = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(id));
            return CryptographicOperations.FixedTimeEquals(Mac(alertId, deliveryId), Base64Url.DecodeFromChars(mac)) ? deliveryId : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private byte[] Mac(string alertId, string deliveryId) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(alertId + "\n" + deliveryId));
}
