namespace TalentReview.Web.Security;

/// <summary>The application roles (Entra ID app roles in Azure, configured users on one machine).</summary>
public static class Roles
{
    public const string HrAdmin = nameof(HrAdmin);
    public const string Calibrator = nameof(Calibrator);
    public const string Leadership = nameof(Leadership);
}
