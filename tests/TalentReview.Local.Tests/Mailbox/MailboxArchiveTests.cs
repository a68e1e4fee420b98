using Microsoft.Data.Sqlite;
using TalentReview.Local.Mailbox;
using TalentReview.Local.Tests.Harness;
using TalentReview.MailCapture;

namespace TalentReview.Local.Tests.Mailbox;

/// <summary>After a restart the capture endpoint's Email Activity API answers from the archive, which outlives the process.</summary>
public sealed class MailboxArchiveTests
{
    private static readonly DateTimeOffset ReceivedAt = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_emails_of_one_call_are_found_by_its_batch_id_after_the_archive_is_opened_again()
    {
        using var data = new TemporaryFolder();
        new MailboxArchive(data.Path).Append([Email("ann@example.be", "batch-a"), Email("bob@example.be", "batch-b"), Email("cas@example.be", "batch-a")]);

        var reopened = new MailboxArchive(data.Path);
        var found = reopened.WithCustomArg("batch_id", "batch-a", 10);

        Assert.Equal(["ann@example.be", "cas@example.be"], found.Select(e => e.To.Email));
        Assert.Single(reopened.WithCustomArg("batch_id", "batch-a", 1));
        Assert.Empty(reopened.WithCustomArg("batch_id", "batch-c", 10));
        Assert.Empty(reopened.WithCustomArg("wave_id", "batch-a", 10));
        SqliteConnection.ClearAllPools();
    }

    private static CapturedEmail Email(string to, string batchId)
        => new(0, "msg-1", ReceivedAt, new MailAddressData("talentreview@example.be", null), new MailAddressData(to, null), "Your self-assessment", "Text", null, [], ["talentreview"],
            new Dictionary<string, string> { ["batch_id"] = batchId, ["wave_id"] = "sa-invite" });
}
