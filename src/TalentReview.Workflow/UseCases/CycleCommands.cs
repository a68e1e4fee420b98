using System.Globalization;
using TalentReview.Domain;
using TalentReview.Domain.Planning;
using TalentReview.Domain.Rosters;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using TalentReview.Workflow.Cycle;
using TalentReview.Workflow.EmployeeReview;
using TalentReview.Workflow.Events;
using TalentReview.Workflow.Resilience;
using TalentReview.Workflow.Storage;

namespace TalentReview.Workflow.UseCases;

/// <param name="CycleId">Letters and digits only; generated when null. Launching the same id twice is idempotent.</param>
/// <param name="Hr">HR users: told about escalations and cancellations, calibrators of ungrouped employees.</param>
/// <param name="Leadership">Who receives the leadership summary.</param>
/// <param name="PreviousCycleId">A released cycle to compare the summary against.</param>
public sealed record LaunchCycleRequest(
    CyclePlan Plan,
    Roster Roster,
    IReadOnlyList<Contact> Hr,
    IReadOnlyList<Contact> Leadership,
    string LaunchedBy,
    string? CycleId = null,
    string? PreviousCycleId = null);

/// <summary>HR's commands on a whole cycle: launch, extend a deadline, reassign a manager, cancel.</summary>
public sealed class CycleCommands(ReviewStore store, DurableTaskClient client, TimeProvider time, ManagerReassignment reassignment)
{
    public async Task<CommandResult<string>> LaunchCycleAsync(LaunchCycleRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = ValidateLaunch(request);
        if (errors.Count > 0)
        {
            return new(CommandStatus.Invalid, null, errors);
        }

        var now = time.GetUtcNow();
        var cycleId = request.CycleId ?? NewCycleId(now);
        var existing = await store.GetCycleAsync(cycleId, cancellationToken);
        var cycle = existing;
        if (cycle is null)
        {
            var roster = request.Roster.Employees.OrderBy(e => e.Id, StringComparer.Ordinal).ToList();
            var firstIds = roster.Where((_, i) => i % ReviewStore.RosterChunkSize == 0).Select(e => e.Id).ToList();
            cycle = new CycleDocument(
                cycleId, request.Plan.Name, request.Plan, CycleState.Launched, now, request.LaunchedBy, request.Hr, request.Leadership, roster.Count, firstIds, request.PreviousCycleId);
            await store.WriteNewCycleAsync(cycle, roster, cancellationToken);
        }

        // Scheduling again after a crash between storing and scheduling completes the launch (the same id: never a second cycle).
        if (!await StartWorkflowAsync(cycle, cancellationToken))
        {
            return new(CommandStatus.AlreadyDone, cycleId, []);
        }

        return new(existing is null ? CommandStatus.Succeeded : CommandStatus.AlreadyDone, cycleId, []);
    }

    /// <summary>Moves a step's deadline later; the timeline re-plans its reminders, escalations and closes.</summary>
    public async Task<CommandResult> ExtendDeadlineAsync(string cycleId, StepKind step, DateOnly newDeadline, string extendedBy, CancellationToken cancellationToken = default)
    {
        var cycle = await store.GetCycleAsync(cycleId, cancellationToken);
        if (cycle is null)
        {
            return CommandResult.NotFound(nameof(cycleId), "No such cycle.");
        }

        if (cycle.State is CycleState.Cancelled or CycleState.Released)
        {
            return CommandResult.NotAllowed(nameof(cycleId), "cycleClosed", $"The cycle is {cycle.State.ToString().ToLowerInvariant()}.");
        }

        var current = step == StepKind.Release ? cycle.Plan.Release.ReleaseDate : cycle.Plan.Step(step)?.Deadline;
        if (current is null)
        {
            return CommandResult.NotFound(nameof(step), $"The plan has no {step} step.");
        }

        if (newDeadline <= current)
        {
            return CommandResult.Invalid([new ValidationError(nameof(newDeadline), "notLater", $"The new deadline must be after the current one ({current:yyyy-MM-dd}).")]);
        }

        if (newDeadline > current.Value.AddYears(1))
        {
            return CommandResult.Invalid([new ValidationError(nameof(newDeadline), "tooLate", $"A deadline moves by at most a year: {current.Value.AddYears(1):yyyy-MM-dd} at the latest.")]);
        }

        if (cycle.Plan.Time.DateOf(time.GetUtcNow()) > current.Value)
        {
            return CommandResult.NotAllowed(nameof(step), "deadlinePassed", "This deadline has passed; the step is closed.");
        }

        await store.UpdateCycleAsync(cycleId, c => c with { Plan = WithDeadline(c.Plan, step, newDeadline) }, cancellationToken);
        await client.RaiseEventAsync(InstanceIds.Cycle(cycle), WorkflowEvents.DeadlineExtended, new DeadlineExtendedEvent(cycleId, step, newDeadline, extendedBy), cancellationToken);
        return CommandResult.Done;
    }

