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
        await Parallel.ForEachAsync(
            batches,
            new ParallelOptions { MaxDegreeOfParallelism = _options.Delivery.MaxParallelCalls, CancellationToken = cancellationToken },
            async (batch, token) =>
            {
                var keys = batch.Select(p => p.Message.DedupeKey).ToList();
                if (await _ledger.BeginAsync(wave.CycleId, wave.WaveId, keys, token).ConfigureAwait(false))
                {
                    Interlocked.Add(ref alreadySent, batch.Length);
                    return;
                }

                var batchId = EmailBatchLedger.Key(wave.CycleId, wave.WaveId, keys).Id;
                await _caller.SendAsync(BuildMessage(wave, batch, batchId), batch, batchId, token).ConfigureAwait(false);
                await _ledger.CompleteAsync(wave.CycleId, wave.WaveId, keys, token).ConfigureAwait(false);
                Interlocked.Add(ref sent, batch.Length);
                Interlocked.Increment(ref calls);
            }).ConfigureAwait(false);

        return new EmailWaveResult(sent, alreadySent, calls);
    }

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
