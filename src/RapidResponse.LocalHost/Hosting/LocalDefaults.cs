using RapidResponse.LocalHost.StandIns;
using RapidResponse.Security;

namespace RapidResponse.LocalHost.Hosting;

/// <summary>
/// Fills what the configuration lacks with local defaults: embedded Azurite, the recording stand-ins, a generated
/// admin key. Every contract setting given (command line, environment, appsettings) is kept as it is.
/// </summary>
public static class LocalDefaults
{
    public static async Task<(Dictionary<string, string?> Settings, List<string> Notes, Storage.Azurite? Azurite)> ResolveAsync(
        IConfiguration configuration, Uri baseUrl, CancellationToken cancellationToken)
    {
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var notes = new List<string>();
        Storage.Azurite? azurite = null;

        if (string.IsNullOrEmpty(configuration["AzureWebJobsStorage"]) && !configuration.GetSection("AzureWebJobsStorage").GetChildren().Any())
        {
            azurite = await Storage.Azurite.StartAsync(cancellationToken);
            settings["AzureWebJobsStorage"] = azurite.ConnectionString;
            notes.Add("Storage: embedded Azurite (in memory; data is gone when the host stops)");
        }

        if (string.IsNullOrEmpty(configuration["RapidResponse:AdminKey"]))
        {
            settings["RapidResponse:AdminKey"] = SecretHasher.NewSecret();
        }

        if (string.IsNullOrEmpty(configuration["RapidResponse:PublicBaseUrl"]))
        {
            settings["RapidResponse:PublicBaseUrl"] = baseUrl.AbsoluteUri.TrimEnd('/');
        }

        if (string.IsNullOrEmpty(configuration["Twilio:AccountSid"]) && string.IsNullOrEmpty(configuration["Twilio:BaseUrl"]))
        {
            settings["Twilio:BaseUrl"] = new Uri(baseUrl, StandInEndpoints.TwilioPath).AbsoluteUri;
            settings["Twilio:AccountSid"] = "AC00000000000000000000000000local";
            settings["Twilio:AuthToken"] = "local-stand-in";
            settings["Twilio:FromNumber"] = "+15005550006";
            settings["Twilio:WhatsAppFrom"] = "+15005550006";
            settings["Twilio:WhatsAppContentSids:en"] = LocalWhatsAppTemplates.English;
            settings["Twilio:WhatsAppContentSids:ru"] = LocalWhatsAppTemplates.Russian;
            notes.Add($"Twilio: recording stand-in at {settings["Twilio:BaseUrl"]}");
        }

        if (string.IsNullOrEmpty(configuration["SendGrid:ApiKey"]) && string.IsNullOrEmpty(configuration["SendGrid:BaseUrl"]))
        {
            settings["SendGrid:BaseUrl"] = new Uri(baseUrl, StandInEndpoints.SendGridPath).AbsoluteUri;
            settings["SendGrid:ApiKey"] = "SG.local-stand-in";
            settings["SendGrid:FromEmail"] = "alerts@rapidresponse.local";
            notes.Add($"SendGrid: recording stand-in at {settings["SendGrid:BaseUrl"]}");
        }

        return (settings, notes, azurite);
    }
}

/// <summary>The Content template SIDs the local host sends WhatsApp alerts with (the stand-in records them).</summary>
public static class LocalWhatsAppTemplates
{
    public const string English = "HX00000000000000000000000000000en";
    public const string Russian = "HX00000000000000000000000000000ru";
}
