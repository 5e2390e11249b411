using System.Text;

namespace RapidResponse.Tests.Security;

/// <summary>Who calls: the organizer who owns the alert (A), another organizer (B), the admin, or nobody.</summary>
public enum Who
{
    OrganizerA,
    OrganizerB,
    Admin,
    Anonymous,
}

/// <summary>The outcome expected in one cell of the matrix.</summary>
public enum Expect
{
    /// <summary>2xx: the caller is let in and the request is served.</summary>
    Ok = 200,

    /// <summary>Let in, but the (deliberately harmless, invalid) request is refused on its merits: a 4xx other than 401/403/404.</summary>
    Admitted = 1,
    Unauthorized = 401,
    Forbidden = 403,
    NotFound = 404,
}

/// <summary>What the matrix knows when it builds a request: A's alert, a fresh alert of A's, the ids it may name.</summary>
public sealed record MatrixContext(string Region, string AlertId, Func<Task<string>> FreshAlertAsync, string SpareOrganizerId);

/// <summary>How to call one endpoint in the matrix, and what each caller must get.</summary>
public sealed record MatrixRow(
    Func<MatrixContext, Task<(string Path, HttpContent? Body)>> Request,
    Expect A,
    Expect B,
    Expect Admin,
    Expect Anonymous)
{
    public Expect For(Who who) => who switch
    {
        Who.OrganizerA => A,
        Who.OrganizerB => B,
        Who.Admin => Admin,
        _ => Anonymous,
    };
}

/// <summary>
/// The expected answer of every HTTP function outside <c>/api/manage</c> (keyed by its <c>[Function]</c> name) to
/// every kind of caller; the manage routes have their own matrix of roles and scope (<see cref="ManageMatrix"/>). A
/// new function without a row here fails <see cref="AuthorizationMatrixTests"/>, so no endpoint can be forgotten.
/// </summary>
public static class AuthorizationMatrix
{
    private const Expect Ok = Expect.Ok;
    private const Expect No = Expect.Unauthorized;
    private const Expect Hidden = Expect.NotFound;

    public static readonly IReadOnlyDictionary<string, MatrixRow> Rows = new Dictionary<string, MatrixRow>(StringComparer.Ordinal)
    {
        // Organizers: each acts on its own data; the admin key is not an organizer token.
        ["Panic"] = new(c => Path("api/panic", Json(new { region = c.Region, incident = "threat", message = "matrix" })), Ok, Expect.Forbidden, No, No),
        ["PutMe"] = new(_ => Path("api/me", Json(new { language = "en" })), Ok, Ok, No, No),
        ["RegisterEvent"] = new(c => Path("api/events", Json(Event(c.Region))), Ok, Expect.Forbidden, No, No),
        ["ListEvents"] = new(_ => Path("api/events"), Ok, Ok, No, No),

        // A's alert: A and the admin; B is told it does not exist.
        ["AlertStatus"] = new(c => Path($"api/alerts/{c.AlertId}"), Ok, Hidden, Ok, No),
        ["AlertRecord"] = new(c => Path($"api/alerts/{c.AlertId}/record"), Ok, Hidden, Ok, No),
        ["UpdateAlert"] = new(c => Path($"api/alerts/{c.AlertId}/updates", Json(new { status = "charged" })), Ok, Hidden, Ok, No),
        ["ResolveAlert"] = new(async c => ($"api/alerts/{await c.FreshAlertAsync()}/resolve", Json(new { outcome = "released" })), Ok, Hidden, Ok, No),

        // The one-click link: only its own token (not a bearer) is a credential.
        ["AcknowledgeAlert"] = new(c => Path($"api/alerts/{c.AlertId}/ack"), Hidden, Hidden, Hidden, Hidden),

        // A recipient's page: only the code in its path is a credential; a bearer token opens nothing.
        ["RecipientPage"] = new(_ => Path("api/r/AAAAAAAAAAA"), Hidden, Hidden, Hidden, Hidden),
        ["RecipientState"] = new(_ => Path("api/r/AAAAAAAAAAA/state"), Hidden, Hidden, Hidden, Hidden),
        ["RecipientAcknowledge"] = new(_ => Path("api/r/AAAAAAAAAAA/ack", Empty()), Hidden, Hidden, Hidden, Hidden),
        ["RecipientDecline"] = new(_ => Path("api/r/AAAAAAAAAAA/decline", Empty()), Hidden, Hidden, Hidden, Hidden),
        ["RecipientStatus"] = new(_ => Path("api/r/AAAAAAAAAAA/status", Json(new { status = "on-the-way" })), Hidden, Hidden, Hidden, Hidden),
        ["RecipientDraft"] = new(_ => Path("api/r/AAAAAAAAAAA/drafts/0.md"), Hidden, Hidden, Hidden, Hidden),

        // Webhooks: the provider's signature is the credential; no bearer token stands in for it. The local host has no
        // SendGrid verification key, so SendGrid fails closed with 403 for everyone (SendGridEventWebhookTests).
        ["TwilioStatus"] = new(_ => Path("api/webhooks/twilio/status", Form()), No, No, No, No),
        ["TwilioInbound"] = new(_ => Path("api/webhooks/twilio/inbound", Form()), No, No, No, No),
        ["TwilioVoice"] = new(_ => Path("api/webhooks/twilio/voice?ref=matrix", Form()), No, No, No, No),
        ["TwilioVoiceGather"] = new(_ => Path("api/webhooks/twilio/voice/gather?ref=matrix", Form()), No, No, No, No),
        ["TwilioVoiceStatus"] = new(_ => Path("api/webhooks/twilio/voice/status?ref=matrix", Form()), No, No, No, No),
        ["SendGridEvents"] = new(_ => Path("api/webhooks/sendgrid/events", Json(Array.Empty<object>())), Expect.Forbidden, Expect.Forbidden, Expect.Forbidden, Expect.Forbidden),

        // Public: the page and its files, health. The page config checks a token only when one is sent.
        ["PanicPage"] = new(_ => Path("api/app"), Ok, Ok, Ok, Ok),
        ["PanicPageAsset"] = new(_ => Path("api/app/assets/app.js"), Ok, Ok, Ok, Ok),
        ["PanicPageConfig"] = new(_ => Path("api/app/config"), Ok, Ok, No, Ok),
        ["ConsolePage"] = new(_ => Path("api/console"), Ok, Ok, Ok, Ok),
        ["ConsolePageAsset"] = new(_ => Path("api/console/assets/c-main.js"), Ok, Ok, Ok, Ok),
        ["Health"] = new(_ => Path("api/health"), Ok, Ok, Ok, Ok),
    };

    private static Task<(string, HttpContent?)> Path(string path, HttpContent? body = null) => Task.FromResult((path, body));

    private static StringContent Json<T>(T value) =>
        new(System.Text.Json.JsonSerializer.Serialize(value), Encoding.UTF8, "application/json");

    private static StringContent Empty() => new("", Encoding.UTF8, "application/json");

    private static FormUrlEncodedContent Form() => new([new("From", "+77010000000"), new("Body", "YES"), new("MessageSid", "SM1")]);

    private static object Event(string region) => new
    {
        name = "Matrix workshop",
        region,
        place = new { text = "Hall" },
        startsAt = DateTimeOffset.UtcNow.AddHours(1),
        endsAt = DateTimeOffset.UtcNow.AddHours(3),
    };
}
