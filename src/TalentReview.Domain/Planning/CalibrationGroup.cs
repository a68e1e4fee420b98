using TalentReview.Domain.Rosters;

namespace TalentReview.Domain.Planning;

public enum GroupKind
{
    /// <summary><see cref="CalibrationGroup.Members"/> are department names.</summary>
    ByDepartment,

    /// <summary><see cref="CalibrationGroup.Members"/> are levels.</summary>
    ByLevel,

    /// <summary><see cref="CalibrationGroup.Members"/> are employee ids.</summary>
    Explicit,
}

/// <summary>
/// A set of employees calibrated together by a committee. <see cref="Calibrators"/> are employee ids
/// or HR user ids/emails.
/// </summary>
public sealed record CalibrationGroup(
    string Id,
    string Name,
    GroupKind Kind,
    IReadOnlyList<string> Members,
    IReadOnlyList<string> Calibrators)
{
    public bool Includes(Employee employee) => throw new NotImplementedException();
}

/// <summary>Which eligible employee falls in which group; the first matching group wins.</summary>
public sealed record GroupAssignment(
    IReadOnlyDictionary<string, IReadOnlyList<string>> EmployeeIdsByGroup,
    IReadOnlyList<string> Unassigned)
{
    public static GroupAssignment Assign(IReadOnlyList<CalibrationGroup> groups, Roster roster, IEnumerable<string> eligibleEmployeeIds)
        => throw new NotImplementedException();
}
