using Azure.Data.Tables;
using RapidResponse.LocalHost.Storage;

namespace RapidResponse.Tests.Support;

/// <summary>
/// One Azurite for the storage tests of the whole run, started on free ports on first use. Each test takes
/// tables with unique names, so tests run in parallel without seeing each other's rows.
/// </summary>
public static class SharedAzurite
{
    private static readonly Lazy<Task<Azurite>> Instance = new(StartAsync);

    public static async Task<string> ConnectionStringAsync() => (await Instance.Value).ConnectionString;

    /// <summary>A new, empty table with a unique name.</summary>
    public static async Task<TableClient> NewTableAsync(string purpose)
    {
        var service = new TableServiceClient(await ConnectionStringAsync());
        var table = service.GetTableClient(purpose + Guid.NewGuid().ToString("N")[..12]);
        await table.CreateAsync();
        return table;
    }

    private static async Task<Azurite> StartAsync()
    {
        var azurite = await Azurite.StartAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => azurite.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return azurite;
    }
}
