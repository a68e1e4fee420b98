using System.Globalization;
using Microsoft.AspNetCore.Http;
using TalentReview.Domain.Planning;
using TalentReview.Web.Html;
using TalentReview.Web.Links;
using TalentReview.Web.SelfAssessment;
using TalentReview.Workflow.Links;
using TalentReview.Workflow.Storage;
using TalentReview.Workflow.UseCases;

namespace TalentReview.Web.Team;

/// <summary>
/// A manager's team page (or, after an escalation, the skip-level manager's or HR's page for overdue
/// reports): every report with their self-assessment and a form for the input.
/// </summary>
internal sealed class TeamLinkHandler(ReviewStore store, SubmissionCommands submissions) : ILinkStepHandler
{
    private const int PageSize = 200;

    public LinkStep Step => LinkStep.ManagerInput;

    public async Task<IResult> ShowAsync(LinkContext link, CancellationToken cancellationToken)
    {
        var team = await LoadAsync(link, cancellationToken);
        if (team.Refusal is not null)
        {
            return team.Refusal;
        }

        var query = link.Http.Request.Query;
        var views = new List<ReportView>();
        foreach (var (participant, index) in team.Reports.Select((p, i) => (p.Value, i)))
        {
            var notice = Notice(query, index, participant);
            views.Add(await ViewAsync(team.Cycle!, participant, index, state: null, notice, cancellationToken));
        }

        return TeamPage.Render(link, team.Language, views, team.ActingForManager, Deadline(team.Cycle!));
    }

    public async Task<IResult> SubmitAsync(LinkContext link, IFormCollection form, CancellationToken cancellationToken)
    {
        var team = await LoadAsync(link, cancellationToken);
        if (team.Refusal is not null)
        {
            return team.Refusal;
        }

        var language = team.Language;
        var employeeId = form["employeeId"].ToString();
        var index = team.Reports.FindIndex(p => p.Value.EmployeeId == employeeId);
        if (index < 0)
        {
            // The report moved to another manager since the page was opened (or never was on it).
            return LinkPages.Replaced(language);
        }

        var read = team.Reports[index];
        var participant = read.Value;
        var typed = FormState.From(form);
        var parsed = ManagerInputForm.Parse(typed, participant.EmployeeId, participant.ManagerId ?? link.Claims.SubjectId);
        var actor = link.Claims.RecipientId;
        var shown = ShownDraftField.Of(form);
        CommandResult result;
        if (form["action"] == "draft")
        {
            result = await submissions.SaveManagerInputDraftAsync(read, actor, parsed, shown, cancellationToken);
        }
        else
        {
            var validated = ManagerInputForm.Validate(typed, parsed, language);
            if (validated.HasErrors)
            {
                return await RenderWithAsync(link, team, index, validated, cancellationToken);
            }

            result = await submissions.SubmitManagerInputAsync(read, actor, parsed, shown, cancellationToken);
        }

        switch (result.Status)
        {
            case CommandStatus.Invalid:
                typed.AddErrors(result.Errors, language);
                return await RenderWithAsync(link, team, index, typed, cancellationToken);
            case CommandStatus.NotAllowed when result.IsStepClosed:
                return LinkPages.WriteRefused(language, LinkTexts.StepClosedAtDeadline);
            case CommandStatus.NotFound or CommandStatus.NotAllowed when result.Errors.Any(e => e.Code == "notTheManager"):
                return LinkPages.Replaced(language);
            case CommandStatus.NotFound or CommandStatus.NotAllowed:
                return SelfAssessmentLinkHandler.SeeOther(link.ActionPath);
            default:
                var flag = form["action"] == "draft" ? "saved" : "sent";
                return SelfAssessmentLinkHandler.SeeOther(string.Create(CultureInfo.InvariantCulture, $"{link.ActionPath}?{flag}={index}#report-{index}"));
        }
    }

    private static string? Notice(IQueryCollection query, int index, ParticipantDocument participant)
    {
        var text = index.ToString(CultureInfo.InvariantCulture);
        return query["saved"] == text ? TeamTexts.DraftSavedFor.Format(participant.Language, participant.Name)
            : query["sent"] == text ? TeamTexts.SubmittedFor.Format(participant.Language, participant.Name)
            : null;
    }

    private async Task<IResult> RenderWithAsync(LinkContext link, TeamScope team, int invalidIndex, FormState invalid, CancellationToken cancellationToken)
    {
        var views = new List<ReportView>();
        foreach (var (participant, index) in team.Reports.Select((p, i) => (p.Value, i)))
        {
            views.Add(await ViewAsync(team.Cycle!, participant, index, index == invalidIndex ? invalid : null, notice: null, cancellationToken));
        }

        return TeamPage.Render(link, team.Language, views, team.ActingForManager, Deadline(team.Cycle!));
    }

