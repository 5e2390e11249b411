using Microsoft.Extensions.Options;
using QRCoder;

namespace RapidResponse.Organizers;

/// <summary>
/// What a coordinator hands an organizer with a new token: the panic page's link signed in with it
/// (<c>/api/app#token=…</c>: the fragment never reaches a server or a log), and that link as a QR code to scan from
/// the coordinator's screen. Made only in the answer that shows the token, never stored.
/// </summary>
public sealed class SignInCards(IOptions<RapidResponseOptions> options)
{
    private const int PixelsPerModule = 8;

    public NewOrganizerResponse With(NewOrganizerResponse issued)
    {
        var link = options.Value.Link("api/app#token=" + Uri.EscapeDataString(issued.Token));
        return issued with { SignInLink = link, SignInQr = "data:image/png;base64," + Convert.ToBase64String(Png(link.AbsoluteUri)) };
    }

    public static byte[] Png(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return new PngByteQRCode(data).GetGraphic(PixelsPerModule);
    }
}
