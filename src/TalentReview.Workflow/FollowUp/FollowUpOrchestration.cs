using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using TalentReview.Domain.Planning;
using TalentReview.Workflow.Resilience;
using TalentReview.Workflow.Waves;

namespace TalentReview.Workflow.FollowUp;

/// <param name="Dates">The distinct follow-up dates of the group's plans (by default 3 and 6 months after the decision).</param>
/// <param name="Time">The cycle's zone and working hour; follow-ups scheduled before it was a setting read as the default.</param>
public sealed record FollowUpInput(string CycleId, string GroupId, IReadOnlyList<DateOnly> Dates, OrganisationTime? Time = null);

/// <summary>
/// Durable follow-ups of one group's development and improvement plans: a timer per distinct date,
/// then a wave reminding each plan's manager. One instance per group rather than per decision, so
/// follow-ups cost a few actions per group, not per employee. A wave that fails for a bug stalls the
/// follow-ups where HR sees it (on the cycle, with the group) until HR retries.
/// </summary>
public sealed class FollowUpOrchestration : TaskOrchestrator<FollowUpInput, int>
{
    public override async Task<int> RunAsync(TaskOrchestrationContext context, FollowUpInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var steps = new StepRecovery(context, new StallSite(input.CycleId, input.GroupId, FollowUps: true));
        var sent = 0;
        foreach (var date in input.Dates.Order())
        {
            var at = (input.Time ?? OrganisationTime.Default).At(date);
            if (at > context.CurrentUtcDateTime)
            {
                await context.CreateTimer(at, CancellationToken.None);
            }

            var waveId = $"followup-{input.GroupId}-{date:yyyyMMdd}";
            // A retry after a stall is a wave instance of its own; the emails' keys name the wave, so none goes twice.
            var totals = await steps.RunAsync(waveId, retries => context.CallSubOrchestratorAsync<WaveTotals>(
                nameof(SendWaveOrchestration),
                new WaveRequest(input.CycleId, waveId, WaveKind.FollowUpReminder, input.GroupId, date),
                new SubOrchestrationOptions(instanceId: InstanceIds.Wave(input.CycleId, waveId, retries))));
            sent += totals.Sent;
        }

        return sent;
    }
}
