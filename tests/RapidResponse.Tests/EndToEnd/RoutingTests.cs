using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using RapidResponse.Tests.Support;

namespace RapidResponse.Tests.EndToEnd;

/// <summary>Routes as the Functions host serves them: coordinators under /api/manage, nothing under /api/admin.</summary>
[Collection(LocalHostCollection.Name)]
public sealed class RoutingTests(LocalHostFixture host)
{
    [Theory]
    [InlineData("GET", "api/admin/contacts?region=KZ")]
    [InlineData("POST", "api/admin/organizers")]
    [InlineData("GET", "api/admin/poison/alerts")]
    public async Task NothingIsServedUnderApiAdmin_EvenWithTheAdminKey(string method, string path)
    {
        using var response = await host.SendAsync(new HttpMethod(method), path, host.Host.AdminKey, method == "POST" ? new { } : null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task TheCoordinatorsApi_AnswersUnderApiManage()
    {
        using var response = await host.SendAsync(HttpMethod.Get, "api/manage/poison/alerts", host.Host.AdminKey);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task AnUnknownRoute_IsAProblemJson404()
    {
        using var response = await host.SendAsync(HttpMethod.Get, "api/no-such-route", null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(404, problem["status"]!.GetValue<int>());
    }
}
