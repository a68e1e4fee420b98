using TalentReview.Domain.Calibration;
using TalentReview.Domain.Decisions;
using TalentReview.Domain.NineBox;
using TalentReview.Domain.Planning;
using TalentReview.Domain.Summaries;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using TalentReview.Workflow.Links;
using TalentReview.Workflow.Notifications;
using TalentReview.Workflow.Storage;

namespace TalentReview.Workflow.Release;

/// <summary>
/// Computes the calibration summaries (per group and organisation-wide, compared with the previous
/// cycle when there is one), stores them, and sends the leadership summary to leadership and HR.
/// Returns how many people are placed.
/// </summary>
public sealed class ComputeLeadershipSummary(ReviewStore store, IEmailSender email, WorkflowLinks links, TimeProvider time) : TaskActivity<string, int>
{
    public const string OrganisationScope = "all";
    public const int MaxNamesInEmail = 50;

    public override async Task<int> RunAsync(TaskActivityContext context, string input)
    {
        ArgumentNullException.ThrowIfNull(context);
        var cancellation = CancellationToken.None;
        var cycle = await store.GetCycleAsync(input, cancellation) ?? throw new InvalidOperationException($"Cycle {input} is not stored.");
        var previous = await ReadPreviousAsync(cycle, cancellation);
        var adjustments = (await store.GetAllAuditAsync(input, cancellation)).ToLookup(a => a.GroupId, a => a.Adjustment, StringComparer.Ordinal);
        var groupInputs = new List<SummaryInput>();
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        string? after = null;
        do
        {
            var page = await store.QueryGroupsAsync(input, after, 100, cancellation);
            foreach (var group in page.Items.Select(i => i.Value))
            {
                var summaryInput = await ReadGroupAsync(cycle, group, previous, adjustments[group.GroupId].ToList(), names, cancellation);
                groupInputs.Add(summaryInput);
                await store.UpsertSummaryAsync(new SummaryDocument(input, group.GroupId, CycleSummary.Summarise(summaryInput), time.GetUtcNow()), cancellation);
            }

            after = page.NextAfterId;
        }
        while (after is not null);

        var organisation = CycleSummary.Summarise(SummaryInput.Combine(OrganisationScope, groupInputs, cycle.Plan.Guidance, previous));
        await store.UpsertSummaryAsync(new SummaryDocument(input, OrganisationScope, organisation, time.GetUtcNow()), cancellation);

        var promotions = groupInputs.SelectMany(g => g.Decisions).OfType<PromotionDecision>().Select(d => names.GetValueOrDefault(d.EmployeeId, d.EmployeeId)).Take(MaxNamesInEmail).ToList();
        var atRisk = organisation.HighPerformersAtRisk.Select(id => names.GetValueOrDefault(id, id)).Take(MaxNamesInEmail).ToList();
        var grid = organisation.Boxes.Select(b =>
        {
            var position = GridPosition.Of(b.Box);
            return new NineBoxCell((int)position.Performance + 1, (int)position.Potential + 1, b.Box.ToString(), b.Count, (double)b.Percent, (double)b.GuidancePercent);
        }).ToList();
        var completion = organisation.Completion.Select(c => new CompletionRate(c.Step.ToString(), c.Completed, c.Expected)).ToList();
        // Valid through the 90th day after the release date as the organisation reads it, not a UTC midnight.
        var until = new DateTimeOffset(cycle.Plan.Time.EndOf(cycle.Plan.Release.ReleaseDate.AddDays(90))).AddMinutes(-1);
        var recipients = cycle.Leadership.Concat(cycle.Hr).DistinctBy(c => c.Id).ToList();
        const string waveId = "leadership-summary";
        var messages = recipients.Select(r => Emails.To(input, waveId, r, new LeadershipSummaryNotice(
            links.LeadershipSummary(input, r.Id, until), cycle.Name, grid, organisation.Population, promotions, atRisk, completion))).ToList();
        if (messages.Count > 0)
        {
            await email.SendWaveAsync(new EmailWave(input, cycle.Name, waveId, messages), cancellation);
        }

        return organisation.Population;
    }

    private async Task<PreviousCycle?> ReadPreviousAsync(CycleDocument cycle, CancellationToken cancellation)
    {
        if (cycle.PreviousCycleId is not { } previousId)
        {
            return null;
        }

        var chunks = await store.GetPreviousResultsAsync(previousId, cancellation);
        return chunks.Count == 0 ? null : new PreviousCycle(chunks[0].CycleName, chunks.SelectMany(c => c.Placements).ToList());
    }

    private async Task<SummaryInput> ReadGroupAsync(CycleDocument cycle, CalibrationGroupDocument group, PreviousCycle? previous, IReadOnlyList<CalibrationAdjustment> adjustments, Dictionary<string, string> names, CancellationToken cancellation)
    {
        var placements = new List<FinalPlacement>();
        var decisions = new List<Decision>();
        var (selfSubmitted, inputSubmitted, inputNotApplicable) = (0, 0, 0);

        // The group's participants in one query, rather than a point read per card.
        var members = await store.GetGroupParticipantsAsync(cycle.CycleId, group.GroupId, cancellation);
        for (var chunk = 0; chunk < group.Chunks; chunk++)
        {
            var cards = await store.GetCardsAsync(cycle.CycleId, group.GroupId, chunk, cancellation);
            foreach (var card in cards?.Cards ?? [])
            {
                if (members.GetValueOrDefault(card.EmployeeId) is { } participant)
                {
                    names[card.EmployeeId] = participant.Name;
                    selfSubmitted += participant.SelfAssessmentState == StepState.Submitted ? 1 : 0;
                    inputSubmitted += participant.ManagerInputState == StepState.Submitted ? 1 : 0;
                    inputNotApplicable += participant.ManagerInputState == StepState.NotApplicable ? 1 : 0;
                }

                if (card.Current is { } position)
                {
                    placements.Add(new FinalPlacement(card.EmployeeId, position, await store.FlightRiskOfAsync(cycle.CycleId, card, cancellation)));
                }
            }

            decisions.AddRange((await store.GetDecisionsAsync(cycle.CycleId, group.GroupId, chunk, cancellation))?.Decisions ?? []);
        }

        IReadOnlyList<StepProgress> progress =
        [
            new(StepKind.SelfAssessment, group.Members, selfSubmitted),
            new(StepKind.ManagerInput, group.Members - inputNotApplicable, inputSubmitted),
            new(StepKind.Calibration, group.Members, placements.Count),
            new(StepKind.Decisions, group.Members, decisions.Count),
        ];
        return new SummaryInput(group.Name, placements, adjustments, decisions, progress, cycle.Plan.Guidance, previous);
    }
}
