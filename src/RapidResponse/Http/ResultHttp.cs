using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;

namespace RapidResponse.Http;

/// <summary>How every endpoint answers a <see cref="Result{T}"/>: its problem as problem+json, or its value as JSON.</summary>
public static class ResultHttp
{
    public static IResult ToHttpResult<T>(this Result<T> result, JsonTypeInfo<T> typeInfo, int statusCode = StatusCodes.Status200OK) =>
        result.Problem?.ToResult() ?? TypedResults.Json(result.Value, typeInfo, statusCode: statusCode);
}
