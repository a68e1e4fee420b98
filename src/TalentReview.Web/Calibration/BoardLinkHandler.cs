using System.Globalization;
using Microsoft.AspNetCore.Http;
using TalentReview.Domain.Calibration;
using TalentReview.Domain.Decisions;
using TalentReview.Domain.NineBox;
using TalentReview.Domain.Planning;
using TalentReview.Web.Html;
using TalentReview.Web.Links;
using TalentReview.Web.Localization;
using TalentReview.Web.Security;
using TalentReview.Web.SelfAssessment;
using TalentReview.Workflow.Cycle;
using TalentReview.Workflow.Links;
using TalentReview.Workflow.Storage;
using TalentReview.Workflow.UseCases;

namespace TalentReview.Web.Calibration;

/// <summary>
/// The calibration board of one group, for that group's calibrators only: the link names the group
/// and the calibrator, and a signed-in identity must also hold the calibrator (or HR) role.
/// </summary>
internal sealed class BoardLinkHandler(ReviewStore store, CalibrationCommands calibration, WorkflowLinks links, TimeProvider time) : ILinkStepHandler
{
    /// <summary>Stands for the approval form where a refused approval shows its reason.</summary>
    internal const string ApproveForm = "approve";

    /// <summary>Stands for the decisions' confirmation where a refusal shows its reason.</summary>
    internal const string FinaliseForm = "finalise";

    public LinkStep Step => LinkStep.CalibrationBoard;

    public async Task<IResult> ShowAsync(LinkContext link, CancellationToken cancellationToken)
    {
        var scope = await LoadAsync(link, cancellationToken);
        if (scope.Refusal is not null)
        {
            return scope.Refusal;
        }

        var query = link.Http.Request.Query;
        var language = scope.Calibrator!.Language;
        var progress = QuorumProgress.Of(CalibrationCommands.QuorumOf(scope.Cycle!, scope.Group!), scope.Group!.ApprovalsSoFar);
        var notice = query.ContainsKey("approved")
                ? progress.Reached ? CalibrationTexts.ApprovalSent[language] : CalibrationTexts.ApprovalRecorded.Format(language, progress.FacilitatorsMissing, progress.MembersMissing)
            : query.ContainsKey("confirmed") ? CalibrationTexts.DecisionsSent[language]
            : int.TryParse(query["moved"], NumberStyles.None, CultureInfo.InvariantCulture, out var moved) && moved < scope.Cards.Count
                ? CalibrationTexts.Moved.Format(language, scope.Cards[moved].Name)
                : null;
        return await RenderAsync(link, scope, notice, null, null, cancellationToken);
    }

