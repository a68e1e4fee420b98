using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SendGrid;
using SendGrid.Helpers.Mail;
using TalentReview.Workflow.Notifications;
using TalentReview.Workflow.Storage;

namespace TalentReview.Infrastructure.Email;

/// <summary>
/// Sends a wave through SendGrid: each message rendered in its recipient's language, messages that
/// share a body (same language, kind and shared content) grouped into calls of up to 1,000
/// personalizations with per-recipient substitutions, every logical email sent once across retries.
/// </summary>
public sealed class SendGridEmailSender : IEmailSender, IDisposable
{
    private readonly EmailOptions _options;
    private readonly EmailBatchLedger _ledger;
    private readonly SendGridCaller _caller;
    private readonly AcceptedRecipientsLookup? _lookup;
    private readonly HttpClient? _ownedHttpClient;

    public SendGridEmailSender(IOptions<EmailOptions> options, IDocumentStore store, TimeProvider time, ILogger<SendGridEmailSender> logger)
        : this(options, store, time, logger, client: null)
    {
    }

    internal SendGridEmailSender(IOptions<EmailOptions> options, IDocumentStore store, TimeProvider time, ILogger logger, ISendGridClient? client)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _ledger = new EmailBatchLedger(store, time);
        if (client is null)
        {
            // Per-attempt timeouts are ours (SendGridCaller), so the HttpClient itself never times out.
            _ownedHttpClient = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = Timeout.InfiniteTimeSpan };
            client = new SendGridClient(_ownedHttpClient, new SendGridClientOptions { ApiKey = _options.SendGrid.ApiKey, Host = _options.SendGrid.Host.AbsoluteUri.TrimEnd('/') });
        }

        _lookup = _options.SendGrid.AskBeforeResend ? new AcceptedRecipientsLookup(client, logger) : null;
        _caller = new SendGridCaller(client, _options.Delivery, time, logger, _lookup);
    }

    public async Task<EmailWaveResult> SendWaveAsync(EmailWave wave, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(wave);
        var sentBefore = await _ledger.SentKeysAsync(wave.CycleId, wave.WaveId, cancellationToken).ConfigureAwait(false);
        if (_lookup is not null)
        {
            sentBefore.UnionWith(await SettleInterruptedCallsAsync(wave, _lookup, cancellationToken).ConfigureAwait(false));
        }

        var renderer = new WaveRenderer(wave.CycleName);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var alreadySent = 0;
        var groups = new Dictionary<string, List<PreparedEmail>>(StringComparer.Ordinal);
        foreach (var message in wave.Messages)
        {
            if (!seen.Add(message.DedupeKey) || sentBefore.Contains(message.DedupeKey))
            {
                alreadySent++;
                continue;
            }

            var prepared = renderer.Prepare(message);
            if (!groups.TryGetValue(prepared.ShareKey, out var group))
            {
                group = [];
                groups[prepared.ShareKey] = group;
            }

            group.Add(prepared);
        }

        var batches = groups.Values.SelectMany(group => group.Chunk(_options.Delivery.MaxRecipientsPerCall)).ToList();
        var sent = 0;
        var calls = 0;
        var refused = new ConcurrentBag<RefusedEmail>();
        await Parallel.ForEachAsync(
            batches,
            new ParallelOptions { MaxDegreeOfParallelism = _options.Delivery.MaxParallelCalls, CancellationToken = cancellationToken },
            async (batch, token) =>
            {
                // SendGrid refuses a whole call for one recipient it will not take: those are set aside and the call goes again without them.
                for (var remaining = batch; remaining.Length > 0;)
                {
                    var keys = remaining.Select(p => p.Message.DedupeKey).ToList();
                    if (await _ledger.BeginAsync(wave.CycleId, wave.WaveId, keys, token).ConfigureAwait(false))
                    {
                        Interlocked.Add(ref alreadySent, remaining.Length);
                        return;
                    }

                    var batchId = EmailBatchLedger.Key(wave.CycleId, wave.WaveId, keys).Id;
                    try
                    {
                        await _caller.SendAsync(BuildMessage(wave, remaining, batchId), remaining, batchId, token).ConfigureAwait(false);
                    }
                    catch (EmailRejectedException rejected) when (RefusedRecipients(rejected) is { Count: > 0 } refusedHere)
                    {
                        foreach (var refusal in refusedHere)
                        {
                            refused.Add(refusal);
                        }

                        var refusedKeys = refusedHere.Select(r => r.DedupeKey).ToHashSet(StringComparer.Ordinal);
                        remaining = [.. remaining.Where(p => !refusedKeys.Contains(p.Message.DedupeKey))];
                        continue;
                    }

                    await _ledger.CompleteAsync(wave.CycleId, wave.WaveId, keys, token).ConfigureAwait(false);
                    Interlocked.Add(ref sent, remaining.Length);
                    Interlocked.Increment(ref calls);
                    return;
                }
            }).ConfigureAwait(false);

        return new EmailWaveResult(sent, alreadySent, calls, refused.IsEmpty ? null : [.. refused.OrderBy(r => r.DedupeKey, StringComparer.Ordinal)]);
    }

    /// <summary>
    /// The recipients a 400 is about, when every problem names one (an address SendGrid will not take): an error
    /// about one person stays with that person. Anything else (a wrong key, a malformed call) concerns every
    /// recipient, and is thrown on.
    /// </summary>
    private static List<RefusedEmail> RefusedRecipients(EmailRejectedException rejected)
        => rejected.StatusCode == System.Net.HttpStatusCode.BadRequest && rejected.Problems.All(p => p.PersonId is not null && p.DedupeKey is not null)
            ? [.. rejected.Problems.DistinctBy(p => p.DedupeKey).Select(p => new RefusedEmail(p.PersonId!, p.DedupeKey!, p.Message))]
            : [];

    public void Dispose() => _ownedHttpClient?.Dispose();

    /// <summary>
    /// Calls of this wave that a crash or a lost answer left pending: asks the provider which of their
    /// recipients it accepted and records those as sent, so only the others go out again. The
    /// recipients' addresses come from this page's messages; a call's messages not on this page stay pending.
    /// </summary>
    private async Task<IReadOnlyList<string>> SettleInterruptedCallsAsync(EmailWave wave, AcceptedRecipientsLookup lookup, CancellationToken cancellationToken)
    {
        var pending = await _ledger.PendingAsync(wave.CycleId, wave.WaveId, cancellationToken).ConfigureAwait(false);
        if (pending.Count == 0)
        {
            return [];
        }

        var addressOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var message in wave.Messages)
        {
            addressOf.TryAdd(message.DedupeKey, message.To.Email);
        }

        var settled = new List<string>();
        foreach (var call in pending.Where(p => p.Value.Keys.Any(addressOf.ContainsKey)))
        {
            var accepted = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var callId in new[] { call.Key.Id, call.Value.EarlierCallId }.OfType<string>())
            {
                if (await lookup.AcceptedAsync(callId, cancellationToken).ConfigureAwait(false) is { } reported)
                {
                    accepted.UnionWith(reported);
                }
            }

            var keys = call.Value.Keys.Where(k => addressOf.TryGetValue(k, out var address) && accepted.Contains(address)).ToList();
            if (keys.Count > 0)
            {
                var unknown = call.Value.Keys.Where(k => !addressOf.ContainsKey(k)).ToList();
                await _ledger.SettleAsync(wave.CycleId, call, keys, unknown, cancellationToken).ConfigureAwait(false);
                settled.AddRange(keys);
            }
        }

        return settled;
    }

    private SendGridMessage BuildMessage(EmailWave wave, PreparedEmail[] batch, string batchId)
    {
        var body = batch[0].Body;
        var kind = batch[0].Message.Content.Kind;
        var message = new SendGridMessage
        {
            From = new EmailAddress(_options.FromAddress, _options.FromName),
            Subject = body.Subject,
            PlainTextContent = body.Text,
            HtmlContent = body.Html,
            Personalizations = [.. batch.Select(p => new Personalization
            {
                Tos = [new EmailAddress(p.Message.To.Email, p.Message.To.Name)],
                Substitutions = p.Substitutions.Count == 0 ? null : new Dictionary<string, string>(p.Substitutions),
            })],

            // Tracking data names the cycle, kind, wave and batch, never a person.
            CustomArgs = new Dictionary<string, string>
            {
                ["cycle_id"] = wave.CycleId,
                ["email_kind"] = kind.ToString(),
                ["wave_id"] = wave.WaveId,
                ["batch_id"] = batchId,
            },
        };
        message.AddCategories(["talentreview", kind.ToString()]);

        // Click tracking would rewrite the signed links through SendGrid's domain, and open tracking adds a pixel: both off.
        message.SetClickTracking(false, false);
        message.SetOpenTracking(false);
        return message;
    }
}
