using TalentReview.Domain.Summaries;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using TalentReview.Workflow.Storage;
using TalentReview.Workflow.Talent.History;

namespace TalentReview.Workflow.Release;

/// <summary>
/// Marks the cycle released to managers (they may open their team's outcomes; employees may not yet)
/// and keeps its final placements organisation-wide, for the next cycle's comparison. Returns how many were kept.
/// Every participant's outcome, final now, is also kept in the talent history, across cycles.
/// </summary>
public sealed class ReleaseToManagers(ReviewStore store, KeepReleasedOutcomes history) : TaskActivity<string, int>
{
    private const int PlacementsPerDocument = 500;

    public override async Task<int> RunAsync(TaskActivityContext context, string input)
    {
        ArgumentNullException.ThrowIfNull(context);
        var cancellation = CancellationToken.None;
        var cycle = await store.UpdateCycleAsync(input, c => c.State == CycleState.Running ? c with { State = CycleState.ManagersReleased } : c, cancellation)
            ?? throw new InvalidOperationException($"Cycle {input} is not stored.");
        var placements = new List<FinalPlacement>();
        string? after = null;
        do
        {
            var page = await store.QueryGroupsAsync(input, after, 100, cancellation);
            foreach (var group in page.Items.Select(i => i.Value))
            {
                for (var chunk = 0; chunk < group.Chunks; chunk++)
                {
                    foreach (var card in (await store.GetCardsAsync(input, group.GroupId, chunk, cancellation))?.Cards ?? [])
                    {
                        if (card.Current is { } position)
                        {
                            placements.Add(new FinalPlacement(card.EmployeeId, position, await store.FlightRiskOfAsync(input, card, cancellation)));
                        }
                    }
                }
            }

            after = page.NextAfterId;
        }
        while (after is not null);

        var ordered = placements.OrderBy(p => p.EmployeeId, StringComparer.Ordinal).ToList();
        for (var chunk = 0; chunk * PlacementsPerDocument < ordered.Count; chunk++)
        {
            await store.UpsertPreviousResultsAsync(
                new PreviousResultsDocument(input, cycle.Name, chunk, ordered.Skip(chunk * PlacementsPerDocument).Take(PlacementsPerDocument).ToList()), cancellation);
        }

        await history.KeepAsync(cycle, cancellation);
        return ordered.Count;
    }
}
