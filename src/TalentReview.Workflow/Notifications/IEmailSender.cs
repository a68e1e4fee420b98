namespace TalentReview.Workflow.Notifications;

/// <summary>
/// Sends whole waves: one email per person per wave. Receiving the wave at once lets the SendGrid
/// adapter put up to 1,000 recipients in one API call. Implementations render each message in its
/// recipient's language and send each logical email (its <see cref="EmailMessage.DedupeKey"/>) at
/// most once, even when the calling activity is retried or replayed.
/// </summary>
public interface IEmailSender
{
    Task<EmailWaveResult> SendWaveAsync(EmailWave wave, CancellationToken cancellationToken = default);
}

/// <summary>What happened to a wave: how many messages went out now, and how many had already been sent before.</summary>
public sealed record EmailWaveResult(int Sent, int AlreadySent, int ApiCalls);