    /// <summary>
    /// A manager change in HR data: the pending step moves to the new manager (fresh link, old one
    /// invalid). Raised to the review; when the review is not running, the move is applied directly.
    /// </summary>
    public async Task<CommandResult> ReassignManagerAsync(string cycleId, string employeeId, string newManagerId, string reassignedBy, CancellationToken cancellationToken = default)
    {
        var cycle = await store.GetCycleAsync(cycleId, cancellationToken);
        var participant = cycle is null ? null : await store.GetParticipantAsync(cycleId, employeeId, cancellationToken);
        if (cycle is null || participant is null)
        {
            return CommandResult.NotFound(nameof(employeeId), "No such participant in this cycle.");
        }

        if (newManagerId == employeeId || await store.FindInRosterAsync(cycle, newManagerId, cancellationToken) is null)
        {
            return CommandResult.Invalid([new ValidationError(nameof(newManagerId), "unknownManager", "The new manager must be another employee on the cycle's roster.")]);
        }

        if (cycle.State is CycleState.Cancelled or CycleState.Released)
        {
            return CommandResult.NotAllowed(nameof(cycleId), "cycleClosed", $"The cycle is {cycle.State.ToString().ToLowerInvariant()}: its reviews can no longer move.");
        }

        if (participant.ManagerId == newManagerId)
        {
            return CommandResult.Repeated;
        }

        if (await ReportsToAsync(cycle, newManagerId, employeeId, cancellationToken))
        {
            return CommandResult.Invalid([new ValidationError(nameof(newManagerId), "managerLoop",
                $"{participant.Name} would manage their own manager: the new manager reports to them, directly or through others.")]);
        }

        var change = new ManagerReassignedEvent(cycleId, employeeId, newManagerId, reassignedBy, time.GetUtcNow());
        if (await client.TryRaiseEventAsync(InstanceIds.Review(cycleId, employeeId), WorkflowEvents.ManagerReassigned, change, cancellationToken) != EventDelivery.Delivered)
        {
            await reassignment.ApplyAsync(change, cancellationToken);
        }

        return CommandResult.Done;
    }

    /// <summary>Cancels the cycle: every review, group and wave stops, and people are told.</summary>
    public async Task<CommandResult> CancelCycleAsync(string cycleId, string reason, string cancelledBy, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return CommandResult.Invalid([new ValidationError(nameof(reason), "required", "Say why the cycle is cancelled.")]);
        }

        if (TextLimits.Check(nameof(reason), reason, TextLimits.Reason) is { } tooLong)
        {
            return CommandResult.Invalid([tooLong]);
        }

        var cycle = await store.GetCycleAsync(cycleId, cancellationToken);
        if (cycle is null)
        {
            return CommandResult.NotFound(nameof(cycleId), "No such cycle.");
        }

        if (cycle.State == CycleState.Cancelled)
        {
            return CommandResult.Repeated;
        }

        if (cycle.State is CycleState.ManagersReleased or CycleState.Released)
        {
            return CommandResult.NotAllowed(nameof(cycleId), "cycleReleased", "The results were released; the cycle can no longer be cancelled.");
        }

