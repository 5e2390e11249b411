using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace RapidResponse.Http;

/// <summary>
/// A problem that asks the caller to wait: the framework's <see cref="ProblemHttpResult"/> writes the body, this adds
/// <c>Retry-After</c>, which no framework result sets.
/// </summary>
public sealed class RetryAfterProblemResult(ProblemHttpResult problem, TimeSpan retryAfter) : IResult, IStatusCodeHttpResult
{
    public ProblemHttpResult Problem => problem;

    public int? StatusCode => problem.StatusCode;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return problem.ExecuteAsync(httpContext);
    }
}
