using System.Security.Claims;

namespace TalentReview.Web.Security;

/// <summary>Who a signed-in principal is, for audit entries and for matching calibrators.</summary>
public static class Actor
{
    private static readonly string[] IdClaims =
    [
        ClaimTypes.NameIdentifier,
        "http://schemas.microsoft.com/identity/claims/objectidentifier",
        "oid",
        "preferred_username",
        ClaimTypes.Email,
    ];

    private static readonly string[] EmailClaims = ["preferred_username", ClaimTypes.Email, "email", ClaimTypes.Upn];

    public static string? IdOf(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.Identity?.IsAuthenticated == true ? IdClaims.Select(user.FindFirstValue).FirstOrDefault(v => !string.IsNullOrEmpty(v)) ?? user.Identity.Name : null;
    }

    /// <summary>Every identifier the principal is known by (id, email); calibrators may be listed by either.</summary>
    public static IReadOnlySet<string> IdentifiersOf(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return IdClaims.Concat(EmailClaims).Select(user.FindFirstValue)
            .Where(v => !string.IsNullOrEmpty(v))
            .Select(v => v!)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
    }
}
