using TalentReview.Domain.Planning;
using System.Globalization;
using Microsoft.AspNetCore.Http;
using TalentReview.Web.Calibration;
using TalentReview.Web.Html;
using TalentReview.Web.Links;
using TalentReview.Web.Localization;
using TalentReview.Web.Security;
using TalentReview.Web.SelfAssessment;
using TalentReview.Workflow.Links;
using TalentReview.Workflow.Storage;
using TalentReview.Workflow.UseCases;
using T = TalentReview.Web.Decisions.DecisionTexts;

namespace TalentReview.Web.Decisions;

/// <summary>
/// Decision confirmation for one group, for its calibrators and HR (who get the link once the step is
/// overdue): the proposed decisions, amendments with a reason, and the confirmation of all. It uses
/// the same use cases as the board's confirm button.
/// </summary>
internal sealed class DecisionsLinkHandler(ReviewStore store, CalibrationCommands calibration, TimeProvider time) : ILinkStepHandler
{
    public LinkStep Step => LinkStep.DecisionConfirmation;

    public async Task<IResult> ShowAsync(LinkContext link, CancellationToken cancellationToken)
    {
        var scope = await LoadAsync(link, cancellationToken);
        if (scope.Refusal is not null)
        {
            return scope.Refusal;
        }

        var query = link.Http.Request.Query;
        var language = scope.Recipient!.Language;
        var amended = Index(query["amended"], scope);
        var notice = amended is null ? null : T.Amended.Format(language, amended.Name);
        var chosen = Index(query["amend"], scope) ?? amended ?? scope.Rows.FirstOrDefault();
        var amend = chosen is null ? new FormState() : DecisionForm.From(chosen.Decision, chosen.Index, TodayIn(scope));
        return Render(link, scope, notice, query.ContainsKey("confirmed"), amend);
    }

    public async Task<IResult> SubmitAsync(LinkContext link, IFormCollection form, CancellationToken cancellationToken)
    {
        var scope = await LoadAsync(link, cancellationToken);
        if (scope.Refusal is not null)
        {
            return scope.Refusal;
        }

        var claims = link.Claims;
        var language = scope.Recipient!.Language;
        if (form["action"] == "confirm")
        {
            var confirmed = await calibration.FinaliseDecisionsAsync(claims.CycleId, claims.SubjectId, claims.RecipientId, cancellationToken);
            if (confirmed.Status == CommandStatus.AlreadyDone)
            {
                return LinkPages.WriteRefused(language, LinkTexts.DecisionsClosed);
            }

            if (confirmed.Succeeded)
            {
                return SelfAssessmentLinkHandler.SeeOther($"{link.ActionPath}?confirmed=1");
            }

            // Errors name the employee (employeeId.field); shown by name, on top, each linking to that decision's amendment.
            var incomplete = confirmed.Errors.Select(e => Incomplete(e, scope, language)).ToList();

            var first = scope.Rows.FirstOrDefault();
            return Render(link, scope, null, false, first is null ? new FormState() : DecisionForm.From(first.Decision, first.Index, TodayIn(scope)), incomplete);
        }

        if (form["action"] != "amend" || Index(form["employee"], scope) is not { } row)
        {
            return LinkPages.FormRejected(language, FormReadFailure.Malformed, link.Token);
        }

        var typed = FormState.From(form);
        var decision = DecisionForm.Read(typed, row.Decision.EmployeeId, claims.RecipientId, TodayIn(scope), language);
        if (decision is null)
        {
            return Render(link, scope, null, false, typed);
        }

        var result = await calibration.AmendDecisionAsync(claims.CycleId, claims.SubjectId, decision, cancellationToken);
        if (result.Status == CommandStatus.Invalid)
        {
            typed.AddErrors(result.Errors.Select(DecisionForm.ToFormField), language);
            return Render(link, scope, null, false, typed);
        }

        return result.Succeeded ? SelfAssessmentLinkHandler.SeeOther(string.Create(CultureInfo.InvariantCulture, $"{link.ActionPath}?amended={row.Index}#d{row.Index}"))
            : result.IsStepClosed ? LinkPages.WriteRefused(language, LinkTexts.DecisionsClosed)
            : SelfAssessmentLinkHandler.SeeOther(link.ActionPath);
    }

    /// <summary>Today where the organisation is: the default start of a plan and the earliest date it may take.</summary>
    private DateOnly TodayIn(DecisionsScope scope) => scope.Time.DateOf(time.GetUtcNow());

