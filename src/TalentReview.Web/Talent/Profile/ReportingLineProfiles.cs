using TalentReview.Domain;
using TalentReview.Web.Html;
using TalentReview.Workflow.Links;
using TalentReview.Workflow.Talent.History;
using T = TalentReview.Web.Talent.TalentTexts;

namespace TalentReview.Web.Talent.Profile;

/// <summary>
/// On a manager's released team outcomes: a link to the talent profile of everyone in their line
/// (direct reports and the people below them), signed for that manager and expiring with the page's own link.
/// </summary>
internal sealed class ReportingLineProfiles(ReportingLineHistory history, ILinkSigner signer)
{
    public async Task<Markup> RenderAsync(LinkClaims teamLink, Language language, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(teamLink);
        var managerId = teamLink.RecipientId;
        var people = (await history.LatestBelowAsync(teamLink.CycleId, managerId, cancellationToken))
            .OrderBy(o => o.ReportingLine.ToList().IndexOf(managerId)).ThenBy(o => o.Name, StringComparer.Ordinal)
            .ToList();
        if (people.Count == 0)
        {
            return Markup.Empty;
        }

        var items = people.Select(o =>
        {
            // On this same site, so a path: the page was opened on whatever host the email's link reached.
            var token = signer.CreateToken(new LinkClaims(teamLink.CycleId, o.EmployeeId, managerId, LinkStep.TalentProfile, teamLink.ExpiresAt, WorkflowLinks.ReleaseNonce));
            return H.Html($"""<li><a href="/l/{token}">{T.OpenProfile.Format(language, o.Name)}</a> <span class="hint">{TalentProfileView.BoxText(o.Box, language)}</span></li>""");
        });
        return H.Html($"""
            <h2>{T.Profiles[language]}</h2>
            <p class="hint">{T.ProfilesIntro[language]}</p>
            <ul class="profiles">{items}</ul>
            """);
    }
}
