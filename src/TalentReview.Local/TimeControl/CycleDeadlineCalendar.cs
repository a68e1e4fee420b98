using TalentReview.Domain.Planning;
using TalentReview.Workflow.Cycle;
using TalentReview.Workflow.Storage;

namespace TalentReview.Local.TimeControl;

/// <summary>
/// The moments at which the steps of unfinished cycles close (deadlines as extended, taken the way
/// the workflow's timeline takes them) and results are released.
/// </summary>
public sealed class CycleDeadlineCalendar(ReviewStore store) : IDeadlineCalendar
{
    public async Task<DateTimeOffset?> NextDeadlineAfterAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        DateTimeOffset? next = null;
        string? after = null;
        do
        {
            var page = await store.ListCyclesAsync(after, 100, cancellationToken);
            foreach (var entry in page.Items.Select(i => i.Value).Where(c => c.State is CycleState.Launched or CycleState.Running))
            {
                if (await store.GetCycleAsync(entry.CycleId, cancellationToken) is not { } cycle)
                {
                    continue;
                }

                var schedule = CycleSchedule.From(cycle.Plan);
                var moments = schedule.Steps.Where(s => s.Kind != StepKind.Release)
                    .Select(s => new DateTimeOffset(schedule.DeadlinePassesAt(s.Kind)))
                    .Append(new DateTimeOffset(schedule.ReleaseAt));
                foreach (var moment in moments.Where(m => m > now))
                {
                    next = next is null || moment < next ? moment : next;
                }
            }

            after = page.NextAfterId;
        }
        while (after is not null);

        return next;
    }
}
