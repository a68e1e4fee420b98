using TalentReview.Workflow.Notifications;

namespace TalentReview.Workflow.Tests.Support;

/// <summary>
/// The recording sender with faults: a bug in the waves named by <see cref="BrokenWave"/> or <see cref="BrokenWavesStartingWith"/> (an error that does not
/// pass by itself), and addresses the provider refuses (<see cref="RefusedPersonIds"/>: refused, the rest sent).
/// </summary>
public sealed class FaultyEmailSender(RecordingEmailSender recorder) : IEmailSender
{
    public string? BrokenWave { get; set; }

    /// <summary>A bug in every wave whose id starts with this (e.g. one person's manager changes, whose ids carry the moment).</summary>
    public string? BrokenWavesStartingWith { get; set; }

    public ISet<string> RefusedPersonIds { get; } = new HashSet<string>(StringComparer.Ordinal);

    public async Task<EmailWaveResult> SendWaveAsync(EmailWave wave, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(wave);
        if (wave.WaveId == BrokenWave || (BrokenWavesStartingWith is { } prefix && wave.WaveId.StartsWith(prefix, StringComparison.Ordinal)))
        {
            throw new InvalidOperationException($"The template of wave {wave.WaveId} has no subject.");
        }

        var refused = wave.Messages.Where(m => RefusedPersonIds.Contains(m.To.PersonId)).ToList();
        var result = await recorder.SendWaveAsync(wave with { Messages = [.. wave.Messages.Except(refused)] }, cancellationToken);
        return refused.Count == 0
            ? result
            : result with { Refused = [.. refused.Select(m => new RefusedEmail(m.To.PersonId, m.DedupeKey, "Does not contain a valid address."))] };
    }
}
