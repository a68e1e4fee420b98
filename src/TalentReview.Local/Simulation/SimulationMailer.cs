using System.Collections.Concurrent;
using TalentReview.Workflow.Notifications;

namespace TalentReview.Local.Simulation;

/// <summary>
/// The simulation's email port: nobody reads simulated mail, so it counts what would have been
/// sent, per kind, once per logical email as the real sender does.
/// </summary>
public sealed class SimulationMailer : IEmailSender
{
    private readonly ConcurrentDictionary<string, EmailKind> sent = new(StringComparer.Ordinal);

    public Task<EmailWaveResult> SendWaveAsync(EmailWave wave, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(wave);
        var fresh = wave.Messages.Count(m => sent.TryAdd(m.DedupeKey, m.Content.Kind));
        return Task.FromResult(new EmailWaveResult(fresh, wave.Messages.Count - fresh, ApiCalls: fresh == 0 ? 0 : 1));
    }

    public IReadOnlyDictionary<EmailKind, int> CountByKind()
        => sent.Values.GroupBy(k => k).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Count());
}
