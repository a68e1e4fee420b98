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

/// <summary>
/// What happened to a wave: how many messages went out now, how many had already been sent before, and which
/// the provider refused for their recipient (null when none were).
/// </summary>
public sealed record EmailWaveResult(int Sent, int AlreadySent, int ApiCalls, IReadOnlyList<RefusedEmail>? Refused = null);

/// <summary>
/// An email the provider will not take for its recipient (e.g. an address it refuses): not sent, and trying again
/// cannot help. It is recorded against the person for HR; the wave goes on for everyone else.
/// </summary>
public sealed record RefusedEmail(string PersonId, string DedupeKey, string Reason);
