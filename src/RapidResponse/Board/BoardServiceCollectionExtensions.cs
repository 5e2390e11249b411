using Microsoft.Extensions.DependencyInjection;

namespace RapidResponse.Board;

public static class BoardServiceCollectionExtensions
{
    /// <summary>The coordinators' live board of open alerts.</summary>
    public static IServiceCollection AddRapidResponseBoard(this IServiceCollection services) => services
        .AddSingleton<AlertBoard>();
}
