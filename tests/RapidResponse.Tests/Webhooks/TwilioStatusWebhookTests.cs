using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RapidResponse.Channels.Sms;
using RapidResponse.Dispatch;
using RapidResponse.Functions.Webhooks;
using RapidResponse.Security;
using RapidResponse.Tests.Support;

namespace RapidResponse.Tests.Webhooks;

/// <summary>The Twilio status callback end to end through the function class, against Azurite.</summary>
public sealed class TwilioStatusWebhookTests
{
    private const string AuthToken = "twilio-auth-token-for-tests";
    private const string Path = "/api/webhooks/twilio/status";
    private static readonly RapidResponseOptions Service = new() { AdminKey = new string('k', 32), PublicBaseUrl = new Uri("https://rr.example.org/") };

    [Fact]
    public async Task ValidDelivered_MovesTheRowForward_AndAnswers204()
    {
        var fixture = await WebhookFixture.CreateAsync(Channel.Sms);

        var status = await PostAsync(fixture, Form(("MessageSid", "SM-original"), ("MessageStatus", "delivered")));

        Assert.Equal(StatusCodes.Status204NoContent, status);
        var row = await fixture.ReadAsync();
        Assert.Equal(DeliveryState.Delivered, row.State);
        Assert.Equal(
            [DeliveryState.Pending, DeliveryState.Sent, DeliveryState.Delivered],
            row.History.Select(h => h.State));
    }

    [Fact]
    public async Task RepeatedAndLateCallbacks_ChangeNothing()
    {
        var fixture = await WebhookFixture.CreateAsync(Channel.Sms);
        await PostAsync(fixture, Form(("MessageSid", "SM-original"), ("MessageStatus", "delivered")));
        var delivered = await fixture.ReadAsync();

        fixture.Time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(204, await PostAsync(fixture, Form(("MessageSid", "SM-original"), ("MessageStatus", "delivered"))));
        Assert.Equal(204, await PostAsync(fixture, Form(("MessageSid", "SM-original"), ("MessageStatus", "sent"))));
        Assert.Equal(204, await PostAsync(fixture, Form(("MessageSid", "SM-original"), ("MessageStatus", "failed"), ("ErrorCode", "30008"))));

        var row = await fixture.ReadAsync();
        Assert.Equal(DeliveryState.Delivered, row.State);
        Assert.Equal(delivered.Version, row.Version);
    }

    [Fact]
    public async Task Undelivered_RecordsTheErrorCode_AndAddsOneTimelineEntry()
    {
        var fixture = await WebhookFixture.CreateAsync(Channel.Sms);

        await PostAsync(fixture, Form(("MessageSid", "SM-original"), ("MessageStatus", "undelivered"), ("ErrorCode", "30003")));
        await PostAsync(fixture, Form(("MessageSid", "SM-original"), ("MessageStatus", "undelivered"), ("ErrorCode", "30003")));

        var row = await fixture.ReadAsync();
        Assert.Equal(DeliveryState.Undeliverable, row.State);
        Assert.Contains("30003", row.Error, StringComparison.Ordinal);
        Assert.Equal(["SMS to Aigerim (lawyer) failed: undeliverable"], await fixture.TimelineAsync());
    }

    [Fact]
    public async Task QueuedWhileStillSending_MarksSent()
    {
        var fixture = await WebhookFixture.CreateAsync(Channel.Sms, DeliveryState.Sending);

        await PostAsync(fixture, Form(("MessageSid", "SM-original"), ("MessageStatus", "queued")));

        Assert.Equal(DeliveryState.Sent, (await fixture.ReadAsync()).State);
    }

    [Fact]
    public async Task MissingSignature_Is401ProblemJson_AndChangesNothing()
    {
        var fixture = await WebhookFixture.CreateAsync(Channel.Sms);
        var context = NewContext(fixture, Form(("MessageStatus", "failed")), signature: null);

        var status = await RunAsync(fixture, context);

        Assert.Equal(StatusCodes.Status401Unauthorized, status);
        Assert.Equal("application/problem+json", context.Response.ContentType);
        Assert.Equal(fixture.Delivery.Version, (await fixture.ReadAsync()).Version);
    }

    [Fact]
    public async Task ForgedSignature_Is403ProblemJson_AndChangesNothing()
    {
        var fixture = await WebhookFixture.CreateAsync(Channel.Sms);
        var form = Form(("MessageSid", "SM-original"), ("MessageStatus", "failed"));
        var signedWithWrongToken = TwilioSigner.Sign("not-the-token", PublicUrl(fixture), Pairs(form));
        var context = NewContext(fixture, form, signedWithWrongToken);

        var status = await RunAsync(fixture, context);

        Assert.Equal(StatusCodes.Status403Forbidden, status);
        Assert.Equal("application/problem+json", context.Response.ContentType);
        Assert.Equal(DeliveryState.Sent, (await fixture.ReadAsync()).State);
        Assert.Empty(await fixture.TimelineAsync());
    }

