using RapidResponse.LocalHost.Hosting;
using RapidResponse.LocalHost.Hosting.Metadata;

namespace RapidResponse.Tests.Hosting;

/// <summary>
/// The build's <c>functions.metadata</c> against the Functions host's rules, with the same check the local host
/// runs at start-up; and that check failing on what the host would refuse.
/// </summary>
public sealed class FunctionMetadataTests
{
    private static readonly string MetadataPath = Path.Combine(AppContext.BaseDirectory, FunctionMetadata.FileName);

    [Fact]
    public void TheBuildsMetadata_PassesTheHostsRules()
    {
        var functions = FunctionMetadata.Load(MetadataPath);

        Assert.Contains(functions, f => f.Name == "Panic" && FunctionMetadataRules.RouteOf(f) == "panic");
        Assert.Empty(FunctionMetadataRules.Check(functions, WorkerFunctions.KnownQueues, WorkerFunctions.KnownConnections));
    }

    [Fact]
    public void EveryFunction_HasAnEntryPointTheWorkerHas_AndEveryQueueOfTheContractIsRead()
    {
        var functions = WorkerFunctions.Load(MetadataPath);

        Assert.All(functions, f => Assert.Equal(f.Metadata.EntryPoint, $"{f.Method.DeclaringType!.FullName}.{f.Method.Name}"));
        var triggered = functions.Where(f => f.Trigger.Is(BindingMetadata.QueueTrigger)).Select(f => f.Trigger.QueueName).ToHashSet();
        Assert.All(WorkerFunctions.KnownQueues, queue => Assert.Contains(queue, triggered));
    }

    [Fact]
    public void EveryHttpFunction_NamesItsMethods_AndNoRouteIsACatchAll()
    {
        var http = FunctionMetadata.Load(MetadataPath).Where(f => f.Trigger!.Is(BindingMetadata.HttpTrigger)).ToList();

        Assert.NotEmpty(http);
        Assert.All(http, f => Assert.NotEmpty(f.Trigger!.Methods ?? []));
        Assert.All(http, f => Assert.DoesNotContain("{*", FunctionMetadataRules.RouteOf(f), StringComparison.Ordinal));
        Assert.DoesNotContain(http, f => FunctionMetadataRules.RouteOf(f).StartsWith("admin", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("admin/organizers")]
    [InlineData("/Admin/contacts/import")]
    [InlineData("administration")]
    [InlineData("runtime/webhooks/x")]
    public void AReservedRoute_IsRefused_WithTheHostsMessage(string route)
    {
        var problem = Assert.Single(Check(Http("CreateOrganizer", route, "post")));

        Assert.Contains("CreateOrganizer", problem, StringComparison.Ordinal);
        Assert.Contains(FunctionMetadataRules.ReservedRouteMessage, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void ACatchAllRoute_IsRefused() =>
        Assert.Contains("catch-all", Assert.Single(Check(Http("Panic", "panic", "post"), Http("NotFound", "{*path}", "get"))), StringComparison.Ordinal);

    [Fact]
    public void TheSameRouteAndMethodTwice_IsRefused_ButNotWithOtherMethods()
    {
        Assert.Contains("conflicts with the route defined by function 'GetA'",
            Assert.Single(Check(Http("GetA", "things/{id}", "get"), Http("GetB", "/Things/{id}/", "GET", "post"))), StringComparison.Ordinal);
        Assert.Empty(Check(Http("GetA", "things/{id}", "get"), Http("PutA", "things/{id}", "put")));
        Assert.Single(Check(Http("Any", "things", null), Http("PutA", "things", "put")));
    }

    [Fact]
    public void AnUnknownMethod_ADuplicateName_AndASecondTrigger_AreRefused()
    {
        Assert.Contains("'fetch' is not an HTTP method", Assert.Single(Check(Http("A", "a", "fetch"))), StringComparison.Ordinal);
        Assert.Contains("must be unique", Assert.Single(Check(Http("A", "a", "get"), Http("A", "b", "get"))), StringComparison.Ordinal);
        var twoTriggers = Http("A", "a", "get") with { Bindings = [.. Http("A", "a", "get").Bindings, Queue("m", BindingMetadata.QueueTrigger, "alerts")] };
        Assert.Contains("exactly one trigger", Assert.Single(Check(twoTriggers)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("alerts", null, 0)]
    [InlineData("deliveries-poison", "AzureWebJobsStorage", 0)]
    [InlineData("alert", null, 1)]
    [InlineData("Alerts", null, 1)]
    [InlineData("a--b", null, 1)]
    [InlineData("alerts", "OtherStorage", 1)]
    public void QueueBindings_NameTheAppsQueues_AndItsConnection(string queue, string? connection, int problems)
    {
        var function = new FunctionMetadata("FanOut", "X.Y.Run", [Queue("message", BindingMetadata.QueueTrigger, "alerts"), Queue("$return", BindingMetadata.Queue, queue, connection)]);

        Assert.Equal(problems, Check(function).Count);
    }

    [Fact]
    public void TheLocalHost_RefusesToStart_OnAnAdminRoute()
    {
        var path = Path.Combine(Path.GetTempPath(), $"functions-{Guid.NewGuid():N}.metadata");
        File.WriteAllText(path, """
            [{ "name": "CreateOrganizer", "scriptFile": "RapidResponse.Functions.dll",
               "entryPoint": "RapidResponse.Functions.Manage.OrganizersFunction.CreateAsync", "language": "dotnet-isolated",
               "bindings": [
                 { "name": "request", "direction": "In", "type": "httpTrigger", "authLevel": "Anonymous", "methods": ["post"], "route": "admin/organizers" },
                 { "name": "$return", "type": "http", "direction": "Out" } ] }]
            """);
        try
        {
            var refused = Assert.Throws<InvalidOperationException>(() => WorkerFunctions.Load(path));
            Assert.Contains(FunctionMetadataRules.ReservedRouteMessage, refused.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static IReadOnlyList<string> Check(params FunctionMetadata[] functions) =>
        FunctionMetadataRules.Check(functions, WorkerFunctions.KnownQueues, WorkerFunctions.KnownConnections);

    private static FunctionMetadata Http(string name, string route, params string[]? methods) =>
        new(name, $"RapidResponse.Functions.{name}.RunAsync",
            [new BindingMetadata("request", BindingMetadata.HttpTrigger, "In", route, methods), new BindingMetadata("$return", BindingMetadata.Http, "Out")]);

    private static BindingMetadata Queue(string name, string type, string queue, string? connection = null) =>
        new(name, type, type == BindingMetadata.Queue ? "Out" : "In", QueueName: queue, Connection: connection);
}
