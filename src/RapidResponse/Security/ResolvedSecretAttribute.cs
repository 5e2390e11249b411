using System.ComponentModel.DataAnnotations;

namespace RapidResponse.Security;

/// <summary>
/// Refuses a secret that is still the text of a Key Vault reference. When App Service cannot resolve
/// <c>@Microsoft.KeyVault(...)</c> (no access, a wrong name, a disabled secret) the app receives the reference itself,
/// and a service running on that public, guessable text would be worse than one that does not start.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ResolvedSecretAttribute : ValidationAttribute
{
    public const string ReferencePrefix = "@Microsoft.KeyVault(";

    public ResolvedSecretAttribute()
        : base("{0} is an unresolved Key Vault reference: check the app's identity has access to the vault and the secret exists.")
    {
    }

    public static bool IsUnresolvedReference(string? value) =>
        value is not null && value.AsSpan().TrimStart().StartsWith(ReferencePrefix, StringComparison.OrdinalIgnoreCase);

    public override bool IsValid(object? value) => !IsUnresolvedReference(value as string);
}
