using TalentReview.Domain.Forms;
using TalentReview.Domain.Rosters;
using TalentReview.Workflow.Resilience;

namespace TalentReview.Workflow.Storage;

/// <summary>
/// The typed store of the workflow over <see cref="IDocumentStore"/>: deterministic ids, one
/// partition per cycle (plus <see cref="OrganisationPartition"/> for what spans cycles), and
/// read-modify-write with ETags that retries when another writer got there first.
/// </summary>
public sealed class ReviewStore(IDocumentStore store)
{
    /// <summary>The partition of documents that span cycles: the cycle list and previous results.</summary>
    public const string OrganisationPartition = "organisation";

    /// <summary>Employees per chunk of group-level documents (cards, decisions); keeps each well under 64 KB.</summary>
    public const int ChunkSize = 100;

    /// <summary>Employees per roster snapshot chunk.</summary>
    public const int RosterChunkSize = 150;

    private const int MaxConflictRetries = 10;

    public IDocumentStore Documents => store;

    public static DocumentKey CycleKey(string cycleId) => new(cycleId, "cycle");

    public static DocumentKey CycleIndexKey(string cycleId) => new(OrganisationPartition, $"cycle:{cycleId}");

    public static DocumentKey RosterChunkKey(string cycleId, int chunk) => new(cycleId, $"roster:{chunk:D5}");

    public static DocumentKey RosterLinesKey(string cycleId, int chunk) => new(cycleId, $"lines:{chunk:D5}");

    public static DocumentKey ParticipantKey(string cycleId, string employeeId) => new(cycleId, $"participant:{employeeId}");

    public static DocumentKey TeamKey(string cycleId, string managerId) => new(cycleId, $"team:{managerId}");

    public static DocumentKey SkipLevelKey(string cycleId, string skipLevelId) => new(cycleId, $"skip:{skipLevelId}");

    public static DocumentKey SelfAssessmentKey(string cycleId, string employeeId) => new(cycleId, $"self:{employeeId}");

    public static DocumentKey ManagerInputKey(string cycleId, string employeeId) => new(cycleId, $"input:{employeeId}");

    public static DocumentKey GroupKey(string cycleId, string groupId) => new(cycleId, $"group:{groupId}");

    public static DocumentKey CardsKey(string cycleId, string groupId, int chunk) => new(cycleId, $"cards:{groupId}:{chunk:D5}");

    public static DocumentKey PositionsKey(string cycleId, string groupId, int chunk) => new(cycleId, $"positions:{groupId}:{chunk:D5}");

    public static DocumentKey AuditKey(string cycleId, string groupId, string employeeId, DateTimeOffset at)
        => new(cycleId, $"audit:{groupId}:{employeeId}:{at.UtcTicks:D19}");

    public static DocumentKey DecisionAuditKey(string cycleId, string groupId, string employeeId, DateTimeOffset at)
        => new(cycleId, $"decision-audit:{groupId}:{employeeId}:{at.UtcTicks:D19}");

    public static DocumentKey DecisionsKey(string cycleId, string groupId, int chunk) => new(cycleId, $"decisions:{groupId}:{chunk:D5}");

    public static DocumentKey AcknowledgementKey(string cycleId, string employeeId) => new(cycleId, $"ack:{employeeId}");

    public static DocumentKey SummaryKey(string cycleId, string scope) => new(cycleId, $"summary:{scope}");

    public static DocumentKey PreviousResultsKey(string cycleId, int chunk) => new(OrganisationPartition, $"results:{cycleId}:{chunk:D5}");

    public static DocumentKey DeliveryProblemKey(string cycleId, string personId) => new(cycleId, $"delivery:{personId}");

    public static DocumentKey NudgeKey(string cycleId, string personId, NudgeTarget target) => new(cycleId, $"nudge:{target}:{personId}");

    public static int ChunkOf(int groupOrdinal) => groupOrdinal / ChunkSize;

    // Cycles

    /// <summary>Stores the cycle, its roster snapshot (in chunks, each with its reporting lines) and its index entry. Idempotent.</summary>
    public async Task WriteNewCycleAsync(CycleDocument cycle, IReadOnlyList<Employee> sortedRoster, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        ArgumentNullException.ThrowIfNull(sortedRoster);
        for (var chunk = 0; chunk * RosterChunkSize < sortedRoster.Count; chunk++)
        {
            var employees = sortedRoster.Skip(chunk * RosterChunkSize).Take(RosterChunkSize).ToList();
            await store.UpsertAsync(RosterChunkKey(cycle.CycleId, chunk), DocumentKinds.RosterChunk, new RosterChunkDocument(cycle.CycleId, chunk, employees), cancellationToken);
            var lines = new RosterLinesDocument(cycle.CycleId, chunk, employees.ToDictionary(e => e.Id, e => e.ManagerId, StringComparer.Ordinal));
            await store.UpsertAsync(RosterLinesKey(cycle.CycleId, chunk), DocumentKinds.RosterLines, lines, cancellationToken);
        }

        await store.UpsertAsync(CycleKey(cycle.CycleId), DocumentKinds.Cycle, cycle, cancellationToken);
        await WriteCycleIndexAsync(cycle, cancellationToken);
    }

