using RapidResponse.Statements;

namespace RapidResponse.Tests.Statements;

public sealed class TemplateValidationTests
{
    [Fact]
    public void Every_shipped_template_parses_and_every_incident_has_english_and_russian()
    {
        var templates = StatementTemplates.FromAssembly();

        foreach (var incident in new[] { "attack", "detention", "raid", "threat", "ban", "other" })
        {
            Assert.True(templates.Has($"statement.{incident}.en.liquid"), incident);
            Assert.True(templates.Has($"statement.{incident}.ru.liquid"), incident);
        }
    }

    [Fact]
    public void A_template_that_does_not_parse_is_reported_with_its_line()
    {
        const string source = "# Headline\n\nFirst paragraph.\n{% if who %}\nName: {{ who }\n{% endif %}\n";

        var errors = StatementTemplates.Validate("statement.attack.en.liquid", source, []);

        var error = Assert.Single(errors);
        Assert.Equal("statement.attack.en.liquid", error.File);
        Assert.Equal(5, error.Line);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    [Fact]
    public void An_unclosed_tag_is_reported()
    {
        var errors = StatementTemplates.Validate("x.liquid", "line one\n{% if who %}\nno end\n", []);

        Assert.Single(errors);
    }

    [Fact]
    public void An_include_of_a_missing_partial_is_reported_with_its_line()
    {
        var errors = StatementTemplates.Validate("x.liquid", "# H\n\n{% include '_nope.en.liquid' %}\n", ["x.liquid"]);

        var error = Assert.Single(errors);
        Assert.Equal(3, error.Line);
        Assert.Contains("_nope.en.liquid", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_template_stops_the_start_naming_the_file_and_line()
    {
        var sources = new Dictionary<string, string> { ["good.liquid"] = "ok", ["bad.liquid"] = "a\nb {{ x \n" };

        var error = Assert.Throws<InvalidOperationException>(() => new StatementTemplates(sources));

        Assert.Contains("bad.liquid:", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("good.liquid", error.Message, StringComparison.Ordinal);
    }
}
