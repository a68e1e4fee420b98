using System.Text.Json;
using System.Text.Json.Nodes;
using TalentReview.Workflow.Storage;
using TalentReview.Workflow.Talent.History;
using TalentReview.Workflow.Talent.Succession;

namespace TalentReview.Workflow.Privacy;

/// <summary>
/// Everything the store holds about one person (a GDPR access request), as one JSON document: per
/// cycle, every per-employee document (participant, submissions, audit trail, acknowledgement),
/// their own entries of the chunked documents (roster snapshot, calibration card, decisions,
/// previous results, the outcome kept in the talent history), and what names them as a manager, skip-level manager, calibrator, HR contact
/// or leader; then, outside any cycle, their place in critical roles and talent pools and the audit entries naming them. Documents are exported as stored. Email delivery records are not included: they hold
/// hashed batch keys, no content.
/// </summary>
public sealed class PersonalDataExport(ReviewStore store, TimeProvider time)
{
    private const int PageSize = 200;

    public async Task<JsonObject> ExportAsync(string employeeId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(employeeId);
        var cycles = new JsonArray();
        string? after = null;
        do
        {
            var page = await store.ListCyclesAsync(after, PageSize, cancellationToken).ConfigureAwait(false);
            foreach (var entry in page.Items.Select(i => i.Value))
            {
                var documents = await ExportCycleAsync(entry.CycleId, employeeId, cancellationToken).ConfigureAwait(false);
                if (documents.Count > 0)
                {
                    cycles.Add(new JsonObject { ["cycleId"] = entry.CycleId, ["name"] = entry.Name, ["documents"] = documents });
                }
            }

            after = page.NextAfterId;
        }
        while (after is not null);

        return new JsonObject
        {
            ["employeeId"] = employeeId,
            ["exportedAt"] = time.GetUtcNow(),
            ["cycles"] = cycles,
            ["talent"] = await ExportTalentAsync(employeeId, cancellationToken).ConfigureAwait(false),
        };
    }

    /// <summary>
    /// What critical roles and talent pools hold about the person, across cycles: the roles they hold (with the
    /// risk and impact of losing them) or are a successor for, the pools they are in or were taken out of, and
    /// every audit entry that names them. Other people on the same bench or in the same pool are left out.
    /// </summary>
    private async Task<JsonArray> ExportTalentAsync(string employeeId, CancellationToken cancellationToken)
    {
        var documents = new JsonArray();
        void Add(string kind, object value) => documents.Add(new JsonObject { ["kind"] = kind, ["value"] = JsonSerializer.SerializeToNode(value, DocumentJson.Options) });

        var talent = new TalentStore(store.Documents);
        foreach (var role in await talent.ListRolesAsync(cancellationToken).ConfigureAwait(false))
        {
            var incumbent = role.IncumbentId == employeeId;
            var successor = role.Successors.FirstOrDefault(s => s.EmployeeId == employeeId);
            if (incumbent || successor is not null)
            {
                Add(DocumentKinds.CriticalRole, new
                {
                    role.RoleId, role.Title, role.Department, role.Level,
                    incumbent = incumbent ? new { role.IncumbentName, role.RiskOfLoss, role.ImpactOfLoss, role.MarkedAt } : null,
                    successor,
                });
            }
        }

        foreach (var pool in await talent.ListPoolsAsync(cancellationToken).ConfigureAwait(false))
        {
            var member = pool.Members.FirstOrDefault(m => m.EmployeeId == employeeId);
            var exclusion = pool.Exclusions.FirstOrDefault(e => e.EmployeeId == employeeId);
            if (member is not null || exclusion is not null)
            {
                Add(DocumentKinds.TalentPool, new { pool.PoolId, pool.Name, member, exclusion });
            }
        }

        foreach (var audit in await talent.AuditNamingAsync(employeeId, cancellationToken).ConfigureAwait(false))
        {
            Add(DocumentKinds.TalentAudit, audit);
        }

        return documents;
    }

