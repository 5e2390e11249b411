using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using RapidResponse.Channels.Email;
using RapidResponse.Dispatch;
using RapidResponse.Functions.Webhooks;
using RapidResponse.Security;

namespace RapidResponse.Tests.Webhooks;

/// <summary>The SendGrid event webhook end to end through the function class, against Azurite.</summary>
public sealed class SendGridEventWebhookTests : IDisposable
{
    private const string Path = "/api/webhooks/sendgrid/events";
    private readonly ECDsa key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly FakeLogger<SendGridEventWebhook> logger = new();

    public void Dispose() => key.Dispose();

    [Fact]
    public async Task SignedDelivered_MovesTheRowForward_AndAnswers204()
    {
        var fixture = await WebhookFixture.CreateAsync(Channel.Email);
        var body = Events(fixture, ("processed", null), ("delivered", null), ("open", null));

        var status = await PostAsync(fixture, body);

        Assert.Equal(StatusCodes.Status204NoContent, status);
        var row = await fixture.ReadAsync();
        Assert.Equal(DeliveryState.Delivered, row.State);
        Assert.Equal([DeliveryState.Pending, DeliveryState.Sent, DeliveryState.Delivered], row.History.Select(h => h.State));
    }

    [Fact]
    public async Task Bounce_IsUndeliverable_OnceWithOneTimelineEntry_AndALateDeliveredChangesNothing()
    {
        var fixture = await WebhookFixture.CreateAsync(Channel.Email);

        await PostAsync(fixture, Events(fixture, ("bounce", "5.1.1")));
        var bounced = await fixture.ReadAsync();
        await PostAsync(fixture, Events(fixture, ("bounce", "5.1.1")));
        await PostAsync(fixture, Events(fixture, ("delivered", null)));

        var row = await fixture.ReadAsync();
        Assert.Equal(DeliveryState.Undeliverable, row.State);
        Assert.Equal(bounced.Version, row.Version);
        Assert.Equal("sendgrid bounce 5.1.1", row.Error);
        Assert.Equal(["Email to Aigerim (ngo) failed: undeliverable"], await fixture.TimelineAsync());
    }

    [Fact]
    public async Task Dropped_IsFailed()
    {
        var fixture = await WebhookFixture.CreateAsync(Channel.Email);

        await PostAsync(fixture, Events(fixture, ("dropped", null)));

        Assert.Equal(DeliveryState.Failed, (await fixture.ReadAsync()).State);
    }

    [Fact]
    public async Task MissingHeaders_Are401ProblemJson_AndChangeNothing()
    {
        var fixture = await WebhookFixture.CreateAsync(Channel.Email);
        var body = Events(fixture, ("delivered", null));
        var unsigned = WebhookFixture.NewContext(Path, "", "application/json", body);
        var noTimestamp = NewContext(fixture, body, SignatureFor(body, Now(fixture)), timestamp: null);

        Assert.Equal(StatusCodes.Status401Unauthorized, await RunAsync(fixture, unsigned));
        Assert.Equal("application/problem+json", unsigned.Response.ContentType);
        Assert.Equal(StatusCodes.Status401Unauthorized, await RunAsync(fixture, noTimestamp));
        Assert.Equal(fixture.Delivery.Version, (await fixture.ReadAsync()).Version);
    }

    [Fact]
    public async Task ForgedOrTampered_Is403ProblemJson_AndChangesNothing()
    {
        var fixture = await WebhookFixture.CreateAsync(Channel.Email);
        var signed = Events(fixture, ("processed", null));
        var sent = Events(fixture, ("bounce", "5.1.1"));
        var tampered = NewContext(fixture, sent, SignatureFor(signed, Now(fixture)), Now(fixture));
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var otherKey = NewContext(fixture, sent, SendGridSignatureTests.Sign(other, Now(fixture), sent), Now(fixture));

        Assert.Equal(StatusCodes.Status403Forbidden, await RunAsync(fixture, tampered));
        Assert.Equal("application/problem+json", tampered.Response.ContentType);
        Assert.Equal(StatusCodes.Status403Forbidden, await RunAsync(fixture, otherKey));
        Assert.Equal(fixture.Delivery.Version, (await fixture.ReadAsync()).Version);
        Assert.Empty(await fixture.TimelineAsync());
    }

