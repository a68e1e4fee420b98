using System.Text.Json;
using System.Text.Json.Nodes;
using TalentReview.Workflow.Storage;

namespace TalentReview.Infrastructure.Tests.Storage;

public sealed class DocumentJsonTests
{
    [Fact]
    public void A_computed_property_is_not_stored_and_the_document_reads_back_whole()
    {
        var participant = new ParticipantDocument(
            "c1", "E7", "An Peeters", "an@example.test", Domain.Language.Nl, "Sales", "Account manager", "L4", "sales", 3,
            "M1", "S1", StepState.Submitted, StepState.Pending, "n1", "n2", "n3");

        var json = JsonSerializer.Serialize(participant, DocumentJson.Options);
        var stored = JsonNode.Parse(json)!.AsObject();

        Assert.False(stored.ContainsKey("contact"), json);
        Assert.Equal("Submitted", (string?)stored["selfAssessmentState"]);
        Assert.Equal(participant, JsonSerializer.Deserialize<ParticipantDocument>(json, DocumentJson.Options));
        Assert.Equal(participant.Contact, JsonSerializer.Deserialize<ParticipantDocument>(json, DocumentJson.Options)!.Contact);
    }

    [Fact]
    public void A_property_set_through_the_constructor_is_stored_even_without_a_setter()
    {
        var json = JsonSerializer.Serialize(new ConstructorBound("kept"), DocumentJson.Options);

        Assert.Equal("""{"name":"kept"}""", json);

        Assert.Equal("kept", JsonSerializer.Deserialize<ConstructorBound>(json, DocumentJson.Options)!.Name);
    }

    private sealed class ConstructorBound(string name)
    {
        public string Name { get; } = name;

        public int Length => Name.Length;
    }
}
