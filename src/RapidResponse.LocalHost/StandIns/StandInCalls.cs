using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using RapidResponse.Security;

namespace RapidResponse.LocalHost.StandIns;

/// <summary>
/// A stand-in for Twilio's Calls API: records the call (nobody's phone rings) and answers as Twilio does. A test, or
/// a developer, "answers" it by fetching the TwiML from the recorded <see cref="RecordedCall.Url"/> and posting the
/// digits to the <c>&lt;Gather&gt;</c> action, signed as Twilio signs.
/// </summary>
public static partial class StandInCalls
{
    public static async Task<IResult> PlaceAsync(
        string accountSid, HttpRequest request, StandInRecorder recorder, TimeProvider time, ILoggerFactory loggers)
    {
        var fault = await StandInEndpoints.FaultAsync(recorder, "twilio-call");
        if (fault is not null)
        {
            return new StandInEndpoints.FaultResult(fault);
        }

        var form = await request.ReadFormAsync();
        var call = new RecordedCall(
            "CA" + Guid.NewGuid().ToString("N"), accountSid, form["To"].ToString(), form["From"].ToString(), form["Url"].ToString(),
            StandInEndpoints.Optional(form, "StatusCallback"), StandInEndpoints.Optional(form, "MachineDetection"), time.GetUtcNow());
        recorder.Add(call);
        LogCall(loggers.CreateLogger("StandIns.Twilio"), Pii.MaskPhone(call.To));
        var json = new JsonObject
        {
            ["sid"] = call.Sid,
            ["account_sid"] = accountSid,
            ["to"] = call.To,
            ["from"] = call.From,
            ["status"] = "queued",
            ["direction"] = "outbound-api",
            ["api_version"] = "2010-04-01",
            ["date_created"] = call.ReceivedAt.ToString("R", CultureInfo.InvariantCulture),
            ["uri"] = $"/2010-04-01/Accounts/{accountSid}/Calls/{call.Sid}.json",
        };
        return Results.Content(json.ToJsonString(), "application/json", Encoding.UTF8, StatusCodes.Status201Created);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Call to {To} would be placed")]
    private static partial void LogCall(ILogger logger, string to);
}
