using System.Net.Http.Headers;
using System.Net.Http.Json;
using RapidResponse.LocalHost;
using RapidResponse.LocalHost.Hosting;
using RapidResponse.LocalHost.StandIns;

namespace RapidResponse.Tests.Support;

/// <summary>
/// The local host, as a newcomer runs it: its own embedded Azurite, the recording stand-ins, on a free port,
/// driven over real HTTP. Shared by the end-to-end tests; each test works in regions of its own.
/// </summary>
public class LocalHostFixture : IAsyncLifetime
{
    private readonly SemaphoreSlim internationalGate = new(1, 1);
    private LocalHostApp? host;
    private string? internationalNgo;

    public const string OperatorPhone = "+77010000001";
    public const string OperatorEmail = "operator@example.org";

    public LocalHostApp Host => host ?? throw new InvalidOperationException("The local host has not started.");

    public StandInRecorder StandIns => Host.StandIns;

    public CapturedLogs Logs { get; } = new();

    public HttpClient Client { get; private set; } = null!;

    /// <summary>Settings a fixture of its own adds (e.g. host.json overrides); the shared one adds none.</summary>
    protected virtual IEnumerable<KeyValuePair<string, string?>> MoreSettings => [];

    public async Task InitializeAsync()
    {
        var url = $"http://127.0.0.1:{FreePorts.Next()}";
        host = await LocalHostApp.StartAsync(
            [],
            new Dictionary<string, string?>
            {
                ["urls"] = url,
                ["RapidResponse:OperatorPhone"] = OperatorPhone,
                ["RapidResponse:OperatorEmail"] = OperatorEmail,

                // Every end-to-end test runs with contact details encrypted at rest, as production should.
                ["RapidResponse:DataKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
            }.Concat(MoreSettings).ToDictionary(),
            Logs.CaptureOnly);
        Client = new HttpClient { BaseAddress = Host.BaseUrl, Timeout = TimeSpan.FromSeconds(30) };
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (host is not null)
        {
            await host.DisposeAsync();
        }

        await Logs.SaveAsync("local-host");
    }

    /// <summary>
    /// The one international NGO of the run: every region's chain ends at INTL, so each test's press reaches it.
    /// Tests find their own email to it by the alert's reference.
    /// </summary>
    public async Task<string> InternationalNgoAsync()
    {
        await internationalGate.WaitAsync();
        try
        {
            if (internationalNgo is null)
            {
                var email = TestData.Email("ngo-intl");
                await Scenario.PutContactAsync(this, "ngo-intl", new { name = "International NGO", region = "INTL", role = "ngo", tier = 1, email });
                internationalNgo = email;
            }

            return internationalNgo;
        }
        finally
        {
            internationalGate.Release();
        }
    }

    public HttpRequestMessage Request(HttpMethod method, string path, string? bearer, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        return request;
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? bearer, object? json = null) =>
        await Client.SendAsync(Request(method, path, bearer, json is null ? null : JsonContent.Create(json)));
}

[CollectionDefinition(Name)]
public sealed class LocalHostCollection : ICollectionFixture<LocalHostFixture>
{
    public const string Name = "local host";
}
