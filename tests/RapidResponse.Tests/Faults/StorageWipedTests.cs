using Azure.Data.Tables;
using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using RapidResponse.Contacts;
using RapidResponse.Tests.Support;

namespace RapidResponse.Tests.Faults;

/// <summary>Tables and queues deleted while the host runs are created again on first use: no restart needed.</summary>
public sealed class StorageWipedTests
{
    [Fact]
    public async Task TablesAndQueuesDeletedWhileRunning_NextPressStillAlertsTheLawyer_AndHealthRecovers()
    {
        await using var world = await FaultWorld.StartAsync(lawyers: 0);
        await DeleteAsync(world, tables: ["Alerts", "Contacts"], queues: ["alerts", "deliveries"]);

        var phone = TestData.Phone();
        world.Lawyers.Add(phone);
        await world.Host.Services.GetRequiredService<ContactStore>().PutManyAsync(
            [new Contact("lawyer-after-wipe", world.Region, "Lawyer After Wipe", ContactRole.Lawyer, 1, phone, null, "en", true)],
            CancellationToken.None);
        await world.PressAsync();

        await world.WaitUntilEveryLawyerHasAnSmsAsync(TimeSpan.FromMinutes(1));
        Assert.Equal(1, world.SmsTo(phone));

        // Health on its own finds the table and queue it probes missing, and answers healthy.
        await DeleteAsync(world, tables: ["Alerts"], queues: ["alerts"]);
        var health = await world.HealthAsync();
        Assert.Equal("healthy", health["status"]!.GetValue<string>());
    }

    private static async Task DeleteAsync(FaultWorld world, string[] tables, string[] queues)
    {
        var tableService = world.Host.Services.GetRequiredService<TableServiceClient>();
        var queueService = world.Host.Services.GetRequiredService<QueueServiceClient>();
        foreach (var table in tables)
        {
            await tableService.DeleteTableAsync(table);
        }

        foreach (var queue in queues)
        {
            Assert.True((await queueService.GetQueueClient(queue).DeleteIfExistsAsync()).Value);
        }
    }
}