    [Fact]
    public async Task Replayed_AfterTheWindow_Is403_AndChangesNothing()
    {
        var fixture = await WebhookFixture.CreateAsync(Channel.Email);
        var body = Events(fixture, ("bounce", "5.1.1"));
        var timestamp = Now(fixture);
        var signature = SignatureFor(body, timestamp);

        fixture.Time.Advance(TimeSpan.FromMinutes(6));
        var status = await RunAsync(fixture, NewContext(fixture, body, signature, timestamp));

        Assert.Equal(StatusCodes.Status403Forbidden, status);
        Assert.Equal(fixture.Delivery.Version, (await fixture.ReadAsync()).Version);
    }

    [Fact]
    public async Task WithoutAConfiguredKey_EverythingIs403_AndTheWarningIsLoggedOnce()
    {
        var fixture = await WebhookFixture.CreateAsync(Channel.Email);
        var webhook = Webhook(fixture, publicKey: null);
        var body = Events(fixture, ("delivered", null));

        foreach (var context in new[]
                 {
                     NewContext(fixture, body, SignatureFor(body, Now(fixture)), Now(fixture)),
                     WebhookFixture.NewContext(Path, "", "application/json", body),
                 })
        {
            var result = await new SendGridEventsFunction(webhook).RunAsync(context.Request, CancellationToken.None);
            Assert.Equal(StatusCodes.Status403Forbidden, await WebhookFixture.ExecuteAsync(context, result));
        }

        Assert.Equal(fixture.Delivery.Version, (await fixture.ReadAsync()).Version);
        Assert.Single(logger.Collector.GetSnapshot(), r => r.Level == LogLevel.Warning && r.Message.Contains("WebhookPublicKey", StringComparison.Ordinal));
    }

    [Fact]
    public async Task UnknownReference_Is204_AndChangesNothing()
    {
        var fixture = await WebhookFixture.CreateAsync(Channel.Email);
        var body = Encoding.UTF8.GetBytes($$"""[{"event":"delivered","rr_ref":"{{fixture.Delivery.AlertId}}/INTL|nobody|email"},{"event":"delivered"}]""");

        Assert.Equal(StatusCodes.Status204NoContent, await PostAsync(fixture, body));
        Assert.Equal(fixture.Delivery.Version, (await fixture.ReadAsync()).Version);
    }

    private async Task<int> PostAsync(WebhookFixture fixture, byte[] body)
    {
        var timestamp = Now(fixture);
        return await RunAsync(fixture, NewContext(fixture, body, SignatureFor(body, timestamp), timestamp));
    }

    private async Task<int> RunAsync(WebhookFixture fixture, HttpContext context)
    {
        var function = new SendGridEventsFunction(Webhook(fixture, Convert.ToBase64String(key.ExportSubjectPublicKeyInfo())));
        return await WebhookFixture.ExecuteAsync(context, await function.RunAsync(context.Request, CancellationToken.None));
    }

    private SendGridEventWebhook Webhook(WebhookFixture fixture, string? publicKey) => new(
        Options.Create(new SendGridOptions { ApiKey = "SG.test", FromEmail = "alerts@example.org", WebhookPublicKey = publicKey }),
        fixture.Feedback,
        fixture.Time,
        logger);

    private string SignatureFor(byte[] body, string timestamp) => SendGridSignatureTests.Sign(key, timestamp, body);

    private static string Now(WebhookFixture fixture) => SendGridSignatureTests.Unix(fixture.Time.GetUtcNow());

    private static HttpContext NewContext(WebhookFixture fixture, byte[] body, string? signature, string? timestamp)
    {
        var context = WebhookFixture.NewContext(Path, "", "application/json", body);
        if (signature is not null)
        {
            context.Request.Headers[SendGridSignature.SignatureHeader] = signature;
        }

        if (timestamp is not null)
        {
            context.Request.Headers[SendGridSignature.TimestampHeader] = timestamp;
        }

        return context;
    }

    private static byte[] Events(WebhookFixture fixture, params (string Event, string? Status)[] events) =>
        Encoding.UTF8.GetBytes("[" + string.Join(',', events.Select(e =>
            $$"""{"email":"{{fixture.Delivery.Address}}","timestamp":1700000000,"event":"{{e.Event}}",{{(e.Status is null ? "" : $"\"status\":\"{e.Status}\",")}}"sg_message_id":"abc123.filter0001.1.2.0","rr_ref":"{{fixture.Reference}}"}""")) + "]");
}
