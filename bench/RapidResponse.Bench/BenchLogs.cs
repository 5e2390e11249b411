namespace RapidResponse.Bench;

/// <summary>
/// Where the host processes' console output goes: <c>artifacts/bench-logs/</c> of the repository the bench was built
/// from (ignored by git), so a run's stdout holds only its report.
/// </summary>
public static class BenchLogs
{
    public static string Folder { get; } = Path.Combine(RepositoryRoot(), "artifacts", "bench-logs");

    /// <summary>A file for one process of one run, e.g. <c>storm3-20261202-031500-host1.log</c>.</summary>
    public static string File(string phase, DateTimeOffset runStarted, string process) =>
        Path.Combine(Folder, $"{phase}-{runStarted.UtcDateTime:yyyyMMdd-HHmmss}-{process}.log");

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(directory.FullName, "RapidResponse.sln")))
            {
                return directory.FullName;
            }
        }

        return Environment.CurrentDirectory; // a copy of the build without its repository: next to where it runs
    }
}
