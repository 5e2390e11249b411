using System.Text.RegularExpressions;
using RapidResponse.Storage;
using RapidResponse.Tests.Support;

namespace RapidResponse.Tests.Hosting;

/// <summary>The Bicep declares every queue and table the service uses, so a deployment has them before the first message.</summary>
public sealed partial class InfraStorageTests
{
    private static readonly string Bicep = File.ReadAllText(Path.Combine(Repository.Root, "infra", "main.bicep"));

    [Fact]
    public void EveryQueue_AndItsPoisonTwin_IsDeclared()
    {
        var expected = QueueNames.All.SelectMany(q => new[] { q, QueueNames.Poison(q) }).Order(StringComparer.Ordinal);

        Assert.Equal(expected, List("queueNames").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void EveryTable_IsDeclared()
    {
        Assert.Equal(TableNames.All.Order(StringComparer.Ordinal), List("tableNames").Order(StringComparer.Ordinal));
    }

    private static IEnumerable<string> List(string variable)
    {
        var declaration = Regex.Match(Bicep, $@"var {variable} = \[(?<items>[^\]]*)\]", RegexOptions.CultureInvariant);
        Assert.True(declaration.Success, $"infra/main.bicep has no 'var {variable} = [...]'");
        return Item().Matches(declaration.Groups["items"].Value).Select(m => m.Groups[1].Value);
    }

    [GeneratedRegex(@"'([^']+)'")]
    private static partial Regex Item();
}
