using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace RapidResponse.Http;

/// <summary>Writes a <see cref="Problem"/> as <c>application/problem+json</c>, with <c>Retry-After</c> when given.</summary>
public sealed class ProblemResult(Problem problem) : IResult, IStatusCodeHttpResult
{
    public Problem Problem => problem;

    public int? StatusCode => problem.Status;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = problem.Status;
        if (problem.RetryAfter is { } retryAfter)
        {
            response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        var body = new ProblemBody(
            "about:blank", problem.Title, problem.Status, problem.Detail, httpContext.Request.Path.Value, problem.Errors);
        await response.WriteAsJsonAsync(body, ApiJson.Default.ProblemBody, "application/problem+json", httpContext.RequestAborted);
    }
}

/// <summary>The RFC 9457 members RapidResponse writes; <c>errors</c> names each bad field.</summary>
public sealed record ProblemBody(
    string Type,
    string Title,
    int Status,
    string Detail,
    string? Instance,
    IReadOnlyDictionary<string, string[]>? Errors);
