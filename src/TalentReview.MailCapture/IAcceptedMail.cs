namespace TalentReview.MailCapture;

/// <summary>
/// What the capture endpoint accepted, as its Email Activity API (<c>GET /v3/messages</c>) reports it.
/// The <see cref="CaptureMailbox"/> by default; a host that keeps its mailbox elsewhere (the local
/// host's archive, which outlives the process) registers its own.
/// </summary>
public interface IAcceptedMail
{
    /// <summary>The accepted emails whose custom argument <paramref name="name"/> is <paramref name="value"/>, oldest first, at most <paramref name="limit"/>.</summary>
    IReadOnlyList<CapturedEmail> WithCustomArg(string name, string value, int limit);
}
