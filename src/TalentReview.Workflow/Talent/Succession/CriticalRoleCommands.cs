using System.Security.Cryptography;
using System.Text;
using TalentReview.Domain;
using TalentReview.Domain.Talent.Succession;
using TalentReview.Workflow.Storage;
using TalentReview.Workflow.UseCases;

namespace TalentReview.Workflow.Talent.Succession;

/// <summary>HR marks critical roles, confirms their successors and unmarks roles no longer critical. Every change is audited with who and when.</summary>
public sealed class CriticalRoleCommands(TalentStore talent, LatestCalibration calibration, TimeProvider time)
{
    public const string AlreadyCriticalCode = "alreadyCritical";
    public const string ChangedMeanwhileCode = "changedMeanwhile";
    public const string OwnSuccessorCode = "ownSuccessor";
    public const string NotInRosterCode = "notInRoster";
    public const string BenchFullCode = "benchFull";
    public const string NotOnBenchCode = "notOnBench";
    public const string NotConfirmedCode = "notConfirmed";
    public const string NoLongerCriticalCode = "noLongerCritical";

    /// <summary>The id of the role a roster position stands for: the same position is the same role, and no name shows in an address.</summary>
    public static string RoleIdOf(string department, string jobTitle, string level)
    {
        var text = string.Join('\n', department.Trim(), jobTitle.Trim(), level.Trim()).ToUpperInvariant();
        return "r" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 10));
    }

    public async Task<CommandResult<string>> MarkAsync(MarkCriticalRole request, string by, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new List<ValidationError>();
        Required(errors, "incumbentId", request.IncumbentId, TextLimits.Id);
        Limit(errors, "title", request.Title, TextLimits.Label);
        Level(errors, "riskOfLoss", request.RiskOfLoss);
        Level(errors, "impactOfLoss", request.ImpactOfLoss);
        var incumbent = errors.Count == 0 ? await calibration.FindInLatestRosterAsync(request.IncumbentId!.Trim(), cancellationToken) : null;
        if (errors.Count == 0 && incumbent is null)
        {
            errors.Add(new ValidationError("incumbentId", NotInRosterCode, $"incumbentId: nobody with employee id '{request.IncumbentId!.Trim()}' is on the latest roster."));
        }

        if (errors.Count > 0)
        {
            return new CommandResult<string>(CommandStatus.Invalid, null, errors);
        }

        var at = time.GetUtcNow();
        var roleId = RoleIdOf(incumbent!.Department, incumbent.JobTitle, incumbent.Level);
        var title = string.IsNullOrWhiteSpace(request.Title) ? incumbent.JobTitle : request.Title.Trim();
        var role = new CriticalRole(roleId, title, incumbent.Department, incumbent.Level, incumbent.Id, incumbent.Name, request.RiskOfLoss!.Value, request.ImpactOfLoss!.Value, [], by, at);
        var audit = new TalentAuditDocument(roleId, TalentChange.RoleMarked, incumbent.Id, incumbent.Name, $"{role.RiskOfLoss}/{role.ImpactOfLoss}", null, by, at);
        if (await talent.CreateAsync(TalentStore.RoleKey(roleId), DocumentKinds.CriticalRole, role, audit, cancellationToken))
        {
            return new CommandResult<string>(CommandStatus.Succeeded, roleId, []);
        }

        // A role unmarked before is marked again afresh (its history stays); the same request again (a repeat
        // after a lost answer) is done; another incumbent's mark is not overwritten.
        var existing = await talent.ReadRoleAsync(roleId, cancellationToken);
        if (existing is { Value.IsCritical: false }
            && await talent.ReplaceIfUnchangedAsync(TalentStore.RoleKey(roleId), DocumentKinds.CriticalRole, role, existing.ETag, audit, cancellationToken))
        {
            return new CommandResult<string>(CommandStatus.Succeeded, roleId, []);
        }

        return existing is { Value.IsCritical: true } && existing.Value.IncumbentId == incumbent.Id
            ? new CommandResult<string>(CommandStatus.AlreadyDone, roleId, [])
            : new CommandResult<string>(CommandStatus.NotAllowed, roleId, [new ValidationError("incumbentId", AlreadyCriticalCode,
                $"incumbentId: the role {incumbent.JobTitle} ({incumbent.Department}, level {incumbent.Level}) is already marked as critical.")]);
    }

    public async Task<CommandResult> ChangeAsync(string roleId, ChangeCriticalRole request, string by, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new List<ValidationError>();
        Required(errors, "title", request.Title, TextLimits.Label);
        Level(errors, "riskOfLoss", request.RiskOfLoss);
        Level(errors, "impactOfLoss", request.ImpactOfLoss);
        Required(errors, "version", request.Version, 200);
        if (errors.Count > 0)
        {
            return CommandResult.Invalid(errors);
        }

        if (await talent.ReadRoleAsync(roleId, cancellationToken) is not { } stored)
        {
            return NoSuchRole();
        }

        if (!stored.Value.IsCritical)
        {
            return NoLongerCritical();
        }

        var changed = stored.Value with { Title = request.Title!.Trim(), RiskOfLoss = request.RiskOfLoss!.Value, ImpactOfLoss = request.ImpactOfLoss!.Value };
        if (changed == stored.Value && stored.ETag == request.Version)
        {
            return CommandResult.Repeated;
        }

        var audit = new TalentAuditDocument(roleId, TalentChange.RoleChanged, null, changed.Title, $"{changed.RiskOfLoss}/{changed.ImpactOfLoss}", null, by, time.GetUtcNow());
        return stored.ETag == request.Version && await talent.ReplaceIfUnchangedAsync(TalentStore.RoleKey(roleId), DocumentKinds.CriticalRole, changed, request.Version!, audit, cancellationToken)
            ? CommandResult.Done
            : CommandResult.NotAllowed("version", ChangedMeanwhileCode, "Someone changed this role since you opened it; nothing was saved. Open it again to see their change.");
    }

    public async Task<CommandResult> NominateAsync(string roleId, NominateSuccessor request, string by, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new List<ValidationError>();
        Required(errors, "employeeId", request.EmployeeId, TextLimits.Id);
        if (request.Readiness is not { } readiness || !Enum.IsDefined(readiness))
        {
            errors.Add(new ValidationError("readiness", "required", "readiness: choose ready now, in 1 to 2 years, or in 3 years or more."));
        }

        Limit(errors, "note", request.Note, TextLimits.Reason);
        if (errors.Count > 0)
        {
            return CommandResult.Invalid(errors);
        }

        var employeeId = request.EmployeeId!.Trim();
        if (await talent.ReadRoleAsync(roleId, cancellationToken) is not { } stored)
        {
            return NoSuchRole();
        }

        if (!stored.Value.IsCritical)
        {
            return NoLongerCritical();
        }

        if (employeeId == stored.Value.IncumbentId)
        {
            return CommandResult.Invalid([new ValidationError("employeeId", OwnSuccessorCode, $"employeeId: {stored.Value.IncumbentName} holds this role and cannot be their own successor.")]);
        }

        if (await calibration.FindInLatestRosterAsync(employeeId, cancellationToken) is not { } person)
        {
            return CommandResult.Invalid([new ValidationError("employeeId", NotInRosterCode, $"employeeId: nobody with employee id '{employeeId}' is on the latest roster.")]);
        }

        var at = time.GetUtcNow();
        var note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim();
        var full = false;
        var closed = false;
        var updated = await talent.UpdateAsync<CriticalRole>(TalentStore.RoleKey(roleId), DocumentKinds.CriticalRole, role =>
        {
            closed = !role.IsCritical;
            if (closed)
            {
                return null;
            }

            var existing = role.Successors.FirstOrDefault(s => s.EmployeeId == person.Id);
            full = existing is null && role.Successors.Count >= CriticalRole.MaxSuccessors;
            if (full || (existing is not null && existing.Readiness == request.Readiness && existing.Note == note))
            {
                return null;
            }

            var successor = new Successor(person.Id, person.Name, request.Readiness!.Value, by, at, note);
            return (role.WithSuccessor(successor), new TalentAuditDocument(roleId, TalentChange.SuccessorConfirmed, person.Id, person.Name, successor.Readiness.ToString(), note, by, at));
        }, cancellationToken);
        if (updated is null)
        {
            return NoSuchRole();
        }

        return closed ? NoLongerCritical()
            : full
            ? CommandResult.NotAllowed("employeeId", BenchFullCode, $"employeeId: a role keeps at most {CriticalRole.MaxSuccessors} successors; remove one first.")
            : CommandResult.Done;
    }

    public async Task<CommandResult> RemoveSuccessorAsync(string roleId, RemoveSuccessor request, string by, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new List<ValidationError>();
        Required(errors, "employeeId", request.EmployeeId, TextLimits.Id);
        Required(errors, "reason", request.Reason, TextLimits.Reason);
        if (errors.Count > 0)
        {
            return CommandResult.Invalid(errors);
        }

        var employeeId = request.EmployeeId!.Trim();
        var onBench = false;
        var closed = false;
        var at = time.GetUtcNow();
        var updated = await talent.UpdateAsync<CriticalRole>(TalentStore.RoleKey(roleId), DocumentKinds.CriticalRole, role =>
        {
            closed = !role.IsCritical;
            var successor = role.Successors.FirstOrDefault(s => s.EmployeeId == employeeId);
            onBench = successor is not null;
            return successor is null
                ? null
                : (role.WithoutSuccessor(employeeId), new TalentAuditDocument(roleId, TalentChange.SuccessorRemoved, employeeId, successor.Name, null, request.Reason!.Trim(), by, at));
        }, cancellationToken);
        return updated is null ? NoSuchRole()
            : closed ? NoLongerCritical()
            : onBench ? CommandResult.Done
            : CommandResult.NotAllowed("employeeId", NotOnBenchCode, $"employeeId: '{employeeId}' is not a successor for this role.");
    }

    /// <summary>
    /// The role is no longer critical: its successors' nominations are closed (each with its own audit entry,
    /// readiness and reason), not deleted, and the role with who unmarked it and why stays readable. Needs the
    /// reason and the confirmation; unmarking a role already unmarked is a repeat.
    /// </summary>
    public async Task<CommandResult> UnmarkAsync(string roleId, UnmarkCriticalRole request, string by, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new List<ValidationError>();
        Required(errors, "reason", request.Reason, TextLimits.Reason);
        if (request.Confirmed != true)
        {
            errors.Add(new ValidationError("confirmed", NotConfirmedCode, "confirmed: confirm that the role is no longer critical; the nominations of its successors will be closed."));
        }

        if (errors.Count > 0)
        {
            return CommandResult.Invalid(errors);
        }

        var reason = request.Reason!.Trim();
        var at = time.GetUtcNow();
        var repeated = false;
        var updated = await talent.UpdateWithAuditsAsync<CriticalRole>(TalentStore.RoleKey(roleId), DocumentKinds.CriticalRole, role =>
        {
            repeated = !role.IsCritical;
            if (repeated)
            {
                return null;
            }

            IReadOnlyList<TalentAuditDocument> audits =
            [
                new TalentAuditDocument(roleId, TalentChange.RoleUnmarked, role.IncumbentId, role.IncumbentName, null, reason, by, at),
                .. role.Successors.Select(s => new TalentAuditDocument(roleId, TalentChange.NominationClosed, s.EmployeeId, s.Name, s.Readiness.ToString(), reason, by, at)),
            ];
            return (role.UnmarkedBy(by, at, reason), audits);
        }, cancellationToken);
        return updated is null ? NoSuchRole() : repeated ? CommandResult.Repeated : CommandResult.Done;
    }

    private static CommandResult NoLongerCritical()
        => CommandResult.NotAllowed("roleId", NoLongerCriticalCode, "roleId: this role is no longer critical; mark it again before changing it.");

    private static CommandResult<string> NoSuchRole() => new(CommandStatus.NotFound, null, [new ValidationError("roleId", "notFound", "roleId: no such critical role.")]);

    private static void Required(List<ValidationError> errors, string field, string? value, int max)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new ValidationError(field, "required", $"{field}: this field is required."));
            return;
        }

        Limit(errors, field, value, max);
    }

    private static void Limit(List<ValidationError> errors, string field, string? value, int max)
    {
        if (TextLimits.Check(field, value?.Trim(), max) is { } tooLong)
        {
            errors.Add(tooLong);
        }
    }

    private static void Level(List<ValidationError> errors, string field, LossLevel? level)
    {
        if (level is not { } given || !Enum.IsDefined(given))
        {
            errors.Add(new ValidationError(field, "required", $"{field}: choose low, medium or high."));
        }
    }
}