    public async Task<IResult> SubmitAsync(LinkContext link, IFormCollection form, CancellationToken cancellationToken)
    {
        var scope = await LoadAsync(link, cancellationToken);
        if (scope.Refusal is not null)
        {
            return scope.Refusal;
        }

        var claims = link.Claims;
        var language = scope.Calibrator!.Language;
        if (form["action"] == "approve")
        {
            var confirmed = form["confirm"] == "yes";
            var approval = await calibration.ApproveCalibrationAsync(claims.CycleId, claims.SubjectId, claims.RecipientId, confirmed, cancellationToken);
            if (approval.Status == CommandStatus.AlreadyDone)
            {
                // Approving a closed board changes nothing and says so: only an approval that took effect is confirmed.
                return LinkPages.WriteRefused(language, LinkTexts.BoardClosed);
            }

            if (approval.Succeeded)
            {
                return SelfAssessmentLinkHandler.SeeOther($"{link.ActionPath}?approved=1#approve-title");
            }

            var refused = new FormState();
            foreach (var error in approval.Errors)
            {
                refused.AddError("confirm", error.Code == "calibration.unplaced"
                    ? CalibrationTexts.HoldingNotEmpty.Format(language, scope.Cards.Count(c => c.Card.InHoldingArea))
                    : ErrorMessages.For(error, language));
            }

            return await RenderAsync(link, scope, null, ApproveForm, refused, cancellationToken);
        }

        if (form["action"] == "finalise")
        {
            var finalised = await calibration.FinaliseDecisionsAsync(claims.CycleId, claims.SubjectId, claims.RecipientId, cancellationToken);
            if (finalised.Status == CommandStatus.AlreadyDone)
            {
                return LinkPages.WriteRefused(language, LinkTexts.DecisionsClosed);
            }

            if (finalised.Succeeded)
            {
                return SelfAssessmentLinkHandler.SeeOther($"{link.ActionPath}?confirmed=1");
            }

            var refusedConfirmation = new FormState();
            refusedConfirmation.AddError(FinaliseForm, finalised.Status == CommandStatus.Invalid
                ? CalibrationTexts.DecisionsIncomplete.Format(language, finalised.Errors.Select(e => e.Field.Split('.')[0]).Distinct(StringComparer.Ordinal).Count())
                : ErrorMessages.For(finalised.Errors[0], language));
            return await RenderAsync(link, scope, null, FinaliseForm, refusedConfirmation, cancellationToken);
        }

        if (scope.Group!.Phase > GroupPhase.Calibrating)
        {
            return LinkPages.WriteRefused(language, LinkTexts.BoardClosed);
        }

        var employeeId = form["employeeId"].ToString();
        var card = scope.Cards.FirstOrDefault(c => c.Card.EmployeeId == employeeId);
        if (card is null || card.Excluded)
        {
            return LinkPages.FormRejected(language, FormReadFailure.Malformed, link.Token);
        }

        var typed = FormState.From(form);
        var target = int.TryParse(typed.Value("to"), NumberStyles.None, CultureInfo.InvariantCulture, out var box) && Enum.IsDefined((GridBox)box)
            ? GridPosition.Of((GridBox)box)
            : (GridPosition?)null;
        if (target is null)
        {
            typed.AddError("to", ErrorMessages.For(new Domain.ValidationError("to", "calibration.unknownBox", string.Empty), language));
        }

        if (typed.Value("reason").Trim().Length < CalibrationCommands.MinReasonLength)
        {
            typed.AddError("reason", CalibrationTexts.ReasonRequired[language]);
        }

        if (typed.HasErrors)
        {
            return await RenderAsync(link, scope, null, employeeId, typed, cancellationToken);
        }

        var result = await calibration.MoveCardAsync(claims.CycleId, claims.SubjectId, employeeId, target!.Value, typed.Value("reason"), claims.RecipientId, cancellationToken);
        if (result.Status is CommandStatus.Invalid || (result.Status == CommandStatus.NotAllowed && !result.IsStepClosed))
        {
            typed.AddErrors(result.Errors.Select(e => e.Code == "reasonRequired" ? e with { Code = "calibration.reasonRequired" } : e with { Field = e.Field == nameof(employeeId) ? "to" : e.Field }), language);
            return await RenderAsync(link, scope, null, employeeId, typed, cancellationToken);
        }

        switch (result.Status)
        {
            case CommandStatus.Succeeded:
                return SelfAssessmentLinkHandler.SeeOther(string.Create(CultureInfo.InvariantCulture, $"{link.ActionPath}?moved={card.Index}#c{card.Index}"));
            case CommandStatus.AlreadyDone:
                typed.AddError("to", ErrorMessages.For(new Domain.ValidationError("to", "calibration.sameBox", string.Empty), language));
                return await RenderAsync(link, scope, null, employeeId, typed, cancellationToken);
            case CommandStatus.NotAllowed when result.IsStepClosed:
                return LinkPages.WriteRefused(language, LinkTexts.BoardClosed);
            default:
                return SelfAssessmentLinkHandler.SeeOther(link.ActionPath);
        }
    }

