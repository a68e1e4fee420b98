using TalentReview.Domain.NineBox;

namespace TalentReview.Domain.Calibration;

/// <summary>An employee's place on the grid as proposed by the manager and as calibrated so far.</summary>
public sealed record Placement(string EmployeeId, GridPosition Proposed, GridPosition Current)
{
    public bool Moved => Proposed != Current;
}

/// <summary>The audit entry for one move on the grid: who, when, from, to and why.</summary>
public sealed record CalibrationAdjustment(string EmployeeId, GridPosition From, GridPosition To, string Reason, string By, DateTimeOffset At);

/// <summary>
/// The state of one group's calibration. Moves never mutate: they return a new session with the
/// move applied and its audit entry appended, or the reasons the move was refused.
/// </summary>
public sealed record CalibrationSession(string GroupId, IReadOnlyList<Placement> Placements, IReadOnlyList<CalibrationAdjustment> Audit)
{
    public static CalibrationSession Start(string groupId, IEnumerable<(string EmployeeId, GridPosition Position)> proposals)
        => throw new NotImplementedException();

    public Placement? Find(string employeeId) => Placements.FirstOrDefault(p => p.EmployeeId == employeeId);

    public CalibrationMoveResult Move(string employeeId, GridPosition to, string reason, string by, DateTimeOffset at)
        => throw new NotImplementedException();
}

public sealed record CalibrationMoveResult(CalibrationSession Session, IReadOnlyList<ValidationError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}
