using Microsoft.DurableTask;

namespace TalentReview.Durable.Embedded;

/// <summary>What an activity knows of its call: its name and the orchestration that called it.</summary>
internal sealed class EmbeddedActivityContext(string name, string instanceId) : TaskActivityContext
{
    public override TaskName Name => name;

    public override string InstanceId => instanceId;
}
