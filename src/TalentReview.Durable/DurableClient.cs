namespace TalentReview.Durable;

/// <summary>
/// Manages orchestration instances from outside (mirrors Microsoft.DurableTask's <c>DurableTaskClient</c>).
/// </summary>
public abstract class DurableClient
{
    /// <summary>
    /// Schedules a new instance. With an explicit instance id, scheduling again while that instance
    /// is pending or running throws <see cref="OrchestrationAlreadyExistsException"/>; an id whose
    /// instance has ended is reused (the old instance is replaced), as in Durable Functions.
    /// </summary>
    public abstract Task<string> ScheduleNewOrchestrationInstanceAsync(
        string orchestratorName, object? input = null, StartOrchestrationOptions? options = null, CancellationToken cancellation = default);

    /// <summary>Raises an event; throws <see cref="OrchestrationNotFoundException"/> for an unknown instance.</summary>
    public abstract Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellation = default);

    public abstract Task<OrchestrationMetadata?> GetInstanceAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default);

    /// <summary>One page of instances matching the query; pass the returned token to get the next page.</summary>
    public abstract Task<OrchestrationQueryPage> QueryInstancesAsync(OrchestrationQuery query, CancellationToken cancellation = default);

    public abstract Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default);

    public abstract Task TerminateInstanceAsync(string instanceId, TerminateInstanceOptions? options = null, CancellationToken cancellation = default);

    /// <summary>Deletes an ended instance and its history; returns how many instances were purged.</summary>
    public abstract Task<PurgeResult> PurgeInstanceAsync(string instanceId, PurgeInstanceOptions? options = null, CancellationToken cancellation = default);

    /// <summary>Deletes all ended instances that match the filter.</summary>
    public abstract Task<PurgeResult> PurgeAllInstancesAsync(PurgeInstancesFilter filter, CancellationToken cancellation = default);
}

public sealed record StartOrchestrationOptions(string? InstanceId = null, DateTimeOffset? StartAt = null);

public sealed record TerminateInstanceOptions(object? Output = null, bool Recursive = false);

public sealed record PurgeInstanceOptions(bool Recursive = false);

public sealed record PurgeResult(int PurgedInstanceCount);

public sealed record PurgeInstancesFilter(
    DateTimeOffset? CreatedFrom = null,
    DateTimeOffset? CreatedTo = null,
    IReadOnlyCollection<OrchestrationRuntimeStatus>? Statuses = null,
    string? InstanceIdPrefix = null);

public sealed record OrchestrationQuery(
    IReadOnlyCollection<OrchestrationRuntimeStatus>? Statuses = null,
    string? InstanceIdPrefix = null,
    DateTimeOffset? CreatedFrom = null,
    DateTimeOffset? CreatedTo = null,
    int PageSize = 100,
    string? ContinuationToken = null,
    bool FetchInputsAndOutputs = false);

public sealed record OrchestrationQueryPage(IReadOnlyList<OrchestrationMetadata> Instances, string? ContinuationToken);

/// <summary>Mirrors <c>OrchestrationRuntimeStatus</c>.</summary>
public enum OrchestrationRuntimeStatus
{
    Running,
    Completed,
    ContinuedAsNew,
    Failed,
    Canceled,
    Terminated,
    Pending,
    Suspended,
}