    private async Task<IResult> RenderAsync(LinkContext link, BoardScope scope, string? notice, string? invalidEmployeeId, FormState? invalid, CancellationToken cancellationToken)
    {
        var group = scope.Group!;
        var names = scope.Cards.ToDictionary(c => c.Card.EmployeeId, c => c.Name, StringComparer.Ordinal);
        var calibrators = group.Calibrators.ToDictionary(c => c.Id, c => c.Name, StringComparer.Ordinal);
        var language = scope.Calibrator!.Language;
        string NameOf(string id) => calibrators.GetValueOrDefault(id) ?? scope.Cycle!.Hr.FirstOrDefault(h => h.Id == id)?.Name ?? id;
        string BoxOf(GridPosition? position) => position is { } p ? DomainTexts.BoxName(p.Box, language) : CalibrationTexts.HoldingArea[language];
        var gridChanges = await store.GetGroupAuditAsync(group.CycleId, group.GroupId, cancellationToken);
        var decisionChanges = await store.GetGroupDecisionAuditAsync(group.CycleId, group.GroupId, cancellationToken);
        var counts = new AuditCounts(
            gridChanges.Count(a => a.Adjustment.IsPlacement),
            gridChanges.Count(a => !a.Adjustment.IsPlacement),
            gridChanges.Where(a => !a.Adjustment.IsPlacement).Select(a => a.EmployeeId).Distinct(StringComparer.Ordinal).Count(),
            decisionChanges.Count);

        // One trail in the order things happened; entries about the viewer's own line are left out, as their cards are.
        var excluded = scope.Cards.Where(c => c.Excluded).Select(c => c.Card.EmployeeId).ToHashSet(StringComparer.Ordinal);
        var trail = gridChanges.Where(a => !excluded.Contains(a.EmployeeId)).Select(a => new BoardChange(
                a.Adjustment.At, names.GetValueOrDefault(a.EmployeeId) ?? "—", a.Adjustment.IsPlacement ? ChangeKind.Placement : ChangeKind.Move,
                BoxOf(a.Adjustment.From), BoxOf(a.Adjustment.To), NameOf(a.Adjustment.By), a.Adjustment.Reason))
            .Concat(decisionChanges.Where(a => !excluded.Contains(a.EmployeeId)).Select(a => new BoardChange(
                a.At, names.GetValueOrDefault(a.EmployeeId) ?? "—", ChangeKind.Decision,
                DecisionSummary(a.Before, language), DecisionSummary(a.After, language), NameOf(a.By), a.Reason)))
            .OrderBy(c => c.At)
            .ToList();

        List<(string Name, DecisionType Type)>? decisions = null;
        if (group.Phase is GroupPhase.DecisionsProposed or GroupPhase.DecisionsFinalised)
        {
            decisions = [];
            for (var chunk = 0; chunk < group.Chunks; chunk++)
            {
                var document = await store.GetDecisionsAsync(group.CycleId, group.GroupId, chunk, cancellationToken);
                decisions.AddRange((document?.Decisions ?? []).Select(d => (names.GetValueOrDefault(d.EmployeeId) ?? "—", d.Type)));
            }
        }

        // The decisions page behind the same link the workflow emails for that step, for this calibrator.
        var decisionsPath = decisions is null ? null : links.Decisions(group.CycleId, group.GroupId, scope.Calibrator!.Id, DecisionsDeadline(scope.Cycle!)).AbsolutePath;
        var quorum = QuorumProgress.Of(CalibrationCommands.QuorumOf(scope.Cycle!, group), group.ApprovalsSoFar);
        var committee = group.Calibrators.Concat(scope.Cycle!.Hr).DistinctBy(c => c.Id).ToDictionary(c => c.Id, c => c.Name, StringComparer.Ordinal);
        var approvers = group.ApprovalsSoFar.Select(a => committee.GetValueOrDefault(a.ApproverId) ?? a.ApproverId).ToList();
        var view = new BoardView(
            group, AnalyticsSettings.Default.DeviationThresholdPoints, scope.Cycle!.Plan.Guidance.PercentFor, scope.Cards, trail, notice, invalidEmployeeId, invalid, decisions, decisionsPath)
        {
            Counts = counts,
            HiddenChanges = gridChanges.Count + decisionChanges.Count - trail.Count,
            Quorum = quorum,
            Approvers = approvers,
            Overdue = group.Overdue is { } overdue && scope.Cycle!.Plan.Step(StepKind.Calibration)?.Deadline == overdue.Deadline ? overdue : null,
            Fairness = await FairnessAsync(scope, cancellationToken),
            Filter = BoardFilter.From(link.Http.Request.Query),
            Deadline = group.Phase switch
            {
                GroupPhase.Calibrating => StepDeadline.Render(language, scope.Cycle!.Plan, StepKind.Calibration, time.GetUtcNow()),
                GroupPhase.DecisionsProposed => StepDeadline.Render(language, scope.Cycle!.Plan, StepKind.Decisions, time.GetUtcNow()),
                _ => Markup.Empty,
            },
        };
        var approvedBy = approvers.Count > 0 ? string.Join(", ", approvers) : group.ApprovedBy is { } by ? calibrators.GetValueOrDefault(by) ?? by : string.Empty;
        return BoardPage.Render(link, scope.Calibrator!.Language, view, approvedBy, scope.Cycle!.Plan.Time);
    }

