using TalentReview.Workflow.Notifications;

namespace TalentReview.Workflow.Tests.Support;

/// <summary>
/// Records every message asked for (duplicates included, to catch them) and when, on the clock it is given,
/// and "sends" each dedupe key once, 1,000 per call.
/// </summary>
public sealed class RecordingEmailSender(TimeProvider time) : IEmailSender
{
    private readonly Lock gate = new();
    private readonly List<(string WaveId, EmailMessage Message)> requested = [];
    private readonly List<(EmailMessage Message, DateTimeOffset At)> timed = [];
    private readonly HashSet<string> sentKeys = new(StringComparer.Ordinal);

    public int ApiCalls { get; private set; }

    public int WaveCalls { get; private set; }

    public IReadOnlyList<(string WaveId, EmailMessage Message)> Requested
    {
        get
        {
            lock (gate)
            {
                return [.. requested];
            }
        }
    }

    /// <summary>Each message the first time it was asked for, with the moment it was.</summary>
    public IReadOnlyList<(EmailMessage Message, DateTimeOffset At)> SentWithTime
    {
        get
        {
            lock (gate)
            {
                return [.. timed.DistinctBy(t => t.Message.DedupeKey)];
            }
        }
    }

    public IReadOnlyList<EmailMessage> Sent(EmailKind kind) => [.. Requested.Select(r => r.Message).Where(m => m.Content.Kind == kind).DistinctBy(m => m.DedupeKey)];

    public Task<EmailWaveResult> SendWaveAsync(EmailWave wave, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(wave);
        lock (gate)
        {
            requested.AddRange(wave.Messages.Select(m => (wave.WaveId, m)));
            var now = time.GetUtcNow();
            timed.AddRange(wave.Messages.Select(m => (m, now)));
            var fresh = wave.Messages.Count(m => sentKeys.Add(m.DedupeKey));
            var calls = (fresh + 999) / 1000;
            ApiCalls += calls;
            WaveCalls++;
            return Task.FromResult(new EmailWaveResult(fresh, wave.Messages.Count - fresh, calls));
        }
    }
}
