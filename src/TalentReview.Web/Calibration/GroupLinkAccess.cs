using Microsoft.AspNetCore.Http;
using TalentReview.Web.Links;
using TalentReview.Web.Security;
using TalentReview.Workflow.Cycle;
using TalentReview.Workflow.Storage;

namespace TalentReview.Web.Calibration;

/// <summary>A group's link that passed <see cref="GroupLinkAccess"/>, or the page that refuses it.</summary>
internal sealed record GroupLinkScope(CycleDocument? Cycle, CalibrationGroupDocument? Group, Contact? Recipient, IReadOnlyList<Contact> People, IResult? Refusal);

/// <summary>
/// Who may open a calibration group's link (the board, the decisions): the link's current nonce, an
/// existing cycle and group, a recipient among the people the step allows, a signed-in identity with
/// the calibrator or HR role, and a group that was not cancelled.
/// </summary>
internal static class GroupLinkAccess
{
    public static async Task<GroupLinkScope> CheckAsync(LinkContext link, ReviewStore store, string nonce, bool hrMayAct, CancellationToken cancellationToken)
    {
        var claims = link.Claims;
        var language = link.BrowserLanguage;
        if (claims.Nonce != nonce)
        {
            return Refused(LinkPages.Replaced(language));
        }

        var cycle = await store.GetCycleAsync(claims.CycleId, cancellationToken);
        var group = cycle is null ? null : await store.GetGroupAsync(claims.CycleId, claims.SubjectId, cancellationToken);
        if (cycle is null || group is null)
        {
            return Refused(LinkPages.Invalid(language));
        }

        var people = hrMayAct ? group.Calibrators.Concat(cycle.Hr).ToList() : group.Calibrators.ToList();
        var recipient = people.FirstOrDefault(c => c.Id == claims.RecipientId);
        var user = link.Http.User;
        if (recipient is null || (user.Identity?.IsAuthenticated == true && !user.IsInRole(Roles.Calibrator) && !user.IsInRole(Roles.HrAdmin)))
        {
            return Refused(LinkPages.NotForYou(recipient?.Language ?? language));
        }

        return cycle.State == CycleState.Cancelled || group.Phase == GroupPhase.Cancelled
            ? Refused(LinkPages.Closed(recipient.Language))
            : new GroupLinkScope(cycle, group, recipient, people, null);
    }

    private static GroupLinkScope Refused(IResult refusal) => new(null, null, null, [], refusal);
}
