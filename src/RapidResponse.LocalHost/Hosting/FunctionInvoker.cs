using System.Reflection;

namespace RapidResponse.LocalHost.Hosting;

/// <summary>Creates a function class from DI (as the worker does, per invocation) and calls its method.</summary>
public static class FunctionInvoker
{
    public static async Task<object?> InvokeAsync(IServiceProvider services, MethodInfo method, Func<ParameterInfo, object?> bind)
    {
        var instance = ActivatorUtilities.CreateInstance(services, method.DeclaringType!);
        var arguments = method.GetParameters().Select(bind).ToArray();
        object? returned;
        try
        {
            returned = method.Invoke(instance, arguments);
        }
        catch (TargetInvocationException exception) when (exception.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(exception.InnerException);
            throw;
        }

        if (returned is not Task task)
        {
            return returned;
        }

        await task;
        var type = task.GetType();
        return type.IsGenericType ? type.GetProperty(nameof(Task<object>.Result))!.GetValue(task) : null;
    }
}