    [Fact]
    public async Task SignatureOverTheInternalUrl_IsRejected()
    {
        var fixture = await WebhookFixture.CreateAsync(Channel.Sms);
        var form = Form(("MessageStatus", "failed"));
        var internalUrl = "http://10.0.0.4:7071" + Path + Query(fixture);
        var context = NewContext(fixture, form, TwilioSigner.Sign(AuthToken, internalUrl, Pairs(form)));

        Assert.Equal(StatusCodes.Status403Forbidden, await RunAsync(fixture, context));
    }

    [Fact]
    public async Task TamperedParameter_IsRejected()
    {
        var fixture = await WebhookFixture.CreateAsync(Channel.Sms);
        var signed = Form(("MessageSid", "SM-original"), ("MessageStatus", "delivered"));
        var sent = Form(("MessageSid", "SM-original"), ("MessageStatus", "failed"));
        var context = NewContext(fixture, sent, TwilioSigner.Sign(AuthToken, PublicUrl(fixture), Pairs(signed)));

        Assert.Equal(StatusCodes.Status403Forbidden, await RunAsync(fixture, context));
        Assert.Equal(DeliveryState.Sent, (await fixture.ReadAsync()).State);
    }

    [Fact]
    public async Task UnknownReference_Is204_AndChangesNothing()
    {
        var fixture = await WebhookFixture.CreateAsync(Channel.Sms);

        var status = await PostAsync(fixture, Form(("MessageStatus", "failed")), reference: fixture.Delivery.AlertId + "/KZ-SHY|nobody|sms");

        Assert.Equal(StatusCodes.Status204NoContent, status);
        Assert.Equal(fixture.Delivery.Version, (await fixture.ReadAsync()).Version);
    }

    [Fact]
    public void SignedUrl_IsTheCallbackUrlTheSenderGaveTwilio()
    {
        // The sender builds the callback with RapidResponseOptions.Link and Twilio's SDK sends its OriginalString.
        var reference = "0190abcd/KZ-SHY|c1|sms";
        var given = Service.Link($"api/webhooks/twilio/status?ref={Uri.EscapeDataString(reference)}").OriginalString;
        var context = WebhookFixture.NewContext(Path, "?ref=" + Uri.EscapeDataString(reference), "application/x-www-form-urlencoded", []);

        Assert.Equal(given, TwilioSignature.SignedUrls(context.Request, Service.PublicBaseUrl)[0]);
        Assert.Equal(reference, context.Request.Query["ref"].ToString());
    }

    private static async Task<int> PostAsync(WebhookFixture fixture, string form, string? reference = null)
    {
        var url = PublicUrl(fixture, reference);
        var context = NewContext(fixture, form, TwilioSigner.Sign(AuthToken, url, Pairs(form)), reference);
        return await RunAsync(fixture, context);
    }

    private static async Task<int> RunAsync(WebhookFixture fixture, HttpContext context)
    {
        var function = new TwilioStatusFunction(Webhook(fixture.Feedback));
        return await WebhookFixture.ExecuteAsync(context, await function.RunAsync(context.Request, CancellationToken.None));
    }

    private static TwilioStatusWebhook Webhook(DeliveryFeedback feedback) => new(
        Options.Create(new TwilioOptions { AccountSid = "AC0", AuthToken = AuthToken, FromNumber = "+15005550006" }),
        Options.Create(Service),
        feedback,
        NullLogger<TwilioStatusWebhook>.Instance);

    private static HttpContext NewContext(WebhookFixture fixture, string form, string? signature, string? reference = null)
    {
        var context = WebhookFixture.NewContext(Path, Query(fixture, reference), "application/x-www-form-urlencoded", Encoding.UTF8.GetBytes(form));
        if (signature is not null)
        {
            context.Request.Headers[TwilioSignature.Header] = signature;
        }

        return context;
    }

    private static string Query(WebhookFixture fixture, string? reference = null) =>
        "?ref=" + Uri.EscapeDataString(reference ?? fixture.Reference);

    private static string PublicUrl(WebhookFixture fixture, string? reference = null) =>
        "https://rr.example.org" + Path + Query(fixture, reference);

    private static string Form(params (string Name, string Value)[] fields) =>
        string.Join('&', fields.Select(f => Uri.EscapeDataString(f.Name) + "=" + Uri.EscapeDataString(f.Value)));

    private static IEnumerable<KeyValuePair<string, string>> Pairs(string form) =>
        form.Split('&').Select(pair => pair.Split('=')).Select(p => KeyValuePair.Create(Uri.UnescapeDataString(p[0]), Uri.UnescapeDataString(p[1])));
}
