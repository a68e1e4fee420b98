using System.Text.Json;

namespace TalentReview.Durable.Conformance.Scenarios;

/// <summary>Returns its input unchanged, whatever its shape.</summary>
public sealed class EchoActivity : TaskActivity<JsonElement, JsonElement>
{
    public override Task<JsonElement> RunAsync(TaskActivityContext context, JsonElement input) => Task.FromResult(input);
}
