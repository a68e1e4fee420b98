using Microsoft.AspNetCore.Http;
using TalentReview.Domain.Planning;
using TalentReview.Web.Html;
using TalentReview.Web.Links;
using TalentReview.Workflow.Links;
using TalentReview.Workflow.Storage;
using TalentReview.Workflow.UseCases;

namespace TalentReview.Web.SelfAssessment;

/// <summary>The employee's self-assessment: the form (with their draft), or what they submitted.</summary>
internal sealed class SelfAssessmentLinkHandler(ReviewStore store, SubmissionCommands submissions) : ILinkStepHandler
{
    public LinkStep Step => LinkStep.SelfAssessment;

    public async Task<IResult> ShowAsync(LinkContext link, CancellationToken cancellationToken)
    {
        var (participant, cycle, refusal) = await LoadAsync(link, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var (employeeId, language) = (participant!.Value.EmployeeId, participant.Value.Language);
        var stored = await store.ReadSelfAssessmentAsync(cycle!.CycleId, employeeId, cancellationToken);
        if (stored?.Value is { Submitted: { } submitted } document)
        {
            return SelfAssessmentPage.Submitted(language, submitted, cycle.Plan.Time.DateOf(document.SubmittedAt ?? document.UpdatedAt));
        }

        var draftSaved = link.Http.Request.Query.ContainsKey("saved");
        return SelfAssessmentPage.Form(link, language, SelfAssessmentForm.ToState(stored?.Value.Draft), Deadline(cycle), draftSaved, ShownDraftField.Of(stored));
    }

    public async Task<IResult> SubmitAsync(LinkContext link, IFormCollection form, CancellationToken cancellationToken)
    {
        var (participant, cycle, refusal) = await LoadAsync(link, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var language = participant!.Value.Language;
        var parsed = SelfAssessmentForm.Parse(FormState.From(form), participant.Value.EmployeeId);
        var shown = ShownDraftField.Of(form);
        if (form["action"] == "draft")
        {
            var saved = await submissions.SaveSelfAssessmentDraftAsync(participant, parsed, shown, cancellationToken);
            if (saved.Status == CommandStatus.Invalid)
            {
                // A draft over a limit is not saved; the form keeps what was typed and says which field is too long.
                var typed = FormState.From(form);
                typed.AddErrors(saved.Errors, language);
                return SelfAssessmentPage.Form(link, language, typed, Deadline(cycle!), draftSaved: false, shown);
            }

            if (saved.IsStepClosed)
            {
                return LinkPages.WriteRefused(language, LinkTexts.StepClosedAtDeadline);
            }

            return SeeOther(saved.Succeeded ? $"{link.ActionPath}?saved=1" : link.ActionPath);
        }

        var validated = SelfAssessmentForm.Validate(parsed, language);
        if (validated.HasErrors)
        {
            return SelfAssessmentPage.Form(link, language, validated, Deadline(cycle!), draftSaved: false, shown);
        }

        var result = await submissions.SubmitSelfAssessmentAsync(participant, parsed, shown, cancellationToken);
        if (result.Status == CommandStatus.Invalid)
        {
            var state = SelfAssessmentForm.ToState(parsed);
            state.AddErrors(result.Errors, language);
            return SelfAssessmentPage.Form(link, language, state, Deadline(cycle!), draftSaved: false, shown);
        }

        return result.Succeeded ? SeeOther(link.ActionPath)
            : result.IsStepClosed ? LinkPages.WriteRefused(language, LinkTexts.StepClosedAtDeadline)
            : LinkPages.Closed(language);
    }

    /// <summary>Post/redirect/get: the confirmation is an ordinary page, and reloading it does not post again.</summary>
    internal static IResult SeeOther(string path) => Results.Redirect(path, permanent: false, preserveMethod: false);

    private static DateOnly? Deadline(CycleDocument cycle)
        => cycle.Plan.Step(StepKind.SelfAssessment)?.Deadline;

    /// <summary>The participant as read for this request (with its ETag, which the commands reuse) and the cycle, or the refusal.</summary>
    private async Task<(StoredDocument<ParticipantDocument>? Participant, CycleDocument? Cycle, IResult? Refusal)> LoadAsync(LinkContext link, CancellationToken cancellationToken)
    {
        var claims = link.Claims;
        var read = claims.SubjectId == claims.RecipientId
            ? await store.ReadParticipantAsync(claims.CycleId, claims.SubjectId, cancellationToken)
            : null;
        var participant = read?.Value;
        var cycle = participant is null ? null : await store.GetCycleAsync(claims.CycleId, cancellationToken);
        if (participant is null || cycle is null)
        {
            return (null, null, LinkPages.Invalid(link.BrowserLanguage));
        }

        if (participant.SelfAssessmentNonce != claims.Nonce)
        {
            return (null, null, LinkPages.Replaced(participant.Language));
        }

        return cycle.State == CycleState.Cancelled ? (null, null, LinkPages.Closed(participant.Language)) : (read, cycle, null);
    }
}
