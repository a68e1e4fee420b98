using Grpc.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using DtCoreExceptions = DurableTask.Core.Exceptions;
using Our = TalentReview.Durable;

namespace TalentReview.Functions.Durable;

/// <summary>
/// Our <see cref="Our.DurableClient"/> over Microsoft.DurableTask's <see cref="DurableTaskClient"/>.
/// Durable Functions reports a duplicate instance id as a gRPC AlreadyExists status or, in newer
/// clients, as DurableTask.Core's exception, and an unknown instance as NotFound; all become ours.
/// The client is fetched per call because Durable Functions provides it through a binding.
/// </summary>
public sealed class DurableTaskClientAdapter(Func<DurableTaskClient> currentClient) : Our.DurableClient
{
    private DurableTaskClient Inner => currentClient();

    public override async Task<string> ScheduleNewOrchestrationInstanceAsync(
        string orchestratorName, object? input = null, Our.StartOrchestrationOptions? options = null, CancellationToken cancellation = default)
    {
        var start = options is null ? null : new StartOrchestrationOptions(options.InstanceId, options.StartAt);
        try
        {
            return await Inner.ScheduleNewOrchestrationInstanceAsync(orchestratorName, input, start, cancellation);
        }
        catch (DtCoreExceptions.OrchestrationAlreadyExistsException)
        {
            throw new Our.OrchestrationAlreadyExistsException(options?.InstanceId ?? string.Empty);
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.AlreadyExists)
        {
            throw new Our.OrchestrationAlreadyExistsException(options?.InstanceId ?? string.Empty);
        }
    }

    public override async Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellation = default)
    {
        // Backends differ here (the Azure Storage provider refuses, others drop the event); check first,
        // so a form submitted for an unknown review fails the same way on every backend and engine.
        if (await Inner.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellation) is null)
        {
            throw new Our.OrchestrationNotFoundException(instanceId);
        }

        try
        {
            await Inner.RaiseEventAsync(instanceId, eventName, eventPayload, cancellation);
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
        {
            throw new Our.OrchestrationNotFoundException(instanceId);
        }
    }

    public override async Task<Our.OrchestrationMetadata?> GetInstanceAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
    {
        var metadata = await Inner.GetInstanceAsync(instanceId, getInputsAndOutputs, cancellation);
        return metadata is null ? null : DurableTaskMapping.ToMetadata(metadata);
    }

    public override async Task<Our.OrchestrationQueryPage> QueryInstancesAsync(Our.OrchestrationQuery query, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var filter = new OrchestrationQuery
        {
            Statuses = query.Statuses?.Select(DurableTaskMapping.ToStatus).ToList(),
            InstanceIdPrefix = query.InstanceIdPrefix,
            CreatedFrom = query.CreatedFrom,
            CreatedTo = query.CreatedTo,
            PageSize = query.PageSize,
            FetchInputsAndOutputs = query.FetchInputsAndOutputs,
        };

        // One page per call: the caller holds the continuation token, as with our engine.
        await foreach (var page in Inner.GetAllInstancesAsync(filter).AsPages(query.ContinuationToken, query.PageSize).WithCancellation(cancellation))
        {
            return new Our.OrchestrationQueryPage(page.Values.Select(DurableTaskMapping.ToMetadata).ToList(), page.ContinuationToken);
        }

        return new Our.OrchestrationQueryPage([], null);
    }

    public override async Task<Our.OrchestrationMetadata> WaitForInstanceCompletionAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
        => DurableTaskMapping.ToMetadata(await Inner.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs, cancellation));

    public override Task TerminateInstanceAsync(string instanceId, Our.TerminateInstanceOptions? options = null, CancellationToken cancellation = default)
        => Inner.TerminateInstanceAsync(
            instanceId,
            new TerminateInstanceOptions(options?.Output, options?.Recursive ?? false),
            cancellation);

    public override async Task<Our.PurgeResult> PurgeInstanceAsync(string instanceId, Our.PurgeInstanceOptions? options = null, CancellationToken cancellation = default)
    {
        var result = await Inner.PurgeInstanceAsync(instanceId, new PurgeInstanceOptions(options?.Recursive ?? false), cancellation);
        return new Our.PurgeResult(result.PurgedInstanceCount);
    }

    public override async Task<Our.PurgeResult> PurgeAllInstancesAsync(Our.PurgeInstancesFilter filter, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var statuses = filter.Statuses?.Select(DurableTaskMapping.ToStatus).ToList();
        if (filter.InstanceIdPrefix is null)
        {
            var result = await Inner.PurgeAllInstancesAsync(new PurgeInstancesFilter(filter.CreatedFrom, filter.CreatedTo, statuses), cancellation);
            return new Our.PurgeResult(result.PurgedInstanceCount);
        }

        // Durable Task purges by time and status only; a prefix is honoured by querying first.
        var matching = new OrchestrationQuery
        {
            Statuses = statuses,
            InstanceIdPrefix = filter.InstanceIdPrefix,
            CreatedFrom = filter.CreatedFrom,
            CreatedTo = filter.CreatedTo,
        };
        var ids = new List<string>();
        await foreach (var instance in Inner.GetAllInstancesAsync(matching).WithCancellation(cancellation))
        {
            ids.Add(instance.InstanceId);
        }

        var purged = 0;
        foreach (var id in ids)
        {
            purged += (await Inner.PurgeInstanceAsync(id, cancellation: cancellation)).PurgedInstanceCount;
        }

        return new Our.PurgeResult(purged);
    }
}