    private async Task<ReportView> ViewAsync(CycleDocument cycle, ParticipantDocument participant, int index, FormState? state, string? notice, CancellationToken cancellationToken)
    {
        var self = await store.GetSelfAssessmentAsync(cycle.CycleId, participant.EmployeeId, cancellationToken);
        var input = await store.ReadManagerInputAsync(cycle.CycleId, participant.EmployeeId, cancellationToken);
        return new ReportView(index, participant, self?.Submitted, input?.Value, state ?? ManagerInputForm.ToState(input?.Value.Draft), notice, ShownDraftField.Of(input));
    }

    private static DateOnly? Deadline(CycleDocument cycle) => cycle.Plan.Step(StepKind.ManagerInput)?.Deadline;

    private async Task<TeamScope> LoadAsync(LinkContext link, CancellationToken cancellationToken)
    {
        var claims = link.Claims;
        var cycle = await store.GetCycleAsync(claims.CycleId, cancellationToken);
        if (cycle is null)
        {
            return TeamScope.Refused(LinkPages.Invalid(link.BrowserLanguage));
        }

        List<StoredDocument<ParticipantDocument>> reports;
        Domain.Language language;
        if (claims.Nonce == WorkflowLinks.TeamNonce && claims.SubjectId == claims.RecipientId)
        {
            var team = await store.GetTeamAsync(cycle.CycleId, claims.SubjectId, cancellationToken);
            if (team is null)
            {
                return TeamScope.Refused(LinkPages.Invalid(link.BrowserLanguage));
            }

            language = team.Manager.Language;
            reports = await QueryAsync(cycle.CycleId, new ParticipantFilter(ManagerId: claims.SubjectId), _ => true, cancellationToken);
        }
        else if (claims.Nonce == WorkflowLinks.EscalationNonce && cycle.Hr.FirstOrDefault(h => h.Id == claims.RecipientId) is { } hr)
        {
            language = hr.Language;
            reports = await QueryAsync(cycle.CycleId, new ParticipantFilter(ManagerInput: StepState.Pending), p => p.Escalation >= EscalationStage.HumanResources, cancellationToken);
        }
        else if (claims.Nonce == WorkflowLinks.EscalationNonce
            && await store.Documents.ReadAsync<SkipLevelDocument>(ReviewStore.SkipLevelKey(cycle.CycleId, claims.RecipientId), cancellationToken) is { } skipLevel)
        {
            language = skipLevel.Value.SkipLevel.Language;
            reports = [];
            foreach (var managerId in skipLevel.Value.ManagerIds)
            {
                reports.AddRange(await QueryAsync(
                    cycle.CycleId, new ParticipantFilter(ManagerId: managerId), p => p.Escalation >= EscalationStage.SkipLevelManager && p.SkipLevelId == claims.RecipientId, cancellationToken));
            }
        }
        else
        {
            return TeamScope.Refused(LinkPages.Replaced(link.BrowserLanguage));
        }

        if (cycle.State == CycleState.Cancelled)
        {
            return TeamScope.Refused(LinkPages.Closed(language));
        }

        // A stable order: the notices after a post point at reports by their position.
        reports = [.. reports.OrderBy(p => p.Value.Name, StringComparer.Ordinal).ThenBy(p => p.Value.EmployeeId, StringComparer.Ordinal)];
        return new TeamScope(cycle, reports, language, claims.Nonce == WorkflowLinks.EscalationNonce, null);
    }

    /// <summary>The participants with their ETags, which the commands reuse instead of reading each again.</summary>
    private async Task<List<StoredDocument<ParticipantDocument>>> QueryAsync(string cycleId, ParticipantFilter filter, Func<ParticipantDocument, bool> keep, CancellationToken cancellationToken)
    {
        var result = new List<StoredDocument<ParticipantDocument>>();
        string? after = null;
        do
        {
            var page = await store.QueryParticipantsAsync(cycleId, filter, after, PageSize, cancellationToken);
            result.AddRange(page.Items.Where(i => keep(i.Value)));
            after = page.NextAfterId;
        }
        while (after is not null);
        return result;
    }

    private sealed record TeamScope(CycleDocument? Cycle, List<StoredDocument<ParticipantDocument>> Reports, Domain.Language Language, bool ActingForManager, IResult? Refusal)
    {
        public static TeamScope Refused(IResult refusal) => new(null, [], Domain.Language.En, false, refusal);
    }
}
