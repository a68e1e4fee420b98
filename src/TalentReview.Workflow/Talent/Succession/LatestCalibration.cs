using TalentReview.Domain.Forms;
using TalentReview.Domain.NineBox;
using TalentReview.Domain.Rosters;
using TalentReview.Domain.Talent.Succession;
using TalentReview.Workflow.Storage;

namespace TalentReview.Workflow.Talent.Succession;

/// <summary>The people of the latest calibrated cycle, as its release left them.</summary>
public sealed record CalibrationSnapshot(string CycleId, string CycleName, DateTimeOffset LaunchedAt, IReadOnlyList<CalibratedTalent> People);

/// <summary>
/// Reads what succession and pools start from, out of the cycles' own documents: the latest released
/// cycle's final placements (kept at release), with each placed person's snapshot, the readiness of the
/// manager's submitted input and the aspiration of the submitted self-assessment; and the latest
/// roster, for incumbents and nominations.
/// </summary>
public sealed class LatestCalibration(ReviewStore store)
{
    private const int ParticipantsPerQuery = DocumentRules.MaxAnyOfValues;

    private readonly Lock gate = new();

    // What a released cycle's people wrote and were rated no longer changes: each person's readiness and
    // aspiration is read once while that cycle is the latest released one. Placements and participants are
    // read every time (a page of each per 500 to 1,000 people), so a release still being written shows in full once done.
    private string? detailsCycleId;
    private Dictionary<string, (PromotionReadiness? Readiness, CareerAspiration? Aspiration)> details = new(StringComparer.Ordinal);

    /// <summary>
    /// The latest released cycle's people, reading input and self-assessment only of those placed in one of
    /// <paramref name="boxes"/> (all boxes when null): suggestions need only a few boxes of a large organisation.
    /// Null when no cycle was released yet.
    /// </summary>
    public async Task<CalibrationSnapshot?> ReadAsync(IReadOnlyCollection<GridBox>? boxes = null, CancellationToken cancellationToken = default)
        => await LatestAsync(c => c.State == CycleState.Released, cancellationToken) is { } cycle
            ? await ReadCycleAsync(cycle, boxes, cancellationToken)
            : null;

    private async Task<CalibrationSnapshot> ReadCycleAsync(CycleDocument cycle, IReadOnlyCollection<GridBox>? boxes, CancellationToken cancellationToken)
    {
        var placements = (await store.GetPreviousResultsAsync(cycle.CycleId, cancellationToken))
            .SelectMany(c => c.Placements)
            .Where(p => boxes is null || boxes.Contains(p.Position.Box))
            .ToList();
        var people = new List<CalibratedTalent>(placements.Count);
        foreach (var batch in placements.Chunk(ParticipantsPerQuery))
        {
            var participants = await ParticipantsAsync(cycle.CycleId, [.. batch.Select(p => p.EmployeeId)], cancellationToken);
            foreach (var placement in batch)
            {
                if (!participants.TryGetValue(placement.EmployeeId, out var participant))
                {
                    continue;
                }

                var (readiness, aspiration) = await DetailsOfAsync(participant, cancellationToken);
                people.Add(new CalibratedTalent(
                    participant.EmployeeId, participant.Name, participant.Department, participant.JobTitle, participant.Level,
                    placement.Position.Box, readiness, aspiration, placement.FlightRisk));
            }
        }

        return new CalibrationSnapshot(cycle.CycleId, cycle.Name, cycle.LaunchedAt, people);
    }

    private async Task<(PromotionReadiness? Readiness, CareerAspiration? Aspiration)> DetailsOfAsync(ParticipantDocument participant, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (detailsCycleId != participant.CycleId)
            {
                (detailsCycleId, details) = (participant.CycleId, new(StringComparer.Ordinal));
            }
            else if (details.TryGetValue(participant.EmployeeId, out var known))
            {
                return known;
            }
        }

        var input = participant.ManagerInputState == StepState.Submitted
            ? (await store.GetManagerInputAsync(participant.CycleId, participant.EmployeeId, cancellationToken))?.Submitted
            : null;
        var self = participant.SelfAssessmentState == StepState.Submitted
            ? (await store.GetSelfAssessmentAsync(participant.CycleId, participant.EmployeeId, cancellationToken))?.Submitted
            : null;
        var read = (input?.Readiness, self?.Aspiration);
        lock (gate)
        {
            if (detailsCycleId == participant.CycleId)
            {
                details[participant.EmployeeId] = read;
            }
        }

        return read;
    }

    /// <summary>One person of the latest roster (of the latest cycle not cancelled), or null.</summary>
    public async Task<Employee?> FindInLatestRosterAsync(string employeeId, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(employeeId) || await LatestAsync(c => c.State != CycleState.Cancelled, cancellationToken) is not { } cycle)
        {
            return null;
        }

        return await store.FindInRosterAsync(cycle, employeeId, cancellationToken);
    }

    /// <summary>The people of the latest roster who manage others: who typically hold a critical role.</summary>
    public async Task<IReadOnlyList<Employee>> ManagersInLatestRosterAsync(CancellationToken cancellationToken = default)
    {
        if (await LatestAsync(c => c.State != CycleState.Cancelled, cancellationToken) is not { } cycle)
        {
            return [];
        }

        var roster = await store.ReadRosterAsync(cycle, cancellationToken);
        var managers = roster.Where(e => e.ManagerId is not null).Select(e => e.ManagerId!).ToHashSet(StringComparer.Ordinal);
        return [.. roster.Where(e => managers.Contains(e.Id)).OrderBy(e => e.Department, StringComparer.InvariantCulture).ThenBy(e => e.Name, StringComparer.InvariantCulture)];
    }

    private async Task<CycleDocument?> LatestAsync(Func<CycleIndexDocument, bool> which, CancellationToken cancellationToken)
    {
        CycleIndexDocument? latest = null;
        string? after = null;
        do
        {
            var page = await store.ListCyclesAsync(after, 200, cancellationToken);
            foreach (var entry in page.Items.Select(i => i.Value).Where(which))
            {
                if (latest is null || entry.LaunchedAt > latest.LaunchedAt || (entry.LaunchedAt == latest.LaunchedAt && string.CompareOrdinal(entry.CycleId, latest.CycleId) > 0))
                {
                    latest = entry;
                }
            }

            after = page.NextAfterId;
        }
        while (after is not null);

        return latest is null ? null : await store.GetCycleAsync(latest.CycleId, cancellationToken);
    }

    private async Task<Dictionary<string, ParticipantDocument>> ParticipantsAsync(string cycleId, IReadOnlyList<string> employeeIds, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, ParticipantDocument>(StringComparer.Ordinal);
        var query = new DocumentQuery(cycleId, DocumentKinds.Participant, null, null, ParticipantsPerQuery,
            new Dictionary<string, IReadOnlyList<string>> { ["employeeId"] = employeeIds });
        for (var next = query; ;)
        {
            var page = await store.Documents.QueryAsync<ParticipantDocument>(next, cancellationToken);
            foreach (var item in page.Items)
            {
                found[item.Value.EmployeeId] = item.Value;
            }

            if (page.NextAfterId is null)
            {
                return found;
            }

            next = next with { AfterId = page.NextAfterId };
        }
    }
}
