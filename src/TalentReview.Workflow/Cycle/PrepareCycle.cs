using TalentReview.Domain.Planning;
using TalentReview.Domain.Rosters;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using TalentReview.Workflow.Storage;

namespace TalentReview.Workflow.Cycle;

public sealed record PreparedGroup(string GroupId, int Members);

/// <summary>Prepares one page of the cycle's documents; page 0 first.</summary>
public sealed record PrepareCycleRequest(string CycleId, int Page = 0);

/// <summary>
/// What the cycle needs to drive itself: its dates and its groups (small, whatever the roster's size),
/// and the next page to prepare while documents remain to be written.
/// </summary>
public sealed record PreparedCycle(CycleSchedule Schedule, IReadOnlyList<PreparedGroup> Groups, int Participants, int Managers, int? NextPage = null);

/// <summary>
/// Turns the stored roster snapshot into the cycle's documents: eligibility, calibration groups,
/// one participant per eligible employee, one team per manager, one skip-level index per manager of
/// managers, one document per group. The writes are done a page at a time, so no activity runs for
/// minutes on a large roster; each page recomputes the same plan from the stored snapshot. Idempotent:
/// existing participants (and their link nonces) are kept.
/// </summary>
public sealed class PrepareCycle(ReviewStore store) : TaskActivity<PrepareCycleRequest, PreparedCycle>
{
    /// <summary>Eligible employees that no group of the plan takes are calibrated together, by HR.</summary>
    public const string UngroupedId = "ungrouped";

    private const int WriteParallelism = 8;

    /// <summary>About half a minute of writes on Cosmos DB at eight in flight.</summary>
    internal int WritesPerPage { get; init; } = 20_000;

