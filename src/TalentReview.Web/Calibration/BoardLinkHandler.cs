using System.Globalization;
using Microsoft.AspNetCore.Http;
using TalentReview.Domain.Calibration;
using TalentReview.Domain.Decisions;
using TalentReview.Domain.NineBox;
using TalentReview.Domain.Planning;
using TalentReview.Web.Html;
using TalentReview.Web.Links;
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
internal sealed class BoardLinkHandler(ReviewStore store, CalibrationCommands calibration, WorkflowLinks links) : ILinkStepHandler
{
    private const int PageSize = 500;

    /// <summary>Stands for the approval form where a refused approval shows its reason.</summary>
    internal const string ApproveForm = "approve";

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
            return SelfAssessmentLinkHandler.SeeOther(finalised.Succeeded ? $"{link.ActionPath}?confirmed=1" : link.ActionPath);
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
        if (result.Status is CommandStatus.Invalid or CommandStatus.NotAllowed)
        {
            typed.AddErrors(result.Errors.Select(e => e.Code == "reasonRequired" ? e with { Code = "calibration.reasonRequired" } : e with { Field = e.Field == nameof(employeeId) ? "to" : e.Field }), language);
            return await RenderAsync(link, scope, null, employeeId, typed, cancellationToken);
        }

        return SelfAssessmentLinkHandler.SeeOther(string.Create(CultureInfo.InvariantCulture, $"{link.ActionPath}?moved={card.Index}#c{card.Index}"));
    }

    private async Task<IResult> RenderAsync(LinkContext link, BoardScope scope, string? notice, string? invalidEmployeeId, FormState? invalid, CancellationToken cancellationToken)
    {
        var group = scope.Group!;
        var names = scope.Cards.ToDictionary(c => c.Card.EmployeeId, c => c.Name, StringComparer.Ordinal);
        var calibrators = group.Calibrators.ToDictionary(c => c.Id, c => c.Name, StringComparer.Ordinal);
        var moves = new List<BoardMove>();
        string? after = null;
        do
        {
            var page = await store.Documents.QueryAsync<CalibrationAuditDocument>(
                new DocumentQuery(group.CycleId, DocumentKinds.CalibrationAudit, new Dictionary<string, string> { ["groupId"] = group.GroupId }, after, PageSize), cancellationToken);
            moves.AddRange(page.Items.Select(i => i.Value.Adjustment).OrderBy(a => a.At).Select(a => new BoardMove(
                names.GetValueOrDefault(a.EmployeeId) ?? "—", a.From.Box, a.To.Box, calibrators.GetValueOrDefault(a.By) ?? a.By, a.Reason)));
            after = page.NextAfterId;
        }
        while (after is not null);

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
            group, AnalyticsSettings.Default.DeviationThresholdPoints, scope.Cycle!.Plan.Guidance.PercentFor, scope.Cards, moves, notice, invalidEmployeeId, invalid, decisions, decisionsPath)
        {
            Quorum = quorum,
            Approvers = approvers,
        };
        var approvedBy = approvers.Count > 0 ? string.Join(", ", approvers) : group.ApprovedBy is { } by ? calibrators.GetValueOrDefault(by) ?? by : string.Empty;
        return BoardPage.Render(link, scope.Calibrator!.Language, view, approvedBy);
    }

    private static DateTimeOffset DecisionsDeadline(CycleDocument cycle)
    {
        var schedule = CycleSchedule.From(cycle.Plan);
        return schedule.Has(StepKind.Decisions) ? schedule.DisplayedDeadline(StepKind.Decisions) : DateTimeOffset.MaxValue.AddYears(-1);
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

                cards.Add(new BoardCard(cards.Count, card, participant?.Name ?? card.EmployeeId, participant?.JobTitle ?? string.Empty, managerName, excluded.Contains(card.EmployeeId)));
            }
        }

        return new BoardScope(cycle, group, calibrator, cards, null);
    }

    private sealed record BoardScope(CycleDocument? Cycle, CalibrationGroupDocument? Group, Contact? Calibrator, List<BoardCard> Cards, IResult? Refusal)
    {
        public static BoardScope Refused(IResult refusal) => new(null, null, null, [], refusal);
    }
}
