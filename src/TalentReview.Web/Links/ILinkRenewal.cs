using TalentReview.Workflow.Links;

namespace TalentReview.Web.Links;

/// <summary>Sends a fresh link for the step an expired link was for, if that step is still open for its recipient.</summary>
public interface ILinkRenewal
{
    Task RequestNewLinkAsync(LinkClaims expired, CancellationToken cancellationToken);
}
