using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.DurableTask.Converters;

namespace TalentReview.Workflow;

/// <summary>
/// How the workflow's inputs, outputs, events and custom status are written, on every engine:
/// web defaults with enums by name. Both hosts configure their Durable Task engine with it.
/// </summary>
public static class DurablePayloads
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    public static JsonDataConverter Converter { get; } = new(Options);

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.Converters.Add(new JsonStringEnumConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
