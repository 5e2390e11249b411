using RapidResponse.LocalHost.Hosting;

namespace RapidResponse.LocalHost.StandIns;

/// <summary>
/// The recording stand-ins served on their own, on a free loopback port, without a host: several
/// <see cref="HostProcess"/> instances send to one set of them, which outlives any instance.
/// </summary>
public sealed class StandInServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private StandInServer(WebApplication app, Uri baseUrl)
    {
        this.app = app;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    public StandInRecorder Recorder => app.Services.GetRequiredService<StandInRecorder>();

    public static async Task<StandInServer> StartAsync(CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        var port = FreePorts.Next();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders(); // each recorded send would be a console line
        builder.Services.AddSingleton<StandInRecorder>();
        builder.Services.AddSingleton(TimeProvider.System);
        var app = builder.Build();
        app.MapStandIns();
        await app.StartAsync(cancellationToken);
        return new StandInServer(app, new Uri($"http://127.0.0.1:{port}/"));
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
