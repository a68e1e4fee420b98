namespace TalentReview.Workflow.Storage;

/// <summary>
/// Every kind of document the workflow stores: the one list the GDPR export and the retention purge
/// work from. Per-employee kinds carry top-level <c>employeeId</c> and <c>cycleId</c>; group-level
/// chunks list employees inside (found through the participant's group and ordinal).
/// </summary>
public static class DocumentKinds
{
    public const string Cycle = "cycle";
    public const string CycleIndex = "cycleIndex";
    public const string RosterChunk = "rosterChunk";
    public const string RosterLines = "rosterLines";
    public const string Participant = "participant";
    public const string Team = "team";
    public const string SkipLevel = "skipLevel";
    public const string SelfAssessment = "selfAssessment";
    public const string ManagerInput = "managerInput";
    public const string CalibrationGroup = "calibrationGroup";
    public const string CalibrationChunk = "calibrationChunk";
    public const string CalibrationPositions = "calibrationPositions";
    public const string CalibrationAudit = "calibrationAudit";
    public const string DecisionAudit = "decisionAudit";
    public const string DecisionChunk = "decisionChunk";
    public const string Acknowledgement = "acknowledgement";
    public const string Summary = "summary";
    public const string PreviousResults = "previousResults";

    /// <summary>An email the provider refused for one person (one document per person: the latest refusal).</summary>
    public const string DeliveryProblem = "deliveryProblem";

    /// <summary>A person's released outcome of one cycle, kept across cycles in the talent history's own partition.</summary>
    public const string TalentOutcome = "talentOutcome";

    /// <summary>HR's latest nudge of one person (as an employee or as a manager).</summary>
    public const string Nudge = "nudge";

    public static IReadOnlyList<string> All { get; } =
    [
        CriticalRole, TalentPool, TalentAudit,
        Cycle, CycleIndex, RosterChunk, RosterLines, Participant, Team, SkipLevel, SelfAssessment, ManagerInput,
        CalibrationGroup, CalibrationChunk, CalibrationPositions, CalibrationAudit, DecisionAudit, DecisionChunk, Acknowledgement, Summary, PreviousResults, DeliveryProblem, Nudge,
        TalentOutcome,
    ];

    /// <summary>Kinds with one document per employee (or per employee and move or decision change), each with top-level employeeId and cycleId.</summary>
    public static IReadOnlyList<string> PerEmployee { get; } = [Participant, SelfAssessment, ManagerInput, CalibrationAudit, DecisionAudit, Acknowledgement, DeliveryProblem, Nudge];

    /// <summary>Kinds that hold several employees' entries in one chunk (rosterChunk, rosterLines and previousResults by position, the others by group ordinal).</summary>
    public static IReadOnlyList<string> Chunked { get; } = [RosterChunk, RosterLines, CalibrationChunk, CalibrationPositions, DecisionChunk, PreviousResults];

    /// <summary>A role HR marked as critical, with its successors (partition <c>talent</c>, across cycles).</summary>
    public const string CriticalRole = "criticalRole";

    /// <summary>A talent pool with its criteria and members (partition <c>talent</c>).</summary>
    public const string TalentPool = "talentPool";

    /// <summary>One change of a critical role or a talent pool (partition <c>talent</c>).</summary>
    public const string TalentAudit = "talentAudit";
}
