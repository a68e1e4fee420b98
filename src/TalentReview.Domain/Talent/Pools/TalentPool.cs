using TalentReview.Domain.Forms;
using TalentReview.Domain.NineBox;
using TalentReview.Domain.Talent.Succession;

namespace TalentReview.Domain.Talent.Pools;

/// <summary>
/// Who belongs in a pool after a calibration: boxes, career aspirations and readiness, each a list of
/// which any one value matches; an empty list matches everyone. At least one list is not empty.
/// </summary>
public sealed record PoolCriteria(IReadOnlyList<GridBox> Boxes, IReadOnlyList<CareerAspiration> Aspirations, IReadOnlyList<PromotionReadiness> Readiness)
{
    public bool IsEmpty => Boxes.Count == 0 && Aspirations.Count == 0 && Readiness.Count == 0;

    public bool Matches(CalibratedTalent talent)
    {
        ArgumentNullException.ThrowIfNull(talent);
        return (Boxes.Count == 0 || Boxes.Contains(talent.Box))
            && (Aspirations.Count == 0 || (talent.Aspiration is { } aspiration && Aspirations.Contains(aspiration)))
            && (Readiness.Count == 0 || (talent.Readiness is { } readiness && Readiness.Contains(readiness)));
    }
}

/// <summary>Why someone is in a pool: the criteria matched them in a calibration, or HR added them.</summary>
public enum PoolMembershipSource
{
    Calibration,
    AddedByHr,
}

public sealed record PoolMember(string EmployeeId, string Name, PoolMembershipSource Source, DateTimeOffset Since, string? Reason = null);

/// <summary>Someone HR took out of a pool: a refill from a calibration does not put them back.</summary>
public sealed record PoolExclusion(string EmployeeId, string Name, string Reason, string By, DateTimeOffset At);

/// <summary>
/// A talent pool (future leaders, key specialists): named by HR with criteria, filled from the latest
/// calibration, then reviewed by HR, who adds and removes people with a reason. A person may be in several pools.
/// </summary>
public sealed record TalentPool(
    string PoolId,
    string Name,
    string? Description,
    PoolCriteria Criteria,
    IReadOnlyList<PoolMember> Members,
    IReadOnlyList<PoolExclusion> Exclusions,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    string? FilledFromCycleId = null,
    string? FilledFromCycleName = null,
    DateTimeOffset? FilledAt = null)
{
    /// <summary>
    /// The pool after a calibration: everyone the criteria match (except whom HR took out), plus whom HR
    /// added by hand. Members who stay keep the date they joined; those the criteria no longer match leave.
    /// </summary>
    public TalentPool FilledFrom(string cycleId, string cycleName, IEnumerable<CalibratedTalent> talent, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(talent);
        var excluded = Exclusions.Select(e => e.EmployeeId).ToHashSet(StringComparer.Ordinal);
        var current = Members.ToDictionary(m => m.EmployeeId, StringComparer.Ordinal);
        var matched = talent
            .Where(t => Criteria.Matches(t) && !excluded.Contains(t.EmployeeId))
            .Select(t => current.TryGetValue(t.EmployeeId, out var member) ? member with { Name = t.Name } : new PoolMember(t.EmployeeId, t.Name, PoolMembershipSource.Calibration, at));
        var added = Members.Where(m => m.Source == PoolMembershipSource.AddedByHr);
        return this with
        {
            Members = Sorted(added.Concat(matched).DistinctBy(m => m.EmployeeId)),
            FilledFromCycleId = cycleId,
            FilledFromCycleName = cycleName,
            FilledAt = at,
        };
    }

    /// <summary>HR adds someone: a member for good (a refill keeps them), no longer excluded.</summary>
    public TalentPool WithMember(string employeeId, string name, string reason, DateTimeOffset at) => this with
    {
        Members = Sorted(Members.Where(m => m.EmployeeId != employeeId).Append(new PoolMember(employeeId, name, PoolMembershipSource.AddedByHr, at, reason))),
        Exclusions = [.. Exclusions.Where(e => e.EmployeeId != employeeId)],
    };

    /// <summary>HR takes someone out: no longer a member, and kept out of later refills.</summary>
    public TalentPool WithoutMember(string employeeId, string name, string reason, string by, DateTimeOffset at) => this with
    {
        Members = [.. Members.Where(m => m.EmployeeId != employeeId)],
        Exclusions = [.. Exclusions.Where(e => e.EmployeeId != employeeId).Append(new PoolExclusion(employeeId, name, reason, by, at))],
    };

    /// <summary>The pool once nothing else is kept about these people (retention): neither members nor excluded. The same pool when it names none of them.</summary>
    public TalentPool Without(IReadOnlySet<string> employeeIds)
    {
        ArgumentNullException.ThrowIfNull(employeeIds);
        return Members.Any(m => employeeIds.Contains(m.EmployeeId)) || Exclusions.Any(e => employeeIds.Contains(e.EmployeeId))
            ? this with
            {
                Members = [.. Members.Where(m => !employeeIds.Contains(m.EmployeeId))],
                Exclusions = [.. Exclusions.Where(e => !employeeIds.Contains(e.EmployeeId))],
            }
            : this;
    }

    private static List<PoolMember> Sorted(IEnumerable<PoolMember> members)
        => [.. members.OrderBy(m => m.Name, StringComparer.InvariantCulture).ThenBy(m => m.EmployeeId, StringComparer.Ordinal)];
}
