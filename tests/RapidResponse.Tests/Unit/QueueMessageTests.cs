using System.Text.Json;
using RapidResponse.Dispatch;
using RapidResponse.Storage;

namespace RapidResponse.Tests.Unit;

/// <summary>The optional traceparent keeps queue messages small and readable both ways.</summary>
public sealed class QueueMessageTests
{
    [Fact]
    public void MessagesWithoutTraceParent_ReadAsBefore_AndWriteNoExtraMember()
    {
        var message = JsonSerializer.Deserialize("""{"alertId":"a1","deliveryId":"d1"}""", QueueJson.Default.DeliveryMessage)!;

        Assert.Null(message.TraceParent);
        Assert.Equal("""{"alertId":"a1","deliveryId":"d1"}""", JsonSerializer.Serialize(message, QueueJson.Default.DeliveryMessage));
        Assert.Equal("""{"alertId":"a1"}""", JsonSerializer.Serialize(new AlertMessage("a1"), QueueJson.Default.AlertMessage));
    }

    [Fact]
    public void TraceParent_RoundTrips()
    {
        const string traceParent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
        var json = JsonSerializer.Serialize(new AlertMessage("a1", traceParent), QueueJson.Default.AlertMessage);

        Assert.Equal(traceParent, JsonSerializer.Deserialize(json, QueueJson.Default.AlertMessage)!.TraceParent);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"unexpected":"x"}""")]
    [InlineData("""{"deliveryId":"d1"}""")]
    public void AMessageWithoutItsIds_DoesNotBind_UnderTheContractsOptionsOrPlainOnes(string json)
    {
        // Plain options: what a host's own serializer (the isolated worker's) reads with.
        var plain = new JsonSerializerOptions { PropertyNameCaseInsensitive = true };

        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, QueueJson.Default.DeliveryMessage));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<DeliveryMessage>(json, plain));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<RapidResponse.Escalation.EscalationMessage>(json, plain));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, QueueJson.Default.AlertMessage));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<AlertMessage>(json, plain));
    }
}
