using DurableTask.Core.Exceptions;
using Grpc.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using TalentReview.Durable.Embedded.History;
using TalentReview.Durable.Embedded.Persistence;

namespace TalentReview.Durable.Embedded;

/// <summary>
/// The <see cref="DurableTaskClient"/> of the embedded engine: a call that writes is committed with
/// the engine's own writes (group commit) and answers once it is durable. Where backends differ it
/// answers as Durable Functions does: a start refuses an existing instance only in the dedupe statuses
/// it is given; custom status comes only with inputs and outputs; an event to an unknown instance fails
/// with gRPC NotFound and to an ended one with FailedPrecondition; terminate and purge never recurse.
/// </summary>
internal sealed class EmbeddedDurableClient(EmbeddedDurableEngine engine, EngineStore store, DataConverter converter)
    : DurableTaskClient("embedded")
{
    public override async Task<string> ScheduleNewOrchestrationInstanceAsync(
        TaskName orchestratorName, object? input = null, StartOrchestrationOptions? options = null, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(orchestratorName.Name);
        var instanceId = options?.InstanceId ?? Guid.NewGuid().ToString("N");
        var dedupe = options?.DedupeStatuses?.Select(ParseStatus).ToHashSet() ?? [];
        var start = new StartInstanceWrite(instanceId, orchestratorName.Name, converter.Serialize(input), engine.Now, options?.StartAt, dedupe);
        await engine.CommitAsync(start).ConfigureAwait(false);
        if (start.RefusedBecause is { } status)
        {
            throw new OrchestrationAlreadyExistsException($"An orchestration with id '{instanceId}' already exists. It's in the {status} state.");
        }

        return instanceId;
    }

    public override async Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        ArgumentException.ThrowIfNullOrEmpty(eventName);
        var raised = new EventRaised(eventName, converter.Serialize(eventPayload)) { Timestamp = engine.Now.UtcDateTime };
        var delivery = new DeliveryWrite(instanceId, raised);
        await engine.CommitAsync(delivery).ConfigureAwait(false);
        switch (delivery.FoundStatus)
        {
            case null:
                throw new RpcException(new Status(StatusCode.NotFound, $"No orchestration instance with id '{instanceId}' was found."));
            case OrchestrationRuntimeStatus.Pending or OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Suspended:
                return;
            case { } ended:
                throw new RpcException(new Status(StatusCode.FailedPrecondition, $"The orchestration instance '{instanceId}' has ended ({ended}) and takes no more events."));
        }
    }

    public override Task<OrchestrationMetadata?> GetInstancesAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
        => Task.FromResult(store.GetInstance(instanceId)?.ToMetadata(getInputsAndOutputs ? converter : null));

    public override AsyncPageable<OrchestrationMetadata> GetAllInstancesAsync(OrchestrationQuery? filter = null)
    {
        var query = filter ?? new OrchestrationQuery();
        return Pageable.Create((continuation, pageSize, cancellation) =>
        {
            var (rows, next) = store.Query(query with { ContinuationToken = continuation ?? query.ContinuationToken, PageSize = pageSize ?? query.PageSize });
            var page = rows.Select(r => r.ToMetadata(query.FetchInputsAndOutputs ? converter : null)).ToList();
            return Task.FromResult(new Page<OrchestrationMetadata>(page, next));
        });
    }

    public override async Task<OrchestrationMetadata> WaitForInstanceStartAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
    {
        while (true)
        {
            var progress = engine.ProgressSignal;
            if (store.GetInstance(instanceId) is { Status: not OrchestrationRuntimeStatus.Pending } row)
            {
                return row.ToMetadata(getInputsAndOutputs ? converter : null);
            }

            await progress.WaitAsync(cancellation).ConfigureAwait(false);
        }
    }

    public override async Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
    {
        while (true)
        {
            var completion = engine.CompletionSignal(instanceId);
            var row = store.GetInstance(instanceId)
                ?? throw new InvalidOperationException($"No orchestration instance with id '{instanceId}' was found.");
            if (!row.IsActive)
            {
                return row.ToMetadata(getInputsAndOutputs ? converter : null);
            }

            await completion.WaitAsync(cancellation).ConfigureAwait(false);
        }
    }

    /// <summary>Terminates one instance; like Durable Functions, never its sub-orchestrations, and an unknown or ended instance is no error.</summary>
    public override Task TerminateInstanceAsync(string instanceId, TerminateInstanceOptions? options = null, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        var terminated = new ExecutionTerminated(converter.Serialize(options?.Output)) { Timestamp = engine.Now.UtcDateTime };
        return engine.CommitAsync(new DeliveryWrite(instanceId, terminated));
    }

    public override Task SuspendInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default)
        => throw new NotSupportedException("The embedded engine does not suspend instances.");

    public override Task ResumeInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default)
        => throw new NotSupportedException("The embedded engine does not suspend instances.");

    /// <summary>Purges one ended instance; like Durable Functions, never its sub-orchestrations. A running instance is refused.</summary>
    public override Task<PurgeResult> PurgeInstanceAsync(string instanceId, PurgeInstanceOptions? options = null, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        return store.GetInstance(instanceId) is { IsActive: true } row
            ? throw new InvalidOperationException($"The orchestration instance '{instanceId}' is {row.Status}: only ended instances can be purged.")
            : Task.FromResult(new PurgeResult(store.Purge([instanceId])));
    }

    public override Task<PurgeResult> PurgeAllInstancesAsync(PurgeInstancesFilter filter, PurgeInstanceOptions? options = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return Task.FromResult(new PurgeResult(store.Purge(store.FindPurgeable(filter))));
    }

    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static OrchestrationRuntimeStatus ParseStatus(string status)
        => Enum.TryParse<OrchestrationRuntimeStatus>(status, ignoreCase: true, out var parsed)
            ? parsed
            : throw new ArgumentException($"Invalid orchestration runtime status: '{status}' for deduplication.", nameof(status));
}
