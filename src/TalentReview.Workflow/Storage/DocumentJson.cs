using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace TalentReview.Workflow.Storage;

/// <summary>The one JSON shape of stored documents, shared by every store implementation.</summary>
public static class DocumentJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { SkipComputedProperties } },
        };
        options.Converters.Add(new GridPositionJsonConverter());
        options.Converters.Add(new JsonStringEnumConverter());
        options.MakeReadOnly();
        return options;
    }

    /// <summary>
    /// A property computed from others (no setter, no constructor parameter) is not stored: reading
    /// ignores it anyway, and every write and read of it would cost bytes and request units.
    /// </summary>
    private static void SkipComputedProperties(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        for (var i = type.Properties.Count - 1; i >= 0; i--)
        {
            if (type.Properties[i] is { Set: null, AssociatedParameter: null })
            {
                type.Properties.RemoveAt(i);
            }
        }
    }
}
