using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace RapidResponse.Http;

/// <summary>
/// Finds every member of a JSON body that does not fit its type (wrong type, unknown member), not only the first one
/// System.Text.Json stops at, and takes them out so the rest can still be read and checked against the rules.
/// </summary>
internal static class JsonShape
{
    /// <summary>The errors found reading each body, kept with the value read until its rules run (FieldErrors.For).</summary>
    private static readonly ConditionalWeakTable<object, FieldErrors> Misfits = new();

    /// <summary>The message for a member the type does not have.</summary>
    public const string UnknownField = "is not a known field";

    public static FieldErrors? Found(object request) => Misfits.TryGetValue(request, out var errors) ? errors : null;

    public static void Keep(object request, FieldErrors errors) => Misfits.AddOrUpdate(request, errors);

    /// <summary>Reports each misfit under its JSON path and removes it from <paramref name="node"/> (array items become null).</summary>
    public static void Check(JsonNode node, JsonTypeInfo info, string path, FieldErrors errors)
    {
        switch (info.Kind)
        {
            case JsonTypeInfoKind.Object when node is JsonObject members:
                CheckMembers(members, info, path, errors);
                break;
            case JsonTypeInfoKind.Enumerable when node is JsonArray items:
                var element = info.Options.GetTypeInfo(info.ElementType!);
                for (var i = 0; i < items.Count; i++)
                {
                    if (items[i] is { } item && !Fits(item, element, $"{path}[{i}]", errors))
                    {
                        items[i] = null;
                    }
                }

                break;
            case JsonTypeInfoKind.Dictionary when node is JsonObject entries:
                var value = info.Options.GetTypeInfo(info.ElementType!);
                foreach (var (key, entry) in entries.ToList())
                {
                    if (entry is not null && !Fits(entry, value, Join(path, key), errors))
                    {
                        entries.Remove(key);
                    }
                }

                break;
        }
    }

    private static void CheckMembers(JsonObject members, JsonTypeInfo info, string path, FieldErrors errors)
    {
        var comparison = info.Options.PropertyNameCaseInsensitive ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        foreach (var (name, member) in members.ToList())
        {
            var field = Join(path, name);
            var property = info.Properties.FirstOrDefault(p => string.Equals(p.Name, name, comparison));
            if (property is null)
            {
                errors.Add(field, UnknownField);
                members.Remove(name);
            }
            else if (member is not null && !Fits(member, info.Options.GetTypeInfo(property.PropertyType), field, errors))
            {
                members.Remove(name);
            }
        }
    }

    /// <summary>False when the node as a whole is the wrong type (reported here); misfits inside it are removed in place.</summary>
    private static bool Fits(JsonNode node, JsonTypeInfo info, string field, FieldErrors errors)
    {
        var kind = node.GetValueKind();
        var fits = info.Kind switch
        {
            JsonTypeInfoKind.Object or JsonTypeInfoKind.Dictionary => kind == JsonValueKind.Object,
            JsonTypeInfoKind.Enumerable => kind == JsonValueKind.Array,
            _ => Reads(node, info),
        };
        if (!fits)
        {
            errors.Add(field, "has the wrong type");
            return false;
        }

        Check(node, info, field, errors);
        return true;
    }

    private static bool Reads(JsonNode node, JsonTypeInfo info)
    {
        try
        {
            node.Deserialize(info);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";
}
