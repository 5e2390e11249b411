namespace RapidResponse.Security;

/// <summary>
/// A stored column that <see cref="FieldCipher"/> refuses to open. The message names the table, the row's keys and
/// the column, never the value: a queue message that meets one fails, is retried and is parked for the operator; an
/// HTTP request answers 500. Nothing is sent from a value that does not verify.
/// </summary>
public sealed class UnreadableFieldException : Exception
{
    public UnreadableFieldException()
    {
    }

    public UnreadableFieldException(string message)
        : base(message)
    {
    }

    public UnreadableFieldException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal UnreadableFieldException(RowCipher row, string field, string reason)
        : base($"{row.Table} ({row.PartitionKey}, {row.RowKey}) column {field} cannot be read: {reason}.")
    {
        Table = row.Table;
        Field = field;
    }

    public string? Table { get; }

    public string? Field { get; }
}
