using TalentReview.Durable.Embedded.History;
using TalentReview.Durable.Embedded.Persistence;

namespace TalentReview.Durable.Embedded;

/// <summary>The <see cref="DurableClient"/> of the embedded engine: every call is one store transaction, then a wake-up.</summary>
internal sealed class EmbeddedDurableClient(EmbeddedDurableEngine engine, EngineStore store) : DurableClient
{
    public override Task<string> ScheduleNewOrchestrationInstanceAsync(
        string orchestratorName, object? input = null, StartOrchestrationOptions? options = null, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(orchestratorName);
        var instanceId = options?.InstanceId ?? Guid.NewGuid().ToString("N");
        var outcome = store.ScheduleNew(instanceId, orchestratorName, DurableJson.Serialize(input), engine.Now, options?.StartAt);
        engine.Dispatch(outcome);
        return Task.FromResult(instanceId);
    }

    public override Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        ArgumentException.ThrowIfNullOrEmpty(eventName);
        var raised = new EventRaised(eventName, DurableJson.Serialize(eventPayload)) { Timestamp = engine.Now.UtcDateTime };
        Deliver(instanceId, raised, onlyIfActive: false);
        return Task.CompletedTask;
    }

    public override Task<OrchestrationMetadata?> GetInstanceAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
        => Task.FromResult(store.GetInstance(instanceId)?.ToMetadata(getInputsAndOutputs));

    public override Task<OrchestrationQueryPage> QueryInstancesAsync(OrchestrationQuery query, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (rows, continuation) = store.Query(query);
        return Task.FromResult(new OrchestrationQueryPage(rows.Select(r => r.ToMetadata(query.FetchInputsAndOutputs)).ToList(), continuation));
    }

    public override async Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
    {
        while (true)
        {
            var completion = engine.CompletionSignal(instanceId);
            var row = store.GetInstance(instanceId) ?? throw new OrchestrationNotFoundException(instanceId);
            if (!row.IsActive)
            {
                return row.ToMetadata(getInputsAndOutputs);
            }

            await completion.WaitAsync(cancellation).ConfigureAwait(false);
        }
    }

    public override Task TerminateInstanceAsync(string instanceId, TerminateInstanceOptions? options = null, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        var terminated = new ExecutionTerminated(DurableJson.Serialize(options?.Output), options?.Recursive ?? false) { Timestamp = engine.Now.UtcDateTime };
        Deliver(instanceId, terminated, onlyIfActive: true);
        return Task.CompletedTask;
    }

    public override Task<PurgeResult> PurgeInstanceAsync(string instanceId, PurgeInstanceOptions? options = null, CancellationToken cancellation = default)
        => Task.FromResult(new PurgeResult(store.Purge([instanceId], options?.Recursive ?? false)));

    public override Task<PurgeResult> PurgeAllInstancesAsync(PurgeInstancesFilter filter, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return Task.FromResult(new PurgeResult(store.Purge(store.FindPurgeable(filter), recursive: false)));
    }

    private void Deliver(string instanceId, HistoryEvent message, bool onlyIfActive)
    {
        var outcome = new CommitOutcome();
        if (!store.TryDeliver(instanceId, message, onlyIfActive, outcome))
        {
            throw new OrchestrationNotFoundException(instanceId);
        }

        engine.Dispatch(outcome);
    }
}
