using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace RapidResponse.Statements;

public static class StatementsServiceCollectionExtensions
{
    /// <summary>Statement drafting and alert texts; profiles and templates are loaded and checked when the host starts.</summary>
    public static IServiceCollection AddRapidResponseStatements(this IServiceCollection services)
    {
        services.AddSingleton(_ => LegalProfiles.FromAssembly());
        services.AddSingleton(_ => StatementTemplates.FromAssembly());
        services.AddSingleton<StatementService>();
        services.AddSingleton<IAlertComposer, StatementAlertComposer>();
        services.AddHostedService<StatementsStartupCheck>();
        return services;
    }

    /// <summary>Previews and uploads of templates and profiles, stored in Table Storage and applied on every instance.</summary>
    public static IServiceCollection AddRapidResponseStatementAdmin(this IServiceCollection services)
    {
        services.AddSingleton(sp => new StatementOverrideStore(
            sp.GetRequiredService<Azure.Data.Tables.TableServiceClient>().GetTableClient(Storage.TableNames.StatementOverrides)));
        services.AddSingleton<StatementAdmin>();
        services.AddHostedService<StatementOverridesLoader>();
        return services;
    }
}

/// <summary>Resolves the profiles and templates as the host starts, so a bad file stops the start instead of the first alert.</summary>
internal sealed class StatementsStartupCheck(LegalProfiles profiles, StatementTemplates templates) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) =>
        profiles.All.Count > 0 && templates.Names.Count > 0
            ? Task.CompletedTask
            : throw new InvalidOperationException("No legal profiles or statement templates were found in the assembly.");

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
