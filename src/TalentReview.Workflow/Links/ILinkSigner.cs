namespace TalentReview.Workflow.Links;

/// <summary>
/// Issues and verifies the signed links people act through (no login). A link is bound to a cycle,
/// a subject (the employee or calibration group it is about), a recipient and a step, and expires.
/// Links are <c>{PublicBaseUrl}/l/{token}</c>; the token carries ids only, never names or emails.
/// </summary>
public interface ILinkSigner
{
    Uri CreateLink(LinkClaims claims);

    string CreateToken(LinkClaims claims);

    LinkVerification Verify(string token, DateTimeOffset now);
}

public enum LinkStep
{
    SelfAssessment,
    ManagerInput,
    CalibrationBoard,
    DecisionConfirmation,
    LeadershipSummary,
    TeamOutcomes,
    EmployeeOutcome,
    FollowUp,

    /// <summary>A person's talent profile across cycles, for a manager in their reporting line.</summary>
    TalentProfile,
}

/// <param name="SubjectId">The employee the step is about, or the calibration group id for group steps.</param>
/// <param name="RecipientId">The person the link was sent to (employee id or HR user id).</param>
/// <param name="Nonce">Changes when a link is replaced (e.g. a manager change), so the old link stops working.</param>
public sealed record LinkClaims(string CycleId, string SubjectId, string RecipientId, LinkStep Step, DateTimeOffset ExpiresAt, string Nonce);

public enum LinkRejection
{
    None,
    Malformed,
    UnknownKey,
    BadSignature,
    Expired,
}

/// <summary>The outcome of verifying a token: the claims when valid, otherwise why not (an expired link still says whose it was, so the page can offer a new one).</summary>
public sealed record LinkVerification(LinkRejection Rejection, LinkClaims? Claims)
{
    public bool IsValid => Rejection == LinkRejection.None;

    public static LinkVerification Valid(LinkClaims claims) => new(LinkRejection.None, claims);

    public static LinkVerification Rejected(LinkRejection reason, LinkClaims? claims = null) => new(reason, claims);
}
