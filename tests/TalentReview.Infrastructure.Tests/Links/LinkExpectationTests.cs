using System.Security.Cryptography;
using TalentReview.Infrastructure.Links;
using TalentReview.Workflow.Links;

namespace TalentReview.Infrastructure.Tests.Links;

public sealed class LinkExpectationTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly SealedLinkSigner Signer = SealedLinkSignerTests.Signer(("a", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))));
    private static readonly LinkClaims Claims = new("cycle-2026", "E1042", "M0007", LinkStep.ManagerInput, Now.AddDays(14), "n1");

    private static LinkVerification Verified(LinkClaims claims) => Signer.Verify(Signer.CreateToken(claims), Now);

    [Fact]
    public void Check_LinkForThisPage_Matches()
    {
        var expectation = new LinkExpectation("cycle-2026", LinkStep.ManagerInput, "E1042", "M0007");

        Assert.Equal(LinkMismatch.None, expectation.Check(Verified(Claims)));
    }

    [Theory]
    [InlineData(LinkStep.SelfAssessment, "E1042", "M0007", LinkMismatch.OtherStep)]
    [InlineData(LinkStep.ManagerInput, "E9999", "M0007", LinkMismatch.OtherSubject)]
    [InlineData(LinkStep.ManagerInput, "E1042", "M0100", LinkMismatch.OtherRecipient)]
    public void Check_ValidLinkForAnotherStepEmployeeOrRecipient_IsRejected(LinkStep step, string subject, string recipient, LinkMismatch expected)
    {
        var expectation = new LinkExpectation("cycle-2026", step, subject, recipient);

        Assert.Equal(expected, expectation.Check(Verified(Claims)));
        Assert.False(expectation.IsSatisfiedBy(Verified(Claims)));
    }

    [Fact]
    public void Check_LinkOfAnotherCycle_IsRejected()
    {
        Assert.Equal(LinkMismatch.OtherCycle, new LinkExpectation("cycle-2025", LinkStep.ManagerInput).Check(Verified(Claims)));
    }

    [Fact]
    public void Check_ExpiredLink_IsInvalidEvenWhenEverythingElseMatches()
    {
        var expired = Signer.Verify(Signer.CreateToken(Claims), Claims.ExpiresAt.AddMinutes(1));

        Assert.Equal(LinkMismatch.Invalid, new LinkExpectation("cycle-2026", LinkStep.ManagerInput, "E1042", "M0007").Check(expired));
    }
}
