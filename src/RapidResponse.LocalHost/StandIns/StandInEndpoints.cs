using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using RapidResponse.Security;

namespace RapidResponse.LocalHost.StandIns;

/// <summary>
/// Local stand-ins for Twilio's Messages API and SendGrid's v3 mail/send, reached through the real SDKs
/// (<c>Twilio__BaseUrl</c>, <c>SendGrid__BaseUrl</c>). They record what would have been sent, print it on the console
/// and list it at <c>/stand-ins</c>.
/// </summary>
public static partial class StandInEndpoints
{
    public const string TwilioPath = "/stand-ins/twilio";
    public const string SendGridPath = "/stand-ins/sendgrid";

    public static void MapStandIns(this WebApplication app)
    {
        app.MapPost(TwilioPath + "/2010-04-01/Accounts/{accountSid}/Messages.json", TwilioMessageAsync);
        app.MapPost(SendGridPath + "/v3/mail/send", SendGridMailAsync);
        app.MapGet("/stand-ins", (StandInRecorder recorder) => Results.Content(StandInPage.Render(recorder), "text/html; charset=utf-8"));
    }

    private static async Task<IResult> TwilioMessageAsync(
        string accountSid, HttpRequest request, StandInRecorder recorder, TimeProvider time, ILoggerFactory loggers)
    {
        if (await FaultAsync(recorder, "twilio") is { } fault)
        {
            return fault;
        }

        var form = await request.ReadFormAsync();
        var sid = "SM" + Guid.NewGuid().ToString("N");
        var message = new RecordedSms(
            sid, accountSid, BasicUser(request), form["To"].ToString(), Optional(form, "From"), Optional(form, "MessagingServiceSid"),
            form["Body"].ToString(), Optional(form, "StatusCallback"), Optional(form, "ValidityPeriod"), time.GetUtcNow());
        recorder.Add(message);
        LogSms(loggers.CreateLogger("StandIns.Twilio"), Pii.MaskPhone(message.To), Pii.MaskText(message.Body));

        var body = new JsonObject
        {
            ["sid"] = sid,
            ["account_sid"] = accountSid,
            ["to"] = message.To,
            ["from"] = message.From,
            ["messaging_service_sid"] = message.MessagingServiceSid,
            ["body"] = message.Body,
            ["status"] = "queued",
            ["num_segments"] = "1",
            ["direction"] = "outbound-api",
            ["api_version"] = "2010-04-01",
            ["date_created"] = time.GetUtcNow().ToString("R", CultureInfo.InvariantCulture),
            ["uri"] = $"/2010-04-01/Accounts/{accountSid}/Messages/{sid}.json",
        };
        return Results.Content(body.ToJsonString(), "application/json", Encoding.UTF8, StatusCodes.Status201Created);
    }

    private static async Task<IResult> SendGridMailAsync(HttpRequest request, StandInRecorder recorder, TimeProvider time, ILoggerFactory loggers)
    {
        if (await FaultAsync(recorder, "sendgrid") is { } fault)
        {
            return fault;
        }

        var mail = await JsonNode.ParseAsync(request.Body) ?? new JsonObject();
        var to = (mail["personalizations"]?.AsArray() ?? [])
            .SelectMany(p => p?["to"]?.AsArray() ?? [])
            .Select(t => t?["email"]?.GetValue<string>() ?? "")
            .ToList();
        var content = mail["content"]?.AsArray() ?? [];
        string? Content(string type) => content.FirstOrDefault(c => c?["type"]?.GetValue<string>() == type)?["value"]?.GetValue<string>();
        var messageId = Guid.NewGuid().ToString("N");
        var message = new RecordedEmail(
            messageId,
            request.Headers.Authorization.ToString(),
            to,
            mail["from"]?["email"]?.GetValue<string>(),
            mail["subject"]?.GetValue<string>(),
            Content("text/plain"),
            Content("text/html"),
            (mail["attachments"]?.AsArray() ?? []).Select(a => a?["filename"]?.GetValue<string>() ?? "").ToList(),
            mail,
            time.GetUtcNow());
        recorder.Add(message);
        LogEmail(loggers.CreateLogger("StandIns.SendGrid"), string.Join(", ", to.Select(Pii.MaskEmail)), message.Subject ?? "", Pii.MaskText(AsFirstRecipientSees(mail, message.Text ?? "")));

        request.HttpContext.Response.Headers["X-Message-Id"] = messageId;
        return Results.StatusCode(StatusCodes.Status202Accepted);
    }

    /// <summary>A batch's body has per-recipient substitutions (SendGrid applies them); show it as the first recipient reads it.</summary>
    private static string AsFirstRecipientSees(JsonNode mail, string text)
    {
        var personalizations = mail["personalizations"]?.AsArray() ?? [];
        if (personalizations.FirstOrDefault()?["substitutions"]?.AsObject() is { } substitutions)
        {
            foreach (var (placeholder, value) in substitutions)
            {
                text = text.Replace(placeholder, value?.GetValue<string>(), StringComparison.Ordinal);
            }
        }

        return personalizations.Count > 1 ? $"(one request for {personalizations.Count} recipients; as the first reads it)\n{text}" : text;
    }

    private static async Task<IResult?> FaultAsync(StandInRecorder recorder, string provider)
    {
        if (recorder.Latency > TimeSpan.Zero)
        {
            await Task.Delay(recorder.Latency);
        }

        if (recorder.Fault?.Invoke(provider) is not { } fault)
        {
            return null;
        }

        return new FaultResult(fault);
    }

    private static string? Optional(IFormCollection form, string key) => form.TryGetValue(key, out var value) ? value.ToString() : null;

    private static string? BasicUser(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..].Trim()));
        return decoded.Split(':', 2)[0];
    }

    private sealed class FaultResult(StandInFault fault) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = fault.StatusCode;
            if (fault.RetryAfterSeconds is { } seconds)
            {
                httpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            }

            httpContext.Response.ContentType = "application/json";
            var code = fault.StatusCode == 400 ? 21211 : 20500;
            await httpContext.Response.WriteAsync(
                $$"""{"code": {{code}}, "message": "Stand-in fault {{fault.StatusCode}}", "status": {{fault.StatusCode}}, "errors": [{"message": "Stand-in fault"}]}""");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "SMS to {To} would be sent:\n{Body}\n")]
    private static partial void LogSms(ILogger logger, string to, string body);

    [LoggerMessage(Level = LogLevel.Information, Message = "Email to {To} would be sent: {Subject}\n{Text}\n")]
    private static partial void LogEmail(ILogger logger, string to, string subject, string text);
}
