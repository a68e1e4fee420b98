namespace TalentReview.Domain.Rosters;

/// <summary>The one check of an email address, for the roster and for every contact given beside it.</summary>
public static class EmailAddress
{
    public static bool IsValid(string? email) => !string.IsNullOrWhiteSpace(email) && RosterValues.IsValidEmail(email);
}
