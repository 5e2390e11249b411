using RapidResponse.LocalHost.Demo;
using RapidResponse.LocalHost.Hosting;
using RapidResponse.LocalHost.Hosting.Http;
using RapidResponse.LocalHost.Hosting.Metadata;
using RapidResponse.LocalHost.Hosting.Queues;
using RapidResponse.LocalHost.StandIns;

namespace RapidResponse.LocalHost;

/// <summary>
/// A development host for the Functions app. It loads what the Functions host loads (the build's
/// <c>functions.metadata</c> and host.json, refused on the host's own rules) and runs the same worker function
/// classes on the host's own pieces: HTTP through the WebJobs router, queue triggers on the WebJobs Storage queue
/// listener. Embedded Azurite and recording stand-ins fill what is not configured. Production runs on Azure
/// Functions; this runs it where the Functions Core Tools cannot be installed.
/// </summary>
public sealed class LocalHostApp : IAsyncDisposable
{
    public const string DefaultUrl = "http://127.0.0.1:7071";

    private readonly Storage.Azurite? azurite;

    private LocalHostApp(WebApplication app, Uri baseUrl, Storage.Azurite? azurite, IReadOnlyList<string> notes)
    {
        App = app;
        BaseUrl = baseUrl;
        this.azurite = azurite;
        Notes = notes;
    }

    public WebApplication App { get; }

    public Uri BaseUrl { get; }

    public IReadOnlyList<string> Notes { get; }

    public IServiceProvider Services => App.Services;

    public string AdminKey => App.Configuration["RapidResponse:AdminKey"]!;

    /// <summary>Whether this run generated the admin key (then it is printed once); a key given in settings never is.</summary>
    public bool AdminKeyGenerated { get; private init; }

    public StandInRecorder StandIns => Services.GetRequiredService<StandInRecorder>();

    /// <summary>Completes with a one-line reason if the embedded Azurite dies under the host; never without one.</summary>
    public Task<string> StorageLost => azurite?.Exited ?? new TaskCompletionSource<string>().Task;

    /// <summary>Builds and starts the host. <paramref name="settings"/> override everything else (tests use them).</summary>
    public static async Task<LocalHostApp> StartAsync(
        string[] args, IReadOnlyDictionary<string, string?>? settings = null, Action<ILoggingBuilder>? logging = null, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        var url = (builder.Configuration["urls"] ?? DefaultUrl).Split(';', StringSplitOptions.RemoveEmptyEntries)[0];
        builder.WebHost.UseUrls(url);
        var baseUrl = new Uri(url.Replace("://*", "://127.0.0.1", StringComparison.Ordinal)
            .Replace("://+", "://127.0.0.1", StringComparison.Ordinal)
            .Replace("://0.0.0.0", "://127.0.0.1", StringComparison.Ordinal));

        EnsureFree(baseUrl); // before Azurite starts, and before Kestrel would log the failure with its trace
        var (defaults, notes, azurite) = await LocalDefaults.ResolveAsync(builder.Configuration, baseUrl, cancellationToken);
        builder.Configuration.AddInMemoryCollection(defaults);
        builder.Logging.AddFilter("Microsoft.Azure.WebJobs.Hosting.OptionsLoggingService", LogLevel.Warning); // its start-up dump of every option
        logging?.Invoke(builder.Logging);

        // Ctrl+C or SIGTERM stops at once; a message in flight comes back to its queue, as when an instance is recycled.
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(1));

        var functions = WorkerFunctions.Load(Path.Combine(AppContext.BaseDirectory, FunctionMetadata.FileName));
        var hostJson = HostJson.Load(Path.Combine(AppContext.BaseDirectory, HostJson.FileName), builder.Configuration);
        builder.Services.AddRapidResponse(builder.Configuration);
        builder.Services.AddSingleton<StandInRecorder>();
        builder.Services.AddQueueTriggers(functions, hostJson);
        foreach (var function in functions.Where(f => f.Trigger.Is(BindingMetadata.TimerTrigger)).Select(TimerFunction.From))
        {
            builder.Services.AddSingleton<IHostedService>(sp => ActivatorUtilities.CreateInstance<TimerPump>(sp, function));
        }

        var app = builder.Build();
        app.UseHttpFunctions(functions, hostJson.RoutePrefix);
        app.MapGet("/", () => Results.Redirect("/api/app")); // the panic page; a #token= fragment survives the redirect
        app.MapStandIns();

        // The Functions host answers unknown routes with its own bare 404; a catch-all function cannot fix that there
        // (its router is first-match, so a catch-all would shadow real routes). Only this host adds the problem+json.
        app.MapFallback(() => RapidResponse.Http.Problem.NotFound("There is no such route; see docs/API.md.").ToResult());
        var host = new LocalHostApp(app, baseUrl, azurite, notes) { AdminKeyGenerated = defaults.ContainsKey("RapidResponse:AdminKey") };
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }

        return host;
    }

    private static void EnsureFree(Uri url)
    {
        if (!System.Net.IPAddress.TryParse(url.Host, out var address))
        {
            return; // a host name: Kestrel resolves and binds it, and says so if it cannot
        }

        try
        {
            using var probe = new System.Net.Sockets.TcpListener(address, url.Port);
            probe.Start();
        }
        catch (System.Net.Sockets.SocketException exception) when (exception.SocketErrorCode == System.Net.Sockets.SocketError.AddressAlreadyInUse)
        {
            throw new AddressInUseException(url);
        }
    }

    /// <summary>Seeds the demo region, organizer and coordinator account; returns their tokens.</summary>
    public Task<DemoTokens> SeedDemoAsync(CancellationToken cancellationToken) => DemoData.SeedAsync(Services, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        if (azurite is not null)
        {
            await azurite.DisposeAsync();
        }
    }
}
