using System.Runtime.CompilerServices;

namespace RapidResponse.Tests.Statements;

/// <summary>
/// Compares text with a file under <c>Statements/Golden/</c>. Run with <c>UPDATE_GOLDEN=1</c> to rewrite the files,
/// then read the diff: a golden file is a reviewed rendering, not a snapshot to accept blindly.
/// </summary>
internal static class Golden
{
    public static void Check(string name, string actual)
    {
        var path = Path.Combine(Folder(), name);
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual);
            return;
        }

        Assert.True(File.Exists(path), $"No golden file {name}: run the tests once with UPDATE_GOLDEN=1 and review it.");
        Assert.Equal(File.ReadAllText(path).ReplaceLineEndings("\n"), actual.ReplaceLineEndings("\n"));
    }

    // The source folder, found from this file's compile-time path: golden files are read and rewritten in place.
    private static string Folder([CallerFilePath] string source = "") => Path.Combine(Path.GetDirectoryName(source)!, "Golden");
}