    /// <summary>
    /// The confidential roster details of the placed cards, read here and only into aggregates. Ages
    /// count in the year of the calibration deadline, so the view does not change with the day it is read.
    /// </summary>
    private async Task<FairnessView> FairnessAsync(BoardScope scope, CancellationToken cancellationToken)
    {
        var cycle = scope.Cycle!;
        var roster = (await store.ReadRosterAsync(cycle, cancellationToken)).ToDictionary(e => e.Id, StringComparer.Ordinal);
        var placed = new List<FairnessMember>();
        foreach (var card in scope.Cards)
        {
            if (card.Card.Current is { } position && roster.GetValueOrDefault(card.Card.EmployeeId) is { } e)
            {
                placed.Add(new FairnessMember(position, e.BirthYear, e.Gender, e.PartTime, e.ContractType));
            }
        }

        var year = (cycle.Plan.Step(StepKind.Calibration)?.Deadline ?? cycle.Plan.PeriodEnd).Year;
        return FairnessAnalysis.Analyse(placed, year);
    }

    private static string DecisionSummary(Domain.Decisions.Decision decision, Domain.Language language)
    {
        var details = Decisions.DecisionsPage.Details(decision, language);
        return details.Length == 0 ? DomainTexts.Of(decision.Type)[language] : $"{DomainTexts.Of(decision.Type)[language]}: {details}";
    }

    private static DateTimeOffset DecisionsDeadline(CycleDocument cycle)
    {
        var schedule = CycleSchedule.From(cycle.Plan);
        return schedule.Has(StepKind.Decisions) ? schedule.DeadlineEndsAt(StepKind.Decisions) : DateTimeOffset.MaxValue.AddYears(-1);
    }

    private async Task<BoardScope> LoadAsync(LinkContext link, CancellationToken cancellationToken)
    {
        // HR facilitates the committee (and gets the link once the board is overdue).
        var access = await GroupLinkAccess.CheckAsync(link, store, WorkflowLinks.BoardNonce, hrMayAct: true, cancellationToken);
        if (access.Refusal is not null)
        {
            return BoardScope.Refused(access.Refusal);
        }

        var (cycle, group, calibrator) = (access.Cycle!, access.Group!, access.Recipient!);
        var participants = await store.GetGroupParticipantsAsync(cycle.CycleId, group.GroupId, cancellationToken);
        var excluded = await calibration.ExcludedForAsync(cycle.CycleId, calibrator.Id, cancellationToken);

        var managers = new Dictionary<string, string?>(StringComparer.Ordinal);
        var history = await PreviousCyclesAsync(cycle, cancellationToken);
        var cards = new List<BoardCard>();
        for (var chunk = 0; chunk < group.Chunks; chunk++)
        {
            var document = await store.GetCardsAsync(cycle.CycleId, group.GroupId, chunk, cancellationToken);
            foreach (var card in document?.Cards ?? [])
            {
                var participant = participants.GetValueOrDefault(card.EmployeeId);
                string? managerName = null;
                if (card.ManagerId is { } managerId && !managers.TryGetValue(managerId, out managerName))
                {
                    managerName = (await store.GetTeamAsync(cycle.CycleId, managerId, cancellationToken))?.Manager.Name;
                    managers[managerId] = managerName;
                }

                // Ratings are read only for cards the viewer may see: their own line stays closed to them.
                var isExcluded = excluded.Contains(card.EmployeeId);
                var ratings = isExcluded ? null : new CardRatings(
                    (await store.GetManagerInputAsync(cycle.CycleId, card.EmployeeId, cancellationToken))?.Submitted,
                    (await store.GetSelfAssessmentAsync(cycle.CycleId, card.EmployeeId, cancellationToken))?.Submitted?.OverallSelfRating);
                cards.Add(new BoardCard(cards.Count, card, participant?.Name ?? card.EmployeeId, participant?.JobTitle ?? string.Empty, managerName, isExcluded)
                {
                    Ratings = ratings,
                    Department = participant?.Department ?? string.Empty,
                    Level = participant?.Level ?? string.Empty,
                    History = isExcluded ? [] : await HistoryOfAsync(history, card.EmployeeId, cancellationToken),
                });
            }
        }

        return new BoardScope(cycle, group, calibrator, cards, null);
    }

