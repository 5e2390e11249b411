namespace RapidResponse.Page;

/// <summary>One file of the panic page: its bytes, media type and a strong validator for <c>If-None-Match</c>.</summary>
public sealed record PageAsset(string Name, byte[] Content, string ContentType, string ETag);
