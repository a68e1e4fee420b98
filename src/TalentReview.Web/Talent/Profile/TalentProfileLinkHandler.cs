using Microsoft.AspNetCore.Http;
using TalentReview.Web.Html;
using TalentReview.Web.Links;
using TalentReview.Workflow.Links;
using TalentReview.Workflow.Storage;
using TalentReview.Workflow.Talent.History;
using T = TalentReview.Web.Talent.TalentTexts;

namespace TalentReview.Web.Talent.Profile;

/// <summary>
/// A person's talent profile through a manager's link (from their team's released outcomes). It
/// shows only while the manager is in the person's reporting line as the latest kept outcome has it,
/// so a person who moved to another line is no longer shown to the old one. Read-only.
/// </summary>
internal sealed class TalentProfileLinkHandler(ReviewStore store, ITalentHistory history, TimeProvider time) : ILinkStepHandler
{
    public LinkStep Step => LinkStep.TalentProfile;

    public async Task<IResult> ShowAsync(LinkContext link, CancellationToken cancellationToken)
    {
        var claims = link.Claims;
        var manager = claims.Nonce == WorkflowLinks.ReleaseNonce ? await store.GetTeamAsync(claims.CycleId, claims.RecipientId, cancellationToken) : null;
        if (manager is null)
        {
            return LinkPages.Invalid(link.BrowserLanguage);
        }

        var language = manager.Manager.Language;
        var person = await history.GetHistoryAsync(claims.SubjectId, cancellationToken);
        if (person.Latest is not { } latest || !latest.ReportingLine.Contains(claims.RecipientId))
        {
            return new HtmlPage(language, T.ProfileNotFound[language], H.Html($"<p>{T.NotInYourLine[language]}</p>"), StatusCodes.Status403Forbidden);
        }

        return new HtmlPage(language, TalentProfileView.Title(person, language), TalentProfileView.Render(person, language, HrTalentEndpoints.TodayOf(latest, time)));
    }

    public Task<IResult> SubmitAsync(LinkContext link, IFormCollection form, CancellationToken cancellationToken)
        => Task.FromResult<IResult>(Results.StatusCode(StatusCodes.Status405MethodNotAllowed));
}
