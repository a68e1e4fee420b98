namespace TalentReview.MailCapture;

/// <summary>Settings of the SendGrid-compatible capture endpoint.</summary>
public sealed class SendGridCaptureOptions
{
    /// <summary>The API keys accepted as <c>Authorization: Bearer &lt;key&gt;</c>; anything else is answered 401.</summary>
    public ICollection<string> ApiKeys { get; } = [];

    /// <summary>The mailbox keeps the most recent emails up to this many (one per recipient); older ones are dropped.</summary>
    public int MailboxCapacity { get; set; } = 10_000;
}
