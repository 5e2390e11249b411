using System.Globalization;

namespace RapidResponse.Bench;

/// <summary>Memory figures of a process from Linux <c>/proc</c>; null where /proc is not there or not readable.</summary>
public static class ProcStats
{
    /// <summary>Resident set size now (<c>VmRSS</c>), in bytes.</summary>
    public static long? Rss(int pid) => StatusKilobytes(pid, "VmRSS:") * 1024;

    /// <summary>Peak resident set size (<c>VmHWM</c>) since start or since <see cref="TryResetPeak"/>, in bytes.</summary>
    public static long? PeakRss(int pid) => StatusKilobytes(pid, "VmHWM:") * 1024;

    /// <summary>Resets <c>VmHWM</c> to the current RSS (writing 5 to <c>clear_refs</c>), so a phase's own peak can be read.</summary>
    public static bool TryResetPeak(int pid)
    {
        try
        {
            File.WriteAllText($"/proc/{pid}/clear_refs", "5");
            return true;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>A child of <paramref name="parent"/> whose command line names <paramref name="port"/> (Azurite's ports are arguments).</summary>
    public static int? ChildListeningOn(int parent, string port)
    {
        if (port.Length == 0 || !Directory.Exists("/proc"))
        {
            return null;
        }

        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            try
            {
                // stat: "pid (comm) state ppid ..."; comm may hold spaces, so read after the last ')'.
                var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                var ppid = int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], CultureInfo.InvariantCulture);
                var arguments = File.ReadAllText(Path.Combine(directory, "cmdline")).Split('\0');
                if (ppid == parent && arguments.Contains(port, StringComparer.Ordinal))
                {
                    return pid;
                }
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or FormatException)
            {
                // The process ended while we looked, or is not ours to read.
            }
        }

        return null;
    }

    private static long? StatusKilobytes(int pid, string field)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
            return line is null ? null : long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
