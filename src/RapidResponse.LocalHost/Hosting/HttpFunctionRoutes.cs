using System.Reflection;

namespace RapidResponse.LocalHost.Hosting;

/// <summary>Maps each <c>[HttpTrigger]</c> function to a Kestrel route under <c>/api</c>, binding as the worker's ASP.NET Core integration does.</summary>
public static class HttpFunctionRoutes
{
    public static void MapHttpFunctions(this WebApplication app, Assembly functions)
    {
        foreach (var function in FunctionCatalog.HttpFunctions(functions))
        {
            app.MapMethods("/api/" + function.Route, function.Verbs, (HttpContext context) => InvokeAsync(context, function))
                .WithName(function.Name);
        }
    }

    private static async Task InvokeAsync(HttpContext context, HttpFunction function)
    {
        var result = await FunctionInvoker.InvokeAsync(context.RequestServices, function.Method, parameter => parameter switch
        {
            _ when parameter.ParameterType == typeof(HttpRequest) => context.Request,
            _ when parameter.ParameterType == typeof(CancellationToken) => context.RequestAborted,
            _ when parameter.ParameterType == typeof(string) => context.GetRouteValue(parameter.Name!)?.ToString(),
            _ => throw new NotSupportedException($"Function {function.Name}: cannot bind parameter '{parameter.Name}'."),
        });

        if (result is IResult httpResult)
        {
            await httpResult.ExecuteAsync(context);
        }
        else
        {
            throw new NotSupportedException($"Function {function.Name} returned {result?.GetType().Name ?? "nothing"}; the local host runs functions that return IResult.");
        }
    }
}
