using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using TalentReview.Domain;
using TalentReview.Domain.Decisions;
using TalentReview.Domain.Demo;
using TalentReview.Domain.NineBox;
using TalentReview.Domain.Planning;
using TalentReview.Domain.Rosters;
using Microsoft.DurableTask.Client;
using TalentReview.Workflow.Events;
using TalentReview.Workflow.Storage;
using TalentReview.Workflow.Tests.Support;
using TalentReview.Workflow.UseCases;

namespace TalentReview.Workflow.Tests.UseCases;

/// <summary>
/// A committee on one group: a manager, the manager's own manager and the manager's reports are on the
/// board; HR facilitates and one of the reports sits on the committee as a member.
/// </summary>
public sealed class CalibrationCommandsTests
{
    private const string CycleId = "c1";
    private const string GroupId = "g1";
    private static readonly Contact Hr = new("hr-1", "Hanne HR", "hr@example.test", Language.En);

    private readonly CrashingDocumentStore documents = new();
    private readonly ReviewStore store;
    private readonly DurableTaskClient client = Substitute.For<DurableTaskClient>("test");
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 3, 4, 10, 0, 0, TimeSpan.Zero));
    private readonly Roster roster = DemoOrganisation.Generate(30, 11, new DateOnly(2025, 12, 31)).ToRoster();
    private Employee manager = null!;
    private List<Employee> reports = null!;
    private Contact member = null!;

    public CalibrationCommandsTests() => store = new ReviewStore(documents);

    private CalibrationCommands Commands => new(store, client, time);

    private Employee Boss => roster.Find(manager.ManagerId!)!;

    /// <param name="hrIsTheManager">HR is the manager (in the roster): nobody on the committee may then decide the boss's card, which is left unplaced.</param>
    private async Task SeedAsync(GroupPhase phase = GroupPhase.Calibrating, bool holdingArea = false, bool hrIsTheManager = false)
    {
        manager = roster.Employees.First(e => roster.DirectReports(e.Id).Count >= 3 && e.ManagerId is not null);
        reports = [.. roster.DirectReports(manager.Id).OrderBy(e => e.Id, StringComparer.Ordinal)];
        member = new Contact(reports[0].Id, reports[0].Name, reports[0].Email, Language.En);
        var sorted = roster.Employees.OrderBy(e => e.Id, StringComparer.Ordinal).ToList();
        var hr = hrIsTheManager ? new Contact(manager.Id, manager.Name, manager.Email, Language.En) : Hr;
        var plan = CyclePlan.Default("Review 2026", new DateOnly(2026, 3, 1), roster, [hr.Id]);
        await store.WriteNewCycleAsync(
            new CycleDocument(CycleId, plan.Name, plan, CycleState.Running, time.GetUtcNow(), hr.Id, [hr], [hr], sorted.Count,
                [.. sorted.Where((_, i) => i % ReviewStore.RosterChunkSize == 0).Select(e => e.Id)]),
            sorted);
        List<Employee> members = [Boss, manager, .. reports];
        for (var i = 0; i < members.Count; i++)
        {
            var e = members[i];
            await store.UpsertParticipantAsync(new ParticipantDocument(CycleId, e.Id, e.Name, e.Email, Language.En, e.Department, e.JobTitle, e.Level, GroupId, i,
                e.ManagerId, null, StepState.Submitted, StepState.Submitted, "s", "m", "o"));
        }

        await store.UpdateGroupAsync(CycleId, GroupId, _ => new CalibrationGroupDocument(CycleId, GroupId, "Operations", [hr, member], members.Count, 1, phase));
        await store.UpsertCardsAsync(new CalibrationChunkDocument(CycleId, GroupId, 0, [.. members.Select((e, i) =>
        {
            GridPosition? box = (holdingArea && i == members.Count - 1) || (hrIsTheManager && e.Id == Boss.Id) ? null : GridPosition.Of(GridBox.CorePlayer);
            return new CalibrationCard(e.Id, e.ManagerId, box, box, []);
        })]));
    }

    [Fact]
    public async Task A_member_may_move_neither_their_own_card_nor_one_of_their_managers_chain_but_HR_may()
    {
        await SeedAsync();
        const string reason = "Delivered the regional rollout early.";

        var own = await Commands.MoveCardAsync(CycleId, GroupId, member.Id, GridPosition.Of(GridBox.Star), reason, member.Id);
        var ofManager = await Commands.MoveCardAsync(CycleId, GroupId, manager.Id, GridPosition.Of(GridBox.Star), reason, member.Id);
        var ofBoss = await Commands.MoveCardAsync(CycleId, GroupId, Boss.Id, GridPosition.Of(GridBox.Star), reason, member.Id);
        var ofPeer = await Commands.MoveCardAsync(CycleId, GroupId, reports[1].Id, GridPosition.Of(GridBox.Star), reason, member.Id);
        var byHr = await Commands.MoveCardAsync(CycleId, GroupId, manager.Id, GridPosition.Of(GridBox.Star), reason, Hr.Id);

        Assert.All([own, ofManager, ofBoss], r => Assert.Equal("calibration.ownReportingLine", Assert.Single(r.Errors).Code));
        Assert.All([own, ofManager, ofBoss], r => Assert.Equal(CommandStatus.NotAllowed, r.Status));
        Assert.Equal(CommandStatus.Succeeded, ofPeer.Status);
        Assert.Equal(CommandStatus.Succeeded, byHr.Status);
        Assert.Equal(new HashSet<string> { member.Id, manager.Id, Boss.Id }.Concat(Chain(Boss.Id)).ToHashSet(), (await Commands.ExcludedForAsync(CycleId, member.Id)).ToHashSet());
        Assert.Empty(await store.GetAuditAsync(CycleId, member.Id));
    }

    [Theory]
    [InlineData(DocumentKinds.RosterChunk)]
    [InlineData(DocumentKinds.RosterLines)]
    public async Task A_reporting_line_past_the_participants_is_walked_on_the_rosters_lines_or_on_its_records_for_a_cycle_stored_without_lines(string removedKind)
    {
        await SeedAsync();
        var participants = new HashSet<string> { Boss.Id, manager.Id }.Concat(reports.Select(r => r.Id)).ToHashSet();
        var outsider = roster.Employees.First(e => !participants.Contains(e.Id) && Chain(e.Id).Count() >= 2);
        var expected = Chain(outsider.Id).Prepend(outsider.Id).ToHashSet();
        var cycle = (await store.GetCycleAsync(CycleId))!;
        for (var chunk = 0; chunk < cycle.RosterChunkFirstIds.Count; chunk++)
        {
            await store.Documents.DeleteAsync(removedKind == DocumentKinds.RosterChunk ? ReviewStore.RosterChunkKey(CycleId, chunk) : ReviewStore.RosterLinesKey(CycleId, chunk));
        }

        Assert.Equal(expected, (await Commands.ExcludedForAsync(CycleId, outsider.Id)).ToHashSet());
    }

    [Fact]
    public async Task Approval_needs_a_confirmation_and_every_card_placed_saying_how_many_are_not()
    {
        await SeedAsync(holdingArea: true);

        var unconfirmed = await Commands.ApproveCalibrationAsync(CycleId, GroupId, Hr.Id, confirmed: false);
        var unplaced = await Commands.ApproveCalibrationAsync(CycleId, GroupId, Hr.Id, confirmed: true);

        Assert.Equal("calibration.confirmationRequired", Assert.Single(unconfirmed.Errors).Code);
        Assert.Equal("1 card is still in the holding area; place it before approving.", Assert.Single(unplaced.Errors).Message);
        Assert.Empty((await store.GetGroupAsync(CycleId, GroupId))!.ApprovalsSoFar);
        await client.DidNotReceiveWithAnyArgs().RaiseEventAsync(default!, default!, default, default);
    }

    [Fact]
    public async Task A_card_nobody_on_the_committee_may_decide_holds_neither_the_approval_nor_the_confirmation()
    {
        await SeedAsync(hrIsTheManager: true);

        var facilitator = await Commands.ApproveCalibrationAsync(CycleId, GroupId, manager.Id, confirmed: true);
        var byMember = await Commands.ApproveCalibrationAsync(CycleId, GroupId, member.Id, confirmed: true);

        Assert.Equal(CommandStatus.Succeeded, facilitator.Status);
        Assert.True(byMember.Value!.Reached);
        await store.UpdateGroupAsync(CycleId, GroupId, g => g! with { Phase = GroupPhase.DecisionsProposed });
        var day = new DateOnly(2026, 3, 4);
        await store.UpsertDecisionsAsync(new DecisionChunkDocument(CycleId, GroupId, 0, false, [new NoChangeDecision(Boss.Id, day, "system"), new NoChangeDecision(reports[1].Id, day, "system")]));
        Assert.Equal(CommandStatus.Succeeded, (await Commands.FinaliseDecisionsAsync(CycleId, GroupId, manager.Id)).Status);
    }

    [Fact]
    public async Task The_board_closes_only_when_the_facilitator_and_a_member_approved_and_a_move_in_between_withdraws_approvals()
    {
        await SeedAsync();

        var facilitator = await Commands.ApproveCalibrationAsync(CycleId, GroupId, Hr.Id, confirmed: true);
        await Commands.MoveCardAsync(CycleId, GroupId, reports[2].Id, GridPosition.Of(GridBox.HighPerformer), "Took over the key account mid-year.", Hr.Id);
        var memberAfterMove = await Commands.ApproveCalibrationAsync(CycleId, GroupId, member.Id, confirmed: true);
        var facilitatorAgain = await Commands.ApproveCalibrationAsync(CycleId, GroupId, Hr.Id, confirmed: true);

        Assert.Equal((0, 1, false), (facilitator.Value!.FacilitatorsMissing, facilitator.Value.MembersMissing, facilitator.Value.Reached));
        Assert.Equal((1, 0, false), (memberAfterMove.Value!.FacilitatorsMissing, memberAfterMove.Value.MembersMissing, memberAfterMove.Value.Reached));
        Assert.True(facilitatorAgain.Value!.Reached);
        var approvals = (await store.GetGroupAsync(CycleId, GroupId))!.ApprovalsSoFar;
        Assert.Equal([(member.Id, Domain.Calibration.CommitteeRole.Member), (Hr.Id, Domain.Calibration.CommitteeRole.Facilitator)], approvals.Select(a => (a.ApproverId, a.Role)));
        await client.Received(1).RaiseEventAsync(InstanceIds.Group(CycleId, GroupId), WorkflowEvents.CalibrationApproved, Arg.Is<CalibrationApprovedEvent>(e => e.ApprovedBy == Hr.Id), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task A_move_cut_short_by_a_crash_before_its_audit_leaves_the_board_as_it_was_and_made_again_is_audited_once()
    {
        await SeedAsync();
        await Commands.ApproveCalibrationAsync(CycleId, GroupId, Hr.Id, confirmed: true);
        const string reason = "Took over the key account mid-year.";
        documents.CrashAtNextWriteOf = DocumentKinds.CalibrationAudit;

        await Assert.ThrowsAsync<IOException>(() => Commands.MoveCardAsync(CycleId, GroupId, reports[2].Id, GridPosition.Of(GridBox.HighPerformer), reason, Hr.Id));

        // Nothing of the move stays: the card where it was, the approval of the board as it stood.
        Assert.Equal(GridPosition.Of(GridBox.CorePlayer), (await store.GetCardsAsync(CycleId, GroupId, 0))!.Cards.Single(c => c.EmployeeId == reports[2].Id).Current);
        Assert.Empty(await store.GetGroupAuditAsync(CycleId, GroupId));
        Assert.Equal([Hr.Id], (await store.GetGroupAsync(CycleId, GroupId))!.ApprovalsSoFar.Select(a => a.ApproverId));

        // HR sees the card where it was and moves it again: the move and its audit, once.
        var again = await Commands.MoveCardAsync(CycleId, GroupId, reports[2].Id, GridPosition.Of(GridBox.HighPerformer), reason, Hr.Id);

        Assert.Equal(CommandStatus.Succeeded, again.Status);
        var entry = Assert.Single(await store.GetGroupAuditAsync(CycleId, GroupId));
        Assert.Equal((reports[2].Id, GridPosition.Of(GridBox.CorePlayer), GridPosition.Of(GridBox.HighPerformer), reason), (entry.EmployeeId, entry.Adjustment.From, entry.Adjustment.To, entry.Adjustment.Reason));
        Assert.Empty((await store.GetGroupAsync(CycleId, GroupId))!.ApprovalsSoFar);
    }

    [Fact]
    public async Task Two_changes_of_one_card_at_the_same_instant_are_both_audited_in_the_order_they_were_made()
    {
        // The local host's virtual clock moves by the second: a placement and a move within it read the same time.
        await SeedAsync(holdingArea: true);
        var card = reports[^1].Id;

        var placed = await Commands.MoveCardAsync(CycleId, GroupId, card, GridPosition.Of(GridBox.CorePlayer), "Placed after the committee weighed the evidence.", Hr.Id);
        var moved = await Commands.MoveCardAsync(CycleId, GroupId, card, GridPosition.Of(GridBox.EmergingTalent), "Moved after the committee weighed the potential.", Hr.Id);
        await store.UpdateGroupAsync(CycleId, GroupId, g => g! with { Phase = GroupPhase.DecisionsProposed });
        var day = new DateOnly(2026, 3, 4);
        await store.UpsertDecisionsAsync(new DecisionChunkDocument(CycleId, GroupId, 0, false, [new NoChangeDecision(reports[1].Id, day, "system")]));
        await Commands.AmendDecisionAsync(CycleId, GroupId, new MeritIncreaseDecision(reports[1].Id, day, Hr.Id, 3.5m, "Took over a second team mid-year."));
        await Commands.AmendDecisionAsync(CycleId, GroupId, new MeritIncreaseDecision(reports[1].Id, day, Hr.Id, 4m, "And kept both teams on target."));

        Assert.Equal((CommandStatus.Succeeded, CommandStatus.Succeeded), (placed.Status, moved.Status));
        Assert.Equal(
            [((GridPosition?)null, GridPosition.Of(GridBox.CorePlayer)), (GridPosition.Of(GridBox.CorePlayer), GridPosition.Of(GridBox.EmergingTalent))],
            (await store.GetGroupAuditAsync(CycleId, GroupId)).Select(a => (a.Adjustment.From, a.Adjustment.To)));
        Assert.Equal(["Took over a second team mid-year.", "And kept both teams on target."], (await store.GetGroupDecisionAuditAsync(CycleId, GroupId)).Select(a => a.Reason));
    }

    [Fact]
    public async Task An_amendment_cut_short_by_a_crash_before_its_audit_leaves_the_decision_as_it_was_and_made_again_is_audited_once()
    {
        await SeedAsync(GroupPhase.DecisionsProposed);
        var day = new DateOnly(2026, 3, 4);
        await store.UpsertDecisionsAsync(new DecisionChunkDocument(CycleId, GroupId, 0, false, [new NoChangeDecision(reports[1].Id, day, "system")]));
        var merit = new MeritIncreaseDecision(reports[1].Id, day, Hr.Id, 3.5m, "Took over a second team mid-year.");
        documents.CrashAtNextWriteOf = DocumentKinds.DecisionAudit;

        await Assert.ThrowsAsync<IOException>(() => Commands.AmendDecisionAsync(CycleId, GroupId, merit));

        Assert.IsType<NoChangeDecision>(Assert.Single((await store.GetDecisionsAsync(CycleId, GroupId, 0))!.Decisions));
        Assert.Empty(await store.GetGroupDecisionAuditAsync(CycleId, GroupId));

        var again = await Commands.AmendDecisionAsync(CycleId, GroupId, merit);

        Assert.Equal(CommandStatus.Succeeded, again.Status);
        Assert.Equal(merit, Assert.Single((await store.GetDecisionsAsync(CycleId, GroupId, 0))!.Decisions));
        var entry = Assert.Single(await store.GetGroupDecisionAuditAsync(CycleId, GroupId));
        Assert.Equal((reports[1].Id, merit.Note), (entry.EmployeeId, entry.Reason));
        Assert.IsType<NoChangeDecision>(entry.Before);
    }

    [Fact]
    public async Task Nobody_amends_or_confirms_decisions_that_hold_their_own()
    {
        await SeedAsync(GroupPhase.DecisionsProposed);
        var day = new DateOnly(2026, 3, 4);
        await store.UpsertDecisionsAsync(new DecisionChunkDocument(CycleId, GroupId, 0, false, [new NoChangeDecision(member.Id, day, "system"), new NoChangeDecision(reports[1].Id, day, "system")]));

        var ownMerit = await Commands.AmendDecisionAsync(CycleId, GroupId, new MeritIncreaseDecision(member.Id, day, member.Id, 10m, "Self-assessed as outstanding."));
        var confirm = await Commands.FinaliseDecisionsAsync(CycleId, GroupId, member.Id);
        var byHr = await Commands.FinaliseDecisionsAsync(CycleId, GroupId, Hr.Id);

        Assert.Equal("calibration.ownReportingLine", Assert.Single(ownMerit.Errors).Code);
        Assert.Equal("calibration.ownDecision", Assert.Single(confirm.Errors).Code);
        Assert.Equal(CommandStatus.Succeeded, byHr.Status);
        Assert.IsType<NoChangeDecision>((await store.GetDecisionsAsync(CycleId, GroupId, 0))!.Decisions[0]);
    }

    [Fact]
    public async Task An_amended_decision_is_audited_with_before_after_actor_time_and_reason()
    {
        await SeedAsync(GroupPhase.DecisionsProposed);
        var day = new DateOnly(2026, 3, 4);
        await store.UpsertDecisionsAsync(new DecisionChunkDocument(CycleId, GroupId, 0, false, [new NoChangeDecision(reports[1].Id, day, "system")]));
        time.Advance(TimeSpan.FromMinutes(5));

        var amended = await Commands.AmendDecisionAsync(CycleId, GroupId, new MeritIncreaseDecision(reports[1].Id, day, Hr.Id, 3.5m, "Took over a second team mid-year."));

        Assert.Equal(CommandStatus.Succeeded, amended.Status);
        var entry = Assert.Single(await store.GetGroupDecisionAuditAsync(CycleId, GroupId));
        Assert.IsType<NoChangeDecision>(entry.Before);
        Assert.Equal(3.5m, Assert.IsType<MeritIncreaseDecision>(entry.After).Percent);
        Assert.Equal((Hr.Id, "Took over a second team mid-year.", new DateTimeOffset(2026, 3, 4, 10, 5, 0, TimeSpan.Zero)), (entry.By, entry.Reason, entry.At));
    }

    [Fact]
    public async Task Confirming_is_refused_while_a_promotion_lacks_its_new_level_and_title_naming_the_person_and_fields()
    {
        await SeedAsync(GroupPhase.DecisionsProposed);
        var day = new DateOnly(2026, 3, 4);
        await store.UpsertDecisionsAsync(new DecisionChunkDocument(CycleId, GroupId, 0, false,
            [new PromotionDecision(reports[1].Id, day, "system", string.Empty, string.Empty, OverrideReason: "Carried the team through the merger."), new MeritIncreaseDecision(reports[2].Id, day, "system", 3m)]));

        var refused = await Commands.FinaliseDecisionsAsync(CycleId, GroupId, Hr.Id);
        var completed = new PromotionDecision(reports[1].Id, day, Hr.Id, "L5", "Team lead", OverrideReason: "Carried the team through the merger.", Note: "Carried the team through the merger.");
        await Commands.AmendDecisionAsync(CycleId, GroupId, completed);
        var confirmed = await Commands.FinaliseDecisionsAsync(CycleId, GroupId, Hr.Id);

        Assert.Equal(CommandStatus.Invalid, refused.Status);
        Assert.Equal([$"{reports[1].Id}.newLevel", $"{reports[1].Id}.newJobTitle"], refused.Errors.Select(e => e.Field));
        Assert.Equal(CommandStatus.Succeeded, confirmed.Status);
        await client.Received(1).RaiseEventAsync(InstanceIds.Group(CycleId, GroupId), WorkflowEvents.DecisionsFinalised, Arg.Any<object?>(), Arg.Any<CancellationToken>());
    }

    private IEnumerable<string> Chain(string id)
    {
        for (var e = roster.Find(id); e?.ManagerId is { } next; e = roster.Find(next))
        {
            yield return next;
        }
    }
}