    public override async Task<PreparedCycle> RunAsync(TaskActivityContext context, PrepareCycleRequest input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var cancellation = CancellationToken.None;
        var cycle = await store.GetCycleAsync(input.CycleId, cancellation) ?? throw new InvalidOperationException($"Cycle {input.CycleId} is not stored.");
        var employees = await store.ReadRosterAsync(cycle, cancellation);
        var roster = Roster.Create(employees).Roster ?? throw new InvalidOperationException($"The roster snapshot of cycle {input.CycleId} no longer validates.");
        var eligible = cycle.Plan.Eligibility.Evaluate(roster).EligibleEmployeeIds.ToHashSet(StringComparer.Ordinal);
        var assignment = GroupAssignment.Assign(cycle.Plan.Groups, roster, eligible);
        var membersByGroup = assignment.EmployeeIdsByGroup
            .Where(g => g.Value.Count > 0)
            .ToDictionary(g => g.Key, g => g.Value.Order(StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
        if (assignment.Unassigned.Count > 0)
        {
            membersByGroup[UngroupedId] = assignment.Unassigned.Order(StringComparer.Ordinal).ToList();
        }

        var participants = membersByGroup
            .OrderBy(group => group.Key, StringComparer.Ordinal)
            .SelectMany(group => group.Value.Select((id, ordinal) => NewParticipant(cycle.CycleId, roster, roster.Find(id)!, group.Key, ordinal)))
            .ToList();
        var teams = participants
            .Where(p => p.ManagerId is not null)
            .GroupBy(p => p.ManagerId!, StringComparer.Ordinal)
            .Select(team =>
            {
                var manager = roster.Find(team.Key)!;
                return new TeamDocument(cycle.CycleId, manager.Id, Contact.Of(manager), manager.ManagerId, team.Select(p => p.EmployeeId).ToList());
            })
            .ToList();
        var skipLevels = teams
            .Where(t => t.SkipLevelId is not null)
            .GroupBy(t => t.SkipLevelId!, StringComparer.Ordinal)
            .Select(skipLevel => new SkipLevelDocument(cycle.CycleId, skipLevel.Key, Contact.Of(roster.Find(skipLevel.Key)!), skipLevel.Select(t => t.ManagerId).ToList()));
        var groups = membersByGroup.Select(group => NewGroup(cycle, roster, group.Key, group.Value.Count));

        // One list of writes in a fixed order, so every page finds its own part of it.
        List<Func<CancellationToken, Task>> writes =
        [
            .. participants.Select(p => (Func<CancellationToken, Task>)(token => CreateIfAbsentAsync(p, token))),
            .. teams.Select(t => (Func<CancellationToken, Task>)(token => store.UpsertTeamAsync(t, token))),
            .. skipLevels.Select(s => (Func<CancellationToken, Task>)(token => store.UpsertSkipLevelAsync(s, token))),
            .. groups.Select(g => (Func<CancellationToken, Task>)(token => store.UpdateGroupAsync(g.CycleId, g.GroupId, current => current ?? g, token))),
        ];
        await Parallel.ForEachAsync(
            writes.Skip(input.Page * WritesPerPage).Take(WritesPerPage),
            new ParallelOptions { MaxDegreeOfParallelism = WriteParallelism, CancellationToken = cancellation },
            async (write, token) => await write(token));

        var lastPage = (input.Page + 1) * WritesPerPage >= writes.Count;
        if (lastPage)
        {
            await store.UpdateCycleAsync(cycle.CycleId, c => c.State == CycleState.Launched ? c with { State = CycleState.Running } : c, cancellation);
        }

        return new PreparedCycle(
            CycleSchedule.From(cycle.Plan),
            membersByGroup.OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new PreparedGroup(g.Key, g.Value.Count)).ToList(),
            participants.Count,
            teams.Count,
            lastPage ? null : input.Page + 1);
    }

    private static CalibrationGroupDocument NewGroup(CycleDocument cycle, Roster roster, string groupId, int members)
    {
        var plannedGroup = cycle.Plan.Groups.FirstOrDefault(g => g.Id == groupId);
        var calibrators = plannedGroup is null ? cycle.Hr : ResolveCalibrators(plannedGroup.Calibrators, roster, cycle.Hr);
        var chunks = (members + ReviewStore.ChunkSize - 1) / ReviewStore.ChunkSize;
        return new CalibrationGroupDocument(cycle.CycleId, groupId, plannedGroup?.Name ?? "Ungrouped", calibrators, members, chunks, GroupPhase.CollectingInput);
    }

    /// <summary>Calibrators are employee ids, HR user ids or email addresses.</summary>
    internal static IReadOnlyList<Contact> ResolveCalibrators(IReadOnlyList<string> calibrators, Roster roster, IReadOnlyList<Contact> hr)
        => calibrators
            .Select(id => roster.Find(id) is { } employee
                ? Contact.Of(employee)
                : hr.FirstOrDefault(h => h.Id == id || string.Equals(h.Email, id, StringComparison.OrdinalIgnoreCase))
                    ?? new Contact(id, id, id, Domain.Language.En))
            .DistinctBy(c => c.Id)
            .ToList();

    private static ParticipantDocument NewParticipant(string cycleId, Roster roster, Employee employee, string groupId, int ordinal)
        => new(
            cycleId,
            employee.Id,
            employee.Name,
            employee.Email,
            employee.Language,
            employee.Department,
            employee.JobTitle,
            employee.Level,
            groupId,
            ordinal,
            employee.ManagerId,
            roster.SkipLevelManager(employee.Id)?.Id,
            StepState.Pending,
            employee.ManagerId is null ? StepState.NotApplicable : StepState.Pending,
            NewNonce(),
            NewNonce(),
            NewNonce());

    private static string NewNonce() => Guid.NewGuid().ToString("N")[..16];

    private async Task CreateIfAbsentAsync(ParticipantDocument participant, CancellationToken cancellationToken)
    {
        try
        {
            await store.Documents.CreateAsync(ReviewStore.ParticipantKey(participant.CycleId, participant.EmployeeId), DocumentKinds.Participant, participant, cancellationToken);
        }
        catch (DocumentConflictException)
        {
            // Prepared before (a retried activity): keep the stored participant and the nonces of links already sent.
        }
    }
}