        // A stalled cycle listens (its step is given up); a failed workflow takes no event, so a fresh one does the cancel.
        if (await client.GetInstanceAsync(InstanceIds.Cycle(cycle), getInputsAndOutputs: true, cancellationToken) is { RuntimeStatus: OrchestrationRuntimeStatus.Failed } failed)
        {
            return await RecoverAsync(cycle, new WorkflowRecovery(RecoveryAction.Cancelled, cancelledBy, time.GetUtcNow(), CycleQueries.FailureOf(failed), failed.LastUpdatedAt), reason, cancellationToken);
        }

        await client.RaiseEventAsync(
            InstanceIds.Cycle(cycle), WorkflowEvents.CycleCancelled, new CycleCancelledEvent(cycleId, reason, cancelledBy, time.GetUtcNow()), cancellationToken);
        return CommandResult.Done;
    }

    /// <summary>
    /// HR's way on for a cycle that cannot go on: every stalled step (the cycle's, its groups') runs again (once its cause is fixed), a
    /// cycle whose workflow never started (a launch cut short) gets it started, and a cycle whose workflow failed gets a fresh one that
    /// carries on from what is stored. Anything else has nothing to resume.
    /// </summary>
    public async Task<CommandResult> ResumeCycleAsync(string cycleId, string requestedBy, CancellationToken cancellationToken = default)
    {
        var cycle = await store.GetCycleAsync(cycleId, cancellationToken);
        if (cycle is null)
        {
            return CommandResult.NotFound(nameof(cycleId), "No such cycle.");
        }

        var instance = await client.GetInstanceAsync(InstanceIds.Cycle(cycle), getInputsAndOutputs: true, cancellationToken);
        switch (CycleQueries.StateOf(cycle, instance).State)
        {
            case CycleState.NotStarted:
                await StartWorkflowAsync(cycle, cancellationToken);
                return CommandResult.Done;
            case CycleState.Stalled:
                // Each stalled orchestration (the cycle's, a group's, a group's follow-ups) tries its step again.
                var retry = new RetryRequestedEvent(cycleId, requestedBy, time.GetUtcNow());
                foreach (var instanceId in CycleStalls.Of(cycle).Select(s => s.InstanceIdIn(cycle)).Distinct(StringComparer.Ordinal))
                {
                    await client.RaiseEventAsync(instanceId, WorkflowEvents.RetryRequested, retry, cancellationToken);
                }

                return CommandResult.Done;
            case CycleState.Failed:
                return await RecoverAsync(cycle, new WorkflowRecovery(RecoveryAction.Resumed, requestedBy, time.GetUtcNow(), CycleQueries.FailureOf(instance!), instance!.LastUpdatedAt), null, cancellationToken);
            default:
                return CommandResult.NotAllowed(nameof(cycleId), "notStalled", "The cycle is not stalled or failed: there is nothing to resume.");
        }
    }

    /// <summary>
    /// Records HR's recovery of the failed workflow on the cycle (its audit, and the next workflow's generation), then starts that
    /// workflow. Recorded first: a crash in between leaves the fresh workflow missing, which HR sees and resumes. A second request
    /// for the same failure (a double click) finds it recorded and starts nothing twice.
    /// </summary>
    private async Task<CommandResult> RecoverAsync(CycleDocument cycle, WorkflowRecovery recovery, string? cancelReason, CancellationToken cancellationToken)
    {
        var generation = cycle.Recoveries?.Count ?? 0;
        var recorded = await store.UpdateCycleAsync(
            cycle.CycleId,
            c => (c.Recoveries?.Count ?? 0) != generation ? c : c with
            {
                Recoveries = [.. c.Recoveries ?? [], recovery],
                CancelReason = cancelReason ?? c.CancelReason,
                Stall = null,
            },
            cancellationToken);
        if (recorded is null)
        {
            return CommandResult.NotFound(nameof(cycle.CycleId), "No such cycle.");
        }

        var started = await StartWorkflowAsync(recorded, cancellationToken);
        return started && recorded.Recoveries![^1] == recovery ? CommandResult.Done : CommandResult.Repeated;
    }

    /// <summary>
    /// Starts the cycle's current workflow once: the launch's, or the one HR's last recovery asked for, which carries on from what the
    /// failed one had reached (its last progress) and from HR's release as stored, or only cancels.
    /// </summary>
    private async Task<bool> StartWorkflowAsync(CycleDocument cycle, CancellationToken cancellationToken)
    {
        var input = new ReviewCycleInput(cycle.CycleId);
        if (cycle.Recoveries is [.., var last] recoveries)
        {
            var previous = await client.GetInstanceAsync(InstanceIds.CycleGeneration(cycle.CycleId, recoveries.Count - 1), getInputsAndOutputs: true, cancellationToken);
            var cancel = last.Action == RecoveryAction.Cancelled ? new CycleCancelledEvent(cycle.CycleId, cycle.CancelReason ?? string.Empty, last.By, last.At) : null;
            input = new ReviewCycleInput(cycle.CycleId, recoveries.Count, previous?.ReadCustomStatusAs<CycleProgress>(), cycle.Release, cancel);
        }

        return await client.StartOnceAsync(nameof(ReviewCycleOrchestration), InstanceIds.Cycle(cycle), input, cancellationToken);
    }

    /// <summary>Walks up from <paramref name="employeeId"/> through current managers (after reassignments) looking for <paramref name="ancestorId"/>.</summary>
    private async Task<bool> ReportsToAsync(CycleDocument cycle, string employeeId, string ancestorId, CancellationToken cancellationToken)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var current = employeeId; current is not null && seen.Add(current);)
        {
            var managerId = await store.CurrentManagerIdAsync(cycle, current, cancellationToken);
            if (managerId == ancestorId)
            {
                return true;
            }

            current = managerId;
        }

        return false;
    }

    /// <summary>How far ahead a cycle may start or a step end: further is a typing mistake, not a plan.</summary>
    public const int MaxDaysAhead = 400;

    /// <summary>Every reason a launch would be refused, without launching: what the set-up page previews with.</summary>
    public IReadOnlyList<ValidationError> ValidateLaunch(LaunchCycleRequest request) => ValidateLaunch(request, time.GetUtcNow());

    private static List<ValidationError> ValidateLaunch(LaunchCycleRequest request, DateTimeOffset now)
    {
        var errors = new List<ValidationError>();
        if (request.Plan is null || request.Roster is null)
        {
            errors.Add(new ValidationError(request.Plan is null ? "plan" : "roster", "required", "A plan and a roster are required."));
            return errors;
        }

        errors.AddRange(request.Plan.Validate().Select(e => e with { Field = $"plan.{e.Field}" }));
        errors.AddRange(GroupsAgainstRoster.Validate(request.Plan, request.Roster, request.Hr));

        if (!request.Plan.Steps.Any(s => s.Kind == StepKind.ManagerInput))
        {
            errors.Add(new ValidationError("plan.steps", "missingStep", "The plan needs a manager input step."));
        }

        // "Today" is the date in the cycle's zone (at 23:30 UTC it is already tomorrow in Brussels); an unknown zone has none.
        if (OrganisationTime.IsKnownZone(request.Plan.Time.TimeZoneId))
        {
            errors.AddRange(ValidateDates(request.Plan, request.Plan.Time.DateOf(now)));
        }
        if (request.Hr is not { Count: > 0 })
        {
            errors.Add(new ValidationError("hr", "required", "Name at least one HR contact."));
        }

        errors.AddRange(ValidateContacts("hr", request.Hr));
        errors.AddRange(ValidateContacts("leadership", request.Leadership));
        errors.AddRange(ContactLimits("hr", request.Hr));
        errors.AddRange(ContactLimits("leadership", request.Leadership));

        if (request.CycleId is { } id && (id.Length is 0 or > 40 || !id.All(char.IsAsciiLetterOrDigit)))
        {
            errors.Add(new ValidationError("cycleId", "format", "A cycle id has 1 to 40 letters and digits."));
        }

        if (string.IsNullOrWhiteSpace(request.LaunchedBy))
        {
            errors.Add(new ValidationError("launchedBy", "required", "Say who launches the cycle."));
        }

        return errors;
    }

    private static IEnumerable<ValidationError> ContactLimits(string field, IReadOnlyList<Contact>? contacts)
        => (contacts ?? []).SelectMany((contact, i) => new[]
        {
            TextLimits.Check($"{field}[{i}].id", contact?.Id, TextLimits.Id),
            TextLimits.Check($"{field}[{i}].name", contact?.Name, TextLimits.PersonName),
            TextLimits.Check($"{field}[{i}].email", contact?.Email, TextLimits.Email),
        }).OfType<ValidationError>();

    /// <summary>A launch starts today or later, and nothing in the plan lies absurdly far ahead (a year typed wrong).</summary>
    private static IEnumerable<ValidationError> ValidateDates(CyclePlan plan, DateOnly today)
    {
        var steps = plan.Steps ?? [];
        var start = steps.Count == 0 ? (DateOnly?)null : steps.Min(s => s.Opens);
        if (start < today)
        {
            yield return new ValidationError("plan.start", "inThePast", string.Create(CultureInfo.InvariantCulture, $"The cycle would start on {start:yyyy-MM-dd}, which has passed; start today ({today:yyyy-MM-dd}) or later."));
        }

        var latest = today.AddDays(MaxDaysAhead);
        for (var i = 0; i < steps.Count; i++)
        {
            if (steps[i].Deadline > latest)
            {
                yield return new ValidationError($"plan.steps[{i}].deadline", "tooFarAhead", string.Create(CultureInfo.InvariantCulture, $"The {StepNames.Of(steps[i].Kind)} deadline ({steps[i].Deadline:yyyy-MM-dd}) is more than {MaxDaysAhead} days away: check the year."));
            }
        }

        if (plan.Release?.ReleaseDate > latest)
        {
            yield return new ValidationError("plan.release.releaseDate", "tooFarAhead", string.Create(CultureInfo.InvariantCulture, $"The release date ({plan.Release.ReleaseDate:yyyy-MM-dd}) is more than {MaxDaysAhead} days away: check the year."));
        }
    }

    /// <summary>Contacts get emails as employees do, so they are checked as roster rows are: which one, which field, why.</summary>
    private static IEnumerable<ValidationError> ValidateContacts(string list, IReadOnlyList<Contact>? contacts)
    {
        for (var i = 0; i < (contacts?.Count ?? 0); i++)
        {
            var contact = contacts![i];
            var at = string.Create(CultureInfo.InvariantCulture, $"{list}[{i}]");
            if (contact is null)
            {
                yield return new ValidationError(at, "required", $"Contact {i + 1} of {list} is empty.");
                continue;
            }

            if (string.IsNullOrWhiteSpace(contact.Id))
            {
                yield return new ValidationError($"{at}.id", "required", $"Contact {i + 1} of {list} has no id.");
            }

            if (string.IsNullOrWhiteSpace(contact.Name))
            {
                yield return new ValidationError($"{at}.name", "required", $"Contact {i + 1} of {list} has no name.");
            }

            if (string.IsNullOrWhiteSpace(contact.Email))
            {
                yield return new ValidationError($"{at}.email", "required", $"Contact {i + 1} of {list} has no email address.");
            }
            else if (!EmailAddress.IsValid(contact.Email))
            {
                yield return new ValidationError($"{at}.email", "invalidEmail", $"'{contact.Email}' is not a valid email address.");
            }
        }
    }

    private static CyclePlan WithDeadline(CyclePlan plan, StepKind step, DateOnly deadline)
        => step == StepKind.Release
            ? plan with { Release = plan.Release with { ReleaseDate = deadline }, Steps = plan.Steps.Select(s => s.Kind == step ? s with { Deadline = deadline } : s).ToList() }
            : plan with { Steps = plan.Steps.Select(s => s.Kind == step ? s with { Deadline = deadline } : s).ToList() };

    /// <summary>A fresh cycle id; a form that carries it through its preview and launch launches that cycle once, however often it is sent.</summary>
    public static string NewCycleId(DateTimeOffset now)
        => string.Create(CultureInfo.InvariantCulture, $"c{now:yyyyMMdd}{Guid.NewGuid():N}")[..17];

    /// <summary>
    /// The cycle id of a launch sent with an idempotency key: the same key from the same person always names the
    /// same cycle, so a launch sent again (after a lost answer or a crash) resumes it instead of making a second one.
    /// </summary>
    public static string CycleIdFor(string launchedBy, string idempotencyKey)
        => "k" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{launchedBy}\n{idempotencyKey}")).AsSpan(0, 12));
}
