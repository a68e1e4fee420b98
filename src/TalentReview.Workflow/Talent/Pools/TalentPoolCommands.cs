using System.Security.Cryptography;
using System.Text;
using TalentReview.Domain;
using TalentReview.Domain.NineBox;
using TalentReview.Domain.Talent.Pools;
using TalentReview.Workflow.Storage;
using TalentReview.Workflow.Talent.Succession;
using TalentReview.Workflow.UseCases;

namespace TalentReview.Workflow.Talent.Pools;

/// <summary>HR names talent pools, fills them from the latest calibration and reviews them; every change is audited.</summary>
public sealed class TalentPoolCommands(TalentStore talent, LatestCalibration calibration, TimeProvider time)
{
    public const string NameTakenCode = "nameTaken";
    public const string NoCriteriaCode = "noCriteria";
    public const string NoCalibrationCode = "noCalibration";
    public const string NotInRosterCode = CriticalRoleCommands.NotInRosterCode;
    public const string NotMemberCode = "notMember";

    /// <summary>A pool's id from its name: one pool per name, and no name in an address.</summary>
    public static string PoolIdOf(string name)
        => "p" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name.Trim().ToUpperInvariant())).AsSpan(0, 10));

    public async Task<CommandResult<string>> CreateAsync(CreateTalentPool request, string by, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new List<ValidationError>();
        if (string.IsNullOrWhiteSpace(request.Name))
        {
            errors.Add(new ValidationError("name", "required", "name: give the pool a name."));
        }
        else if (TextLimits.Check("name", request.Name.Trim(), TextLimits.Label) is { } tooLong)
        {
            errors.Add(tooLong);
        }

        if (TextLimits.Check("description", request.Description?.Trim(), TextLimits.Reason) is { } descriptionTooLong)
        {
            errors.Add(descriptionTooLong);
        }

        var criteria = new PoolCriteria([.. (request.Boxes ?? []).Distinct().Order()], [.. (request.Aspirations ?? []).Distinct().Order()], [.. (request.Readiness ?? []).Distinct().Order()]);
        Defined(errors, "boxes", criteria.Boxes);
        Defined(errors, "aspirations", criteria.Aspirations);
        Defined(errors, "readiness", criteria.Readiness);
        if (criteria.IsEmpty)
        {
            errors.Add(new ValidationError("boxes", NoCriteriaCode, "boxes: choose at least one box, aspiration or readiness, or the pool would hold everyone."));
        }

        if (errors.Count > 0)
        {
            return new CommandResult<string>(CommandStatus.Invalid, null, errors);
        }

        var at = time.GetUtcNow();
        var name = request.Name!.Trim();
        var poolId = PoolIdOf(name);
        var pool = new TalentPool(poolId, name, string.IsNullOrWhiteSpace(request.Description) ? null : request.Description.Trim(), criteria, [], [], by, at);
        if (await talent.CreateAsync(TalentStore.PoolKey(poolId), DocumentKinds.TalentPool, pool, new TalentAuditDocument(poolId, TalentChange.PoolCreated, null, name, null, null, by, at), cancellationToken))
        {
            return new CommandResult<string>(CommandStatus.Succeeded, poolId, []);
        }

        var existing = await talent.ReadPoolAsync(poolId, cancellationToken);
        return existing?.Value.Criteria is { } same && same.Boxes.SequenceEqual(criteria.Boxes) && same.Aspirations.SequenceEqual(criteria.Aspirations) && same.Readiness.SequenceEqual(criteria.Readiness)
            ? new CommandResult<string>(CommandStatus.AlreadyDone, poolId, [])
            : new CommandResult<string>(CommandStatus.NotAllowed, poolId, [new ValidationError("name", NameTakenCode, $"name: a pool named '{name}' exists already.")]);
    }

    /// <summary>Fills the pool from the latest released cycle (see <see cref="TalentPool.FilledFrom"/>); returns how many members it has.</summary>
    public async Task<CommandResult<int>> FillAsync(string poolId, string by, CancellationToken cancellationToken = default)
    {
        if (await talent.ReadPoolAsync(poolId, cancellationToken) is not { } stored)
        {
            return NoSuchPool<int>();
        }

        var boxes = stored.Value.Criteria.Boxes;
        if (await calibration.ReadAsync(boxes.Count == 0 ? null : boxes, cancellationToken) is not { } snapshot)
        {
            return new CommandResult<int>(CommandStatus.NotAllowed, 0, [new ValidationError("poolId", NoCalibrationCode, "No cycle has released its results yet: there is no calibration to fill the pool from.")]);
        }

        var at = time.GetUtcNow();
        var filled = await talent.UpdateAsync<TalentPool>(TalentStore.PoolKey(poolId), DocumentKinds.TalentPool, pool =>
        {
            var next = pool.FilledFrom(snapshot.CycleId, snapshot.CycleName, snapshot.People, at);
            return (next, new TalentAuditDocument(poolId, TalentChange.PoolFilled, null, null, $"{next.Members.Count} / {snapshot.CycleName}", null, by, at));
        }, cancellationToken);
        return filled is null ? NoSuchPool<int>() : new CommandResult<int>(CommandStatus.Succeeded, filled.Members.Count, []);
    }

    public async Task<CommandResult> AddMemberAsync(string poolId, ChangePoolMember request, string by, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Validate(request) is { Count: > 0 } errors)
        {
            return CommandResult.Invalid(errors);
        }

        var employeeId = request.EmployeeId!.Trim();
        if (await talent.ReadPoolAsync(poolId, cancellationToken) is null)
        {
            return NoSuchPool<int>();
        }

        if (await calibration.FindInLatestRosterAsync(employeeId, cancellationToken) is not { } person)
        {
            return CommandResult.Invalid([new ValidationError("employeeId", NotInRosterCode, $"employeeId: nobody with employee id '{employeeId}' is on the latest roster.")]);
        }

        var at = time.GetUtcNow();
        var member = false;
        await talent.UpdateAsync<TalentPool>(TalentStore.PoolKey(poolId), DocumentKinds.TalentPool, pool =>
        {
            member = pool.Members.Any(m => m.EmployeeId == employeeId);
            return member ? null : (pool.WithMember(person.Id, person.Name, request.Reason!.Trim(), at), new TalentAuditDocument(poolId, TalentChange.MemberAdded, person.Id, person.Name, null, request.Reason!.Trim(), by, at));
        }, cancellationToken);
        return member ? CommandResult.Repeated : CommandResult.Done;
    }

    public async Task<CommandResult> RemoveMemberAsync(string poolId, ChangePoolMember request, string by, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Validate(request) is { Count: > 0 } errors)
        {
            return CommandResult.Invalid(errors);
        }

        var employeeId = request.EmployeeId!.Trim();
        var at = time.GetUtcNow();
        var member = false;
        var pool = await talent.UpdateAsync<TalentPool>(TalentStore.PoolKey(poolId), DocumentKinds.TalentPool, pool =>
        {
            var found = pool.Members.FirstOrDefault(m => m.EmployeeId == employeeId);
            member = found is not null;
            return found is null
                ? null
                : (pool.WithoutMember(employeeId, found.Name, request.Reason!.Trim(), by, at), new TalentAuditDocument(poolId, TalentChange.MemberRemoved, employeeId, found.Name, null, request.Reason!.Trim(), by, at));
        }, cancellationToken);
        return pool is null ? NoSuchPool<int>()
            : member ? CommandResult.Done
            : CommandResult.NotAllowed("employeeId", NotMemberCode, $"employeeId: '{employeeId}' is not in this pool.");
    }

    private static List<ValidationError> Validate(ChangePoolMember request)
    {
        var errors = new List<ValidationError>();
        if (string.IsNullOrWhiteSpace(request.EmployeeId))
        {
            errors.Add(new ValidationError("employeeId", "required", "employeeId: this field is required."));
        }
        else if (TextLimits.Check("employeeId", request.EmployeeId.Trim(), TextLimits.Id) is { } idTooLong)
        {
            errors.Add(idTooLong);
        }

        if (string.IsNullOrWhiteSpace(request.Reason))
        {
            errors.Add(new ValidationError("reason", "required", "reason: say why; the pool's history keeps it."));
        }
        else if (TextLimits.Check("reason", request.Reason.Trim(), TextLimits.Reason) is { } reasonTooLong)
        {
            errors.Add(reasonTooLong);
        }

        return errors;
    }

    private static void Defined<TEnum>(List<ValidationError> errors, string field, IReadOnlyList<TEnum> values)
        where TEnum : struct, Enum
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (!Enum.IsDefined(values[i]))
            {
                errors.Add(new ValidationError($"{field}[{i}]", "unknownValue", $"{field}[{i}]: '{values[i]}' is not one of {string.Join(", ", Enum.GetNames<TEnum>())}."));
            }
        }
    }

    private static CommandResult<T> NoSuchPool<T>() => new(CommandStatus.NotFound, default, [new ValidationError("poolId", "notFound", "poolId: no such talent pool.")]);
}
