using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace RapidResponse.Bench;

/// <summary>Presses panic over HTTP as an organizer's app does; each press has its own message, so none is a repeat.</summary>
public static class Presses
{
    /// <summary>Presses and returns the alert id of the <c>202</c>; anything else throws.</summary>
    public static Task<string> PressAsync(BenchHost host, string token, string region, string message, CancellationToken cancellationToken) =>
        PressAsync(host.Client, token, region, message, cancellationToken);

    /// <summary>Presses through <paramref name="client"/> (one instance's address) and returns the alert id of the <c>202</c>.</summary>
    public static async Task<string> PressAsync(HttpClient client, string token, string region, string message, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/panic")
        {
            Content = JsonContent.Create(new
            {
                region,
                incident = "detention",
                location = new { lat = 42.3417, lon = 69.5901, accuracyM = 30, text = "Community centre, Tauke Khan Ave" },
                message,
                people = new[] { new { name = "Zhanar S.", role = "co-founder", publicName = true } },
            }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.StatusCode != HttpStatusCode.Accepted)
        {
            throw new InvalidOperationException($"A press answered {(int)response.StatusCode}: {body}");
        }

        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("alertId").GetString()!;
    }

    /// <summary>The reference an SMS carries: the alert id's last six characters, upper case.</summary>
    public static string Reference(string alertId) => alertId[^6..].ToUpperInvariant();
}
