using Azure;
using Azure.Data.Tables;
using RapidResponse.Dispatch;

namespace RapidResponse.Alerts;

/// <summary>Everything about one alert in one partition of the <c>Alerts</c> table.</summary>
public sealed record AlertRecord(Alert Alert, IReadOnlyList<Delivery> Deliveries, IReadOnlyList<TimelineEntry> Timeline);

/// <summary>
/// The <c>Alerts</c> table. Partition = alert id: the alert row, one row per delivery and one per timeline entry,
/// so a status read is one partition query and a fan-out writes in 100-entity batches. What the rows say about people
/// and places is sealed with the data key, bound to its row (each entity's <c>Sealed</c>/<c>Opened</c>).
/// </summary>
public sealed partial class AlertStore(TableClient table, Security.FieldCipher? cipher = null)
{
    private readonly Security.FieldCipher cipher = cipher ?? Security.FieldCipher.None;

    /// <summary>Rows per table transaction (the service's limit).</summary>
    public const int TransactionSize = 100;

    /// <summary>Transactions of one large fan-out in flight at once.</summary>
    private const int ConcurrentTransactions = 4;

    /// <summary>Writes the alert with its first timeline entry, atomically.</summary>
    public async Task CreateAsync(Alert alert, TimelineEntry accepted, CancellationToken cancellationToken)
    {
        var first = TimelineEntity.From(alert.Id, accepted, 1, Security.RecordChain.Genesis);
        var head = ChainHeads.For(first);
        TableTransactionAction[] actions =
        [
            new(TableTransactionActionType.Add, AlertEntity.From(alert).Sealed(cipher)),
            new(TableTransactionActionType.Add, first.Sealed(cipher)),
            new(TableTransactionActionType.Add, head),
        ];
        await table.SubmitTransactionAsync(actions, cancellationToken);
    }

    /// <summary>As <see cref="CreateAsync"/>, but an alert already written (by an interrupted attempt) is kept as it is.</summary>
    public async Task CreateIfMissingAsync(Alert alert, TimelineEntry accepted, CancellationToken cancellationToken)
    {
        try
        {
            await CreateAsync(alert, accepted, cancellationToken);
        }
        catch (TableTransactionFailedException exception) when (exception.Status == 409)
        {
        }
    }

    public async Task<Alert?> GetAsync(string alertId, CancellationToken cancellationToken)
    {
        if (!Storage.Keys.IsValid(alertId))
        {
            return null;
        }

        var response = await table.GetEntityIfExistsAsync<AlertEntity>(alertId, AlertEntity.Row, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value!.Opened(cipher).ToAlert() : null;
    }

    /// <summary>The alert, its deliveries and its timeline, in one partition query.</summary>
    public async Task<AlertRecord?> ReadAsync(string alertId, CancellationToken cancellationToken)
    {
        if (!Storage.Keys.IsValid(alertId))
        {
            return null;
        }

        Alert? alert = null;
        var deliveries = new List<Delivery>();
        var timeline = new List<TimelineEntry>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {alertId}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            if (row.RowKey == AlertEntity.Row)
            {
                alert = Convert<AlertEntity>(row).Opened(cipher).ToAlert();
            }
            else if (row.RowKey.StartsWith(DeliveryEntity.Prefix, StringComparison.Ordinal))
            {
                deliveries.Add(Convert<DeliveryEntity>(row).Opened(cipher).ToDelivery());
            }
            else if (row.RowKey.StartsWith(TimelineEntity.Prefix, StringComparison.Ordinal))
            {
                timeline.Add(Convert<TimelineEntity>(row).Opened(cipher).ToEntry());
            }
        }

        return alert is null ? null : new AlertRecord(alert, deliveries, timeline);
    }

    public async Task<IReadOnlyList<Delivery>> ListDeliveriesAsync(string alertId, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {alertId} and RowKey ge {DeliveryEntity.Prefix} and RowKey lt {"d}"}");
        var deliveries = new List<Delivery>();
        await foreach (var row in table.QueryAsync<DeliveryEntity>(filter, cancellationToken: cancellationToken))
        {
            deliveries.Add(row.Opened(cipher).ToDelivery());
        }

        return deliveries;
    }