    public Task<CycleDocument?> GetCycleAsync(string cycleId, CancellationToken cancellationToken = default)
        => ReadValueAsync<CycleDocument>(CycleKey(cycleId), cancellationToken);

    /// <summary>Changes the cycle (and its index entry); the change may run more than once when writers race.</summary>
    public async Task<CycleDocument?> UpdateCycleAsync(string cycleId, Func<CycleDocument, CycleDocument> change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        var updated = await UpdateAsync<CycleDocument>(CycleKey(cycleId), DocumentKinds.Cycle, current => current is null ? null : change(current), cancellationToken);
        if (updated is not null)
        {
            await WriteCycleIndexAsync(updated, cancellationToken);
        }

        return updated;
    }

    /// <summary>The cycle's index entry: its state at a fraction of the cycle's size (written just after the cycle).</summary>
    public Task<CycleIndexDocument?> GetCycleIndexAsync(string cycleId, CancellationToken cancellationToken = default)
        => ReadValueAsync<CycleIndexDocument>(CycleIndexKey(cycleId), cancellationToken);

    public async Task<DocumentPage<CycleIndexDocument>> ListCyclesAsync(string? afterId, int pageSize, CancellationToken cancellationToken = default)
        => await store.QueryAsync<CycleIndexDocument>(new DocumentQuery(OrganisationPartition, DocumentKinds.CycleIndex, null, afterId, pageSize), cancellationToken);

    /// <summary>The whole roster snapshot, in id order.</summary>
    public async Task<IReadOnlyList<Employee>> ReadRosterAsync(CycleDocument cycle, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        var employees = new List<Employee>(cycle.RosterCount);
        for (var chunk = 0; chunk < cycle.RosterChunkFirstIds.Count; chunk++)
        {
            var document = await ReadValueAsync<RosterChunkDocument>(RosterChunkKey(cycle.CycleId, chunk), cancellationToken)
                ?? throw new InvalidOperationException($"Roster chunk {chunk} of cycle {cycle.CycleId} is missing.");
            employees.AddRange(document.Employees);
        }

        return employees;
    }

    /// <summary>One employee from the roster snapshot (any employee, eligible or not), with one point read.</summary>
    public async Task<Employee?> FindInRosterAsync(CycleDocument cycle, string employeeId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        if (RosterChunkOf(cycle, employeeId) is not { } chunk)
        {
            return null;
        }

        var document = await ReadValueAsync<RosterChunkDocument>(RosterChunkKey(cycle.CycleId, chunk), cancellationToken);
        return document?.Employees.FirstOrDefault(e => e.Id == employeeId);
    }

    /// <summary>
    /// Someone's manager now (after HR's reassignments): from their participant document, a small read, or from
    /// the roster snapshot's reporting lines for people who are not participants (a cycle stored before those
    /// were kept reads its roster chunk instead).
    /// </summary>
    public async Task<string?> CurrentManagerIdAsync(CycleDocument cycle, string employeeId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        if (await GetParticipantAsync(cycle.CycleId, employeeId, cancellationToken) is { } participant)
        {
            return participant.ManagerId;
        }

        if (RosterChunkOf(cycle, employeeId) is not { } chunk)
        {
            return null;
        }

        return await ReadValueAsync<RosterLinesDocument>(RosterLinesKey(cycle.CycleId, chunk), cancellationToken) is { } lines
            ? lines.ManagerOf.GetValueOrDefault(employeeId)
            : (await FindInRosterAsync(cycle, employeeId, cancellationToken))?.ManagerId;
    }

    /// <summary>The roster chunk that holds <paramref name="employeeId"/> if anyone does; null when the id sorts before every chunk.</summary>
    private static int? RosterChunkOf(CycleDocument cycle, string employeeId)
    {
        var firstIds = cycle.RosterChunkFirstIds;
        int? chunk = null;
        for (var i = 0; i < firstIds.Count && string.CompareOrdinal(firstIds[i], employeeId) <= 0; i++)
        {
            chunk = i;
        }

        return chunk;
    }

    // Participants, teams, skip levels

    public Task UpsertParticipantAsync(ParticipantDocument participant, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(participant);
        return store.UpsertAsync(ParticipantKey(participant.CycleId, participant.EmployeeId), DocumentKinds.Participant, participant, cancellationToken);
    }

    public Task<ParticipantDocument?> GetParticipantAsync(string cycleId, string employeeId, CancellationToken cancellationToken = default)
        => ReadValueAsync<ParticipantDocument>(ParticipantKey(cycleId, employeeId), cancellationToken);

    /// <summary>A participant with its ETag, for a caller that changes it afterwards.</summary>
    public Task<StoredDocument<ParticipantDocument>?> ReadParticipantAsync(string cycleId, string employeeId, CancellationToken cancellationToken = default)
        => store.ReadAsync<ParticipantDocument>(ParticipantKey(cycleId, employeeId), cancellationToken);

