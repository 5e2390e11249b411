using System.Net.Http.Headers;
using System.Text;
using Azure.Data.Tables;
using CsCheck;
using Microsoft.Extensions.DependencyInjection;
using RapidResponse.Storage;
using RapidResponse.Tests.Support;

namespace RapidResponse.Tests.Fuzz;

/// <summary>
/// Thousands of generated malformed bodies, headers and paths against the running host: always a 4xx with
/// problem+json, never a 500, never a stored row.
/// </summary>
[Collection(LocalHostCollection.Name)]
public sealed class EndpointFuzzTests(LocalHostFixture host)
{
    private const int Iterations = 1500;

    [Fact]
    public async Task MalformedPanicBodies_AreRefusedWithProblemJson_AndStoreNothing()
    {
        var scenario = await Scenario.CreateAsync(host);

        await MalformedInput.PanicBody.SampleAsync(
            async body => await AssertRefusedAsync(HttpMethod.Post, "api/panic", scenario.OrganizerToken, Json(body)),
            iter: Iterations, threads: 4);

        var organizerId = scenario.OrganizerToken.Split('.')[0];
        var idempotency = host.Host.Services.GetRequiredService<TableServiceClient>().GetTableClient(TableNames.Idempotency);
        Assert.Empty(await idempotency.QueryAsync<TableEntity>(e => e.PartitionKey == organizerId).ToListAsync());
        Assert.DoesNotContain(host.StandIns.Sms, s => scenario.LawyerPhones.Contains(s.To));
    }

    [Fact]
    public async Task JunkHeaders_AreRefusedWithProblemJson()
    {
        var scenario = await Scenario.CreateAsync(host);
        var valid = """{"incident":"threat"}""";

        await MalformedInput.JunkToken.SampleAsync(
            async token => await AssertRefusedAsync(HttpMethod.Post, "api/panic", token, Json(valid)),
            iter: 300, threads: 4);
        await MalformedInput.JunkToken.Select(t => "text/x" + t).SampleAsync(
            async contentType => await AssertRefusedAsync(
                HttpMethod.Post, "api/panic", scenario.OrganizerToken, new StringContent(valid, Encoding.UTF8, MediaTypeHeaderValue.Parse(contentType))),
            iter: 200, threads: 4);
        await Gen.Int[256, 2000].SampleAsync(
            async length =>
            {
                using var request = host.Request(HttpMethod.Post, "api/panic", scenario.OrganizerToken, Json("""{"incident":"ban","message":"bad key"}"""));
                request.Headers.TryAddWithoutValidation("Idempotency-Key", new string('k', length));
                await AssertRefusedAsync(request);
            },
            iter: 50, threads: 2);
        Assert.DoesNotContain(host.StandIns.Sms, s => scenario.LawyerPhones.Contains(s.To));
    }

    [Fact]
    public async Task GeneratedPaths_AreNotFoundOrRefused_NeverAnError()
    {
        await MalformedInput.PathSegment.SampleAsync(
            async segment =>
            {
                await AssertRefusedAsync(HttpMethod.Get, $"api/alerts/{segment}", host.Host.AdminKey);
                await AssertRefusedAsync(HttpMethod.Get, $"api/manage/poison/{segment}", host.Host.AdminKey);
            },
            iter: 500, threads: 4);
    }

    [Fact]
    public async Task MalformedAdminBodies_AreRefusedWithProblemJson()
    {
        await MalformedInput.ContactBody.SampleAsync(
            async body => await AssertRefusedAsync(HttpMethod.Put, "api/manage/contacts/fuzz", host.Host.AdminKey, Json(body)),
            iter: 800, threads: 4);
        await MalformedInput.PanicBody.SampleAsync(
            async body => await AssertRefusedAsync(HttpMethod.Post, "api/manage/organizers", host.Host.AdminKey, Json(body)),
            iter: 300, threads: 4);
    }

    [Fact]
    public async Task UnsignedWebhooks_AreRefused_WhateverTheBody()
    {
        await Gen.String.SampleAsync(
            async body =>
            {
                await AssertRefusedAsync(HttpMethod.Post, "api/webhooks/twilio/status", null, new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded"));
                await AssertRefusedAsync(HttpMethod.Post, "api/webhooks/sendgrid/events", null, Json(body));
            },
            iter: 300, threads: 4);
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private async Task AssertRefusedAsync(HttpMethod method, string path, string? bearer, HttpContent? content = null)
    {
        using var request = host.Request(method, path, bearer, content);
        await AssertRefusedAsync(request);
    }

    private async Task AssertRefusedAsync(HttpRequestMessage request)
    {
        using var response = await host.Client.SendAsync(request);
        var status = (int)response.StatusCode;
        Assert.True(status is >= 400 and < 500, $"{request.Method} {request.RequestUri} answered {status}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
