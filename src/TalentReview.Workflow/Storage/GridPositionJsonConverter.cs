using System.Text.Json;
using System.Text.Json.Serialization;
using TalentReview.Domain.NineBox;

namespace TalentReview.Workflow.Storage;

/// <summary>
/// Stores a grid position as its box name ("Star"): cards, audits and results hold many positions,
/// and every byte of a card chunk is rewritten on each move. Reads the earlier object form too.
/// </summary>
internal sealed class GridPositionJsonConverter : JsonConverter<GridPosition>
{
    public override GridPosition Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return GridPosition.Of(Enum.Parse<GridBox>(reader.GetString()!));
        }

        var (performance, potential) = (RatingLevel.Low, RatingLevel.Low);
        using var document = JsonDocument.ParseValue(ref reader);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            if (property.NameEquals("performance"))
            {
                performance = Enum.Parse<RatingLevel>(property.Value.GetString()!);
            }
            else if (property.NameEquals("potential"))
            {
                potential = Enum.Parse<RatingLevel>(property.Value.GetString()!);
            }
        }

        return new GridPosition(performance, potential);
    }

    public override void Write(Utf8JsonWriter writer, GridPosition value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.Box.ToString());
    }
}
