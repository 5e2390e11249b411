using Microsoft.Extensions.DependencyInjection;

namespace RapidResponse.Page;

public static class PageServiceCollectionExtensions
{
    /// <summary>The organizer's panic page and what it reads at start.</summary>
    public static IServiceCollection AddRapidResponsePage(this IServiceCollection services) => services
        .AddSingleton<PageConfigReader>();
}
