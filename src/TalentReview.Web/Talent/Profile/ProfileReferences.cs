using Microsoft.AspNetCore.DataProtection;

namespace TalentReview.Web.Talent.Profile;

/// <summary>
/// The opaque reference a profile's address carries instead of the employee id, so addresses (and
/// the request logs that hold them) name nobody. Protected with the site's key ring: it reads back on
/// every instance and after a restart, and cannot be made up.
/// </summary>
internal sealed class ProfileReferences(IDataProtectionProvider protection)
{
    private readonly IDataProtector protector = protection.CreateProtector("TalentReview.Talent.ProfileReference");

    public string For(string employeeId) => protector.Protect(employeeId);

    /// <summary>The employee id, or null for a reference this site did not make.</summary>
    public string? EmployeeIdOf(string reference)
    {
        try
        {
            return protector.Unprotect(reference);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}