    /// <summary>How many earlier cycles a side panel goes back.</summary>
    private const int CyclesBack = 3;

    /// <summary>The earlier cycles, latest first, as far back as their records are kept: each one's final boxes by employee.</summary>
    private async Task<List<EarlierCycle>> PreviousCyclesAsync(CycleDocument cycle, CancellationToken cancellationToken)
    {
        var earlier = new List<EarlierCycle>();
        for (var id = cycle.PreviousCycleId; id is not null && earlier.Count < CyclesBack;)
        {
            var results = await store.GetPreviousResultsAsync(id, cancellationToken);
            var document = await store.GetCycleAsync(id, cancellationToken);
            if (results.Count == 0 && document is null)
            {
                break;
            }

            earlier.Add(new EarlierCycle(
                id, document?.Name ?? results[0].CycleName, document is not null,
                results.SelectMany(r => r.Placements).ToDictionary(p => p.EmployeeId, p => p.Position, StringComparer.Ordinal),
                []));
            id = document?.PreviousCycleId;
        }

        return earlier;
    }

    /// <summary>One card's box and decision in each earlier cycle; a decisions document is read once per board.</summary>
    private async Task<List<PastResult>> HistoryOfAsync(List<EarlierCycle> earlier, string employeeId, CancellationToken cancellationToken)
    {
        var past = new List<PastResult>(earlier.Count);
        foreach (var cycle in earlier)
        {
            Domain.Decisions.Decision? decision = null;
            if (cycle.RecordsKept && await store.GetParticipantAsync(cycle.CycleId, employeeId, cancellationToken) is { } participant)
            {
                var key = (participant.GroupId, ReviewStore.ChunkOf(participant.GroupOrdinal));
                if (!cycle.Decisions.TryGetValue(key, out var decisions))
                {
                    decisions = (await store.GetDecisionsAsync(cycle.CycleId, key.GroupId, key.Item2, cancellationToken))?.Decisions ?? [];
                    cycle.Decisions[key] = decisions;
                }

                decision = decisions.FirstOrDefault(d => d.EmployeeId == employeeId);
            }

            var position = cycle.Boxes.TryGetValue(employeeId, out var box) ? box : (GridPosition?)null;
            if (position is not null || decision is not null)
            {
                past.Add(new PastResult(cycle.Name, position, decision));
            }
        }

        return past;
    }

    private sealed record EarlierCycle(
        string CycleId, string Name, bool RecordsKept, Dictionary<string, GridPosition> Boxes,
        Dictionary<(string GroupId, int Chunk), IReadOnlyList<Domain.Decisions.Decision>> Decisions);

    private sealed record BoardScope(CycleDocument? Cycle, CalibrationGroupDocument? Group, Contact? Calibrator, List<BoardCard> Cards, IResult? Refusal)
    {
        public static BoardScope Refused(IResult refusal) => new(null, null, null, [], refusal);
    }
}
