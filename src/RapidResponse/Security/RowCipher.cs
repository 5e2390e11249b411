namespace RapidResponse.Security;

/// <summary>
/// <see cref="FieldCipher"/> for the columns of one row: each value is bound to <see cref="Table"/> (the table's name
/// in the storage contract, not the client's, so a restore under another name still reads), the row's keys and its
/// column.
/// </summary>
public readonly record struct RowCipher(FieldCipher Cipher, string Table, string PartitionKey, string RowKey)
{
    public bool Enabled => Cipher.Enabled;

    public string? Seal(string field, string? value) => Cipher.Seal(this, field, value);

    public string? Open(string field, string? stored) => Cipher.Open(this, field, stored);

    /// <summary>As <see cref="Open"/> for a column that is never null.</summary>
    public string OpenText(string field, string stored) => Cipher.Open(this, field, stored)!;

    /// <summary>As <see cref="Seal"/> for a column that is never null.</summary>
    public string SealText(string field, string value) => Cipher.Seal(this, field, value)!;
}
