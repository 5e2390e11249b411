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
        app.MapGet(TwilioPath + "/2010-04-01/Accounts/{accountSid}/Messages.json", TwilioListAsync);
        app.MapPost(TwilioPath + "/2010-04-01/Accounts/{accountSid}/Calls.json", StandInCalls.PlaceAsync);
        app.MapPost(SendGridPath + "/v3/mail/send", SendGridMailAsync);
        app.MapGet("/stand-ins", (StandInRecorder recorder) => Results.Content(StandInPage.Render(recorder), "text/html; charset=utf-8"));
    }

    private static async Task<IResult> TwilioMessageAsync(
        string accountSid, HttpRequest request, StandInRecorder recorder, TimeProvider time, ILoggerFactory loggers)
    {
        var form = await request.ReadFormAsync();
        // WhatsApp can be failed on its own ("twilio-whatsapp"), as WhatsApp refuses a number SMS still reaches.
        var fault = await FaultAsync(recorder, form["To"].ToString().StartsWith("whatsapp:", StringComparison.Ordinal) ? "twilio-whatsapp" : "twilio");
        if (fault is not null and not { DropAfterTaking: true })
        {
            return new FaultResult(fault);
        }

        var sid = "SM" + Guid.NewGuid().ToString("N");
        var message = new RecordedSms(
            sid, accountSid, BasicUser(request), form["To"].ToString(), Optional(form, "From"), Optional(form, "MessagingServiceSid"),
            form["Body"].ToString(), Optional(form, "StatusCallback"), Optional(form, "ValidityPeriod"), time.GetUtcNow(),
            Optional(form, "ContentSid"), Optional(form, "ContentVariables"));
        recorder.Add(message);
        LogSms(loggers.CreateLogger("StandIns.Twilio"), StandInPage.Mask(message.To), Pii.MaskText(message.Body.Length > 0 ? message.Body : "template " + message.ContentSid));
        if (fault is { DropAfterTaking: true })
        {
            request.HttpContext.Abort();
            return Results.Empty;
        }

        return Results.Content(TwilioJson(message, "queued").ToJsonString(), "application/json", Encoding.UTF8, StatusCodes.Status201Created);
    }

    /// <summary>
    /// Twilio's Messages list as its API answers it: filtered by <c>To</c>, <c>From</c> and <c>DateSent</c> (the
    /// SDK writes <c>DateSent&gt;=</c> and <c>DateSent&lt;=</c> as the keys <c>DateSent&gt;</c> and <c>DateSent&lt;</c>),
    /// newest first, one page.
    /// </summary>
    private static async Task<IResult> TwilioListAsync(string accountSid, HttpRequest request, StandInRecorder recorder)
    {
        var fault = await FaultAsync(recorder, "twilio");
        if (fault is { DropAfterTaking: true })
        {
            request.HttpContext.Abort();
            return Results.Empty;
        }

        if (fault is not null)
        {
            return new FaultResult(fault);
        }

        var query = request.Query;
        DateTimeOffset? Date(string key) => query.TryGetValue(key, out var value) && DateTimeOffset.TryParse(
            value.ToString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date) ? date : null;
        var to = query["To"].ToString();
        var from = query["From"].ToString();
        var (on, after, before) = (Date("DateSent"), Date("DateSent>"), Date("DateSent<"));
        var pageSize = int.TryParse(query["PageSize"], CultureInfo.InvariantCulture, out var size) ? Math.Clamp(size, 1, 1000) : 50;
        var listed = recorder.Sms
            .Where(m => m.AccountSid == accountSid)
            .Where(m => to.Length == 0 || m.To == to)
            .Where(m => from.Length == 0 || m.From == from)
            .Where(m => on is null || m.ReceivedAt.UtcDateTime.Date == on.Value.UtcDateTime.Date)
            .Where(m => after is null || m.ReceivedAt >= after)
            .Where(m => before is null || m.ReceivedAt <= before)
            .OrderByDescending(m => m.ReceivedAt)
            .Take(pageSize)
            .Select(m => (JsonNode)TwilioJson(m, "sent"))
            .ToArray();
        var uri = $"/2010-04-01/Accounts/{accountSid}/Messages.json{request.QueryString}";
        var page = new JsonObject
        {
            ["messages"] = new JsonArray(listed),
            ["first_page_uri"] = uri,
            ["next_page_uri"] = null,
            ["previous_page_uri"] = null,
            ["uri"] = uri,
            ["page"] = 0,
            ["page_size"] = pageSize,
            ["start"] = 0,
            ["end"] = Math.Max(listed.Length - 1, 0),
        };
        return Results.Content(page.ToJsonString(), "application/json", Encoding.UTF8, StatusCodes.Status200OK);
    }

    private static JsonObject TwilioJson(RecordedSms message, string status) => new()
    {
        ["sid"] = message.Sid,
        ["account_sid"] = message.AccountSid,
        ["to"] = message.To,
        ["from"] = message.From,
        ["messaging_service_sid"] = message.MessagingServiceSid,
        ["body"] = message.Body,
        ["status"] = status,
        ["num_segments"] = "1",
        ["direction"] = "outbound-api",
        ["api_version"] = "2010-04-01",
        ["date_created"] = message.ReceivedAt.ToString("R", CultureInfo.InvariantCulture),
        ["date_sent"] = status == "queued" ? null : message.ReceivedAt.ToString("R", CultureInfo.InvariantCulture),
        ["uri"] = $"/2010-04-01/Accounts/{message.AccountSid}/Messages/{message.Sid}.json",
    };

    private static async Task<IResult> SendGridMailAsync(HttpRequest request, StandInRecorder recorder, TimeProvider time, ILoggerFactory loggers)
    {
        var fault = await FaultAsync(recorder, "sendgrid");
        if (fault is not null and not { DropAfterTaking: true })
        {
            return new FaultResult(fault);
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

        if (fault is { DropAfterTaking: true })
        {
            request.HttpContext.Abort();
            return Results.Empty;
        }

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

    internal static async Task<StandInFault?> FaultAsync(StandInRecorder recorder, string provider)
    {
        if (recorder.Latency > TimeSpan.Zero)
        {
            await Task.Delay(recorder.Latency);
        }

        return recorder.Fault?.Invoke(provider);
    }

    internal static string? Optional(IFormCollection form, string key) => form.TryGetValue(key, out var value) ? value.ToString() : null;

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

    internal sealed class FaultResult(StandInFault fault) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = fault.StatusCode;
            if (fault.RetryAfterSeconds is { } seconds)
            {
                httpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            }

            httpContext.Response.ContentType = "application/json";
            // Twilio's own codes: an invalid number (or, for WhatsApp, not a WhatsApp user), authentication failed, or a server error.
            var code = fault.StatusCode switch { 400 => 21211, 401 => 20003, _ => 20500 };
            await httpContext.Response.WriteAsync(
                $$"""{"code": {{code}}, "message": "Stand-in fault {{fault.StatusCode}}", "status": {{fault.StatusCode}}, "errors": [{"message": "Stand-in fault"}]}""");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "SMS to {To} would be sent:\n{Body}\n")]
    private static partial void LogSms(ILogger logger, string to, string body);

    [LoggerMessage(Level = LogLevel.Information, Message = "Email to {To} would be sent: {Subject}\n{Text}\n")]
    private static partial void LogEmail(ILogger logger, string to, string subject, string text);
}
