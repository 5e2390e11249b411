using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace RapidResponse.Http;

/// <summary>An RFC 9457 problem: what went wrong, for whom to fix, and per field where that helps.</summary>
public sealed record Problem(
    int Status,
    string Title,
    string Detail,
    IReadOnlyDictionary<string, string[]>? Errors = null,
    TimeSpan? RetryAfter = null)
{
    public static Problem Malformed(string detail) => new(StatusCodes.Status400BadRequest, "Malformed request", detail);

    public static Problem Unauthorized() => new(
        StatusCodes.Status401Unauthorized, "Not authenticated", "A valid 'Authorization: Bearer <token>' header is required.");

    public static Problem Forbidden(string detail) => new(StatusCodes.Status403Forbidden, "Forbidden", detail);

    public static Problem NotFound(string detail) => new(StatusCodes.Status404NotFound, "Not found", detail);

    public static Problem Conflict(string detail) => new(StatusCodes.Status409Conflict, "Conflict", detail);

    public static Problem TooLarge(int maxBytes) => new(
        StatusCodes.Status413PayloadTooLarge, "Request body too large", $"The body must not exceed {maxBytes} bytes.");

    public static Problem UnsupportedMediaType(string expected) => new(
        StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", $"The body must be {expected}.");

    public static Problem Invalid(IReadOnlyDictionary<string, string[]> errors) => new(
        StatusCodes.Status422UnprocessableEntity,
        "Invalid request",
        "Some fields break a rule: " + string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}")),
        errors);

    public static Problem Invalid(string field, string message) =>
        Invalid(new Dictionary<string, string[]> { [field] = [message] });

    public static Problem TooManyRequests(string detail, TimeSpan retryAfter) =>
        new(StatusCodes.Status429TooManyRequests, "Too many requests", detail, RetryAfter: retryAfter);

    public static Problem Unavailable(string detail, TimeSpan retryAfter) =>
        new(StatusCodes.Status503ServiceUnavailable, "Temporarily unavailable", detail, RetryAfter: retryAfter);

    /// <summary>
    /// The answer, written by the framework's problem details service; a <c>422</c> is a validation problem whose
    /// <c>errors</c> member names each field (<c>TypedResults.ValidationProblem</c> is fixed at 400, hence the details).
    /// </summary>
    public IResult ToResult()
    {
        var details = Errors is null
            ? new ProblemDetails()
            : new HttpValidationProblemDetails(Errors.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal));
        details.Type = "about:blank";
        details.Title = Title;
        details.Status = Status;
        details.Detail = Detail;
        var result = TypedResults.Problem(details);
        return RetryAfter is { } retryAfter ? new RetryAfterProblemResult(result, retryAfter) : result;
    }
}
