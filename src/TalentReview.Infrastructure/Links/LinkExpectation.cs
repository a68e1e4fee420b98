using TalentReview.Workflow.Links;

namespace TalentReview.Infrastructure.Links;

/// <summary>Why a genuine, unexpired link does not open the page that asked.</summary>
public enum LinkMismatch
{
    None,
    Invalid,
    OtherCycle,
    OtherStep,
    OtherSubject,
    OtherRecipient,
}

/// <summary>
/// What a page expects of the link it was opened with. A signature only proves we issued the
/// token; this check stops a valid link for one step, employee or recipient opening another.
/// </summary>
public sealed record LinkExpectation(string CycleId, LinkStep Step, string? SubjectId = null, string? RecipientId = null)
{
    public LinkMismatch Check(LinkVerification verification)
    {
        ArgumentNullException.ThrowIfNull(verification);
        if (!verification.IsValid || verification.Claims is not { } claims)
        {
            return LinkMismatch.Invalid;
        }

        if (!string.Equals(claims.CycleId, CycleId, StringComparison.Ordinal))
        {
            return LinkMismatch.OtherCycle;
        }

        if (claims.Step != Step)
        {
            return LinkMismatch.OtherStep;
        }

        if (SubjectId is not null && !string.Equals(claims.SubjectId, SubjectId, StringComparison.Ordinal))
        {
            return LinkMismatch.OtherSubject;
        }

        return RecipientId is not null && !string.Equals(claims.RecipientId, RecipientId, StringComparison.Ordinal)
            ? LinkMismatch.OtherRecipient
            : LinkMismatch.None;
    }

    public bool IsSatisfiedBy(LinkVerification verification) => Check(verification) == LinkMismatch.None;
}
