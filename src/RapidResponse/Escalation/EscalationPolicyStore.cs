using System.Text.Json;
using System.Text.Json.Serialization;
using Azure;
using Azure.Data.Tables;
using RapidResponse.Contacts;

namespace RapidResponse.Escalation;

/// <summary>
/// The <c>EscalationPolicies</c> table: partition <c>policy</c>, row key the region. An alert follows the policy of
/// the first region of its chain that has one (<c>KZ-SHY</c>, then <c>KZ</c>, then <c>INTL</c>), else the default.
/// </summary>
public sealed class EscalationPolicyStore(TableClient table)
{
    private const string Partition = "policy";

    public async Task<EscalationPolicy?> GetAsync(string region, CancellationToken cancellationToken)
    {
        var response = await table.GetEntityIfExistsAsync<PolicyEntity>(Partition, region, cancellationToken: cancellationToken);
        return response.HasValue ? ToPolicy(response.Value!) : null;
    }

    public async Task PutAsync(EscalationPolicy policy, CancellationToken cancellationToken) =>
        await table.UpsertEntityAsync(
            new PolicyEntity
            {
                PartitionKey = Partition,
                RowKey = policy.Region,
                Steps = JsonSerializer.Serialize(policy.Steps, EscalationJson.Default.IReadOnlyListEscalationStep),
            },
            TableUpdateMode.Replace,
            cancellationToken);

    /// <summary>The policy of the first region of the chain that has one: one query for the whole chain.</summary>
    public async Task<EscalationPolicy> ForAlertAsync(string region, CancellationToken cancellationToken)
    {
        var chain = RegionCode.Chain(region);
        var regions = string.Join(" or ", chain.Select(link => TableClient.CreateQueryFilter($"RowKey eq {link}")));
        var found = new Dictionary<string, EscalationPolicy>(StringComparer.Ordinal);
        await foreach (var row in table.QueryAsync<PolicyEntity>(
                           $"PartitionKey eq '{Partition}' and ({regions})", cancellationToken: cancellationToken))
        {
            found[row.RowKey] = ToPolicy(row);
        }

        return chain.Select(link => found.GetValueOrDefault(link)).FirstOrDefault(policy => policy is not null)
            ?? EscalationPolicy.Default(region);
    }

    private static EscalationPolicy ToPolicy(PolicyEntity row) =>
        new(row.RowKey, JsonSerializer.Deserialize(row.Steps, EscalationJson.Default.IReadOnlyListEscalationStep) ?? []);

    private sealed class PolicyEntity : ITableEntity
    {
        public string PartitionKey { get; set; } = Partition;
        public string RowKey { get; set; } = "";
        public DateTimeOffset? Timestamp { get; set; }
        public ETag ETag { get; set; }

        public string Steps { get; set; } = "[]";
    }
}

/// <summary>Source-generated JSON for the steps stored in a policy row.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true)]
[JsonSerializable(typeof(IReadOnlyList<EscalationStep>))]
internal sealed partial class EscalationJson : JsonSerializerContext;
