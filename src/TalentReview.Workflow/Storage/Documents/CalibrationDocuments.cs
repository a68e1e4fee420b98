using TalentReview.Domain.Calibration;
using TalentReview.Domain.Decisions;
using TalentReview.Domain.Forms;
using TalentReview.Domain.NineBox;

using TalentReview.Workflow.Notifications;

namespace TalentReview.Workflow.Storage;

public enum GroupPhase
{
    CollectingInput,
    Calibrating,
    Approved,
    DecisionsProposed,
    DecisionsFinalised,
    Cancelled,
}

/// <summary>
/// A calibration group in a cycle: who calibrates, how many members, the group-level analytics, the
/// committee's approvals, and where it stands. Members' cards and decisions live in chunks of <see cref="ReviewStore.ChunkSize"/>.
/// </summary>
public sealed record CalibrationGroupDocument(
    string CycleId,
    string GroupId,
    string Name,
    IReadOnlyList<Contact> Calibrators,
    int Members,
    int Chunks,
    GroupPhase Phase,
    GroupAnalytics? Analytics = null,
    string? ApprovedBy = null,
    DateTimeOffset? ApprovedAt = null,
    string? FinalisedBy = null,
    DateTimeOffset? FinalisedAt = null,
    IReadOnlyList<CommitteeApproval>? Approvals = null,
    BoardOverdue? Overdue = null)
{
    /// <summary>The approvals given since the board last changed (a move withdraws them).</summary>
    public IReadOnlyList<CommitteeApproval> ApprovalsSoFar => Approvals ?? [];

    /// <summary>HR facilitates; a calibrator who is not HR is a member.</summary>
    public static CommitteeRole RoleOf(string personId, IReadOnlyList<Contact> hr)
        => hr?.Any(h => h.Id == personId) == true ? CommitteeRole.Facilitator : CommitteeRole.Member;
}

/// <summary>
/// A board whose calibration deadline passed without approval: since which deadline, and how far it was
/// escalated (the committee, then HR, then leadership) and when last. A later deadline (HR extended it) makes it current again.
/// </summary>
public sealed record BoardOverdue(DateOnly Deadline, OverdueStage Stage, DateTimeOffset EscalatedAt);

/// <summary>The group-wide part of the analysis; per-employee flags are on the cards.</summary>
public sealed record GroupAnalytics(int Members, int Rated, IReadOnlyList<BoxDeviation> Distribution, IReadOnlyList<ManagerTendency> ManagerTendencies);

public enum CardFlag
{
    SelfManagerGap,
    ExtremeRatingWithoutEvidence,
    MissingSelfAssessment,
    LenientManager,
    SevereManager,
}

/// <summary>
/// One employee on the board. <see cref="Proposed"/> is the manager's placement (null: no manager
/// input, so the card waits in the holding area until the committee places it). <see cref="FlightRisk"/>
/// is the manager's, kept so results and summaries need not read every input (null: no input when the
/// packet was built).
/// </summary>
public sealed record CalibrationCard(
    string EmployeeId,
    string? ManagerId,
    GridPosition? Proposed,
    GridPosition? Current,
    IReadOnlyList<CardFlag> Flags,
    FlightRisk? FlightRisk = null)
{
    public bool InHoldingArea => Current is null;
}

/// <summary>Cards <c>[Chunk * ChunkSize, (Chunk + 1) * ChunkSize)</c> of a group, by group ordinal.</summary>
public sealed record CalibrationChunkDocument(string CycleId, string GroupId, int Chunk, IReadOnlyList<CalibrationCard> Cards);

/// <summary>
/// Where the cards of a chunk stand on the board once one of them was moved: each employee's box
/// number (<see cref="GridBox"/>, 0 in the holding area), which overrides the cards' own
/// <see cref="CalibrationCard.Current"/>. Kept apart from the cards so a move rewrites a few bytes
/// per card rather than every card with its flags.
/// </summary>
public sealed record CalibrationPositionsDocument(string CycleId, string GroupId, int Chunk, IReadOnlyDictionary<string, int> Boxes)
{
    public const int HoldingArea = 0;

    public static int BoxOf(GridPosition? position) => position is { } placed ? (int)placed.Box : HoldingArea;

    public static GridPosition? PositionOf(int box) => box == HoldingArea ? null : GridPosition.Of((GridBox)box);
}

/// <summary>One placement or move on the board (the audit trail), one document per change.</summary>
public sealed record CalibrationAuditDocument(string CycleId, string GroupId, string EmployeeId, CalibrationAdjustment Adjustment);

/// <summary>One change of a proposed decision (the audit trail): the decision before and after, who, when and why.</summary>
public sealed record DecisionAuditDocument(string CycleId, string GroupId, string EmployeeId, Decision Before, Decision After, string Reason, string By, DateTimeOffset At);

/// <summary>Decisions of a chunk of a group, by group ordinal; proposed from the box, amended, then final.</summary>
public sealed record DecisionChunkDocument(string CycleId, string GroupId, int Chunk, bool Final, IReadOnlyList<Decision> Decisions);

/// <summary>A computed summary (a group's, or the organisation's with scope <c>all</c>).</summary>
public sealed record SummaryDocument(string CycleId, string Scope, Domain.Summaries.CycleSummary Summary, DateTimeOffset ComputedAt);

/// <summary>A released cycle's final placements, kept organisation-wide to compare the next cycle against.</summary>
public sealed record PreviousResultsDocument(string CycleId, string CycleName, int Chunk, IReadOnlyList<Domain.Summaries.FinalPlacement> Placements);
