using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace RapidResponse.Tests.Unit;

/// <summary>
/// An unresolved Key Vault reference reaches the app as its own text. Through the registration the Functions app uses
/// (<c>AddRapidResponse</c>, options validated on start), such a secret must stop the app from starting.
/// </summary>
public sealed class SecretOptionsTests
{
    private const string Reference = "@Microsoft.KeyVault(SecretUri=https://rr-kv.vault.azure.net/secrets/AdminKey/)";

    private static Dictionary<string, string?> Valid() => new()
    {
        ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
        ["RapidResponse:AdminKey"] = "a-long-random-admin-key-0123456789",
        ["RapidResponse:PublicBaseUrl"] = "https://rapidresponse.example.org",
        ["RapidResponse:DataKey"] = Convert.ToBase64String(new byte[32]),
        ["Twilio:AccountSid"] = "AC00000000000000000000000000000000",
        ["Twilio:AuthToken"] = "twilio-auth-token",
        ["Twilio:FromNumber"] = "+15005550006",
        ["SendGrid:ApiKey"] = "SG.sendgrid-api-key",
        ["SendGrid:FromEmail"] = "alerts@example.org",
        ["SendGrid:WebhookPublicKey"] = "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE",
    };

    private static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddRapidResponse(builder.Configuration);
        return builder.Build();
    }

    private static void ValidateOnStart(IHost host) => host.Services.GetRequiredService<IStartupValidator>().Validate();

    [Fact]
    public void Resolved_secrets_pass_start_up_validation()
    {
        using var host = Build(Valid());

        ValidateOnStart(host);
    }

    [Theory]
    [InlineData("RapidResponse:AdminKey", "AdminKey")]
    [InlineData("RapidResponse:DataKey", "DataKey")]
    [InlineData("RapidResponse:RetiredDataKeys", "RetiredDataKeys")]
    [InlineData("Twilio:AuthToken", "AuthToken")]
    [InlineData("SendGrid:ApiKey", "ApiKey")]
    [InlineData("SendGrid:WebhookPublicKey", "WebhookPublicKey")]
    public void An_unresolved_Key_Vault_reference_is_refused_for_every_secret(string key, string member)
    {
        var settings = Valid();
        settings[key] = Reference;
        using var host = Build(settings);

        var refused = Assert.Throws<OptionsValidationException>(() => ValidateOnStart(host));

        var failure = Assert.Single(refused.Failures, f => f.Contains("Key Vault reference", StringComparison.Ordinal));
        Assert.Contains(member, failure, StringComparison.Ordinal);
        Assert.DoesNotContain("SecretUri", failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not base64")]
    [InlineData("AAAA")]
    public void Retired_data_keys_must_each_be_32_bytes(string retired)
    {
        var settings = Valid();
        settings["RapidResponse:RetiredDataKeys"] = Convert.ToBase64String(new byte[32]) + "," + retired;
        using var host = Build(settings);

        var refused = Assert.Throws<OptionsValidationException>(() => ValidateOnStart(host));

        Assert.Contains(refused.Failures, f => f.Contains("RetiredDataKeys", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("@Microsoft.KeyVault(VaultName=rr-kv;SecretName=AdminKey)")]
    [InlineData("  @microsoft.keyvault(SecretUri=https://rr-kv.vault.azure.net/secrets/AdminKey)")]
    public void Every_spelling_of_a_reference_is_refused(string reference)
    {
        var settings = Valid();
        settings["RapidResponse:AdminKey"] = reference;
        using var host = Build(settings);

        Assert.Throws<OptionsValidationException>(() => ValidateOnStart(host));
    }

    [Fact]
    public async Task The_app_does_not_start_on_an_unresolved_admin_key()
    {
        var settings = Valid();
        settings["RapidResponse:AdminKey"] = Reference;
        using var host = Build(settings);

        await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(CancellationToken.None));
    }
}
