using TalentReview.Domain;
using TalentReview.Domain.Demo;
using TalentReview.Domain.NineBox;
using TalentReview.Domain.Planning;
using TalentReview.Domain.Rosters;
using TalentReview.Workflow.Storage;

namespace TalentReview.Web.Tests.Support;

/// <summary>
/// A small cycle written straight into the store (as the workflow would have): participants, one
/// manager's team, and one calibration group on its board. For endpoint tests that need no engine.
/// </summary>
public sealed class CycleSeed
{
    public const string CycleId = "c2026seed";
    public const string GroupId = "g1";

    private CycleSeed(Roster roster, Employee manager, IReadOnlyList<Employee> reports, Contact calibrator)
    {
        Roster = roster;
        Manager = manager;
        Reports = reports;
        Calibrator = calibrator;
    }

    public Roster Roster { get; }

    public Employee Manager { get; }

    public IReadOnlyList<Employee> Reports { get; }

    public Contact Calibrator { get; }

    public Employee Employee => Reports[0];

    public static async Task<CycleSeed> WriteAsync(ReviewStore store, GroupPhase phase = GroupPhase.Calibrating, CycleState state = CycleState.Running)
    {
        var organisation = DemoOrganisation.Generate(30, 11, new DateOnly(2025, 12, 31));
        var roster = organisation.ToRoster();
        var manager = roster.Employees.Where(e => roster.DirectReports(e.Id).Count >= 2 && e.ManagerId is not null).First();
        var reports = roster.DirectReports(manager.Id).OrderBy(e => e.Id, StringComparer.Ordinal).ToList();
        var calibrator = new Contact("hr-1", "Hanne Peeters", "hanne.peeters@meridia.example", Language.En);
        var plan = CyclePlan.Default("Review 2026", DateOnly.FromDateTime(TestApp.Start.UtcDateTime), roster, [calibrator.Id]);
        var sorted = roster.Employees.OrderBy(e => e.Id, StringComparer.Ordinal).ToList();
        var firstIds = sorted.Where((_, i) => i % ReviewStore.RosterChunkSize == 0).Select(e => e.Id).ToList();
        await store.WriteNewCycleAsync(
            new CycleDocument(CycleId, plan.Name, plan, state, TestApp.Start, "hr-1", [calibrator], [calibrator], sorted.Count, firstIds),
            sorted);

        var participants = reports.Select((e, i) => new ParticipantDocument(
            CycleId, e.Id, e.Name, e.Email, Language.En, e.Department, e.JobTitle, e.Level, GroupId, i, manager.Id, manager.ManagerId,
            StepState.Pending, StepState.Pending, $"self{i}", $"input{i}", $"out{i}")).ToList();
        foreach (var participant in participants)
        {
            await store.UpsertParticipantAsync(participant);
        }

        await store.UpsertTeamAsync(new TeamDocument(CycleId, manager.Id, new Contact(manager.Id, manager.Name, manager.Email, Language.En), manager.ManagerId, [.. reports.Select(r => r.Id)]));
        await store.UpdateGroupAsync(CycleId, GroupId, _ => new CalibrationGroupDocument(CycleId, GroupId, "Operations", [calibrator], reports.Count, 1, phase));
        await store.UpsertCardsAsync(new CalibrationChunkDocument(CycleId, GroupId, 0, [.. reports.Select((r, i) => new CalibrationCard(
            r.Id, manager.Id, GridPosition.Of(GridBox.CorePlayer), GridPosition.Of(GridBox.CorePlayer), i == 0 ? [CardFlag.MissingSelfAssessment] : []))]));
        return new CycleSeed(roster, manager, reports, calibrator);
    }
}
