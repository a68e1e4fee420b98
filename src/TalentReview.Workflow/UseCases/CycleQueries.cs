using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using TalentReview.Workflow.Calibration;
using TalentReview.Workflow.Cycle;
using TalentReview.Workflow.Storage;

namespace TalentReview.Workflow.UseCases;

/// <summary>A cycle's status for HR: the cycle's own progress and each group's, read from the orchestrations' custom status.</summary>
public sealed record CycleStatusView(
    string CycleId,
    string Name,
    CycleState State,
    DateTimeOffset LaunchedAt,
    int RosterCount,
    CycleProgress? Progress,
    IReadOnlyList<GroupProgress> Groups)
{
    public int ReadyForCalibration => Groups.Sum(g => g.Ready);

    public int SelfAssessmentsSubmitted => Groups.Sum(g => g.SelfAssessmentsSubmitted);

    public int ManagerInputsSubmitted => Groups.Sum(g => g.ManagerInputsSubmitted);
}

public sealed record CycleListPage(IReadOnlyList<CycleIndexDocument> Cycles, string? NextAfterId);

public sealed class CycleQueries(ReviewStore store, DurableTaskClient client)
{
    public async Task<CycleStatusView?> GetCycleStatusAsync(string cycleId, CancellationToken cancellationToken = default)
    {
        var cycle = await store.GetCycleAsync(cycleId, cancellationToken);
        if (cycle is null)
        {
            return null;
        }

        // Durable Functions returns custom status only with inputs and outputs.
        var instance = await client.GetInstanceAsync(InstanceIds.Cycle(cycleId), getInputsAndOutputs: true, cancellationToken);
        var groups = new List<GroupProgress>();
        string? after = null;
        do
        {
            var page = await store.QueryGroupsAsync(cycleId, after, 200, cancellationToken);
            foreach (var group in page.Items.Select(i => i.Value))
            {
                var groupInstance = await client.GetInstanceAsync(InstanceIds.Group(cycleId, group.GroupId), getInputsAndOutputs: true, cancellationToken);
                groups.Add(groupInstance?.ReadCustomStatusAs<GroupProgress>() is { } progress
                    ? progress with { Phase = group.Phase }
                    : new GroupProgress(group.GroupId, group.Phase, group.Members, 0, 0, 0, 0));
            }

            after = page.NextAfterId;
        }
        while (after is not null);

        return new CycleStatusView(cycle.CycleId, cycle.Name, cycle.State, cycle.LaunchedAt, cycle.RosterCount, instance?.ReadCustomStatusAs<CycleProgress>(), groups);
    }

    public async Task<CycleListPage> ListCyclesAsync(string? afterId = null, int pageSize = 50, CancellationToken cancellationToken = default)
    {
        var page = await store.ListCyclesAsync(afterId, Math.Clamp(pageSize, 1, 500), cancellationToken);
        return new CycleListPage(page.Items.Select(i => i.Value).ToList(), page.NextAfterId);
    }
}
