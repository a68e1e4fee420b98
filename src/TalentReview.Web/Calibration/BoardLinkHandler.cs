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
        var notice = query.ContainsKey("approved") ? CalibrationTexts.ApprovalSent[language]
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
            // Approving twice changes nothing and says so: only the approval that took effect is confirmed as sent.
            var approval = await calibration.ApproveCalibrationAsync(claims.CycleId, claims.SubjectId, claims.RecipientId, cancellationToken);
            return approval.Status switch
            {
                CommandStatus.Succeeded => SelfAssessmentLinkHandler.SeeOther($"{link.ActionPath}?approved=1"),
                CommandStatus.AlreadyDone => LinkPages.WriteRefused(language, LinkTexts.BoardClosed),
                _ => SelfAssessmentLinkHandler.SeeOther(link.ActionPath),
            };
        }

        if (form["action"] == "finalise")
        {
            var finalised = await calibration.FinaliseDecisionsAsync(claims.CycleId, claims.SubjectId, claims.RecipientId, cancellationToken);
            return finalised.Status switch
            {
                CommandStatus.Succeeded => SelfAssessmentLinkHandler.SeeOther($"{link.ActionPath}?confirmed=1"),
                CommandStatus.AlreadyDone => LinkPages.WriteRefused(language, LinkTexts.DecisionsClosed),
                _ => SelfAssessmentLinkHandler.SeeOther(link.ActionPath),
            };
        }

        if (scope.Group!.Phase > GroupPhase.Calibrating)
        {
            return LinkPages.WriteRefused(language, LinkTexts.BoardClosed);
        }

        var employeeId = form["employeeId"].ToString();
        var card = scope.Cards.FirstOrDefault(c => c.Card.EmployeeId == employeeId);
        if (card is null)
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
        if (result.Status == CommandStatus.Invalid)
        {
            typed.AddErrors(result.Errors.Select(e => e.Code == "reasonRequired" ? e with { Code = "calibration.reasonRequired" } : e), language);
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
        var view = new BoardView(
            group, AnalyticsSettings.Default.DeviationThresholdPoints, scope.Cycle!.Plan.Guidance.PercentFor, scope.Cards, moves, notice, invalidEmployeeId, invalid, decisions, decisionsPath);
        var approvedBy = group.ApprovedBy is { } by ? calibrators.GetValueOrDefault(by) ?? by : string.Empty;
        return BoardPage.Render(link, scope.Calibrator!.Language, view, approvedBy);
    }

    private static DateTimeOffset DecisionsDeadline(CycleDocument cycle)
    {
        var schedule = CycleSchedule.From(cycle.Plan);
        return schedule.Has(StepKind.Decisions) ? schedule.DisplayedDeadline(StepKind.Decisions) : DateTimeOffset.MaxValue.AddYears(-1);
    }

    private async Task<BoardScope> LoadAsync(LinkContext link, CancellationToken cancellationToken)
    {
        var access = await GroupLinkAccess.CheckAsync(link, store, WorkflowLinks.BoardNonce, hrMayAct: false, cancellationToken);
        if (access.Refusal is not null)
        {
            return BoardScope.Refused(access.Refusal);
        }

        var (cycle, group, calibrator) = (access.Cycle!, access.Group!, access.Recipient!);
        var participants = await store.GetGroupParticipantsAsync(cycle.CycleId, group.GroupId, cancellationToken);

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

                cards.Add(new BoardCard(cards.Count, card, participant?.Name ?? card.EmployeeId, participant?.JobTitle ?? string.Empty, managerName));
            }
        }

        return new BoardScope(cycle, group, calibrator, cards, null);
    }

    private sealed record BoardScope(CycleDocument? Cycle, CalibrationGroupDocument? Group, Contact? Calibrator, List<BoardCard> Cards, IResult? Refusal)
    {
        public static BoardScope Refused(IResult refusal) => new(null, null, null, [], refusal);
    }
}
