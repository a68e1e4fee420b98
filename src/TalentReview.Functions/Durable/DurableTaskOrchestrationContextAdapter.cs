using Microsoft.Extensions.Logging;
using TalentReview.Durable;
using Dt = Microsoft.DurableTask;

namespace TalentReview.Functions.Durable;

/// <summary>
/// Runs our orchestrations on Durable Functions: every member maps to its namesake on
/// <see cref="Dt.TaskOrchestrationContext"/>; only options and failures change type on the way.
/// </summary>
public sealed class DurableTaskOrchestrationContextAdapter(Dt.TaskOrchestrationContext inner) : OrchestrationContext
{
    public override string Name => inner.Name.Name;

    public override string InstanceId => inner.InstanceId;

    public override bool IsReplaying => inner.IsReplaying;

    public override DateTime CurrentUtcDateTime => inner.CurrentUtcDateTime;

    public override T? GetInput<T>() where T : default => inner.GetInput<T>();

    public override async Task<TResult> CallActivityAsync<TResult>(string name, object? input = null, TaskOptions? options = null)
    {
        try
        {
            return await inner.CallActivityAsync<TResult>(name, input, DurableTaskMapping.ToTaskOptions(options)).ConfigureAwait(true);
        }
        catch (Dt.TaskFailedException failure)
        {
            throw new TaskFailedException(name, DurableTaskMapping.ToFailureDetails(failure.FailureDetails));
        }
    }

    public override async Task<TResult> CallSubOrchestratorAsync<TResult>(string orchestratorName, object? input = null, TaskOptions? options = null)
    {
        try
        {
            return await inner.CallSubOrchestratorAsync<TResult>(orchestratorName, input, DurableTaskMapping.ToTaskOptions(options)).ConfigureAwait(true);
        }
        catch (Dt.TaskFailedException failure)
        {
            throw new TaskFailedException(orchestratorName, DurableTaskMapping.ToFailureDetails(failure.FailureDetails));
        }
    }

    public override Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default)
        => inner.WaitForExternalEvent<T>(eventName, cancellationToken);

    public override Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken) => inner.CreateTimer(fireAt, cancellationToken);

    public override void SendEvent(string instanceId, string eventName, object? eventData) => inner.SendEvent(instanceId, eventName, eventData!);

    public override void SetCustomStatus(object? customStatus) => inner.SetCustomStatus(customStatus);

    public override void ContinueAsNew(object? newInput = null, bool preserveUnprocessedEvents = true)
        => inner.ContinueAsNew(newInput, preserveUnprocessedEvents);

    public override Guid NewGuid() => inner.NewGuid();

    public override ILogger CreateReplaySafeLogger(string categoryName) => inner.CreateReplaySafeLogger(categoryName);
}
