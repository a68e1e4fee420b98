using System.Globalization;
using TalentReview.Domain.Decisions;
using TalentReview.Domain.Demo;
using TalentReview.Domain.Forms;
using TalentReview.Domain.NineBox;
using TalentReview.Domain.Rosters;
using Microsoft.DurableTask.Client;
using TalentReview.Durable.Embedded;
using TalentReview.Durable.Embedded.Time;
using TalentReview.Local.Hr;
using TalentReview.Workflow.Release;
using TalentReview.Workflow.Storage;
using TalentReview.Workflow.Talent.History;
using TalentReview.Domain.Talent.History;
using TalentReview.Workflow.UseCases;

namespace TalentReview.Local.Simulation;

/// <summary>
/// What a simulation produced: the last cycle, its summary and the figures of its run, the talent history of every
/// cycle simulated, and the critical roles and pools HR keeps across them.
/// </summary>
public sealed record SimulationResult(string CycleId, CycleDocument Cycle, SummaryDocument Summary, IReadOnlyList<ResultRow> Results, SimulationFigures Figures)
{
    public IReadOnlyList<TalentOutcome> History { get; init; } = [];

    public SimulatedSuccession Succession { get; init; } = SimulatedSuccession.None;

    /// <summary>The name of an employee of the simulated organisation (the summary's lists hold ids).</summary>
    public string NameOf(string employeeId) => Results.FirstOrDefault(r => r.EmployeeId == employeeId)?.Name is { Length: > 0 } name ? name : employeeId;
}

public sealed record SimulationFigures(
    int Employees,
    int SelfAssessmentsSubmitted,
    int ManagerInputsSubmitted,
    int CorrectedAfterRejection,
    int CalibrationMoves,
    int Acknowledgements,
    IReadOnlyDictionary<Workflow.Notifications.EmailKind, int> Emails,
    long DurableActions);

