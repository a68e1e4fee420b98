using TalentReview.MailCapture;

namespace TalentReview.Local.Mailbox;

/// <summary>
/// Moves what the capture endpoint accepted into the archive, right after each send request
/// (the in-memory capture mailbox does not outlive the process; the archive does).
/// </summary>
public sealed class MailboxRecorder(CaptureMailbox captured, MailboxArchive archive)
{
    private readonly Lock gate = new();
    private long lastRecordedId;

    public void RecordNew()
    {
        lock (gate)
        {
            var fresh = captured.Snapshot().Where(e => e.Id > lastRecordedId).ToList();
            if (fresh.Count == 0)
            {
                return;
            }

            archive.Append(fresh);
            lastRecordedId = fresh[^1].Id;
        }
    }
}