    /// <summary>Changes a participant; <paramref name="change"/> returns null to leave it as it is (no write).</summary>
    public Task<ParticipantDocument?> UpdateParticipantAsync(string cycleId, string employeeId, Func<ParticipantDocument, ParticipantDocument?> change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        return UpdateAsync<ParticipantDocument>(ParticipantKey(cycleId, employeeId), DocumentKinds.Participant, current => current is null ? null : change(current), cancellationToken);
    }

    /// <summary>Changes a participant the caller has just read, without reading it again unless someone else wrote it since.</summary>
    public Task<ParticipantDocument?> UpdateParticipantAsync(StoredDocument<ParticipantDocument> read, Func<ParticipantDocument, ParticipantDocument?> change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(change);
        return UpdateAsync<ParticipantDocument>(read.Key, DocumentKinds.Participant, current => current is null ? null : change(current), cancellationToken, new Guess<ParticipantDocument>(read));
    }

    /// <summary>A page of participants (ordered by employee id) matching every given filter.</summary>
    public Task<DocumentPage<ParticipantDocument>> QueryParticipantsAsync(string cycleId, ParticipantFilter filter, string? afterId, int pageSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return store.QueryAsync<ParticipantDocument>(filter.ToQuery(cycleId, afterId, pageSize), cancellationToken);
    }

