using System.Security.Cryptography;
using System.Text;
using TalentReview.Workflow.Storage;

namespace TalentReview.Infrastructure.Email;

/// <summary>
/// The record of one SendGrid call: the dedupe keys it covers, written as pending before the call and
/// marked sent after. <see cref="EarlierCallId"/>: for keys left pending when an interrupted call was
/// settled, the batch id of that call, under which the provider may still report them.
/// </summary>
internal sealed record EmailBatchRecord(string WaveId, string Status, IReadOnlyList<string> Keys, DateTimeOffset UpdatedAt, string? EarlierCallId = null)
{
    public const string PendingStatus = "Pending";
    public const string SentStatus = "Sent";

    public bool IsSent => Status == SentStatus;
}

/// <summary>
/// Remembers which logical emails went out, one document per API call (up to 1,000 keys) in the
/// cycle's partition, so a wave costs two writes per call instead of one per recipient: the product
/// allows only a handful of writes per employee per cycle in total.
/// </summary>
/// <remarks>
/// The record is written as pending before the call and marked sent only after SendGrid accepted it:
/// a crash (or a lost answer) between the two leaves it pending. The retried wave then asks the
/// provider what it accepted of that call (<see cref="AcceptedRecipientsLookup"/>, when enabled) and
/// records those as sent; whatever the provider cannot vouch for is sent again. The other order
/// would risk losing emails silently: a rare duplicate is better than a lost invitation.
/// </remarks>
internal sealed class EmailBatchLedger(IDocumentStore store, TimeProvider time)
{
    public const string DocumentKind = "email-batch";

    /// <summary>The dedupe keys of this wave already recorded as sent.</summary>
    public async Task<HashSet<string>> SentKeysAsync(string cycleId, string waveId, CancellationToken cancellationToken)
    {
        var sent = new HashSet<string>(StringComparer.Ordinal);
        var filter = new Dictionary<string, string> { ["waveId"] = waveId, ["status"] = EmailBatchRecord.SentStatus };
        string? after = null;
        do
        {
            var page = await store.QueryAsync<EmailBatchRecord>(new DocumentQuery(cycleId, DocumentKind, filter, after, PageSize: 50), cancellationToken).ConfigureAwait(false);
            foreach (var item in page.Items)
            {
                sent.UnionWith(item.Value.Keys);
            }

            after = page.NextAfterId;
        }
        while (after is not null);

        return sent;
    }

    /// <summary>The calls of this wave recorded as pending: started and never known to be accepted.</summary>
    public async Task<IReadOnlyList<StoredDocument<EmailBatchRecord>>> PendingAsync(string cycleId, string waveId, CancellationToken cancellationToken)
    {
        var pending = new List<StoredDocument<EmailBatchRecord>>();
        var filter = new Dictionary<string, string> { ["waveId"] = waveId, ["status"] = EmailBatchRecord.PendingStatus };
        string? after = null;
        do
        {
            var page = await store.QueryAsync<EmailBatchRecord>(new DocumentQuery(cycleId, DocumentKind, filter, after, PageSize: 50), cancellationToken).ConfigureAwait(false);
            pending.AddRange(page.Items);
            after = page.NextAfterId;
        }
        while (after is not null);

        return pending;
    }

    /// <summary>
    /// Records what the provider accepted of a pending call: those keys as sent (a record of their own
    /// when only some were), the keys whose fate is unknown here stay pending in a record of their own,
    /// then the original record goes. A crash in between only repeats this.
    /// </summary>
    public async Task SettleAsync(
        string cycleId, StoredDocument<EmailBatchRecord> pending, IReadOnlyList<string> acceptedKeys, IReadOnlyList<string> unknownKeys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pending);
        ArgumentNullException.ThrowIfNull(acceptedKeys);
        ArgumentNullException.ThrowIfNull(unknownKeys);
        var waveId = pending.Value.WaveId;
        await CompleteAsync(cycleId, waveId, acceptedKeys, cancellationToken).ConfigureAwait(false);
        if (acceptedKeys.Count == pending.Value.Keys.Count)
        {
            return;
        }

        if (unknownKeys.Count > 0)
        {
            var leftOver = new EmailBatchRecord(waveId, EmailBatchRecord.PendingStatus, unknownKeys, time.GetUtcNow(), pending.Value.EarlierCallId ?? pending.Key.Id);
            await store.UpsertAsync(Key(cycleId, waveId, unknownKeys), DocumentKind, leftOver, cancellationToken).ConfigureAwait(false);
        }

        await store.DeleteAsync(pending.Key, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Records the batch as pending, unless the same batch is already recorded: then nothing is
    /// written, and the answer says whether it was already sent (by an earlier or concurrent attempt).
    /// </summary>
    public async Task<bool> BeginAsync(string cycleId, string waveId, IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        var key = Key(cycleId, waveId, keys);

        // Read first: a retried batch finds its record with a cheap point read instead of a failing write.
        if (await store.ReadAsync<EmailBatchRecord>(key, cancellationToken).ConfigureAwait(false) is { } recorded)
        {
            return recorded.Value.IsSent;
        }

        try
        {
            await store.CreateAsync(key, DocumentKind, new EmailBatchRecord(waveId, EmailBatchRecord.PendingStatus, keys, time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
            return false;
        }
        catch (DocumentConflictException)
        {
            var existing = await store.ReadAsync<EmailBatchRecord>(key, cancellationToken).ConfigureAwait(false);
            return existing?.Value.IsSent == true;
        }
    }

    public Task CompleteAsync(string cycleId, string waveId, IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        var sent = new EmailBatchRecord(waveId, EmailBatchRecord.SentStatus, keys, time.GetUtcNow());
        return store.UpsertAsync(Key(cycleId, waveId, keys), DocumentKind, sent, cancellationToken);
    }

    /// <summary>The same keys of the same wave always map to the same document, so a retried batch finds its own record.</summary>
    internal static DocumentKey Key(string cycleId, string waveId, IReadOnlyList<string> keys)
    {
        var content = new StringBuilder(waveId);
        foreach (var key in keys)
        {
            content.Append('\n').Append(key);
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(content.ToString()));
        return new DocumentKey(cycleId, "email-batch-" + Convert.ToHexStringLower(hash.AsSpan(0, 16)));
    }
}
