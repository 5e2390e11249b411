using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using RapidResponse.Http;

namespace RapidResponse.Tests.Unit;

/// <summary>Problems are written by the framework's problem details service, in the shape docs/API.md gives.</summary>
public sealed class ProblemDetailsTests
{
    [Fact]
    public async Task Invalid_IsA422ProblemJson_WithEveryFieldInErrors_AndTheRequestPathAsInstance()
    {
        var problem = Problem.Invalid(new Dictionary<string, string[]>
        {
            ["language"] = ["has the wrong type"],
            ["location.lat"] = ["has the wrong type", "must be between -90 and 90"],
        });

        var (context, body) = await ExecuteAsync(problem.ToResult(), "/api/panic");

        Assert.Equal(422, context.Response.StatusCode);
        Assert.Equal("application/problem+json", context.Response.ContentType);
        Assert.Equal("about:blank", body["type"]!.GetValue<string>());
        Assert.Equal("Invalid request", body["title"]!.GetValue<string>());
        Assert.Equal(422, body["status"]!.GetValue<int>());
        Assert.Equal("Some fields break a rule: language: has the wrong type; location.lat: has the wrong type, must be between -90 and 90", body["detail"]!.GetValue<string>());
        Assert.Equal("/api/panic", body["instance"]!.GetValue<string>());
        var errors = body["errors"]!.AsObject();
        Assert.Equal(["language", "location.lat"], errors.Select(e => e.Key));
        Assert.Equal(["has the wrong type", "must be between -90 and 90"], errors["location.lat"]!.AsArray().Select(m => m!.GetValue<string>()));
    }

    [Fact]
    public async Task NonValidationProblem_HasNoErrorsMember()
    {
        var (context, body) = await ExecuteAsync(Problem.NotFound("No such alert.").ToResult(), "/api/alerts/x");

        Assert.Equal(404, context.Response.StatusCode);
        Assert.Equal("application/problem+json", context.Response.ContentType);
        Assert.Equal("No such alert.", body["detail"]!.GetValue<string>());
        Assert.Equal("about:blank", body["type"]!.GetValue<string>());
        Assert.Null(body["errors"]);
    }

    [Fact]
    public async Task TooManyRequests_CarriesRetryAfterInWholeSeconds()
    {
        var (context, body) = await ExecuteAsync(Problem.TooManyRequests("Slow down.", TimeSpan.FromSeconds(2.2)).ToResult(), "/api/panic");

        Assert.Equal(429, context.Response.StatusCode);
        Assert.Equal("3", context.Response.Headers.RetryAfter.ToString());
        Assert.Equal(429, body["status"]!.GetValue<int>());
        Assert.Equal("Too many requests", body["title"]!.GetValue<string>());
    }

    private static async Task<(HttpContext Context, JsonObject Body)> ExecuteAsync(IResult result, string path)
    {
        await using var services = new ServiceCollection().AddLogging().AddRapidResponseProblemDetails().BuildServiceProvider();
        var context = new DefaultHttpContext { RequestServices = services };
        context.Request.Path = path;
        context.Response.Body = new MemoryStream();
        await result.ExecuteAsync(context);
        context.Response.Body.Position = 0;
        return (context, (await JsonNode.ParseAsync(context.Response.Body))!.AsObject());
    }
}
