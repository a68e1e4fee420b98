using DurableTask.Core.Exceptions;
using Grpc.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace TalentReview.Workflow;

/// <summary>What became of an event raised to an instance.</summary>
public enum EventDelivery
{
    Delivered,

    /// <summary>No such instance (yet): e.g. a review its group has not started.</summary>
    NoInstance,

    /// <summary>The instance has ended and takes no more events.</summary>
    InstanceEnded,
}

/// <summary>
/// The workflow's uses of <see cref="DurableTaskClient"/> written once, the way every backend
/// answers them: Durable Functions reports an event to an unknown or ended instance as a gRPC
/// status, refuses a duplicate start only for the dedupe statuses it is sent, and neither
/// terminates nor purges recursively.
/// </summary>
public static class DurableClientExtensions
{
    /// <summary>Every status in which an instance exists: a start with these never replaces an instance.</summary>
    private static readonly IReadOnlyList<string> AnyStatus =
    [
        nameof(OrchestrationRuntimeStatus.Pending),
        nameof(OrchestrationRuntimeStatus.Running),
        nameof(OrchestrationRuntimeStatus.Suspended),
        nameof(OrchestrationRuntimeStatus.Completed),
        nameof(OrchestrationRuntimeStatus.Failed),
        nameof(OrchestrationRuntimeStatus.Terminated),
    ];

    private static readonly OrchestrationRuntimeStatus[] Ended =
        [OrchestrationRuntimeStatus.Completed, OrchestrationRuntimeStatus.Failed, OrchestrationRuntimeStatus.Terminated];

    /// <summary>Starts an instance under a deterministic id once; returns false when that id exists already, whatever its state.</summary>
    public static async Task<bool> StartOnceAsync(
        this DurableTaskClient client, TaskName orchestratorName, string instanceId, object? input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(
                orchestratorName, input, new StartOrchestrationOptions(instanceId) { DedupeStatuses = AnyStatus }, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (OrchestrationAlreadyExistsException)
        {
            return false;
        }
    }

    public static async Task<EventDelivery> TryRaiseEventAsync(
        this DurableTaskClient client, string instanceId, string eventName, object? payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        try
        {
            await client.RaiseEventAsync(instanceId, eventName, payload, cancellationToken).ConfigureAwait(false);
            return EventDelivery.Delivered;
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
        {
            return EventDelivery.NoInstance;
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.FailedPrecondition)
        {
            return EventDelivery.InstanceEnded;
        }
    }

    /// <summary>The ids of the instances whose id starts with <paramref name="prefix"/> and whose status is one of <paramref name="statuses"/>.</summary>
    public static async Task<List<string>> FindInstancesAsync(
        this DurableTaskClient client, string prefix, IEnumerable<OrchestrationRuntimeStatus> statuses, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var ids = new List<string>();
        var query = new OrchestrationQuery(Statuses: statuses, InstanceIdPrefix: prefix, PageSize: 500);
        await foreach (var instance in client.GetAllInstancesAsync(query).WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            ids.Add(instance.InstanceId);
        }

        return ids;
    }

    /// <summary>Purges the ended instances whose id starts with <paramref name="prefix"/>; running ones are left alone.</summary>
    public static async Task<int> PurgeEndedAsync(this DurableTaskClient client, string prefix, CancellationToken cancellationToken)
    {
        var purged = 0;
        foreach (var id in await client.FindInstancesAsync(prefix, Ended, cancellationToken).ConfigureAwait(false))
        {
            purged += (await client.PurgeInstanceAsync(id, options: null, cancellationToken).ConfigureAwait(false)).PurgedInstanceCount;
        }

        return purged;
    }
}
