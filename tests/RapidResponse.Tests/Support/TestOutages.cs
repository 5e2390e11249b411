using Microsoft.Extensions.Logging.Abstractions;
using RapidResponse.Channels.Email;
using RapidResponse.Channels.Sms;
using RapidResponse.Operations;

namespace RapidResponse.Tests.Support;

/// <summary>A <see cref="ProviderOutages"/> over a fresh table on the shared Azurite, telling an operator who has an email address.</summary>
public static class TestOutages
{
    public const string OperatorEmail = "operator@rapidresponse.example.org";

    public static async Task<ProviderOutages> CreateAsync(ISmsSender sms, IEmailSender email, TimeProvider time)
    {
        var options = Microsoft.Extensions.Options.Options.Create(new RapidResponseOptions
        {
            AdminKey = new string('k', 32),
            PublicBaseUrl = new Uri("https://rr.example.org"),
            OperatorEmail = OperatorEmail,
        });
        return new ProviderOutages(
            await SharedAzurite.NewTableAsync("providers"), new OperatorAlerts(sms, email, options), time, NullLogger<ProviderOutages>.Instance);
    }
}
