using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using RapidResponse.Audit;
using RapidResponse.Http;
using RapidResponse.Security;

namespace RapidResponse.Contacts;

/// <summary>One row of a CSV import that was not kept, and why.</summary>
public sealed record ImportRowError(int Row, IReadOnlyDictionary<string, string[]> Errors);

/// <summary>What a CSV import did: how many rows were kept, and the rows that were not.</summary>
public sealed record ImportReport(int Imported, int Rejected, IReadOnlyList<ImportRowError> Errors)
{
    /// <summary>A dry run: nothing was saved; <see cref="Imported"/> counts what would be.</summary>
    public bool? DryRun { get; init; }

    /// <summary>On a dry run, the rows that would be saved, addresses masked.</summary>
    public IReadOnlyList<ContactView>? Contacts { get; init; }
}

/// <summary>
/// A coordinator's work on contact lists: put one, list a region, import a CSV; each within the caller's scope, and
/// each recorded in the audit log (field names only, never a value).
/// </summary>
public sealed class ContactAdmin(ContactStore store, AuditLog audit)
{
    public const int MaxImportRows = 5000;
    private static readonly string[] Columns = ["contactId", "name", "region", "role", "tier", "phone", "email", "language", "active", "prefers"];

    public async Task<Result<Contact>> PutAsync(CoordinatorCaller caller, string contactId, ContactInput input, CancellationToken cancellationToken)
    {
        var errors = FieldErrors.For(input);
        var contact = input.Validate(contactId, errors);
        if (contact is null)
        {
            return errors.ToProblem();
        }

        if (!caller.Can(ManageAction.EditContacts, contact.Region))
        {
            return OutOfScope(contact.Region);
        }

        var (before, existed) = await ReadBeforeAsync(contact, cancellationToken);
        await store.PutAsync(contact, cancellationToken);
        await audit.AppendAsync(
            caller, existed ? "contact.update" : "contact.create", Entity(contact), contact.Region, ContactChanges.Fields(before, contact), cancellationToken);
        return contact;
    }

    public async Task<Result<IReadOnlyList<Contact>>> ListAsync(CoordinatorCaller caller, string? region, CancellationToken cancellationToken)
    {
        var scoped = InScope(caller, ManageAction.ReadContacts, region);
        if (scoped.Problem is { } problem)
        {
            return problem;
        }

        var contacts = await store.ListAsync(scoped.Value!, cancellationToken);
        await audit.AppendAsync(caller, "contacts.list", "contacts:" + scoped.Value, scoped.Value, [], cancellationToken);
        return Result<IReadOnlyList<Contact>>.Ok(contacts);
    }

    /// <summary>
    /// A region's contacts as the import reads them (same columns, <c>docs/examples/contacts.csv</c>), so an export
    /// edited in a spreadsheet imports back; cells a spreadsheet would run as a formula, phones included, start with <c>'</c>.
    /// </summary>
    public async Task<Result<byte[]>> ExportAsync(CoordinatorCaller caller, string? region, CancellationToken cancellationToken)
    {
        // An export holds every phone and email in full, so it needs the role that edits them, not the one that reads.
        var scoped = InScope(caller, ManageAction.EditContacts, region);
        if (scoped.Problem is { } problem)
        {
            return problem;
        }

        var contacts = await store.ListAsync(scoped.Value!, cancellationToken);
        await audit.AppendAsync(caller, "contacts.export", "contacts:" + scoped.Value, scoped.Value, [], cancellationToken);
        var rows = contacts.Select(c => (IReadOnlyList<string>)
        [
            c.Id, c.Name, c.Region, c.Role.ToWire(), c.Tier.ToString(CultureInfo.InvariantCulture), c.Phone ?? "", c.Email ?? "", c.Language,
            c.Active ? "true" : "false", c.Prefers ?? "",
        ]);
        return Csv.Write(rows.Prepend(Columns));
    }

