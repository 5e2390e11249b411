using Microsoft.AspNetCore.Routing.Constraints;
using Microsoft.Azure.WebJobs.Extensions.Http;
using RapidResponse.LocalHost.Hosting.Metadata;

namespace RapidResponse.LocalHost.Hosting.Http;

/// <summary>
/// Serves the HTTP functions through the Functions host's own router (<see cref="WebJobsRouter"/>): one route per
/// function under <c>routePrefix</c>, in the order of <c>functions.metadata</c>, an <c>httpMethod</c> constraint
/// when the trigger names methods, and the first matching route wins. A request no route takes goes on down the
/// pipeline (to this host's problem+json 404).
/// </summary>
public static class HttpFunctionRouter
{
    public static void UseHttpFunctions(this WebApplication app, IReadOnlyList<WorkerFunction> functions, string routePrefix)
    {
        var http = functions.Where(f => f.Trigger.Is(BindingMetadata.HttpTrigger)).ToDictionary(f => f.Name, StringComparer.Ordinal);
        var router = new WebJobsRouter(app.Services.GetRequiredService<IInlineConstraintResolver>());
        var routes = router.CreateBuilder(new HttpFunctionHandler(http), routePrefix);
        foreach (var function in http.Values)
        {
            var constraints = new RouteValueDictionary();
            if (function.Trigger.Methods is { Count: > 0 } methods)
            {
                constraints.Add("httpMethod", new HttpMethodRouteConstraint([.. methods]));
            }

            routes.MapFunctionRoute(function.Name, FunctionMetadataRules.RouteOf(function.Metadata), constraints, function.Name);
        }

        router.AddFunctionRoutes(routes.Count > 0 ? routes.Build() : null, null);
        app.Use(async (context, next) =>
        {
            var routeContext = new RouteContext(context);
            await router.RouteAsync(routeContext);
            if (routeContext.Handler is null)
            {
                await next(context);
                return;
            }

            context.Request.RouteValues = routeContext.RouteData.Values;
            await routeContext.Handler(context);
        });
    }
}
