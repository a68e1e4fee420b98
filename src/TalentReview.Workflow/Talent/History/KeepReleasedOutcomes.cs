using TalentReview.Domain.Decisions;
using TalentReview.Domain.Rosters;
using TalentReview.Domain.Talent.History;
using TalentReview.Workflow.Storage;

namespace TalentReview.Workflow.Talent.History;

/// <summary>
/// Keeps every participant's outcome of a released cycle in the talent history: the box where the
/// board left it, the submitted ratings, the final decision and its plan's follow-ups. Runs within
/// the release (an activity that may run again): each outcome is kept once.
/// </summary>
public sealed class KeepReleasedOutcomes(ReviewStore store, TalentHistoryStore history)
{
    /// <summary>Returns how many outcomes were kept by this run (0 when a previous run kept them all).</summary>
    public async Task<int> KeepAsync(CycleDocument cycle, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        var managers = (await store.ReadRosterAsync(cycle, cancellationToken).ConfigureAwait(false)).ToDictionary(e => e.Id, e => e.ManagerId, StringComparer.Ordinal);
        var kept = 0;
        string? after = null;
        do
        {
            var page = await store.QueryGroupsAsync(cycle.CycleId, after, 100, cancellationToken).ConfigureAwait(false);
            foreach (var group in page.Items.Select(i => i.Value))
            {
                var participants = await store.GetGroupParticipantsAsync(cycle.CycleId, group.GroupId, cancellationToken).ConfigureAwait(false);
                for (var chunk = 0; chunk < group.Chunks; chunk++)
                {
                    var cards = (await store.GetCardsAsync(cycle.CycleId, group.GroupId, chunk, cancellationToken).ConfigureAwait(false))?.Cards ?? [];
                    var decisions = await store.GetDecisionsAsync(cycle.CycleId, group.GroupId, chunk, cancellationToken).ConfigureAwait(false);
                    var final = decisions is { Final: true } ? decisions.Decisions.ToDictionary(d => d.EmployeeId, StringComparer.Ordinal) : [];
                    foreach (var card in cards)
                    {
                        if (participants.GetValueOrDefault(card.EmployeeId) is not { } participant)
                        {
                            continue;
                        }

                        var outcome = await OutcomeOfAsync(cycle, participant, card, final.GetValueOrDefault(card.EmployeeId), managers, cancellationToken).ConfigureAwait(false);
                        kept += await history.KeepAsync(outcome, cancellationToken).ConfigureAwait(false) ? 1 : 0;
                    }
                }
            }

            after = page.NextAfterId;
        }
        while (after is not null);

        return kept;
    }

    private async Task<TalentOutcome> OutcomeOfAsync(
        CycleDocument cycle, ParticipantDocument participant, CalibrationCard card, Decision? decision, Dictionary<string, string?> managers, CancellationToken cancellationToken)
    {
        var input = (await store.GetManagerInputAsync(cycle.CycleId, participant.EmployeeId, cancellationToken).ConfigureAwait(false))?.Submitted;
        var self = (await store.GetSelfAssessmentAsync(cycle.CycleId, participant.EmployeeId, cancellationToken).ConfigureAwait(false))?.Submitted;
        IReadOnlyList<DateOnly> followUps = decision switch
        {
            DevelopmentPlanDecision plan => plan.FollowUps,
            PerformanceImprovementPlanDecision plan => plan.FollowUps,
            _ => [],
        };
        return new TalentOutcome(
            cycle.CycleId,
            cycle.Name,
            cycle.Plan.Release.ReleaseDate,
            cycle.Plan.Time.TimeZoneId,
            participant.EmployeeId,
            participant.Name,
            new JobFunction(participant.Department, participant.JobTitle, participant.Level),
            ReportingLineOf(participant, managers),
            card.Current?.Box,
            input is null ? null : new ManagerRatings(input.Performance, input.Potential, input.Readiness, input.FlightRisk),
            self is null ? null : new SelfRatings(self.OverallSelfRating, self.Aspiration, self.Mobility),
            decision,
            [.. followUps.Order().Select(date => new PlanFollowUp(date, FollowUpStatus.Planned))]);
    }

    /// <summary>The participant's manager (as reassigned in the cycle), then that manager's managers on the roster; a loop in the roster ends the line.</summary>
    private static List<string> ReportingLineOf(ParticipantDocument participant, Dictionary<string, string?> managers)
    {
        var line = new List<string>();
        for (var next = participant.ManagerId; next is not null && next != participant.EmployeeId && !line.Contains(next); next = managers.GetValueOrDefault(next))
        {
            line.Add(next);
        }

        return line;
    }
}
