using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using RapidResponse.Statements;

namespace RapidResponse.Tests.Statements;

public sealed class RegistrationTests
{
    [Fact]
    public async Task The_registration_serves_the_statement_composer_and_its_start_up_check_passes()
    {
        var services = new ServiceCollection()
            .AddSingleton(Options.Create(new RapidResponseOptions { AdminKey = new string('k', 32), PublicBaseUrl = new Uri("https://rr.example.org") }))
            .AddRapidResponseStatements();
        await using var provider = services.BuildServiceProvider();

        Assert.IsType<StatementAlertComposer>(provider.GetRequiredService<IAlertComposer>());
        var check = Assert.Single(provider.GetServices<IHostedService>());
        await check.StartAsync(CancellationToken.None);
    }
}
