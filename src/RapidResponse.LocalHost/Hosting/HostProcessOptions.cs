using RapidResponse.LocalHost.StandIns;

namespace RapidResponse.LocalHost.Hosting;

/// <summary>What a <see cref="HostProcess"/> runs on: its storage, admin key, stand-ins, and any other settings.</summary>
public sealed record HostProcessOptions
{
    /// <summary>The <c>AzureWebJobsStorage</c> connection string every instance shares.</summary>
    public required string Storage { get; init; }

    public required string AdminKey { get; init; }

    /// <summary>The base address of the recording stand-ins (see <see cref="StandInServer"/>) it sends to.</summary>
    public required Uri StandIns { get; init; }

    /// <summary>More settings as environment variables (<c>Twilio__MessagesPerSecond</c>); they win over the defaults.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>Where the process's console output goes (appended); null drops it.</summary>
    public string? LogFile { get; init; }

    /// <summary>How long it may take to answer <c>api/health</c> (several instances starting at once on a busy machine are slow).</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The local host's build output to run; by default the one built next to the caller.</summary>
    public string Assembly { get; init; } = Path.Combine(AppContext.BaseDirectory, "RapidResponse.LocalHost.dll");
}
