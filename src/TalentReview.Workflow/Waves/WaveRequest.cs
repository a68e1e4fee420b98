namespace TalentReview.Workflow.Waves;

public enum WaveKind
{
    SelfAssessmentInvitation,
    SelfAssessmentReminder,
    ManagerDigest,
    ManagerReminder,
    ManagerOverdue,
    SkipLevelEscalation,
    ManagerRelease,
    EmployeeRelease,
    CycleCancelled,
    FollowUpReminder,
}

/// <summary>What the wave has done so far, carried from page to page.</summary>
public sealed record WaveTotals(int Recipients, int Sent, int AlreadySent, int ApiCalls, int Pages)
{
    public static WaveTotals None { get; } = new(0, 0, 0, 0, 0);

    public WaveTotals Add(WavePageResult page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return new(Recipients + page.Recipients, Sent + page.Sent, AlreadySent + page.AlreadySent, ApiCalls + page.ApiCalls, Pages + 1);
    }
}

/// <param name="WaveId">Names the wave; part of every message's dedupe key.</param>
/// <param name="GroupId">For follow-up waves: the group whose decisions are followed up.</param>
/// <param name="FollowUpDate">For follow-up waves: the due date this wave reminds of.</param>
/// <param name="Cursor">Where the next page starts (opaque to the orchestration).</param>
public sealed record WaveRequest(
    string CycleId,
    string WaveId,
    WaveKind Kind,
    string? GroupId = null,
    DateOnly? FollowUpDate = null,
    string? Cursor = null,
    WaveTotals? Totals = null);

/// <summary>One page: at most <see cref="SendWavePage.MaxRecipients"/> messages, one email API call.</summary>
public sealed record WavePageResult(int Recipients, int Sent, int AlreadySent, int ApiCalls, string? NextCursor);
