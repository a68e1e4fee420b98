using TalentReview.Domain.Calibration;
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
/// or HR user ids/emails; <see cref="Quorum"/> is how many of them must approve the board (the
/// default when null).
/// </summary>
public sealed record CalibrationGroup(
    string Id,
    string Name,
    GroupKind Kind,
    IReadOnlyList<string> Members,
    IReadOnlyList<string> Calibrators,
    CommitteeQuorum? Quorum = null)
{
    public CommitteeQuorum EffectiveQuorum => Quorum ?? CommitteeQuorum.Default;

    public bool Includes(Employee employee)
    {
        ArgumentNullException.ThrowIfNull(employee);
        var key = Kind switch
        {
            GroupKind.ByDepartment => employee.Department,
            GroupKind.ByLevel => employee.Level,
            _ => employee.Id,
        };
        return Members.Contains(key, Kind == GroupKind.Explicit ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase);
    }
}

/// <summary>Which eligible employee falls in which group: an explicit list wins over a department, a department over a level.</summary>
public sealed record GroupAssignment(
    IReadOnlyDictionary<string, IReadOnlyList<string>> EmployeeIdsByGroup,
    IReadOnlyList<string> Unassigned)
{
    public static GroupAssignment Assign(IReadOnlyList<CalibrationGroup> groups, Roster roster, IEnumerable<string> eligibleEmployeeIds)
    {
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(roster);
        ArgumentNullException.ThrowIfNull(eligibleEmployeeIds);

        // Explicit lists first: naming a person is more specific than their department or level.
        var byGroup = groups.ToDictionary(g => g.Id, _ => new List<string>(), StringComparer.Ordinal);
        var explicitMembers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var group in groups.Where(g => g.Kind == GroupKind.Explicit))
        {
            foreach (var id in group.Members)
            {
                explicitMembers.TryAdd(id, group.Id);
            }
        }

        var byKey = groups.Where(g => g.Kind != GroupKind.Explicit)
            .SelectMany(g => g.Members.Select(m => (Key: (g.Kind, m), g.Id)))
            .GroupBy(x => x.Key)
            .ToDictionary(x => x.Key, x => x.First().Id, KindAndMember.Comparer);

        var unassigned = new List<string>();
        foreach (var id in eligibleEmployeeIds)
        {
            if (explicitMembers.TryGetValue(id, out var groupId)
                || (roster.Find(id) is { } employee
                    && (byKey.TryGetValue((GroupKind.ByDepartment, employee.Department), out groupId)
                        || byKey.TryGetValue((GroupKind.ByLevel, employee.Level), out groupId))))
            {
                byGroup[groupId].Add(id);
            }
            else
            {
                unassigned.Add(id);
            }
        }

        return new GroupAssignment(byGroup.ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Value, StringComparer.Ordinal), unassigned);
    }

    private sealed class KindAndMember : IEqualityComparer<(GroupKind Kind, string Member)>
    {
        public static KindAndMember Comparer { get; } = new();

        public bool Equals((GroupKind Kind, string Member) x, (GroupKind Kind, string Member) y)
            => x.Kind == y.Kind && string.Equals(x.Member, y.Member, StringComparison.OrdinalIgnoreCase);

        public int GetHashCode((GroupKind Kind, string Member) obj)
            => HashCode.Combine(obj.Kind, StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Member));
    }
}
