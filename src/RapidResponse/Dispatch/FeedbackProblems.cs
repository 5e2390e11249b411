using Microsoft.AspNetCore.Http;
using RapidResponse.Http;

namespace RapidResponse.Dispatch;

/// <summary>How the provider webhooks refuse a call. The details name what is missing, never what was expected.</summary>
public static class FeedbackProblems
{
    public static Problem Unsigned(string header) => new(
        StatusCodes.Status401Unauthorized, "Not authenticated", $"The request must carry a valid '{header}' header.");

    public static Problem Forged() => Problem.Forbidden("The request's signature does not verify.");

    public static Problem Busy() => Problem.Unavailable("The delivery is being updated; try again shortly.", TimeSpan.FromSeconds(5));
}
