using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;

namespace RapidResponse.Http;

/// <summary>
/// Reads a JSON request body strictly: a size cap (413), well-formed JSON of bounded depth (400),
/// then the shape: unknown members and wrong types name their field (422), every one of them, together with what
/// the endpoint's own rules find in the rest of the body.
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

        JsonNode? body;
        try
        {
            body = JsonNode.Parse(bytes, documentOptions: new JsonDocumentOptions { MaxDepth = MaxDepth });
        }
        catch (JsonException exception)
        {
            return Problem.Malformed($"The body is not valid JSON: {SafeMessage(exception)}");
        }

        if (body is not JsonObject)
        {
            return Problem.Malformed("The body must be a JSON object.");
        }

        try
        {
            return body.Deserialize(typeInfo) is { } value ? value : Problem.Malformed("The body must be a JSON object.");
        }
        catch (JsonException exception)
        {
            return ReadPast(body, typeInfo, exception);
        }
    }

    /// <summary>
    /// A body with misfits: each is named, then the rest is read so the endpoint's rules can name what else is wrong
    /// in the same answer (FieldErrors.For picks the misfits up). If even the rest cannot be read, the misfits alone.
    /// </summary>
    private static Result<T> ReadPast<T>(JsonNode body, JsonTypeInfo<T> typeInfo, JsonException exception)
        where T : class
    {
        var errors = new FieldErrors();
        JsonShape.Check(body, typeInfo, "", errors);
        if (!errors.Any)
        {
            return Problem.Invalid(FieldOf(exception), ShapeMessage(exception));
        }

        try
        {
            if (body.Deserialize(typeInfo) is { } rest)
            {
                JsonShape.Keep(rest, errors);
                return rest;
            }
        }
        catch (JsonException)
        {
            // What remains still does not read (a null where a value type belongs): the misfits found are the answer.
        }

        return errors.ToProblem();
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
