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
internal sealed class ReportingLineProfiles(ITalentHistory history, ILinkSigner signer)
{
    public async Task<Markup> RenderAsync(LinkClaims teamLink, Language language, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(teamLink);
        var managerId = teamLink.RecipientId;
        var people = (await history.GetLatestOutcomesAsync(cancellationToken))
            .Where(o => o.ReportingLine.Contains(managerId))
            .OrderBy(o => o.ReportingLine.ToList().IndexOf(managerId)).ThenBy(o => o.Name, StringComparer.Ordinal)
            .ToList();
        if (people.Count == 0)
        {
            return Markup.Empty;
        }

        var items = people.Select(o =>
        {
            var link = signer.CreateLink(new LinkClaims(teamLink.CycleId, o.EmployeeId, managerId, LinkStep.TalentProfile, teamLink.ExpiresAt, WorkflowLinks.ReleaseNonce));
            return H.Html($"""<li><a href="{link.ToString()}">{T.OpenProfile.Format(language, o.Name)}</a> <span class="hint">{TalentProfileView.BoxText(o.Box, language)}</span></li>""");
        });
        return H.Html($"""
            <h2>{T.Profiles[language]}</h2>
            <p class="hint">{T.ProfilesIntro[language]}</p>
            <ul class="profiles">{items}</ul>
            """);
    }
}
