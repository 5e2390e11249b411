using RapidResponse.Contacts;
using RapidResponse.Coordinators;
using RapidResponse.Organizers;
using RapidResponse.Security;

namespace RapidResponse.LocalHost.Demo;

/// <summary>
/// Demo data: region KZ-SHY (Shymkent) under KZ under INTL, two tier-1 lawyers, a national and an international NGO,
/// decoys that a press must not reach, and one organizer. All names and addresses are fictitious.
/// </summary>
public static class DemoData
{
    public static readonly IReadOnlyList<Contact> Contacts =
    [
        new("lawyer-aigerim", "KZ-SHY", "Aigerim Nurlanovna", ContactRole.Lawyer, 1, "+77011234567", "aigerim@lawyers.example.org", "ru", true),
        new("lawyer-daniyar", "KZ-SHY", "Daniyar Kassymov", ContactRole.Lawyer, 1, "+77017654321", null, "en", true),
        new("lawyer-backup", "KZ-SHY", "Saule Tokayeva", ContactRole.Lawyer, 2, "+77019998877", null, "ru", true),
        new("lawyer-retired", "KZ-SHY", "Marat Inactive", ContactRole.Lawyer, 1, "+77015556677", null, "ru", false),
        new("ngo-kz", "KZ", "Kazakhstan Rights Bureau (demo)", ContactRole.Ngo, 1, null, "press@kz-rights.example.org", "ru", true),
        new("ngo-intl", "INTL", "International Defenders Network (demo)", ContactRole.Ngo, 1, null, "urgent@defenders.example.org", "en", true),
        new("lawyer-almaty", "KZ-ALA", "Almaty Lawyer (other region)", ContactRole.Lawyer, 1, "+77012223344", null, "ru", true),
    ];

    /// <summary>Seeds the contacts, creates the demo organizer and a coordinator account for KZ; returns their tokens.</summary>
    public static async Task<DemoTokens> SeedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await services.GetRequiredService<ContactStore>().PutManyAsync(Contacts, cancellationToken);
        var created = await services.GetRequiredService<OrganizerAdmin>().CreateAsync(
            CoordinatorCaller.Admin, new NewOrganizerRequest("Demo organizer (Shymkent)", ["KZ-SHY"], "+77470001122", "ru"), cancellationToken);
        var coordinator = await services.GetRequiredService<CoordinatorAdmin>().CreateAsync(
            CoordinatorCaller.Admin, new NewCoordinatorRequest("Demo coordinator (Kazakhstan)", "coordinator", ["KZ"]), cancellationToken);
        return new DemoTokens(
            created.Value?.Token ?? throw new InvalidOperationException("Could not create the demo organizer: " + created.Problem?.Detail),
            coordinator.Value?.Token ?? throw new InvalidOperationException("Could not create the demo coordinator: " + coordinator.Problem?.Detail));
    }
}

/// <summary>The demo's credentials: the organizer's token and a KZ coordinator account's token.</summary>
public sealed record DemoTokens(string Organizer, string Coordinator);