    /// <summary>A refusal to confirm as the reader sees it: the person by name and the field by its label (a refusal about no one in particular under the reader's name).</summary>
    private static IncompleteDecision Incomplete(Domain.ValidationError error, DecisionsScope scope, Domain.Language language)
    {
        var message = ErrorMessages.For(error, language);
        var dot = error.Field.IndexOf('.', StringComparison.Ordinal);
        var row = dot < 0 ? null : scope.Rows.FirstOrDefault(r => r.Decision.EmployeeId == error.Field[..dot]);
        if (row is null)
        {
            return new IncompleteDecision(0, scope.Recipient!.Name, error.Field, message);
        }

        var field = DecisionForm.ToFormField(error with { Field = error.Field[(dot + 1)..] }).Field;
        return new IncompleteDecision(row.Index, row.Name, field, T.FieldLabel(field) is { } label ? $"{label[language]} – {message}" : message);
    }

    private static DecisionRow? Index(string? text, DecisionsScope scope)
        => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < scope.Rows.Count ? scope.Rows[index] : null;

    private HtmlPage Render(LinkContext link, DecisionsScope scope, string? notice, bool justConfirmed, FormState amend, IReadOnlyList<IncompleteDecision>? incomplete = null)
    {
        var group = scope.Group!;
        var language = scope.Recipient!.Language;
        var confirmation = group.Phase == GroupPhase.DecisionsFinalised
            ? T.Confirmed.Format(language, scope.NameOf(group.FinalisedBy), group.FinalisedAt is { } at ? Cultures.Date(scope.Time.DateOf(at), language) : string.Empty)
            : justConfirmed ? T.ConfirmationSent[language] : null;
        return DecisionsPage.Render(link, language, new DecisionsView(group.Name, scope.Rows, notice, confirmation is null ? amend : null, confirmation)
        {
            Incomplete = incomplete ?? [],
            Deadline = group.Phase == GroupPhase.DecisionsProposed && scope.Plan is { } plan
                ? StepDeadline.Render(language, plan, StepKind.Decisions, time.GetUtcNow())
                : Markup.Empty,
        });
    }

    private async Task<DecisionsScope> LoadAsync(LinkContext link, CancellationToken cancellationToken)
    {
        // HR may act too: the overdue notice brings them here.
        var access = await GroupLinkAccess.CheckAsync(link, store, WorkflowLinks.DecisionsNonce, hrMayAct: true, cancellationToken);
        if (access.Refusal is not null)
        {
            return DecisionsScope.Refused(access.Refusal);
        }

        var (cycle, group, recipient) = (access.Cycle!, access.Group!, access.Recipient!);
        if (group.Phase is not (GroupPhase.DecisionsProposed or GroupPhase.DecisionsFinalised))
        {
            return DecisionsScope.Refused(new HtmlPage(recipient.Language, T.Title.Format(recipient.Language, group.Name), H.Html($"""<p class="lead">{T.NotProposed[recipient.Language]}</p>""")));
        }

        var participants = await store.GetGroupParticipantsAsync(cycle.CycleId, group.GroupId, cancellationToken);
        var excluded = await calibration.ExcludedForAsync(cycle.CycleId, recipient.Id, cancellationToken);

        var rows = new List<DecisionRow>();
        for (var chunk = 0; chunk < group.Chunks; chunk++)
        {
            var cards = (await store.GetCardsAsync(cycle.CycleId, group.GroupId, chunk, cancellationToken))?.Cards ?? [];
            var decisions = (await store.GetDecisionsAsync(cycle.CycleId, group.GroupId, chunk, cancellationToken))?.Decisions ?? [];
            foreach (var d in decisions)
            {
                // The viewer's own decision and those above them are decided by the level above: not shown here.
                if (excluded.Contains(d.EmployeeId))
                {
                    continue;
                }

                var recommended = (await store.GetManagerInputAsync(cycle.CycleId, d.EmployeeId, cancellationToken))?.Submitted?.RecommendedOutcome;
                rows.Add(new DecisionRow(rows.Count, participants.GetValueOrDefault(d.EmployeeId)?.Name ?? "—", cards.FirstOrDefault(c => c.EmployeeId == d.EmployeeId)?.Current?.Box, d, recommended));
            }
        }

        return new DecisionsScope(group, recipient, access.People, rows, null) { Time = cycle.Plan.Time, Plan = cycle.Plan };
    }

    private sealed record DecisionsScope(CalibrationGroupDocument? Group, Contact? Recipient, IReadOnlyList<Contact> People, List<DecisionRow> Rows, IResult? Refusal)
    {
        public static DecisionsScope Refused(IResult refusal) => new(null, null, [], [], refusal);

        /// <summary>The cycle's zone, in which its pages write dates.</summary>
        public OrganisationTime Time { get; init; } = OrganisationTime.Default;

        public CyclePlan? Plan { get; init; }

        /// <summary>A calibrator's or HR's name; the workflow itself (an overdue default) by its id.</summary>
        public string NameOf(string? id) => People.FirstOrDefault(p => p.Id == id)?.Name ?? id ?? string.Empty;
    }
}