    /// <summary>
    /// Every participant whose current manager is one of <paramref name="managerIds"/> (at most
    /// <see cref="DocumentRules.MaxAnyOfValues"/>), optionally only those whose input is in one state.
    /// One query per page of managers: cheaper than a point read per report, and only what is asked.
    /// </summary>
    public async Task<IReadOnlyList<ParticipantDocument>> GetReportsOfAsync(
        string cycleId, IReadOnlyList<string> managerIds, StepState? managerInput, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(managerIds);
        if (managerIds.Count == 0)
        {
            return [];
        }

        var filter = new ParticipantFilter(ManagerInput: managerInput, ManagerIds: managerIds);
        return await QueryAllAsync<ParticipantDocument>(filter.ToQuery(cycleId, null, 1000), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every participant of one calibration group, by employee id.</summary>
    public async Task<Dictionary<string, ParticipantDocument>> GetGroupParticipantsAsync(string cycleId, string groupId, CancellationToken cancellationToken = default)
    {
        var participants = new Dictionary<string, ParticipantDocument>(StringComparer.Ordinal);
        string? after = null;
        do
        {
            var page = await QueryParticipantsAsync(cycleId, new ParticipantFilter(GroupId: groupId), after, 500, cancellationToken).ConfigureAwait(false);
            foreach (var item in page.Items)
            {
                participants[item.Value.EmployeeId] = item.Value;
            }

            after = page.NextAfterId;
        }
        while (after is not null);

        return participants;
    }

    public Task UpsertTeamAsync(TeamDocument team, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(team);
        return store.UpsertAsync(TeamKey(team.CycleId, team.ManagerId), DocumentKinds.Team, team, cancellationToken);
    }

    public Task<TeamDocument?> GetTeamAsync(string cycleId, string managerId, CancellationToken cancellationToken = default)
        => ReadValueAsync<TeamDocument>(TeamKey(cycleId, managerId), cancellationToken);

    public Task<TeamDocument?> UpdateTeamAsync(string cycleId, string managerId, Func<TeamDocument?, TeamDocument?> change, CancellationToken cancellationToken = default)
        => UpdateAsync(TeamKey(cycleId, managerId), DocumentKinds.Team, change, cancellationToken);

    public Task<DocumentPage<TeamDocument>> QueryTeamsAsync(string cycleId, string? afterId, int pageSize, CancellationToken cancellationToken = default)
        => store.QueryAsync<TeamDocument>(new DocumentQuery(cycleId, DocumentKinds.Team, null, afterId, pageSize), cancellationToken);

    public Task UpsertSkipLevelAsync(SkipLevelDocument skipLevel, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(skipLevel);
        return store.UpsertAsync(SkipLevelKey(skipLevel.CycleId, skipLevel.SkipLevelId), DocumentKinds.SkipLevel, skipLevel, cancellationToken);
    }

    public Task<DocumentPage<SkipLevelDocument>> QuerySkipLevelsAsync(string cycleId, string? afterId, int pageSize, CancellationToken cancellationToken = default)
        => store.QueryAsync<SkipLevelDocument>(new DocumentQuery(cycleId, DocumentKinds.SkipLevel, null, afterId, pageSize), cancellationToken);

    // Submissions

    public Task<SelfAssessmentDocument?> GetSelfAssessmentAsync(string cycleId, string employeeId, CancellationToken cancellationToken = default)
        => ReadValueAsync<SelfAssessmentDocument>(SelfAssessmentKey(cycleId, employeeId), cancellationToken);

    /// <summary>The self-assessment with its ETag (what a form shows, see <see cref="ShownDraft"/>).</summary>
    public Task<StoredDocument<SelfAssessmentDocument>?> ReadSelfAssessmentAsync(string cycleId, string employeeId, CancellationToken cancellationToken = default)
        => store.ReadAsync<SelfAssessmentDocument>(SelfAssessmentKey(cycleId, employeeId), cancellationToken);

    /// <param name="shown">What the form was shown with, when known: the first write then skips its read.</param>
    public Task<SelfAssessmentDocument?> UpdateSelfAssessmentAsync(
        string cycleId, string employeeId, Func<SelfAssessmentDocument?, SelfAssessmentDocument?> change, ShownDraft? shown = null, CancellationToken cancellationToken = default)
    {
        var key = SelfAssessmentKey(cycleId, employeeId);
        var guess = GuessOf(key, shown, () => new SelfAssessmentDocument(cycleId, employeeId, null, null, null, default));
        return UpdateAsync(key, DocumentKinds.SelfAssessment, change, cancellationToken, guess);
    }

    /// <summary>
    /// Changes the self-assessment and the participant it belongs to in one atomic write (see
    /// <see cref="UpdateWithParticipantAsync"/>): a submission and its step's mark are stored together or not at all.
    /// </summary>
    public Task<ParticipantCommit<SelfAssessmentDocument>> UpdateSelfAssessmentWithParticipantAsync(
        StoredDocument<ParticipantDocument> participant, Func<SelfAssessmentDocument?, SelfAssessmentDocument?> change, Func<ParticipantDocument, ParticipantDocument?> mark, ShownDraft? shown = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(participant);
        var (cycleId, employeeId) = (participant.Value.CycleId, participant.Value.EmployeeId);
        var key = SelfAssessmentKey(cycleId, employeeId);
        var guess = GuessOf(key, shown, () => new SelfAssessmentDocument(cycleId, employeeId, null, null, null, default));
        return UpdateWithParticipantAsync(key, DocumentKinds.SelfAssessment, change, participant, mark, guess, cancellationToken);
    }

    public Task<ManagerInputDocument?> GetManagerInputAsync(string cycleId, string employeeId, CancellationToken cancellationToken = default)
        => ReadValueAsync<ManagerInputDocument>(ManagerInputKey(cycleId, employeeId), cancellationToken);

    /// <summary>The manager input with its ETag (what a form shows, see <see cref="ShownDraft"/>).</summary>
    public Task<StoredDocument<ManagerInputDocument>?> ReadManagerInputAsync(string cycleId, string employeeId, CancellationToken cancellationToken = default)
        => store.ReadAsync<ManagerInputDocument>(ManagerInputKey(cycleId, employeeId), cancellationToken);

    /// <param name="shown">What the form was shown with, when known: the first write then skips its read.</param>
    public Task<ManagerInputDocument?> UpdateManagerInputAsync(
        string cycleId, string employeeId, Func<ManagerInputDocument?, ManagerInputDocument?> change, ShownDraft? shown = null, CancellationToken cancellationToken = default)
    {
        var key = ManagerInputKey(cycleId, employeeId);
        var guess = GuessOf(key, shown, () => new ManagerInputDocument(cycleId, employeeId, null, null, null, null, default));
        return UpdateAsync(key, DocumentKinds.ManagerInput, change, cancellationToken, guess);
    }

    /// <summary>As <see cref="UpdateSelfAssessmentWithParticipantAsync"/>, for the manager's input.</summary>
    public Task<ParticipantCommit<ManagerInputDocument>> UpdateManagerInputWithParticipantAsync(
        StoredDocument<ParticipantDocument> participant, Func<ManagerInputDocument?, ManagerInputDocument?> change, Func<ParticipantDocument, ParticipantDocument?> mark, ShownDraft? shown = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(participant);
        var (cycleId, employeeId) = (participant.Value.CycleId, participant.Value.EmployeeId);
        var key = ManagerInputKey(cycleId, employeeId);
        var guess = GuessOf(key, shown, () => new ManagerInputDocument(cycleId, employeeId, null, null, null, null, default));
        return UpdateWithParticipantAsync(key, DocumentKinds.ManagerInput, change, participant, mark, guess, cancellationToken);
    }

    public Task<AcknowledgementDocument?> GetAcknowledgementAsync(string cycleId, string employeeId, CancellationToken cancellationToken = default)
        => ReadValueAsync<AcknowledgementDocument>(AcknowledgementKey(cycleId, employeeId), cancellationToken);

    public Task<DocumentPage<AcknowledgementDocument>> QueryAcknowledgementsAsync(string cycleId, string? afterId, int pageSize, CancellationToken cancellationToken = default)
        => store.QueryAsync<AcknowledgementDocument>(new DocumentQuery(cycleId, DocumentKinds.Acknowledgement, null, afterId, pageSize), cancellationToken);

    /// <summary>Changes an acknowledgement; tries to create it first, as an outcome is rarely acknowledged twice.</summary>
    public Task<AcknowledgementDocument?> UpdateAcknowledgementAsync(string cycleId, string employeeId, Func<AcknowledgementDocument?, AcknowledgementDocument?> change, CancellationToken cancellationToken = default)
        => UpdateAsync(AcknowledgementKey(cycleId, employeeId), DocumentKinds.Acknowledgement, change, cancellationToken, new Guess<AcknowledgementDocument>(null));

    // Calibration and decisions

    public Task<CalibrationGroupDocument?> GetGroupAsync(string cycleId, string groupId, CancellationToken cancellationToken = default)
        => ReadValueAsync<CalibrationGroupDocument>(GroupKey(cycleId, groupId), cancellationToken);

    public Task<CalibrationGroupDocument?> UpdateGroupAsync(string cycleId, string groupId, Func<CalibrationGroupDocument?, CalibrationGroupDocument?> change, CancellationToken cancellationToken = default)
        => UpdateAsync(GroupKey(cycleId, groupId), DocumentKinds.CalibrationGroup, change, cancellationToken);

    public Task<DocumentPage<CalibrationGroupDocument>> QueryGroupsAsync(string cycleId, string? afterId, int pageSize, CancellationToken cancellationToken = default)
        => store.QueryAsync<CalibrationGroupDocument>(new DocumentQuery(cycleId, DocumentKinds.CalibrationGroup, null, afterId, pageSize), cancellationToken);

    /// <summary>A chunk of cards where they stand on the board now.</summary>
    public async Task<CalibrationChunkDocument?> GetCardsAsync(string cycleId, string groupId, int chunk, CancellationToken cancellationToken = default)
    {
        var cards = await ReadValueAsync<CalibrationChunkDocument>(CardsKey(cycleId, groupId, chunk), cancellationToken);
        if (cards is null || await ReadValueAsync<CalibrationPositionsDocument>(PositionsKey(cycleId, groupId, chunk), cancellationToken) is not { } positions)
        {
            return cards;
        }

        return cards with
        {
            Cards = cards.Cards.Select(c => c with { Current = CalibrationPositionsDocument.PositionOf(positions.Boxes.GetValueOrDefault(c.EmployeeId)) }).ToList(),
        };
    }

    /// <summary>Stores a chunk of cards where the packet places them; moves are kept in the chunk's positions.</summary>
    public Task UpsertCardsAsync(CalibrationChunkDocument cards, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cards);
        return store.UpsertAsync(CardsKey(cards.CycleId, cards.GroupId, cards.Chunk), DocumentKinds.CalibrationChunk, cards, cancellationToken);
    }

    /// <summary>
    /// A move on a board as one write: the chunk's positions, the move's audit entry and the withdrawal of the
    /// approvals the board had (they were of the board as it stood), all or nothing, so a crash never keeps a move
    /// without its audit or an approval of a board that changed. <paramref name="move"/> returns null to leave the
    /// board as it is; the first move in a chunk starts from its cards. Null when the chunk has no cards.
    /// Two moves of one card at the same instant (the local host's clock moves by the second) are both
    /// kept: the later one is dated a tick later.
    /// </summary>
    public async Task<CalibrationPositionsDocument?> MoveCardAsync(
        string cycleId, string groupId, int chunk, Func<CalibrationPositionsDocument, CalibrationMove?> move, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(move);
        var key = PositionsKey(cycleId, groupId, chunk);
        var later = 0;
        for (var attempt = 0; ; attempt++)
        {
            var current = await store.ReadAsync<CalibrationPositionsDocument>(key, cancellationToken);
            var positions = current?.Value;
            if (positions is null)
            {
                if (await ReadValueAsync<CalibrationChunkDocument>(CardsKey(cycleId, groupId, chunk), cancellationToken) is not { } cards)
                {
                    return null;
                }

                positions = PositionsOf(cards);
            }

            if (move(positions) is not { } moved)
            {
                return positions;
            }

            var audit = moved.Audit with { Adjustment = moved.Audit.Adjustment with { At = moved.Audit.Adjustment.At.AddTicks(later) } };
            var auditKey = AuditKey(cycleId, groupId, audit.EmployeeId, audit.Adjustment.At);
            var writes = new List<DocumentWrite>
            {
                new(key, DocumentKinds.CalibrationPositions, moved.Positions, current?.ETag),
                new(auditKey, DocumentKinds.CalibrationAudit, audit, null),
            };
            if (await store.ReadAsync<CalibrationGroupDocument>(GroupKey(cycleId, groupId), cancellationToken) is { Value: { Phase: GroupPhase.Calibrating, ApprovalsSoFar.Count: > 0 } approved } group)
            {
                writes.Add(new DocumentWrite(group.Key, DocumentKinds.CalibrationGroup, approved with { Approvals = [] }, group.ETag));
            }

            try
            {
                await store.WriteTogetherAsync(cycleId, writes, cancellationToken);
                return moved.Positions;
            }
            catch (DocumentConflictException conflict) when (attempt < MaxConflictRetries)
            {
                // Someone moved a card of the chunk or approved meanwhile: apply the move to what they left.
                later += conflict.Key == auditKey ? 1 : 0;
            }
        }
    }

    /// <summary>The manager's flight risk for a card: kept on the card, else from input submitted after the packet was built (low without input).</summary>
    public async Task<FlightRisk> FlightRiskOfAsync(string cycleId, CalibrationCard card, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(card);
        return card.FlightRisk ?? (await GetManagerInputAsync(cycleId, card.EmployeeId, cancellationToken))?.Submitted?.FlightRisk ?? FlightRisk.Low;
    }

    public Task AddAuditAsync(CalibrationAuditDocument audit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(audit);
        return store.UpsertAsync(AuditKey(audit.CycleId, audit.GroupId, audit.EmployeeId, audit.Adjustment.At), DocumentKinds.CalibrationAudit, audit, cancellationToken);
    }

    /// <summary>Every move of one employee on the boards of a cycle, oldest first within a group.</summary>
    public Task<IReadOnlyList<CalibrationAuditDocument>> GetAuditAsync(string cycleId, string employeeId, CancellationToken cancellationToken = default)
        => QueryAllAsync<CalibrationAuditDocument>(new DocumentQuery(cycleId, DocumentKinds.CalibrationAudit, new Dictionary<string, string> { ["employeeId"] = employeeId }, null, 100), cancellationToken);

    /// <summary>Every placement and move on one group's board, in the order they happened.</summary>
    public async Task<IReadOnlyList<CalibrationAuditDocument>> GetGroupAuditAsync(string cycleId, string groupId, CancellationToken cancellationToken = default)
        => [.. (await QueryAllAsync<CalibrationAuditDocument>(new DocumentQuery(cycleId, DocumentKinds.CalibrationAudit, new Dictionary<string, string> { ["groupId"] = groupId }, null, 500), cancellationToken))
            .OrderBy(a => a.Adjustment.At).ThenBy(a => a.EmployeeId, StringComparer.Ordinal)];

    public Task AddDecisionAuditAsync(DecisionAuditDocument audit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(audit);
        return store.UpsertAsync(DecisionAuditKey(audit.CycleId, audit.GroupId, audit.EmployeeId, audit.At), DocumentKinds.DecisionAudit, audit, cancellationToken);
    }

    /// <summary>Every change of a proposed decision in one group, in the order they happened.</summary>
    public async Task<IReadOnlyList<DecisionAuditDocument>> GetGroupDecisionAuditAsync(string cycleId, string groupId, CancellationToken cancellationToken = default)
        => [.. (await QueryAllAsync<DecisionAuditDocument>(new DocumentQuery(cycleId, DocumentKinds.DecisionAudit, new Dictionary<string, string> { ["groupId"] = groupId }, null, 500), cancellationToken))
            .OrderBy(a => a.At).ThenBy(a => a.EmployeeId, StringComparer.Ordinal)];

    /// <summary>Every move on every board of a cycle (moves are few: a committee moves a fraction of the cards).</summary>
    public Task<IReadOnlyList<CalibrationAuditDocument>> GetAllAuditAsync(string cycleId, CancellationToken cancellationToken = default)
        => QueryAllAsync<CalibrationAuditDocument>(new DocumentQuery(cycleId, DocumentKinds.CalibrationAudit, null, null, 500), cancellationToken);

    public Task<DecisionChunkDocument?> GetDecisionsAsync(string cycleId, string groupId, int chunk, CancellationToken cancellationToken = default)
        => ReadValueAsync<DecisionChunkDocument>(DecisionsKey(cycleId, groupId, chunk), cancellationToken);

    public Task UpsertDecisionsAsync(DecisionChunkDocument decisions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(decisions);
        return store.UpsertAsync(DecisionsKey(decisions.CycleId, decisions.GroupId, decisions.Chunk), DocumentKinds.DecisionChunk, decisions, cancellationToken);
    }

    /// <summary>
    /// An amendment of a proposed decision as one write: the decision chunk and the amendment's audit entry, both or
    /// neither, so a crash never keeps an amendment nobody audited. <paramref name="amend"/> returns null to leave the chunk.
    /// Two amendments of one decision at the same instant are both kept: the later one is dated a tick later.
    /// </summary>
    public async Task<DecisionChunkDocument?> AmendDecisionAsync(
        string cycleId, string groupId, int chunk, Func<DecisionChunkDocument?, DecisionAmendment?> amend, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(amend);
        var key = DecisionsKey(cycleId, groupId, chunk);
        var later = 0;
        for (var attempt = 0; ; attempt++)
        {
            var current = await store.ReadAsync<DecisionChunkDocument>(key, cancellationToken);
            if (current is null || amend(current.Value) is not { } amended)
            {
                return current?.Value;
            }

            var audit = amended.Audit with { At = amended.Audit.At.AddTicks(later) };
            var auditKey = DecisionAuditKey(cycleId, groupId, audit.EmployeeId, audit.At);
            try
            {
                await store.WriteTogetherAsync(cycleId,
                [
                    new(key, DocumentKinds.DecisionChunk, amended.Decisions, current.ETag),
                    new(auditKey, DocumentKinds.DecisionAudit, audit, null),
                ], cancellationToken);
                return amended.Decisions;
            }
            catch (DocumentConflictException conflict) when (attempt < MaxConflictRetries)
            {
                // Someone amended or confirmed the chunk meanwhile: apply the amendment to what they left.
                later += conflict.Key == auditKey ? 1 : 0;
            }
        }
    }

    public Task<DecisionChunkDocument?> UpdateDecisionsAsync(string cycleId, string groupId, int chunk, Func<DecisionChunkDocument?, DecisionChunkDocument?> change, CancellationToken cancellationToken = default)
        => UpdateAsync(DecisionsKey(cycleId, groupId, chunk), DocumentKinds.DecisionChunk, change, cancellationToken);

    public Task UpsertSummaryAsync(SummaryDocument summary, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return store.UpsertAsync(SummaryKey(summary.CycleId, summary.Scope), DocumentKinds.Summary, summary, cancellationToken);
    }

    public Task<SummaryDocument?> GetSummaryAsync(string cycleId, string scope, CancellationToken cancellationToken = default)
        => ReadValueAsync<SummaryDocument>(SummaryKey(cycleId, scope), cancellationToken);

    public Task RecordDeliveryProblemAsync(DeliveryProblemDocument problem, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return store.UpsertAsync(DeliveryProblemKey(problem.CycleId, problem.EmployeeId), DocumentKinds.DeliveryProblem, problem, cancellationToken);
    }

    public Task<IReadOnlyList<DeliveryProblemDocument>> GetDeliveryProblemsAsync(string cycleId, CancellationToken cancellationToken = default)
        => QueryAllAsync<DeliveryProblemDocument>(new DocumentQuery(cycleId, DocumentKinds.DeliveryProblem), cancellationToken);

    public Task RecordNudgeAsync(NudgeDocument nudge, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(nudge);
        return store.UpsertAsync(NudgeKey(nudge.CycleId, nudge.EmployeeId, nudge.Target), DocumentKinds.Nudge, nudge, cancellationToken);
    }

    public Task<IReadOnlyList<NudgeDocument>> GetNudgesAsync(string cycleId, CancellationToken cancellationToken = default)
        => QueryAllAsync<NudgeDocument>(new DocumentQuery(cycleId, DocumentKinds.Nudge), cancellationToken);

    public Task UpsertPreviousResultsAsync(PreviousResultsDocument results, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(results);
        return store.UpsertAsync(PreviousResultsKey(results.CycleId, results.Chunk), DocumentKinds.PreviousResults, results, cancellationToken);
    }

    /// <summary>A released cycle's placements, or an empty list when it kept none.</summary>
    public async Task<IReadOnlyList<PreviousResultsDocument>> GetPreviousResultsAsync(string cycleId, CancellationToken cancellationToken = default)
    {
        var chunks = new List<PreviousResultsDocument>();
        for (var chunk = 0; await ReadValueAsync<PreviousResultsDocument>(PreviousResultsKey(cycleId, chunk), cancellationToken) is { } document; chunk++)
        {
            chunks.Add(document);
        }

        return chunks;
    }

    // Plumbing

    private async Task<IReadOnlyList<T>> QueryAllAsync<T>(DocumentQuery query, CancellationToken cancellationToken)
    {
        var items = new List<T>();
        for (var next = query; ;)
        {
            var page = await store.QueryAsync<T>(next, cancellationToken);
            items.AddRange(page.Items.Select(i => i.Value));
            if (page.NextAfterId is null)
            {
                return items;
            }

            next = next with { AfterId = page.NextAfterId };
        }
    }

    private static CalibrationPositionsDocument PositionsOf(CalibrationChunkDocument cards)
        => new(cards.CycleId, cards.GroupId, cards.Chunk, cards.Cards.ToDictionary(c => c.EmployeeId, c => CalibrationPositionsDocument.BoxOf(c.Current), StringComparer.Ordinal));

    /// <summary>The guess a shown form stands for: nothing stored, or a draft not submitted (<paramref name="unsubmitted"/>, its draft left out: a save replaces it).</summary>
    private static Guess<T>? GuessOf<T>(DocumentKey key, ShownDraft? shown, Func<T> unsubmitted) => shown switch
    {
        null => null,
        { ETag: null } => new Guess<T>(null),
        { ETag: { } etag } => new Guess<T>(new StoredDocument<T>(key, unsubmitted(), etag)),
    };

    private async Task<T?> ReadValueAsync<T>(DocumentKey key, CancellationToken cancellationToken) where T : class
        => (await store.ReadAsync<T>(key, cancellationToken))?.Value;

    /// <summary>
    /// Read, change, write back only if nobody wrote in between (create when absent); on a conflict
    /// read again and re-apply. A change that returns null, or the same value, writes nothing.
    /// With a <paramref name="guess"/> of what is stored the first read is skipped: the write's ETag
    /// (or the create) checks the guess, and a change that writes nothing is decided on a real read.
    /// </summary>
    private async Task<T?> UpdateAsync<T>(DocumentKey key, string kind, Func<T?, T?> change, CancellationToken cancellationToken, Guess<T>? guess = null) where T : class
    {
        for (var attempt = 0; ; attempt++)
        {
            var guessed = attempt == 0 && guess is not null;
            var current = guessed ? guess!.Document : await store.ReadAsync<T>(key, cancellationToken);
            var changed = change(current?.Value);
            if (changed is null || Equals(changed, current?.Value))
            {
                if (guessed)
                {
                    continue;
                }

                return changed ?? current?.Value;
            }

            try
            {
                if (current is null)
                {
                    await store.CreateAsync(key, kind, changed, cancellationToken);
                }
                else
                {
                    await store.ReplaceAsync(key, kind, changed, current.ETag, cancellationToken);
                }

                return changed;
            }
            catch (DocumentConflictException) when (attempt < MaxConflictRetries)
            {
                // Another writer won the race: re-read and apply the change to what they wrote.
            }
        }
    }

    /// <summary>
    /// Read-modify-write of a document of the participant's partition together with a change of the
    /// participant (<paramref name="mark"/>, null for none), as one atomic write: a crash leaves both
    /// changed or neither. On a conflict on either, both are read again and both changes re-applied.
    /// </summary>
    private async Task<ParticipantCommit<T>> UpdateWithParticipantAsync<T>(
        DocumentKey key, string kind, Func<T?, T?> change, StoredDocument<ParticipantDocument> read, Func<ParticipantDocument, ParticipantDocument?> mark, Guess<T>? guess, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(mark);
        var participant = read;
        for (var attempt = 0; ; attempt++)
        {
            var guessed = attempt == 0 && guess is not null;
            var current = guessed ? guess!.Document : await store.ReadAsync<T>(key, cancellationToken);
            var changed = change(current?.Value);
            if (changed is null || Equals(changed, current?.Value))
            {
                if (guessed)
                {
                    continue;
                }

                return new ParticipantCommit<T>(changed ?? current?.Value, participant);
            }

            var marked = mark(participant.Value);
            var writes = new List<DocumentWrite> { new(key, kind, changed, current?.ETag) };
            if (marked is not null && !Equals(marked, participant.Value))
            {
                writes.Add(new DocumentWrite(participant.Key, DocumentKinds.Participant, marked, participant.ETag));
            }

            try
            {
                var etags = await store.WriteTogetherAsync(key.Partition, writes, cancellationToken);
                return new ParticipantCommit<T>(changed, writes.Count == 1 ? participant : new StoredDocument<ParticipantDocument>(participant.Key, marked!, etags[1]));
            }
            catch (DocumentConflictException) when (attempt < MaxConflictRetries)
            {
                // Someone wrote either document first: start again from what they wrote.
                participant = await store.ReadAsync<ParticipantDocument>(participant.Key, cancellationToken)
                    ?? throw new InvalidOperationException($"Participant {participant.Key} no longer exists.");
            }
        }
    }

    private Task<string> WriteCycleIndexAsync(CycleDocument cycle, CancellationToken cancellationToken)
        => store.UpsertAsync(
            CycleIndexKey(cycle.CycleId),
            DocumentKinds.CycleIndex,
            new CycleIndexDocument(cycle.CycleId, cycle.Name, CycleStalls.Of(cycle).Count == 0 ? cycle.State : CycleState.Stalled, cycle.LaunchedAt, cycle.RosterCount),
            cancellationToken);
}

/// <summary>A chunk's positions after a move, and the move's audit entry.</summary>
public sealed record CalibrationMove(CalibrationPositionsDocument Positions, CalibrationAuditDocument Audit);

/// <summary>A decision chunk after an amendment, and the amendment's audit entry.</summary>
public sealed record DecisionAmendment(DecisionChunkDocument Decisions, DecisionAuditDocument Audit);

/// <summary>A document changed together with its participant: the document as stored now, and the participant with its new ETag.</summary>
public sealed record ParticipantCommit<T>(T? Document, StoredDocument<ParticipantDocument> Participant);

/// <summary>What a caller believes is stored (null: nothing), to skip the read before a conditional write.</summary>
internal sealed record Guess<T>(StoredDocument<T>? Document);

/// <summary>Equality filters on participants; null means "any". <see cref="ManagerIds"/>: the manager is one of these.</summary>
public sealed record ParticipantFilter(
    string? GroupId = null,
    string? ManagerId = null,
    StepState? SelfAssessment = null,
    StepState? ManagerInput = null,
    IReadOnlyList<string>? ManagerIds = null)
{
    public static ParticipantFilter All { get; } = new();

    internal DocumentQuery ToQuery(string cycleId, string? afterId, int pageSize)
        => new(cycleId, DocumentKinds.Participant, ToConditions(), afterId, pageSize, ToAnyOf());

    private Dictionary<string, IReadOnlyList<string>>? ToAnyOf()
        => ManagerIds is null ? null : new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal) { ["managerId"] = ManagerIds };

    private Dictionary<string, string>? ToConditions()
    {
        var conditions = new Dictionary<string, string>(StringComparer.Ordinal);
        if (GroupId is not null)
        {
            conditions["groupId"] = GroupId;
        }

        if (ManagerId is not null)
        {
            conditions["managerId"] = ManagerId;
        }

        if (SelfAssessment is { } self)
        {
            conditions["selfAssessmentState"] = self.ToString();
        }

        if (ManagerInput is { } input)
        {
            conditions["managerInputState"] = input.ToString();
        }

        return conditions.Count == 0 ? null : conditions;
    }
}
