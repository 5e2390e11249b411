using Microsoft.Azure.WebJobs.Extensions.Http;

namespace RapidResponse.LocalHost.Hosting.Http;

/// <summary>
/// Runs the function a route named, binding as the worker's ASP.NET Core integration does: the
/// <see cref="HttpRequest"/>, route values into <c>string</c> parameters, the request's cancellation; an
/// <see cref="IResult"/> back.
/// </summary>
internal sealed class HttpFunctionHandler(IReadOnlyDictionary<string, WorkerFunction> functions) : IWebJobsRouteHandler
{
    public async Task InvokeAsync(HttpContext context, string functionName)
    {
        var function = functions[functionName];
        var result = await FunctionInvoker.InvokeAsync(context.RequestServices, function.Method, parameter => parameter switch
        {
            _ when parameter.ParameterType == typeof(HttpRequest) => context.Request,
            _ when parameter.ParameterType == typeof(CancellationToken) => context.RequestAborted,
            _ when parameter.ParameterType == typeof(string) => context.Request.RouteValues[parameter.Name!]?.ToString(),
            _ => throw new NotSupportedException($"Function {function.Name}: cannot bind parameter '{parameter.Name}'."),
        });

        if (result is not IResult httpResult)
        {
            throw new NotSupportedException($"Function {function.Name} returned {result?.GetType().Name ?? "nothing"}; the local host runs functions that return IResult.");
        }

        await httpResult.ExecuteAsync(context);
    }
}