    private async Task<JsonArray> ExportCycleAsync(string cycleId, string employeeId, CancellationToken cancellationToken)
    {
        var documents = new JsonArray();
        void Add(string kind, object value) => documents.Add(new JsonObject { ["kind"] = kind, ["value"] = JsonSerializer.SerializeToNode(value, DocumentJson.Options) });

        foreach (var kind in DocumentKinds.PerEmployee)
        {
            await foreach (var value in PerEmployeeDocumentsAsync(cycleId, kind, employeeId, cancellationToken).ConfigureAwait(false))
            {
                Add(kind, value);
            }
        }

        var cycle = await store.GetCycleAsync(cycleId, cancellationToken).ConfigureAwait(false);
        if (cycle is not null)
        {
            foreach (var contact in cycle.Hr.Concat(cycle.Leadership).Where(c => c.Id == employeeId))
            {
                Add(DocumentKinds.Cycle, new { cycleId, contact, hr = cycle.Hr.Contains(contact), leadership = cycle.Leadership.Contains(contact) });
            }

            if (await store.FindInRosterAsync(cycle, employeeId, cancellationToken).ConfigureAwait(false) is { } rosterEntry)
            {
                Add(DocumentKinds.RosterChunk, rosterEntry);
            }
        }

        if (await store.GetParticipantAsync(cycleId, employeeId, cancellationToken).ConfigureAwait(false) is { } participant)
        {
            var chunk = ReviewStore.ChunkOf(participant.GroupOrdinal);
            var cards = await store.GetCardsAsync(cycleId, participant.GroupId, chunk, cancellationToken).ConfigureAwait(false);
            foreach (var card in cards?.Cards.Where(c => c.EmployeeId == employeeId) ?? [])
            {
                Add(DocumentKinds.CalibrationChunk, card);
            }

            var decisions = await store.GetDecisionsAsync(cycleId, participant.GroupId, chunk, cancellationToken).ConfigureAwait(false);
            foreach (var decision in decisions?.Decisions.Where(d => d.EmployeeId == employeeId) ?? [])
            {
                Add(DocumentKinds.DecisionChunk, new { decisions!.Final, decision });
            }
        }

        if (await store.GetTeamAsync(cycleId, employeeId, cancellationToken).ConfigureAwait(false) is { } team)
        {
            Add(DocumentKinds.Team, team);
        }

        if ((await store.Documents.ReadAsync<SkipLevelDocument>(ReviewStore.SkipLevelKey(cycleId, employeeId), cancellationToken).ConfigureAwait(false))?.Value is { } skipLevel)
        {
            Add(DocumentKinds.SkipLevel, skipLevel);
        }

        await foreach (var group in CalibratorOfAsync(cycleId, employeeId, cancellationToken).ConfigureAwait(false))
        {
            Add(DocumentKinds.CalibrationGroup, new { group.GroupId, group.Name, calibrator = group.Calibrators.First(c => c.Id == employeeId) });
        }

        foreach (var results in await store.GetPreviousResultsAsync(cycleId, cancellationToken).ConfigureAwait(false))
        {
            foreach (var placement in results.Placements.Where(p => p.EmployeeId == employeeId))
            {
                Add(DocumentKinds.PreviousResults, placement);
            }
        }

        if ((await store.Documents.ReadAsync<TalentOutcomeDocument>(TalentHistoryStore.OutcomeKey(employeeId, cycleId), cancellationToken).ConfigureAwait(false))?.Value is { } kept)
        {
            Add(DocumentKinds.TalentOutcome, kept.Outcome);
        }

        return documents;
    }

    private async IAsyncEnumerable<JsonNode> PerEmployeeDocumentsAsync(
        string cycleId, string kind, string employeeId, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = new Dictionary<string, string> { ["employeeId"] = employeeId };
        string? after = null;
        do
        {
            var page = await store.Documents.QueryAsync<JsonNode>(new DocumentQuery(cycleId, kind, filter, after, PageSize), cancellationToken).ConfigureAwait(false);
            foreach (var item in page.Items)
            {
                yield return item.Value;
            }

            after = page.NextAfterId;
        }
        while (after is not null);
    }

    private async IAsyncEnumerable<CalibrationGroupDocument> CalibratorOfAsync(
        string cycleId, string employeeId, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? after = null;
        do
        {
            var page = await store.QueryGroupsAsync(cycleId, after, PageSize, cancellationToken).ConfigureAwait(false);
            foreach (var group in page.Items.Select(i => i.Value).Where(g => g.Calibrators.Any(c => c.Id == employeeId)))
            {
                yield return group;
            }

            after = page.NextAfterId;
        }
        while (after is not null);
    }
}
