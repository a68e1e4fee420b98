using System.Text.Json;

namespace TalentReview.Durable.Conformance.Scenarios;

/// <summary>Returns its input unchanged, whatever its shape.</summary>
public sealed class EchoActivity : Activity<JsonElement, JsonElement>
{
    public override Task<JsonElement> RunAsync(ActivityContext context, JsonElement input) => Task.FromResult(input);
}
