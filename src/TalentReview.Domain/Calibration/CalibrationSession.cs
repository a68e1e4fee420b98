using System.Text.Json.Serialization;
using TalentReview.Domain.NineBox;

namespace TalentReview.Domain.Calibration;

/// <summary>An employee's place on the grid as proposed by the manager and as calibrated so far.</summary>
public sealed record Placement(string EmployeeId, GridPosition Proposed, GridPosition Current)
{
    public bool Moved => Proposed != Current;
}

/// <summary>
/// The audit entry for one change on the grid: who, when, from, to and why. <see cref="From"/> is null
/// for a placement out of the holding area (the card had no box yet), which is not a move.
/// </summary>
public sealed record CalibrationAdjustment(string EmployeeId, GridPosition? From, GridPosition To, string Reason, string By, DateTimeOffset At)
{
    [JsonIgnore]
    public bool IsPlacement => From is null;
}

/// <summary>
/// The state of one group's calibration. Moves never mutate: they return a new session with the
/// move applied and its audit entry appended, or the reasons the move was refused.
/// </summary>
public sealed record CalibrationSession(string GroupId, IReadOnlyList<Placement> Placements, IReadOnlyList<CalibrationAdjustment> Audit)
{
    public static CalibrationSession Start(string groupId, IEnumerable<(string EmployeeId, GridPosition Position)> proposals)
    {
        ArgumentNullException.ThrowIfNull(proposals);
        return new CalibrationSession(groupId, [.. proposals.Select(p => new Placement(p.EmployeeId, p.Position, p.Position))], []);
    }

    public Placement? Find(string employeeId) => Placements.FirstOrDefault(p => p.EmployeeId == employeeId);

    public CalibrationMoveResult Move(string employeeId, GridPosition to, string reason, string by, DateTimeOffset at)
    {
        var errors = new List<ValidationError>();
        var index = -1;
        for (var i = 0; i < Placements.Count; i++)
        {
            if (Placements[i].EmployeeId == employeeId)
            {
                index = i;
                break;
            }
        }

        if (index < 0)
        {
            errors.Add(new ValidationError("employeeId", "calibration.unknownEmployee", $"'{employeeId}' is not in calibration group '{GroupId}'."));
        }
        else if (Placements[index].Current == to)
        {
            errors.Add(new ValidationError("to", "calibration.sameBox", "The employee is already in that box."));
        }

        if (!Enum.IsDefined(to.Performance) || !Enum.IsDefined(to.Potential))
        {
            errors.Add(new ValidationError("to", "calibration.unknownBox", "Not a box of the grid."));
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            errors.Add(new ValidationError("reason", "calibration.reasonRequired", "Every move on the grid needs a reason."));
        }

        if (string.IsNullOrWhiteSpace(by))
        {
            errors.Add(new ValidationError("by", "calibration.actorRequired", "The move must say who made it."));
        }

        if (errors.Count > 0)
        {
            return new CalibrationMoveResult(this, errors);
        }

        var from = Placements[index].Current;
        var placements = Placements.ToArray();
        placements[index] = placements[index] with { Current = to };
        var audit = new CalibrationAdjustment(employeeId, from, to, reason.Trim(), by, at);
        return new CalibrationMoveResult(this with { Placements = placements, Audit = [.. Audit, audit] }, []);
    }
}

public sealed record CalibrationMoveResult(CalibrationSession Session, IReadOnlyList<ValidationError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}
