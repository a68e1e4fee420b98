namespace TalentReview.Domain.Rosters;

internal static class RosterValidator
{
    public static RosterImportResult Validate(IReadOnlyList<(int Line, Employee Employee)> rows) => throw new NotImplementedException();
}
