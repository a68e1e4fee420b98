using TalentReview.Domain;

namespace TalentReview.Workflow.Notifications;

/// <summary>
/// A batch of emails of one kind for one cycle, e.g. "the manager reminder digests of wave 2".
/// <see cref="WaveId"/> names the wave (e.g. "manager-reminder-2") and is part of every dedupe key.
/// </summary>
public sealed record EmailWave(string CycleId, string CycleName, string WaveId, IReadOnlyList<EmailMessage> Messages);

/// <summary>One email to one person. Emails carry links, names and dates — never ratings or evaluation text.</summary>
public sealed record EmailMessage(EmailRecipient To, EmailContent Content)
{
    /// <summary>The logical email's identity: (cycle, person, kind, wave). Sent once, however often it is asked for.</summary>
    public static string CreateDedupeKey(string cycleId, string personId, EmailKind kind, string waveId)
        => $"{cycleId}|{personId}|{kind}|{waveId}";

    public required string DedupeKey { get; init; }
}

/// <summary>A recipient: <see cref="PersonId"/> is the roster's employee id (or an HR user id), never shown in a URL.</summary>
public sealed record EmailRecipient(string PersonId, string Email, string Name, Language Language);