    /// <summary>
    /// Adds new deliveries in transactions of <see cref="TransactionSize"/>, a few in flight at once (10,000 rows one
    /// transaction after another would take seconds); all belong to one alert.
    /// </summary>
    public async Task AddDeliveriesAsync(IReadOnlyCollection<Delivery> deliveries, CancellationToken cancellationToken) =>
        await Parallel.ForEachAsync(
            deliveries.Chunk(TransactionSize),
            new ParallelOptions { MaxDegreeOfParallelism = ConcurrentTransactions, CancellationToken = cancellationToken },
            async (chunk, token) =>
                await table.SubmitTransactionAsync(chunk.Select(d => new TableTransactionAction(TableTransactionActionType.Add, Sealed(d))), token));

    /// <summary>
    /// As <see cref="AddDeliveriesAsync"/>, but false, instead of an error, when one of them exists already (a
    /// transaction with a row added before fails whole; the ones before it stay added).
    /// </summary>
    public async Task<bool> TryAddDeliveriesAsync(IReadOnlyCollection<Delivery> deliveries, CancellationToken cancellationToken)
    {
        try
        {
            await AddDeliveriesAsync(deliveries, cancellationToken);
            return true;
        }
        catch (TableTransactionFailedException exception) when (exception.Status == 409)
        {
            return false;
        }
    }

    /// <summary>Adds one delivery; false when it exists already (it was added before).</summary>
    public async Task<bool> TryAddDeliveryAsync(Delivery delivery, CancellationToken cancellationToken)
    {
        try
        {
            await table.AddEntityAsync(Sealed(delivery), cancellationToken);
            return true;
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
        {
            return false;
        }
    }

    public async Task<Delivery?> GetDeliveryAsync(string alertId, string deliveryId, CancellationToken cancellationToken)
    {
        if (!Storage.Keys.IsValid(alertId) || !Storage.Keys.IsValid(deliveryId))
        {
            return null;
        }

        var response = await table.GetEntityIfExistsAsync<DeliveryEntity>(
            alertId, DeliveryEntity.Prefix + deliveryId, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value!.Opened(cipher).ToDelivery() : null;
    }

    /// <summary>
    /// Replaces the delivery row only if nobody changed it since it was read (its <see cref="Delivery.Version"/>).
    /// Returns the new version, or null when someone else got there first.
    /// </summary>
    public async Task<Delivery?> TryUpdateDeliveryAsync(Delivery delivery, CancellationToken cancellationToken)
    {
        try
        {
            var entity = Sealed(delivery);
            var response = await table.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace, cancellationToken);
            return delivery with { Version = response.Headers.ETag?.ToString() };
        }
        catch (RequestFailedException exception) when (exception.Status == 412)
        {
            return null;
        }
    }

    private DeliveryEntity Sealed(Delivery delivery) => DeliveryEntity.From(delivery).Sealed(cipher);

    // A partition query returns mixed rows; each is re-read as its own entity type.
    private static T Convert<T>(TableEntity row)
        where T : class, ITableEntity, new()
    {
        var entity = new T { PartitionKey = row.PartitionKey, RowKey = row.RowKey, Timestamp = row.Timestamp, ETag = row.ETag };
        foreach (var property in typeof(T).GetProperties())
        {
            if (property.CanWrite && row.TryGetValue(property.Name, out var value) && value is not null
                && property.Name is not (nameof(ITableEntity.PartitionKey) or nameof(ITableEntity.RowKey) or nameof(ITableEntity.Timestamp) or nameof(ITableEntity.ETag)))
            {
                var target = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
                property.SetValue(entity, value is DateTime dateTime && target == typeof(DateTimeOffset)
                    ? new DateTimeOffset(dateTime, TimeSpan.Zero)
                    : System.Convert.ChangeType(value, target, System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return entity;
    }
}
