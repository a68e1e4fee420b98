using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.DurableTask.Converters;

namespace TalentReview.Durable.Embedded;

/// <summary>
/// How the engine writes its own records (history, inbox, failures), and the payload converter it
/// uses when the host gives none: web defaults with enums as names, as the workflow writes them.
/// </summary>
internal static class EngineJson
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    public static JsonDataConverter DefaultConverter { get; } = new(Options);

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.Converters.Add(new JsonStringEnumConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
