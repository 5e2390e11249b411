using Microsoft.Azure.WebJobs;
using Microsoft.Azure.WebJobs.Host;
using Microsoft.Azure.WebJobs.Host.Timers;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RapidResponse.LocalHost.Hosting.Metadata;

namespace RapidResponse.LocalHost.Hosting.Queues;

/// <summary>
/// Runs the queue-triggered functions in a WebJobs JobHost with the Storage queue extension, the listener the
/// Functions host runs: its polling and back-off, receive visibility and renewal, dequeue count and poison queue,
/// and host.json's <c>extensions.queues</c>. The connection is <c>AzureWebJobsStorage</c>, as on the host.
/// </summary>
public static class QueueTriggers
{
    public static IServiceCollection AddQueueTriggers(this IServiceCollection services, IReadOnlyList<WorkerFunction> functions, HostJson hostJson)
    {
        var queueFunctions = functions.Where(f => f.Trigger.Is(BindingMetadata.QueueTrigger)).ToList();
        var generated = QueueFunctionGenerator.Generate(queueFunctions);
        services.AddSingleton(sp => new QueueFunctionInvoker(sp.GetRequiredService<IServiceScopeFactory>(), queueFunctions));
        services.AddWebJobs(_ => { }).AddAzureStorageQueues(options => hostJson.Queues.Bind(options));
        services.Replace(ServiceDescriptor.Singleton<IWebJobsExceptionHandlerFactory, HostExceptionHandler.Factory>());
        services.Configure<JobHostFunctionTimeoutOptions>(hostJson.Configure);
        services.AddSingleton<ITypeLocator>(new GeneratedTypes(generated));
        services.AddSingleton<IJobActivator, ServiceProviderJobActivator>();
        services.AddHostedService<JobHostRunner>();
        return services;
    }

    private sealed class GeneratedTypes(Type type) : ITypeLocator
    {
        public IReadOnlyList<Type> GetTypes() => [type];
    }

    private sealed class ServiceProviderJobActivator(IServiceProvider services) : IJobActivator
    {
        public T CreateInstance<T>() => ActivatorUtilities.CreateInstance<T>(services);
    }

    /// <summary>Starts and stops the JobHost with the web host (WebJobs' own hosted service is internal).</summary>
    private sealed class JobHostRunner(IJobHost jobHost) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => jobHost.StartAsync(cancellationToken);

        public Task StopAsync(CancellationToken cancellationToken) => jobHost.StopAsync();
    }
}
