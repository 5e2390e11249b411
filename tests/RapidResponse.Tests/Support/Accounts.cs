using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace RapidResponse.Tests.Support;

/// <summary>Coordinator accounts made through the API with the admin key, for the tests that act as them.</summary>
public static class Accounts
{
    /// <summary>Creates an account; returns its id and token.</summary>
    public static async Task<(string Id, string Token)> CreateAsync(LocalHostFixture host, string role, params string[] regions)
    {
        using var response = await host.SendAsync(HttpMethod.Post, "api/manage/coordinators", host.Host.AdminKey,
            new { name = $"Test {role} {Guid.NewGuid().ToString("N")[..6]}", role, regions });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        return (created["coordinatorId"]!.GetValue<string>(), created["token"]!.GetValue<string>());
    }

    public static string IdOf(string token) => token[..token.IndexOf('.', StringComparison.Ordinal)];
}
