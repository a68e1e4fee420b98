namespace TalentReview.Domain.Talent.Succession;

/// <summary>How likely the organisation is to lose the incumbent, or how much losing them would hurt.</summary>
public enum LossLevel
{
    Low,
    Medium,
    High,
}

/// <summary>When a successor could take the role over.</summary>
public enum SuccessorReadiness
{
    ReadyNow,
    InOneToTwoYears,
    InThreeYearsOrMore,
}

/// <summary>A confirmed successor: who, how ready, who confirmed it and when, and why (optional).</summary>
public sealed record Successor(string EmployeeId, string Name, SuccessorReadiness Readiness, string ConfirmedBy, DateTimeOffset ConfirmedAt, string? Note = null);

/// <summary>HR decided a role is no longer critical: who, when and why.</summary>
public sealed record RoleUnmarking(string By, DateTimeOffset At, string Reason);

/// <summary>
/// A role HR marked as critical: a position of the roster (department, job title, level) with its
/// incumbent, the risk and impact of losing them, and the successors confirmed so far, best prepared first.
/// Once unmarked, it is kept with who unmarked it and why, its bench empty and the nominations it had closed.
/// </summary>
public sealed record CriticalRole(
    string RoleId,
    string Title,
    string Department,
    string Level,
    string IncumbentId,
    string IncumbentName,
    LossLevel RiskOfLoss,
    LossLevel ImpactOfLoss,
    IReadOnlyList<Successor> Successors,
    string MarkedBy,
    DateTimeOffset MarkedAt,
    RoleUnmarking? Unmarked = null,
    IReadOnlyList<Successor>? ClosedSuccessors = null)
{
    /// <summary>Most successors a role keeps: a bench, not a pool.</summary>
    public const int MaxSuccessors = 12;

    public BenchStrength Bench => BenchStrength.Of(Successors);

    public bool IsCritical => Unmarked is null;

    /// <summary>No longer critical: the successors' nominations are closed (kept, not deleted).</summary>
    public CriticalRole UnmarkedBy(string by, DateTimeOffset at, string reason) => this with
    {
        Unmarked = new RoleUnmarking(by, at, reason),
        Successors = [],
        ClosedSuccessors = Successors,
    };

    /// <summary>The successor list with one person added or re-rated, sorted by readiness then name.</summary>
    public CriticalRole WithSuccessor(Successor successor)
    {
        ArgumentNullException.ThrowIfNull(successor);
        return this with
        {
            Successors = [.. Successors.Where(s => s.EmployeeId != successor.EmployeeId).Append(successor)
                .OrderBy(s => s.Readiness).ThenBy(s => s.Name, StringComparer.InvariantCulture)],
        };
    }

    public CriticalRole WithoutSuccessor(string employeeId) => this with { Successors = [.. Successors.Where(s => s.EmployeeId != employeeId)] };

    /// <summary>
    /// The role once nothing else is kept about these people (retention): they are no longer successors (open or
    /// closed nominations), and an incumbent among them is no longer named (the role stays, with an empty incumbent).
    /// The same role when it names none of them.
    /// </summary>
    public CriticalRole Without(IReadOnlySet<string> employeeIds)
    {
        ArgumentNullException.ThrowIfNull(employeeIds);
        var incumbent = employeeIds.Contains(IncumbentId);
        var closed = ClosedSuccessors ?? [];
        if (!incumbent && !Successors.Concat(closed).Any(s => employeeIds.Contains(s.EmployeeId)))
        {
            return this;
        }

        return this with
        {
            IncumbentId = incumbent ? string.Empty : IncumbentId,
            IncumbentName = incumbent ? string.Empty : IncumbentName,
            Successors = [.. Successors.Where(s => !employeeIds.Contains(s.EmployeeId))],
            ClosedSuccessors = ClosedSuccessors is null ? null : [.. closed.Where(s => !employeeIds.Contains(s.EmployeeId))],
        };
    }
}