/// <summary>
/// Runs whole cycles in virtual time, a year apart, each day by day: each morning the engine catches up with the
/// clock (invitations, reminders, escalations, deadlines), then the simulated people of that day
/// act through the same use cases the web pages call. After each release, HR works on succession and pools.
/// </summary>
public sealed class SimulationRun(
    CycleLauncher launcher,
    SubmissionCommands submissions,
    CalibrationCommands calibration,
    ReleaseCommands release,
    ReviewStore store,
    EmbeddedDurableEngine engine,
    VirtualTimeProvider clock,
    SimulationMailer mailer,
    TalentHistoryStore history,
    SimulatedTalentWork talentWork)
{
    private static readonly TimeSpan ActingHour = TimeSpan.FromHours(10);
    private int selfSubmitted;
    private int inputsSubmitted;
    private int corrected;
    private int moves;
    private int acknowledgements;

    public async Task<SimulationResult> RunAsync(SimulateArguments arguments, ConsoleProgress progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(progress);
        var firstStart = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var organisation = DemoOrganisation.Generate(arguments.Employees, arguments.Seed, firstStart);
        var roster = organisation.ToRoster();
        var careers = new SimulatedCareers(history, arguments.Seed);
        SimulationResult? result = null;
        for (var year = 0; year < arguments.Cycles; year++)
        {
            if (year > 0)
            {
                // A year on (to the same weekday): follow-ups are held as they come due, then people's moves and departures show on the roster.
                var nextStart = new DateTimeOffset(firstStart.AddDays(364 * year).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
                await careers.LiveUntilAsync(engine, clock, nextStart, cancellationToken);
                roster = careers.NextRoster(roster, await history.GetLatestOutcomesAsync(cancellationToken));
            }

            var stage = arguments.Cycles == 1 ? string.Empty : string.Create(CultureInfo.InvariantCulture, $"cycle {year + 1} of {arguments.Cycles}, ");
            result = await RunCycleAsync(organisation, roster, arguments.Seed + year, stage, progress, cancellationToken);
            await talentWork.AfterReleaseAsync(roster, HrOf(result.Cycle), cancellationToken);
        }

        return result! with { History = await history.GetAllOutcomesAsync(cancellationToken), Succession = await talentWork.ResultAsync(cancellationToken) };
    }

    private async Task<SimulationResult> RunCycleAsync(DemoOrganisation organisation, Roster roster, int seed, string stagePrefix, ConsoleProgress progress, CancellationToken cancellationToken)
    {
        (selfSubmitted, inputsSubmitted, corrected, moves, acknowledgements) = (0, 0, 0, 0, 0);
        var start = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var launched = await launcher.LaunchAsync(roster, "simulation", cancellationToken);
        var cycleId = launched.Value ?? throw new InvalidOperationException(
            "The simulated cycle was not launched: " + string.Join("; ", launched.Errors.Select(e => $"{e.Field}: {e.Message}")));
        var cycle = await store.GetCycleAsync(cycleId, cancellationToken) ?? throw new InvalidOperationException("The launched cycle is not in the store.");
        var calendar = SimulationCalendar.From(cycle.Plan, start);
        var people = SimulatedBehaviour.Draw(roster, seed, calendar);
        var ids = roster.Employees.Select(e => e.Id).ToList();
        var selfAssessments = organisation.GenerateSelfAssessments(ids, seed).ToDictionary(s => s.EmployeeId, StringComparer.Ordinal);
        var inputs = organisation.GenerateManagerInputs(ids, seed).ToDictionary(i => i.EmployeeId, StringComparer.Ordinal);
        var startMoment = new DateTimeOffset(start.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

        for (var day = 0; day <= calendar.LastDay; day++)
        {
            progress.Report(stagePrefix + Stage(day, calendar), day, calendar.LastDay);
            await engine.RunUntilIdleAdvancingTimeAsync(startMoment.AddDays(day) + ActingHour, cancellationToken: cancellationToken);
            await SubmitSelfAssessmentsAsync(cycleId, day, people, selfAssessments, cancellationToken);
            await SubmitManagerInputsAsync(cycleId, day, roster, people, inputs, cancellationToken);
            await CalibrateReadyGroupsAsync(cycleId, cancellationToken);
            await ReleaseAsync(cycleId, cancellationToken);
            await AcknowledgeOutcomesAsync(cycleId, people, cancellationToken);
            await engine.WaitForIdleAsync(cancellationToken);
        }

        progress.Report(stagePrefix + "leadership summary", calendar.LastDay, calendar.LastDay);
        progress.Complete();
        cycle = await store.GetCycleAsync(cycleId, cancellationToken) ?? cycle;
        var summary = await store.GetSummaryAsync(cycleId, ComputeLeadershipSummary.OrganisationScope, cancellationToken)
            ?? throw new InvalidOperationException(await DescribeStallAsync(cycleId, cycle.State, cancellationToken));
        var results = await ResultRows.ReadAsync(store, cycle, roster, cancellationToken);
        var figures = new SimulationFigures(roster.Count, selfSubmitted, inputsSubmitted, corrected, moves, acknowledgements, mailer.CountByKind(), engine.Statistics.DurableActions);
        return new SimulationResult(cycleId, cycle, summary, results, figures);
    }

    /// <summary>Where a cycle that did not finish stands, for the error message: its groups and any failed instance.</summary>
    private async Task<string> DescribeStallAsync(string cycleId, CycleState state, CancellationToken cancellationToken)
    {
        var groups = await store.QueryGroupsAsync(cycleId, null, 100, cancellationToken);
        var failed = new List<OrchestrationMetadata>();
        await foreach (var instance in engine.Client.GetAllInstancesAsync(new(Statuses: [OrchestrationRuntimeStatus.Failed], PageSize: 3) { FetchInputsAndOutputs = true }).WithCancellation(cancellationToken))
        {
            failed.Add(instance);
            if (failed.Count == 3)
            {
                break;
            }
        }

        var cycleInstance = await engine.Client.GetInstanceAsync(Workflow.InstanceIds.Cycle(cycleId), getInputsAndOutputs: true, cancellationToken);
        return $"The cycle ended in state {state} ({cycleInstance?.RuntimeStatus}, {cycleInstance?.SerializedCustomStatus}) without a leadership summary. Groups: "
            + string.Join(", ", groups.Items.Select(g => $"{g.Value.GroupId} {g.Value.Phase}"))
            + ". Failed instances: "
            + (failed.Count == 0 ? "none" : string.Join(" | ", failed.Select(i => $"{i.InstanceId}: {i.FailureDetails?.ErrorMessage}")));
    }

    private static string Stage(int day, SimulationCalendar calendar) => string.Create(CultureInfo.InvariantCulture, $"day {day,2} of {calendar.LastDay}: ") + (day switch
    {
        _ when day <= calendar.SelfAssessmentDeadline && day < calendar.ManagerInputOpens => "self-assessments",
        _ when day <= calendar.ManagerInputDeadline => "self-assessments and manager input",
        _ when day <= calendar.ManagerInputDeadline + 7 => "calibration",
        _ when day < calendar.LastDay - 2 => "decisions",
        _ => "release",
    });

    private async Task SubmitSelfAssessmentsAsync(
        string cycleId, int day, IReadOnlyDictionary<string, SimulatedPerson> people, Dictionary<string, SelfAssessment> forms, CancellationToken cancellationToken)
    {
        foreach (var person in people.Values.Where(p => p.SelfAssessment != Timeliness.Missing && p.SelfAssessmentDay == day))
        {
            if (forms.TryGetValue(person.EmployeeId, out var form)
                && (await submissions.SubmitSelfAssessmentAsync(cycleId, person.EmployeeId, form, ShownDraft.Nothing, cancellationToken)).Status == CommandStatus.Succeeded)
            {
                selfSubmitted++;
            }
        }
    }

    /// <summary>A manager submits for all their reports on their day; a form refused for missing evidence is corrected and sent again.</summary>
    private async Task SubmitManagerInputsAsync(
        string cycleId, int day, Roster roster, IReadOnlyDictionary<string, SimulatedPerson> people, Dictionary<string, ManagerInput> forms, CancellationToken cancellationToken)
    {
        foreach (var manager in people.Values.Where(p => p.ManagerInput != Timeliness.Missing && p.ManagerInputDay == day))
        {
            foreach (var report in roster.DirectReports(manager.EmployeeId))
            {
                if (!forms.TryGetValue(report.Id, out var form))
                {
                    continue;
                }

                // Simulated people send the form they opened empty, without saving a draft first.
                var result = await submissions.SubmitManagerInputAsync(cycleId, report.Id, manager.EmployeeId, form, ShownDraft.Nothing, cancellationToken);
                if (result.Status == CommandStatus.Invalid && result.Errors.Any(e => e.Field == "evidence"))
                {
                    corrected++;
                    result = await submissions.SubmitManagerInputAsync(cycleId, report.Id, manager.EmployeeId, form with { Evidence = WrittenEvidence(form) }, ShownDraft.Nothing, cancellationToken);
                }

                if (result.Status == CommandStatus.Succeeded)
                {
                    inputsSubmitted++;
                }
            }
        }
    }

    /// <summary>
    /// Each committee whose board is ready places the cards waiting without input in the middle box,
    /// corrects the placements of flagged lenient and severe managers by one step, approves, and
    /// then confirms the proposed decisions.
    /// </summary>
    private async Task CalibrateReadyGroupsAsync(string cycleId, CancellationToken cancellationToken)
    {
        var hr = (await store.GetCycleAsync(cycleId, cancellationToken))?.Hr ?? [];
        string? after = null;
        do
        {
            var page = await store.QueryGroupsAsync(cycleId, after, 100, cancellationToken);
            foreach (var group in page.Items.Select(i => i.Value))
            {
                // HR facilitates (moves, confirms the decisions, which holds nobody's own); the members approve with it up to the quorum.
                var facilitator = hr.Count > 0 ? hr[0].Id : "hr";
                if (group.Phase == GroupPhase.Calibrating)
                {
                    await MoveCardsAsync(group, facilitator, cancellationToken);
                    foreach (var approver in group.Calibrators.Select(c => c.Id).Prepend(facilitator).Distinct(StringComparer.Ordinal))
                    {
                        var approval = await calibration.ApproveCalibrationAsync(cycleId, group.GroupId, approver, confirmed: true, cancellationToken);
                        if (approval.Value?.Reached != false)
                        {
                            break;
                        }
                    }
                }
                else if (group.Phase == GroupPhase.DecisionsProposed)
                {
                    await CompletePromotionsAsync(group, facilitator, cancellationToken);
                    await calibration.FinaliseDecisionsAsync(cycleId, group.GroupId, facilitator, cancellationToken);
                }
            }

            after = page.NextAfterId;
        }
        while (after is not null);
    }

    /// <summary>The grid proposes a promotion without the new role; the committee names it (the next level, a senior title) before confirming.</summary>
    private async Task CompletePromotionsAsync(CalibrationGroupDocument group, string decidedBy, CancellationToken cancellationToken)
    {
        for (var chunk = 0; chunk < group.Chunks; chunk++)
        {
            foreach (var promotion in (await store.GetDecisionsAsync(group.CycleId, group.GroupId, chunk, cancellationToken))?.Decisions.OfType<PromotionDecision>() ?? [])
            {
                if (promotion.NewLevel.Length > 0 || await store.GetParticipantAsync(group.CycleId, promotion.EmployeeId, cancellationToken) is not { } participant)
                {
                    continue;
                }

                await calibration.AmendDecisionAsync(group.CycleId, group.GroupId, promotion with
                {
                    DecidedBy = decidedBy,
                    NewLevel = SimulatedCareers.NextLevel(participant.Level),
                    NewJobTitle = SimulatedCareers.NextTitle(participant.JobTitle),
                    Note = "Promoted to the next level by the committee.",
                }, cancellationToken);
            }
        }
    }

    private async Task MoveCardsAsync(CalibrationGroupDocument group, string calibrator, CancellationToken cancellationToken)
    {
        for (var chunk = 0; chunk < group.Chunks; chunk++)
        {
            var cards = await store.GetCardsAsync(group.CycleId, group.GroupId, chunk, cancellationToken);
            foreach (var card in cards?.Cards ?? [])
            {
                var (to, reason) = card switch
                {
                    { InHoldingArea: true } => ((GridPosition?)new GridPosition(RatingLevel.Moderate, RatingLevel.Moderate), "Placed by the committee: no manager input was given in time."),
                    { Current: { } at } when card.Flags.Contains(CardFlag.LenientManager) && at.Performance > RatingLevel.Low
                        => (at with { Performance = at.Performance - 1 }, "Aligned with the group: this manager rates markedly above the group."),
                    { Current: { } at } when card.Flags.Contains(CardFlag.SevereManager) && at.Performance < RatingLevel.High
                        => (at with { Performance = at.Performance + 1 }, "Aligned with the group: this manager rates markedly below the group."),
                    _ => (null, string.Empty),
                };
                if (to is { } target && (await calibration.MoveCardAsync(group.CycleId, group.GroupId, card.EmployeeId, target, reason, calibrator, cancellationToken)).Status == CommandStatus.Succeeded)
                {
                    moves++;
                }
            }
        }
    }

    /// <summary>
    /// HR releases to managers once every group's decisions are final (refused before: tried again the next day),
    /// then releases employees the next day rather than waiting for the conversation window to end.
    /// </summary>
    private async Task ReleaseAsync(string cycleId, CancellationToken cancellationToken)
    {
        if (await store.GetCycleAsync(cycleId, cancellationToken) is not { } cycle)
        {
            return;
        }

        var hr = HrOf(cycle);
        if (cycle is { State: CycleState.Running, Release: null })
        {
            await release.ReleaseToManagersAsync(cycleId, hr, cancellationToken);
        }
        else if (cycle is { State: CycleState.ManagersReleased })
        {
            await release.ReleaseToEmployeesAsync(cycleId, hr, cancellationToken);
        }
    }

    private static string HrOf(CycleDocument cycle) => cycle.Hr.Count > 0 ? cycle.Hr[0].Id : "hr";

    private async Task AcknowledgeOutcomesAsync(string cycleId, IReadOnlyDictionary<string, SimulatedPerson> people, CancellationToken cancellationToken)
    {
        if (acknowledgements > 0 || (await store.GetCycleAsync(cycleId, cancellationToken))?.State != CycleState.Released)
        {
            return;
        }

        foreach (var person in people.Values.Where(p => p.Acknowledges))
        {
            if ((await submissions.AcknowledgeOutcomeAsync(cycleId, person.EmployeeId, null, cancellationToken)).Status == CommandStatus.Succeeded)
            {
                acknowledgements++;
            }
        }
    }

    private static string WrittenEvidence(ManagerInput form) => form.Performance >= 4
        ? "Led the warehouse automation project to delivery two months early, coached three new colleagues and was asked by two other sites for advice on the roll-out."
        : "Missed four of six agreed objectives despite two documented follow-up conversations and a support plan; customer complaints about handling times doubled.";
}
