using Microsoft.Extensions.DependencyInjection;

namespace RapidResponse.Http;

public static class HttpServiceCollectionExtensions
{
    /// <summary>
    /// The framework's problem details writer (<c>application/problem+json</c>), used by every <see cref="Problem"/>
    /// answer; <c>instance</c> is the request's path, as RFC 9457 suggests.
    /// </summary>
    public static IServiceCollection AddRapidResponseProblemDetails(this IServiceCollection services) =>
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
            context.ProblemDetails.Instance ??= context.HttpContext.Request.Path.Value);
}
