using TalentReview.Infrastructure.Email;

namespace TalentReview.Infrastructure.Tests.Email;

public sealed class EmailBatchLedgerTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static readonly string[] Keys = ["c|E1|SelfAssessmentInvitation|w", "c|E2|SelfAssessmentInvitation|w"];

    [Fact]
    public async Task Begin_SameBatchAgainWhilePending_WritesNothingAndMaySend()
    {
        var store = new RecordingDocumentStore();
        var ledger = new EmailBatchLedger(store, TimeProvider.System);

        var first = await ledger.BeginAsync("c", "w", Keys, Cancel);
        var second = await ledger.BeginAsync("c", "w", Keys, Cancel);

        Assert.False(first);
        Assert.False(second);
        Assert.Equal(1, store.Writes);
        Assert.Empty(await ledger.SentKeysAsync("c", "w", Cancel));
    }

    [Fact]
    public async Task Begin_BatchAlreadyMarkedSent_SaysSoWithoutWriting()
    {
        var store = new RecordingDocumentStore();
        var ledger = new EmailBatchLedger(store, TimeProvider.System);
        await ledger.BeginAsync("c", "w", Keys, Cancel);
        await ledger.CompleteAsync("c", "w", Keys, Cancel);

        var again = await ledger.BeginAsync("c", "w", Keys, Cancel);

        Assert.True(again);
        Assert.Equal(2, store.Writes);
        Assert.Equal(Keys, (await ledger.SentKeysAsync("c", "w", Cancel)).Order());
    }

    [Fact]
    public async Task SentKeys_OtherWaveOrCycle_AreNotMixedIn()
    {
        var ledger = new EmailBatchLedger(new RecordingDocumentStore(), TimeProvider.System);
        await ledger.CompleteAsync("c", "w", Keys, Cancel);

        Assert.Empty(await ledger.SentKeysAsync("c", "other-wave", Cancel));
        Assert.Empty(await ledger.SentKeysAsync("other-cycle", "w", Cancel));
    }
}
