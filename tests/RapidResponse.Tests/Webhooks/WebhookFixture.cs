using Azure.Data.Tables;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using RapidResponse.Alerts;
using RapidResponse.Contacts;
using RapidResponse.Dispatch;
using RapidResponse.Tests.Support;

namespace RapidResponse.Tests.Webhooks;

/// <summary>An Alerts table in Azurite with one delivery in it, and helpers to post to a webhook and read what it did.</summary>
internal sealed class WebhookFixture
{
    public static readonly DateTimeOffset Start = new(2026, 11, 24, 10, 6, 0, TimeSpan.Zero);

    private static readonly IServiceProvider Services = new ServiceCollection().AddLogging().BuildServiceProvider();

    private WebhookFixture(TableClient table, AlertStore store, Delivery delivery, FakeTimeProvider time, TestFallback fallback)
    {
        Table = table;
        Store = store;
        Delivery = delivery;
        Time = time;
        Fallback = fallback;
        Feedback = new DeliveryFeedback(Store, fallback.Fallback, Time, NullLogger<DeliveryFeedback>.Instance);
    }

    public FakeTimeProvider Time { get; }

    /// <summary>Where a failed delivery falls back to the contact's other channel.</summary>
    public TestFallback Fallback { get; }

    public TableClient Table { get; }

    public AlertStore Store { get; }

    /// <summary>The row as first stored, with its version: a row that still has it was not changed.</summary>
    public Delivery Delivery { get; }

    public DeliveryFeedback Feedback { get; }

    public string Reference => $"{Delivery.AlertId}/{Delivery.Id}";

    public static async Task<WebhookFixture> CreateAsync(Channel channel, DeliveryState state = DeliveryState.Sent)
    {
        var table = await SharedAzurite.NewTableAsync("webhooks");
        var alertId = Guid.NewGuid().ToString("N");
        var delivery = new Delivery(
            alertId,
            Delivery.IdFor("KZ-SHY", "c1", channel),
            "c1",
            "KZ-SHY",
            "Aigerim Seitkali",
            channel == Channel.Sms ? ContactRole.Lawyer : ContactRole.Ngo,
            channel,
            channel == Channel.Sms ? TestData.Phone() : TestData.Email("ngo"),
            "ru",
            state,
            Attempts: 1,
            ProviderId: "SM-original",
            Error: null,
            Start.AddMinutes(-1),
            SendingSince: null,
            [new DeliveryStep(DeliveryState.Pending, Start.AddMinutes(-1)), new DeliveryStep(state, Start.AddSeconds(-30))]);
        var store = new AlertStore(table);
        await store.AddDeliveriesAsync([delivery], CancellationToken.None);
        var stored = await store.GetDeliveryAsync(alertId, delivery.Id, CancellationToken.None);
        var time = new FakeTimeProvider(Start);
        return new WebhookFixture(table, store, stored!, time, await TestFallback.CreateAsync(store, time));
    }

    public async Task<Delivery> ReadAsync() =>
        (await Store.GetDeliveryAsync(Delivery.AlertId, Delivery.Id, CancellationToken.None))!;

    public async Task<IReadOnlyList<string>> TimelineAsync()
    {
        var texts = new List<string>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Delivery.AlertId} and RowKey ge {"t|"} and RowKey lt {"t}"}");
        await foreach (var row in Table.QueryAsync<TableEntity>(filter))
        {
            texts.Add(row.GetString("Text"));
        }

        return texts;
    }

    public static HttpContext NewContext(string path, string query, string contentType, byte[] body)
    {
        var context = new DefaultHttpContext { RequestServices = Services };
        context.Request.Method = "POST";
        context.Request.Scheme = "http";
        context.Request.Host = new HostString("10.0.0.4", 7071);
        context.Request.Path = path;
        context.Request.QueryString = new QueryString(query);
        context.Request.ContentType = contentType;
        context.Request.ContentLength = body.Length;
        context.Request.Body = new MemoryStream(body);
        context.Response.Body = new MemoryStream();
        return context;
    }

    /// <summary>Runs the function's result against the context, as the host would, and returns the status code.</summary>
    public static async Task<int> ExecuteAsync(HttpContext context, IResult result)
    {
        await result.ExecuteAsync(context);
        return context.Response.StatusCode;
    }
}
