namespace TalentReview.Domain.Calibration;

/// <summary>What a person is on a group's committee: HR facilitates, calibrators who are not HR are members.</summary>
public enum CommitteeRole
{
    Facilitator,
    Member,
}

/// <summary>How many facilitators and members must approve a board before it closes; by default the facilitator and one member.</summary>
public sealed record CommitteeQuorum(int Facilitators = 1, int Members = 1)
{
    public static CommitteeQuorum Default { get; } = new();
}

/// <summary>One committee member's approval of the board as it stood.</summary>
public sealed record CommitteeApproval(string ApproverId, CommitteeRole Role, DateTimeOffset At);

/// <summary>Where the approvals of a board stand against the quorum.</summary>
public sealed record QuorumProgress(CommitteeQuorum Quorum, int Facilitators, int Members)
{
    public static QuorumProgress Of(CommitteeQuorum quorum, IEnumerable<CommitteeApproval> approvals)
    {
        ArgumentNullException.ThrowIfNull(quorum);
        ArgumentNullException.ThrowIfNull(approvals);
        var distinct = approvals.DistinctBy(a => a.ApproverId).ToList();
        return new QuorumProgress(quorum, distinct.Count(a => a.Role == CommitteeRole.Facilitator), distinct.Count(a => a.Role == CommitteeRole.Member));
    }

    public int FacilitatorsMissing => Math.Max(0, Quorum.Facilitators - Facilitators);

    public int MembersMissing => Math.Max(0, Quorum.Members - Members);

    public bool Reached => FacilitatorsMissing == 0 && MembersMissing == 0;
}

/// <summary>
/// Whose cards a person may not see, move or decide on: their own and those of everyone above them
/// in their reporting line. Those cards are decided by the level above.
/// </summary>
public static class ReportingLine
{
    /// <summary>The person and their managers' chain, found one manager at a time (a loop in the roster ends the walk).</summary>
    public static async Task<IReadOnlySet<string>> UpwardAsync(string personId, Func<string, Task<string?>> managerOf)
    {
        ArgumentNullException.ThrowIfNull(managerOf);
        var line = new HashSet<string>(StringComparer.Ordinal) { personId };
        var current = personId;
        while (await managerOf(current) is { } manager && line.Add(manager))
        {
            current = manager;
        }

        return line;
    }
}
