using TalentReview.Workflow.Links;

namespace TalentReview.Workflow.Tests.Support;

/// <summary>Readable, unsigned tokens: the claims joined by dots.</summary>
public sealed class FakeLinkSigner : ILinkSigner
{
    public Uri CreateLink(LinkClaims claims) => new($"https://review.example.test/l/{CreateToken(claims)}");

    public string CreateToken(LinkClaims claims)
    {
        ArgumentNullException.ThrowIfNull(claims);
        return string.Join('.', claims.CycleId, claims.SubjectId, claims.RecipientId, claims.Step, claims.ExpiresAt.ToUnixTimeSeconds(), claims.Nonce);
    }

    public LinkVerification Verify(string token, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(token);
        var parts = token.Split('.');
        if (parts.Length != 6 || !Enum.TryParse<LinkStep>(parts[3], out var step) || !long.TryParse(parts[4], out var expires))
        {
            return LinkVerification.Rejected(LinkRejection.Malformed);
        }

        var claims = new LinkClaims(parts[0], parts[1], parts[2], step, DateTimeOffset.FromUnixTimeSeconds(expires), parts[5]);
        return claims.ExpiresAt < now ? LinkVerification.Rejected(LinkRejection.Expired, claims) : LinkVerification.Valid(claims);
    }
}
