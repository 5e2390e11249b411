using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;
using RapidResponse.Dispatch;
using RapidResponse.Http;
using RapidResponse.Security;

namespace RapidResponse.Channels.Sms;

/// <summary>
/// Reads a Twilio webhook's form and checks its <c>X-Twilio-Signature</c> against the URL Twilio was given (the
/// public base URL, then path and query as they arrived). Either the verified form or the problem to answer.
/// </summary>
public static class TwilioSignedForm
{
    /// <summary>A webhook is a few hundred bytes; anything near this is not from Twilio.</summary>
    public const int MaxBodyBytes = 32 * 1024;

    public static async Task<Result<IFormCollection>> ReadAsync(
        HttpRequest request, string authToken, Uri publicBaseUrl, CancellationToken cancellationToken)
    {
        var signature = request.Headers[TwilioSignature.Header].ToString();
        if (string.IsNullOrEmpty(signature))
        {
            return FeedbackProblems.Unsigned(TwilioSignature.Header);
        }

        var body = await RequestBody.ReadAsync(request, MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            return Problem.TooLarge(MaxBodyBytes);
        }

        Dictionary<string, StringValues> form;
        try
        {
            using var reader = new FormReader(request.HasFormContentType ? System.Text.Encoding.UTF8.GetString(body) : "");
            form = reader.ReadForm();
        }
        catch (InvalidDataException)
        {
            return Problem.Malformed("The body is not a valid form.");
        }

        var parameters = form.SelectMany(field => field.Value.Select(value => KeyValuePair.Create(field.Key, value ?? "")));
        return TwilioSignature.IsValid(authToken, TwilioSignature.SignedUrls(request, publicBaseUrl), parameters, signature)
            ? new FormCollection(form)
            : FeedbackProblems.Forged();
    }
}
