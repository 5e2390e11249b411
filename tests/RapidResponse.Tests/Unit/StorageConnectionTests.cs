using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Queues;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RapidResponse.Storage;

namespace RapidResponse.Tests.Unit;

/// <summary><c>AzureWebJobsStorage</c> in each form the Functions host accepts gives the app clients for the same account.</summary>
public sealed class StorageConnectionTests
{
    private const string AzuriteLike =
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
        "TableEndpoint=http://127.0.0.1:10102/devstoreaccount1;QueueEndpoint=http://127.0.0.1:10101/devstoreaccount1;";

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddRapidResponseStorage(configuration);
        return services.BuildServiceProvider();
    }

    [Fact]
    public void A_connection_string_gives_its_own_table_and_queue_endpoints()
    {
        using var services = Build(new() { ["AzureWebJobsStorage"] = AzuriteLike });

        var tables = services.GetRequiredService<TableServiceClient>();
        var queues = services.GetRequiredService<QueueServiceClient>();

        Assert.Equal(new Uri("http://127.0.0.1:10102/devstoreaccount1"), tables.Uri);
        Assert.Equal(new Uri("http://127.0.0.1:10101/devstoreaccount1"), queues.Uri);
        Assert.Equal("devstoreaccount1", tables.AccountName);
        Assert.True(queues.CanGenerateAccountSasUri, "A key-based connection signs with its account key.");
    }

    [Fact]
    public void An_account_name_gives_the_accounts_public_endpoints()
    {
        using var services = Build(new()
        {
            ["AzureWebJobsStorage:accountName"] = "rrprodstore",
            ["AzureWebJobsStorage:credential"] = "managedidentity",
            ["AzureWebJobsStorage:clientId"] = "00000000-0000-0000-0000-000000000001",
        });

        Assert.Equal(new Uri("https://rrprodstore.table.core.windows.net"), services.GetRequiredService<TableServiceClient>().Uri);
        Assert.Equal(new Uri("https://rrprodstore.queue.core.windows.net"), services.GetRequiredService<QueueServiceClient>().Uri);
        Assert.False(services.GetRequiredService<QueueServiceClient>().CanGenerateAccountSasUri, "An identity-based connection holds no key.");
    }

    [Fact]
    public void Service_uris_give_those_endpoints()
    {
        using var services = Build(new()
        {
            ["AzureWebJobsStorage:tableServiceUri"] = "https://rrstore.privatelink.table.core.windows.net/",
            ["AzureWebJobsStorage:queueServiceUri"] = "https://rrstore.privatelink.queue.core.windows.net/",
            ["AzureWebJobsStorage:credential"] = "managedidentity",
        });

        Assert.Equal(new Uri("https://rrstore.privatelink.table.core.windows.net/"), services.GetRequiredService<TableServiceClient>().Uri);
        Assert.Equal(new Uri("https://rrstore.privatelink.queue.core.windows.net/"), services.GetRequiredService<QueueServiceClient>().Uri);
    }

    [Fact]
    public void The_account_name_wins_over_service_uris_as_on_the_host()
    {
        using var services = Build(new()
        {
            ["AzureWebJobsStorage:accountName"] = "rrprodstore",
            ["AzureWebJobsStorage:queueServiceUri"] = "https://elsewhere.queue.core.windows.net/",
        });

        Assert.Equal(new Uri("https://rrprodstore.queue.core.windows.net"), services.GetRequiredService<QueueServiceClient>().Uri);
    }

    [Fact]
    public void The_identity_settings_make_the_user_assigned_managed_identity_credential()
    {
        var section = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage:accountName"] = "rrprodstore",
            ["AzureWebJobsStorage:credential"] = "managedidentity",
            ["AzureWebJobsStorage:clientId"] = "00000000-0000-0000-0000-000000000001",
        }).Build().GetSection(StorageConnection.Name);
        using var services = Build(new() { ["AzureWebJobsStorage:accountName"] = "rrprodstore" });

        var credential = services.GetRequiredService<AzureComponentFactory>().CreateTokenCredential(section);

        Assert.IsType<ManagedIdentityCredential>(credential);
    }

    [Fact]
    public void No_storage_setting_fails_at_registration_naming_the_settings()
    {
        var failure = Assert.Throws<InvalidOperationException>(() => Build([]));

        Assert.Contains("AzureWebJobsStorage__accountName", failure.Message, StringComparison.Ordinal);
    }
}
