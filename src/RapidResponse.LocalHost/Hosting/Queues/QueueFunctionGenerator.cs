using System.Reflection;
using System.Reflection.Emit;
using Azure.Storage.Queues.Models;
using Microsoft.Azure.WebJobs;
using RapidResponse.LocalHost.Hosting.Metadata;

namespace RapidResponse.LocalHost.Hosting.Queues;

/// <summary>
/// Writes, from the queue-triggered functions of <c>functions.metadata</c>, the class a WebJobs JobHost indexes, as
/// the Functions host's FunctionGenerator does: per function a method with <c>[FunctionName]</c>, a
/// <c>[QueueTrigger]</c> <see cref="QueueMessage"/> and, when the return value goes to a queue, a <c>[Queue]</c>
/// collector, each forwarding to <see cref="QueueFunctionInvoker"/>:
/// <code>
/// [FunctionName("FanOut")]
/// public Task FanOut([QueueTrigger("alerts")] QueueMessage message, [Queue("deliveries")] IAsyncCollector&lt;string&gt; output, CancellationToken cancellationToken)
///     => InvokeAsync("FanOut", message, output, cancellationToken);
/// </code>
/// </summary>
public static class QueueFunctionGenerator
{
    public static Type Generate(IEnumerable<WorkerFunction> functions)
    {
        var assembly = AssemblyBuilder.DefineDynamicAssembly(new AssemblyName("RapidResponse.LocalHost.QueueFunctions"), AssemblyBuilderAccess.Run);
        var type = assembly.DefineDynamicModule("QueueFunctions")
            .DefineType("QueueFunctions", TypeAttributes.Public | TypeAttributes.Sealed | TypeAttributes.Class, typeof(QueueFunctionsBase));
        DefineConstructor(type);
        var invoke = typeof(QueueFunctionsBase).GetMethod(nameof(QueueFunctionsBase.InvokeAsync), BindingFlags.Instance | BindingFlags.NonPublic)!;
        foreach (var function in functions.Where(f => f.Trigger.Is(BindingMetadata.QueueTrigger)))
        {
            var output = function.Metadata.ReturnOutput is { } returned && returned.Is(BindingMetadata.Queue) ? returned : null;
            Type[] parameters = output is null
                ? [typeof(QueueMessage), typeof(CancellationToken)]
                : [typeof(QueueMessage), typeof(IAsyncCollector<string>), typeof(CancellationToken)];
            var method = type.DefineMethod(function.Name, MethodAttributes.Public, typeof(Task), parameters);
            method.SetCustomAttribute(new CustomAttributeBuilder(typeof(FunctionNameAttribute).GetConstructor([typeof(string)])!, [function.Name]));
            method.DefineParameter(1, ParameterAttributes.None, "message").SetCustomAttribute(QueueAttribute<QueueTriggerAttribute>(function.Trigger));
            if (output is not null)
            {
                method.DefineParameter(2, ParameterAttributes.None, "output").SetCustomAttribute(QueueAttribute<QueueAttribute>(output));
            }

            method.DefineParameter(parameters.Length, ParameterAttributes.None, "cancellationToken");
            var il = method.GetILGenerator();
            il.Emit(OpCodes.Ldarg_0);
            il.Emit(OpCodes.Ldstr, function.Name);
            il.Emit(OpCodes.Ldarg_1);
            il.Emit(output is null ? OpCodes.Ldnull : OpCodes.Ldarg_2);
            il.Emit(OpCodes.Ldarg, parameters.Length);
            il.Emit(OpCodes.Call, invoke);
            il.Emit(OpCodes.Ret);
        }

        return type.CreateType();
    }

    private static void DefineConstructor(TypeBuilder type)
    {
        var constructor = type.DefineConstructor(MethodAttributes.Public, CallingConventions.Standard, [typeof(QueueFunctionInvoker)]);
        var il = constructor.GetILGenerator();
        il.Emit(OpCodes.Ldarg_0);
        il.Emit(OpCodes.Ldarg_1);
        il.Emit(OpCodes.Call, typeof(QueueFunctionsBase).GetConstructor(BindingFlags.Instance | BindingFlags.NonPublic, [typeof(QueueFunctionInvoker)])!);
        il.Emit(OpCodes.Ret);
    }

    // [QueueTrigger("name", Connection = "...")] or [Queue("name", Connection = "...")]; no connection means the host's own.
    private static CustomAttributeBuilder QueueAttribute<TAttribute>(BindingMetadata binding)
        where TAttribute : Attribute =>
        new(typeof(TAttribute).GetConstructor([typeof(string)])!, [binding.QueueName!],
            [typeof(TAttribute).GetProperty("Connection")!], [binding.Connection ?? FunctionMetadataRules.DefaultConnection]);
}

/// <summary>The base of the generated class: it holds the invoker the JobHost's activator passes in.</summary>
public abstract class QueueFunctionsBase
{
    private readonly QueueFunctionInvoker invoker;

    protected QueueFunctionsBase(QueueFunctionInvoker invoker) => this.invoker = invoker;

    protected internal Task InvokeAsync(string function, QueueMessage message, IAsyncCollector<string>? output, CancellationToken cancellationToken) =>
        invoker.InvokeAsync(function, message, output, cancellationToken);
}