    /// <summary>
    /// Imports a CSV (UTF-8 bytes, with or without a byte-order mark) whose header names the contact fields; valid rows
    /// are kept, each bad row is reported by its record number (the header is 1). A <paramref name="dryRun"/> checks
    /// every row the same way and saves nothing, so a coordinator can fix the file first.
    /// </summary>
    public async Task<Result<ImportReport>> ImportAsync(CoordinatorCaller caller, byte[] csv, CancellationToken cancellationToken, bool dryRun = false)
    {
        var rows = Csv.ReadRows(csv).Take(MaxImportRows + 2).ToList();
        if (rows.Count == 0)
        {
            return Problem.Invalid("body", "the CSV is empty; its first line must name the columns: " + string.Join(',', Columns[1..]));
        }

        if (rows.Count > MaxImportRows + 1)
        {
            return Problem.Invalid("body", $"at most {MaxImportRows} rows per import");
        }

        var header = rows[0].Select(h => h.Trim()).ToArray();
        var unknown = header.Where(h => !Columns.Contains(h, StringComparer.OrdinalIgnoreCase)).ToArray();
        var missing = new[] { "name", "region", "role" }.Where(c => !header.Contains(c, StringComparer.OrdinalIgnoreCase)).ToArray();
        if (unknown.Length > 0 || missing.Length > 0)
        {
            var errors = new FieldErrors();
            foreach (var column in unknown)
            {
                errors.Add("header", $"unknown column '{column}'; known: {string.Join(',', Columns)}");
            }

            foreach (var column in missing)
            {
                errors.Add("header", $"missing column '{column}'");
            }

            return errors.ToProblem();
        }

        var kept = new List<Contact>();
        var rejected = new List<ImportRowError>();
        var outside = new Dictionary<string, string[]>(StringComparer.Ordinal);
        for (var i = 1; i < rows.Count; i++)
        {
            if (Cell(header, rows[i], "region") is { } region && RegionCode.IsValid(region) && !caller.Can(ManageAction.EditContacts, region))
            {
                outside[$"rows[{i + 1}].region"] = [$"{RegionCode.Normalize(region)} is outside your regions"];
            }

            var errors = new FieldErrors();
            var contact = ParseRow(header, rows[i], errors);
            if (contact is null)
            {
                rejected.Add(new ImportRowError(i + 1, errors.ToDictionary()));
            }
            else
            {
                kept.Add(contact);
            }
        }

        // Nothing is stored when any row is outside the caller's scope: a half-applied list is worse than none.
        if (outside.Count > 0)
        {
            return new Problem(
                StatusCodes.Status403Forbidden,
                "Forbidden",
                $"{outside.Count} rows are outside your regions ({string.Join(", ", outside.Keys)}); nothing was imported.",
                outside);
        }

        if (dryRun)
        {
            return new ImportReport(kept.Count, rejected.Count, rejected) { DryRun = true, Contacts = kept.Select(ContactView.Masked).ToList() };
        }

        var contacts = kept.DistinctBy(c => (c.Region, c.Id)).ToList();
        await store.PutManyAsync(contacts, cancellationToken);
        var given = header.Where(h => !h.Equals("contactId", StringComparison.OrdinalIgnoreCase)).Select(h => h.ToLowerInvariant()).ToList();
        await audit.AppendAsync(caller, contacts.Select(c => new AuditChange("contact.import", Entity(c), c.Region, given)).ToList(), cancellationToken);
        return new ImportReport(kept.Count, rejected.Count, rejected);
    }

    private static string Entity(Contact contact) => $"contact:{contact.Region}/{contact.Id}";

    private static Problem OutOfScope(string region) => Problem.Forbidden($"Region '{region}' is outside your regions.");

    private static string? Cell(string[] header, IReadOnlyList<string> cells, string column)
    {
        var index = Array.FindIndex(header, h => string.Equals(h, column, StringComparison.OrdinalIgnoreCase));
        return index >= 0 && index < cells.Count && cells[index].Trim().Length > 0 ? cells[index].Trim() : null;
    }

    private static Contact? ParseRow(string[] header, IReadOnlyList<string> cells, FieldErrors errors)
    {
        string? Cell(string column) => ContactAdmin.Cell(header, cells, column);

        int? tier = null;
        if (Cell("tier") is { } tierText)
        {
            if (int.TryParse(tierText, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                tier = parsed;
            }
            else
            {
                errors.Add("tier", "must be a whole number");
            }
        }

        bool? active = null;
        if (Cell("active") is { } activeText)
        {
            if (bool.TryParse(activeText, out var parsed))
            {
                active = parsed;
            }
            else
            {
                errors.Add("active", "must be true or false");
            }
        }

        var input = new ContactInput(Cell("name"), Cell("region"), Cell("role"), tier, Cell("phone"), Cell("email"), Cell("language"), active, Cell("prefers"));
        var contactId = Cell("contactId") ?? StableId(input);
        return input.Validate(contactId, errors);
    }

    // Rows without an id get one derived from who they are, so importing the same file twice replaces, not duplicates.
    private static string StableId(ContactInput input)
    {
        var identity = string.Join('|', input.Region?.ToUpperInvariant(), input.Name, input.Phone, input.Email);
        return "c" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)))[..15];
    }

    /// <summary>
    /// The row being replaced, for the audit's list of changed fields. A row that no longer opens (tampered, or under a
    /// lost key) is what a coordinator mends by saving the contact again, so it counts as every field changed.
    /// </summary>
    private async Task<(Contact? Before, bool Existed)> ReadBeforeAsync(Contact contact, CancellationToken cancellationToken)
    {
        try
        {
            var before = await store.GetAsync(contact.Region, contact.Id, cancellationToken);
            return (before, before is not null);
        }
        catch (UnreadableFieldException)
        {
            return (null, true);
        }
    }

    private static Result<string> InScope(CoordinatorCaller caller, ManageAction action, string? region)
    {
        if (!RegionCode.IsValid(region))
        {
            return Problem.Invalid("region", RegionCode.Rule);
        }

        var normalized = RegionCode.Normalize(region!);
        return caller.Can(action, normalized) ? normalized : OutOfScope(normalized);
    }
}
