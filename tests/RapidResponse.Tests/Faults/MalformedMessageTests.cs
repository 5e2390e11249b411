using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Storage.Queues;
using RapidResponse.Storage;
using RapidResponse.Tests.Support;

namespace RapidResponse.Tests.Faults;

/// <summary>
/// The local host with two tries a second apart, set as on Azure by <c>AzureFunctionsJobHost</c> overrides of
/// host.json, so a message that can never run reaches its poison queue within seconds.
/// </summary>
public sealed class FastRetryHostFixture : LocalHostFixture
{
    protected override IEnumerable<KeyValuePair<string, string?>> MoreSettings =>
    [
        new("AzureFunctionsJobHost:extensions:queues:maxDequeueCount", "2"),
        new("AzureFunctionsJobHost:extensions:queues:visibilityTimeout", "00:00:01"),
    ];
}

/// <summary>
/// Messages no function can take, on every queue: not base64, not JSON, JSON of the wrong shape. None stops or
/// loops the host: each ends on a poison queue with a log line, and a press afterwards reaches every lawyer.
/// </summary>
public sealed class MalformedMessageTests(FastRetryHostFixture host) : IClassFixture<FastRetryHostFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public static TheoryData<string> Queues => [.. QueueNames.All];

    [Theory]
    [MemberData(nameof(Queues))]
    public async Task EachMalformedShape_EndsOnAPoisonQueue_AndTheHostStillServesAPress(string queue)
    {
        var marker = Guid.NewGuid().ToString("N");
        var notBase64 = $"not base64 {marker} %%";
        string[] undeliverable = [$"not JSON {marker}", $$"""{"unexpected":"{{marker}}"}""", $"""["{marker}"]""", $"\"{marker}\"", "{}"];
        var raw = new QueueClient(host.Host.App.Configuration["AzureWebJobsStorage"], queue, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None });
        await raw.CreateIfNotExistsAsync();
        var decodingFailures = DecodingFailures();
        await raw.SendMessageAsync(notBase64);
        foreach (var body in undeliverable)
        {
            await raw.SendMessageAsync(Convert.ToBase64String(Encoding.UTF8.GetBytes(body)));
        }

        // The others fail their two tries, reach the poison queue with a log line, and are parked for the operator.
        await WaitUntilAsync(async () => undeliverable.All((await ParkedAsync(queue)).Contains));
        Assert.Contains(host.Logs.Lines, l => l.Contains($"Moving message to queue '{QueueNames.Poison(queue)}'", StringComparison.Ordinal));

        // Not base64: the listener cannot decode it, so it moves it as it is, at once, to the poison queue, with a
        // warning. There it stays: the parking function cannot decode it either, and a poison queue has no poison
        // queue of its own, so the listener leaves it hidden (10 minutes at a time) until its time-to-live ends.
        Assert.True(DecodingFailures() > decodingFailures, "No warning that a message could not be decoded.");
        await WaitUntilAsync(async () => await CountAsync(QueueNames.Poison(queue)) == 1);

        var scenario = await Scenario.CreateAsync(host);
        await scenario.PressAsync();
        await host.StandIns.WaitForAsync(r => scenario.LawyerPhones.All(p => r.Sms.Any(s => s.To == p)), Patience);
    }

    private int DecodingFailures() => host.Logs.Lines.Count(l => l.Contains("Message decoding has failed", StringComparison.Ordinal));

    /// <summary>Messages on the queue, hidden ones included.</summary>
    private async Task<int> CountAsync(string queue) =>
        (await new QueueClient(host.Host.App.Configuration["AzureWebJobsStorage"], queue).GetPropertiesAsync()).Value.ApproximateMessagesCount;

    private async Task<IReadOnlyList<string>> ParkedAsync(string queue)
    {
        using var response = await host.SendAsync(HttpMethod.Get, $"api/manage/poison/{queue}", host.Host.AdminKey);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonArray>())!.Select(p => p!["body"]!.GetValue<string>()).ToList();
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "Not within " + Patience);
            await Task.Delay(200);
        }
    }
}
