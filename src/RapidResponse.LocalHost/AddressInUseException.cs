namespace RapidResponse.LocalHost;

/// <summary>The address the local host should listen on is taken by another process.</summary>
public sealed class AddressInUseException(Uri address)
    : IOException($"{address.GetLeftPart(UriPartial.Authority)} is already in use: stop what runs there, or pick another port with --urls http://127.0.0.1:<port>.")
{
    public Uri Address { get; } = address;
}
