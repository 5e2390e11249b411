using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using RapidResponse.Storage;
using RapidResponse.Tests.Support;

namespace RapidResponse.Tests.Security;

/// <summary>With a data key configured (the local host fixture sets one), a storage dump alone reveals no contact details.</summary>
[Collection(LocalHostCollection.Name)]
public sealed class StorageDumpTests(LocalHostFixture host)
{
    [Fact]
    public async Task AfterAPress_ContactOrganizerAndAlertRowsHoldNoPhoneOrEmailInClear()
    {
        var scenario = await Scenario.CreateAsync(host);
        var alertId = await Responders.PressAsync(host, scenario, scenario.OrganizerToken);
        await Responders.WaitForTimelineAsync(host, alertId, "fan-out", 1, Patience.Delivery);
        var tables = host.Host.Services.GetRequiredService<TableServiceClient>();

        var rows = new List<TableEntity>();
        rows.AddRange(await tables.GetTableClient(TableNames.Contacts).QueryAsync<TableEntity>(e => e.PartitionKey == scenario.Region || e.PartitionKey == scenario.Country).ToListAsync());
        rows.AddRange(await tables.GetTableClient(TableNames.Alerts).QueryAsync<TableEntity>(e => e.PartitionKey == alertId).ToListAsync());
        var organizerId = scenario.OrganizerToken[..scenario.OrganizerToken.IndexOf('.', StringComparison.Ordinal)];
        var organizer = await tables.GetTableClient(TableNames.Organizers).GetEntityAsync<TableEntity>("org", organizerId);
        rows.Add(organizer.Value);
        Assert.StartsWith(RapidResponse.Security.FieldCipher.Prefix, organizer.Value.GetString("Phone"), StringComparison.Ordinal);
        var dump = string.Join('\n', rows.SelectMany(r => r.Select(p => Convert.ToString(p.Value, System.Globalization.CultureInfo.InvariantCulture))));

        Assert.Contains(rows, r => r.RowKey.StartsWith("d|", StringComparison.Ordinal));
        foreach (var secret in scenario.LawyerPhones.Concat(scenario.DecoyPhones).SelectMany(p => new[] { p, p.TrimStart('+') }).Concat(scenario.NgoEmails.Take(1)))
        {
            Assert.DoesNotContain(secret, dump, StringComparison.Ordinal);
        }

        // And the service still reaches everyone: the lawyers got their SMS.
        await host.StandIns.WaitForAsync(_ => scenario.LawyerPhones.All(p => Responders.SmsTo(host, p, Responders.Reference(alertId)).Count > 0), Patience.Delivery);
    }
}
