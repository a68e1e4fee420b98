using TalentReview.Workflow.Notifications;

namespace TalentReview.Workflow.Tests.Support;

/// <summary>Records every message asked for (duplicates included, to catch them) and "sends" each dedupe key once, 1,000 per call.</summary>
public sealed class RecordingEmailSender : IEmailSender
{
    private readonly Lock gate = new();
    private readonly List<(string WaveId, EmailMessage Message)> requested = [];
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

    public IReadOnlyList<EmailMessage> Sent(EmailKind kind) => [.. Requested.Select(r => r.Message).Where(m => m.Content.Kind == kind).DistinctBy(m => m.DedupeKey)];

    public Task<EmailWaveResult> SendWaveAsync(EmailWave wave, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(wave);
        lock (gate)
        {
            requested.AddRange(wave.Messages.Select(m => (wave.WaveId, m)));
            var fresh = wave.Messages.Count(m => sentKeys.Add(m.DedupeKey));
            var calls = (fresh + 999) / 1000;
            ApiCalls += calls;
            WaveCalls++;
            return Task.FromResult(new EmailWaveResult(fresh, wave.Messages.Count - fresh, calls));
        }
    }
}
