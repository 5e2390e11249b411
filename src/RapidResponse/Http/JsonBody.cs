using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;

namespace RapidResponse.Http;

/// <summary>
/// Reads a JSON request body strictly: a size cap (413), well-formed JSON of bounded depth (400),
/// then the shape: unknown members and wrong types name their field (422).
/// </summary>
public static class JsonBody
{
    public const int DefaultMaxBytes = 16 * 1024;
    private const int MaxDepth = 16;

    public static async Task<Result<T>> ReadAsync<T>(
        HttpRequest request, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken, int maxBytes = DefaultMaxBytes)
        where T : class
    {
        if (request.ContentType is { } contentType && !IsJson(contentType))
        {
            return Problem.UnsupportedMediaType("application/json");
        }

        var bytes = await RequestBody.ReadAsync(request, maxBytes, cancellationToken);
        if (bytes is null)
        {
            return Problem.TooLarge(maxBytes);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = MaxDepth });
        }
        catch (JsonException exception)
        {
            return Problem.Malformed($"The body is not valid JSON: {SafeMessage(exception)}");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return Problem.Malformed("The body must be a JSON object.");
            }

            try
            {
                return document.Deserialize(typeInfo) is { } value ? value : Problem.Malformed("The body must be a JSON object.");
            }
            catch (JsonException exception)
            {
                return Problem.Invalid(FieldOf(exception), ShapeMessage(exception));
            }
        }
    }

    private static bool IsJson(string contentType) =>
        contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase)
        || contentType.Contains("+json", StringComparison.OrdinalIgnoreCase);

    private static string FieldOf(JsonException exception) =>
        exception.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : "body";

    private static string ShapeMessage(JsonException exception) =>
        exception.Message.Contains("could not be mapped", StringComparison.Ordinal)
            ? "is not a known field"
            : "has the wrong type";

    // System.Text.Json messages quote the offending input and name internal types; keep only the position.
    private static string SafeMessage(JsonException exception) =>
        exception.LineNumber is { } line ? $"syntax error at line {line + 1}, position {exception.BytePositionInLine + 1}" : "syntax error";
}
