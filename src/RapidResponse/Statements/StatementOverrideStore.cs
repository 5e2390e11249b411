using Azure.Data.Tables;

namespace RapidResponse.Statements;

/// <summary>A template or profile an admin uploaded, replacing the one shipped in the assembly.</summary>
public sealed record StatementOverride(string Kind, string Name, string Source);

/// <summary>The <c>StatementOverrides</c> table: partition <c>template</c> or <c>profile</c>, row key the file name.</summary>
public sealed class StatementOverrideStore(TableClient table)
{
    public const string Template = "template";
    public const string Profile = "profile";

    public async Task PutAsync(StatementOverride entry, CancellationToken cancellationToken) =>
        await table.UpsertEntityAsync(
            new TableEntity(entry.Kind, entry.Name) { ["Source"] = entry.Source }, TableUpdateMode.Replace, cancellationToken);

    public async Task<IReadOnlyList<StatementOverride>> ListAsync(CancellationToken cancellationToken)
    {
        var entries = new List<StatementOverride>();
        await foreach (var row in table.QueryAsync<TableEntity>(cancellationToken: cancellationToken))
        {
            entries.Add(new StatementOverride(row.PartitionKey, row.RowKey, row.GetString("Source")));
        }

        return entries;
    }
}
