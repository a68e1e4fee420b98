using TalentReview.Domain;
using TalentReview.Domain.Planning;
using TalentReview.Domain.Rosters;
using TalentReview.Workflow.Storage;

namespace TalentReview.Workflow.UseCases;

/// <summary>
/// The plan's calibration groups checked against the roster and HR, the same for the set-up page and the API:
/// every member a group names exists on the roster (a department, a level or an employee), and every calibrator is
/// an employee or one of the cycle's HR contacts (by id or email), so no board link goes to an address nobody reads.
/// </summary>
public static class GroupsAgainstRoster
{
    public static IEnumerable<ValidationError> Validate(CyclePlan plan, Roster roster, IReadOnlyList<Contact>? hr)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(roster);
        var departments = roster.Employees.Select(e => e.Department).ToHashSet(StringComparer.Ordinal);
        var levels = roster.Employees.Select(e => e.Level).ToHashSet(StringComparer.Ordinal);
        var groups = plan.Groups ?? [];
        for (var i = 0; i < groups.Count; i++)
        {
            var group = groups[i];
            foreach (var member in group.Members ?? [])
            {
                var (known, what) = group.Kind switch
                {
                    GroupKind.ByDepartment => (departments.Contains(member), "a department"),
                    GroupKind.ByLevel => (levels.Contains(member), "a level"),
                    _ => (roster.Find(member) is not null, "an employee id"),
                };
                if (!known)
                {
                    yield return new ValidationError($"plan.groups[{i}].members", "plan.group.unknownMember", $"'{member}' is not {what} in the roster.");
                }
            }

            foreach (var calibrator in group.Calibrators ?? [])
            {
                var isHr = hr?.Any(h => h.Id == calibrator || string.Equals(h.Email, calibrator, StringComparison.OrdinalIgnoreCase)) == true;
                if (roster.Find(calibrator) is null && !isHr)
                {
                    yield return new ValidationError(
                        $"plan.groups[{i}].calibrators", "plan.group.unknownCalibrator", $"Calibrator '{calibrator}' is neither an employee id in the roster nor one of the cycle's HR contacts.");
                }
            }
        }
    }
}
