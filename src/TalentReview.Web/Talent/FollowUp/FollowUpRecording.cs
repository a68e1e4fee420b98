using Microsoft.AspNetCore.Http;
using TalentReview.Domain;
using TalentReview.Domain.Talent.History;
using TalentReview.Web.Html;
using TalentReview.Web.Links;
using TalentReview.Web.Localization;
using TalentReview.Web.Security;
using TalentReview.Workflow.Links;
using TalentReview.Workflow.Storage;
using TalentReview.Workflow.Talent.History;

namespace TalentReview.Web.Talent.FollowUp;

/// <summary>
/// On a follow-up reminder's page: the manager records the conversation as held, which updates the
/// person's talent history. The reminder's link names its follow-up by its date (the link is valid
/// until that date's working hour plus <see cref="WorkflowLinks.ValidAfterDeadline"/>).
/// </summary>
internal sealed class FollowUpRecording(ReviewStore store, TalentHistoryStore history, TimeProvider time)
{
    private static readonly Phrase Title = new("Opvolgingsgesprek van {0}", "Entretien de suivi du {0}", "Follow-up conversation of {0}");
    private static readonly Phrase Ask = new(
        "Hebt u dit gesprek gehouden? Registreer het, zodat het in het talentprofiel staat.",
        "Avez-vous tenu cet entretien ? Enregistrez-le pour qu'il figure dans le profil de talent.",
        "Did you hold this conversation? Record it so it shows in the talent profile.");
    private static readonly Phrase Record = new("Registreren als gehouden", "Enregistrer comme tenu", "Record as held");
    private static readonly Phrase Held = new("Geregistreerd als gehouden op {0}.", "Enregistré comme tenu le {0}.", "Recorded as held on {0}.");

    public async Task<Markup> RenderAsync(LinkContext link, CycleDocument cycle, Language language, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(link);
        ArgumentNullException.ThrowIfNull(cycle);
        if (await FollowUpOfAsync(link.Claims, cycle, cancellationToken) is not { } followUp)
        {
            return Markup.Empty;
        }

        var due = Cultures.Date(followUp.DueOn, language);
        return followUp is { Status: FollowUpStatus.Held, HeldOn: { } heldOn }
            ? H.Html($"""<h2>{Title.Format(language, due)}</h2><div class="notice" role="status"><p>{Held.Format(language, Cultures.Date(heldOn, language))}</p></div>""")
            : H.Html($"""
                <h2>{Title.Format(language, due)}</h2>
                <p>{Ask[language]}</p>
                <form method="post" action="{link.ActionPath}">
                {AntiforgeryField.For(link.Http)}
                <div class="actions"><button type="submit">{Record[language]}</button></div>
                </form>
                """);
    }

    /// <summary>Records the follow-up as held today (in the cycle's zone), once; then back to the page (303).</summary>
    public async Task<IResult> RecordAsync(LinkContext link, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(link);
        var claims = link.Claims;
        var cycle = await store.GetCycleAsync(claims.CycleId, cancellationToken);
        var participant = cycle is null ? null : await store.GetParticipantAsync(cycle.CycleId, claims.SubjectId, cancellationToken);
        if (cycle is null || participant?.ManagerId != claims.RecipientId || claims.Nonce != WorkflowLinks.ReleaseNonce || cycle.State is not (CycleState.ManagersReleased or CycleState.Released))
        {
            return LinkPages.Invalid(link.BrowserLanguage);
        }

        var today = cycle.Plan.Time.DateOf(time.GetUtcNow());
        await history.RecordFollowUpHeldAsync(claims.SubjectId, cycle.CycleId, DueOn(claims, cycle), today, cancellationToken);
        return new SeeOther(link.ActionPath);
    }

    private async Task<PlanFollowUp?> FollowUpOfAsync(LinkClaims claims, CycleDocument cycle, CancellationToken cancellationToken)
    {
        var kept = (await history.GetHistoryAsync(claims.SubjectId, cancellationToken)).Outcomes.FirstOrDefault(o => o.CycleId == cycle.CycleId);
        var due = DueOn(claims, cycle);
        return kept?.FollowUps.FirstOrDefault(f => f.DueOn == due);
    }

    private static DateOnly DueOn(LinkClaims claims, CycleDocument cycle) => cycle.Plan.Time.DateOf(claims.ExpiresAt - WorkflowLinks.ValidAfterDeadline);

    private sealed class SeeOther(string location) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
            httpContext.Response.Headers.Location = location;
            return Task.CompletedTask;
        }
    }
}
