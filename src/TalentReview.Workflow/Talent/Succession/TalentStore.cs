using TalentReview.Domain.Talent.Pools;
using TalentReview.Domain.Talent.Succession;
using TalentReview.Workflow.Storage;

namespace TalentReview.Workflow.Talent.Succession;

/// <summary>What changed on a critical role or a talent pool; one audit document each.</summary>
public enum TalentChange
{
    RoleMarked,
    RoleChanged,
    SuccessorConfirmed,
    SuccessorRemoved,
    PoolCreated,
    PoolFilled,
    MemberAdded,
    MemberRemoved,
    RoleUnmarked,
    NominationClosed,
}

/// <summary>One change of a critical role or a pool: who did what to whom, when and why; written in the same transaction as the change.</summary>
public sealed record TalentAuditDocument(string SubjectId, TalentChange Change, string? EmployeeId, string? Name, string? Detail, string? Reason, string By, DateTimeOffset At);

/// <summary>
/// Critical roles, talent pools and their audit, in one partition of their own (they span cycles and
/// outlive each cycle's purge). Every change is a conditional write of the document together with its
/// audit entry; when another writer got there first, the change is applied again to what they wrote.
/// </summary>
public sealed class TalentStore(IDocumentStore store)
{
    public const string Partition = "talent";

    private const int MaxConflictRetries = 10;

    public static DocumentKey RoleKey(string roleId) => new(Partition, $"role:{roleId}");

    public static DocumentKey PoolKey(string poolId) => new(Partition, $"pool:{poolId}");

    public static DocumentKey AuditKey(string subjectId, DateTimeOffset at, TalentChange change, string? employeeId)
        => new(Partition, $"audit:{subjectId}:{at.UtcTicks:D19}:{change}:{employeeId ?? "-"}");

    public Task<StoredDocument<CriticalRole>?> ReadRoleAsync(string roleId, CancellationToken cancellationToken = default)
        => store.ReadAsync<CriticalRole>(RoleKey(roleId), cancellationToken);

    public Task<StoredDocument<TalentPool>?> ReadPoolAsync(string poolId, CancellationToken cancellationToken = default)
        => store.ReadAsync<TalentPool>(PoolKey(poolId), cancellationToken);

    public Task<IReadOnlyList<CriticalRole>> ListRolesAsync(CancellationToken cancellationToken = default)
        => QueryAllAsync<CriticalRole>(new DocumentQuery(Partition, DocumentKinds.CriticalRole), cancellationToken);

    public Task<IReadOnlyList<TalentPool>> ListPoolsAsync(CancellationToken cancellationToken = default)
        => QueryAllAsync<TalentPool>(new DocumentQuery(Partition, DocumentKinds.TalentPool), cancellationToken);

    /// <summary>Every change of one critical role, oldest first.</summary>
    public Task<IReadOnlyList<TalentAuditDocument>> RoleAuditAsync(string roleId, CancellationToken cancellationToken = default)
        => AuditWhereAsync("subjectId", roleId, cancellationToken);

    /// <summary>Every change of one talent pool, oldest first.</summary>
    public Task<IReadOnlyList<TalentAuditDocument>> PoolAuditAsync(string poolId, CancellationToken cancellationToken = default)
        => AuditWhereAsync("subjectId", poolId, cancellationToken);

    /// <summary>Every audit entry that names one person (as the incumbent, a successor or a pool member), oldest first.</summary>
    public Task<IReadOnlyList<TalentAuditDocument>> AuditNamingAsync(string employeeId, CancellationToken cancellationToken = default)
        => AuditWhereAsync("employeeId", employeeId, cancellationToken);

    /// <summary>Creates a document with its first audit entry; false when it exists already (nothing written).</summary>
    public async Task<bool> CreateAsync<T>(DocumentKey key, string kind, T value, TalentAuditDocument audit, CancellationToken cancellationToken = default)
        where T : notnull
    {
        ArgumentNullException.ThrowIfNull(audit);
        try
        {
            await store.WriteTogetherAsync(Partition, [new DocumentWrite(key, kind, value, null), Audit(audit)], cancellationToken);
            return true;
        }
        catch (DocumentConflictException conflict) when (conflict.Key == key)
        {
            return false;
        }
    }

    /// <summary>
    /// Replaces a document only if it is still the version the caller saw (<paramref name="ifMatchETag"/>);
    /// false when someone changed it since (nothing written). For edits of fields a person saw and typed over.
    /// </summary>
    public async Task<bool> ReplaceIfUnchangedAsync<T>(DocumentKey key, string kind, T value, string ifMatchETag, TalentAuditDocument audit, CancellationToken cancellationToken = default)
        where T : notnull
    {
        ArgumentNullException.ThrowIfNull(audit);
        try
        {
            await store.WriteTogetherAsync(Partition, [new DocumentWrite(key, kind, value, ifMatchETag), Audit(audit)], cancellationToken);
            return true;
        }
        catch (DocumentConflictException conflict) when (conflict.Key == key)
        {
            return false;
        }
    }

    /// <summary>
    /// Read, change, write back with the audit entry only if nobody wrote in between; on a conflict read
    /// again and re-apply, so two people adding different successors both keep theirs. <paramref name="change"/>
    /// returns null to write nothing. Returns what is stored afterwards (null: the document does not exist).
    /// </summary>
    public Task<T?> UpdateAsync<T>(DocumentKey key, string kind, Func<T, (T Value, TalentAuditDocument Audit)?> change, CancellationToken cancellationToken = default)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(change);
        return UpdateWithAuditsAsync<T>(key, kind, current => change(current) is { } changed ? (changed.Value, [changed.Audit]) : null, cancellationToken);
    }

    /// <summary>As <see cref="UpdateAsync{T}"/>, for a change that writes several audit entries (one per person it touches).</summary>
    public async Task<T?> UpdateWithAuditsAsync<T>(DocumentKey key, string kind, Func<T, (T Value, IReadOnlyList<TalentAuditDocument> Audits)?> change, CancellationToken cancellationToken = default)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(change);
        for (var attempt = 0; ; attempt++)
        {
            var current = await store.ReadAsync<T>(key, cancellationToken);
            if (current is null)
            {
                return null;
            }

            if (change(current.Value) is not { } changed)
            {
                return current.Value;
            }

            try
            {
                await store.WriteTogetherAsync(Partition, [new DocumentWrite(key, kind, changed.Value, current.ETag), .. changed.Audits.Select(Audit)], cancellationToken);
                return changed.Value;
            }
            catch (DocumentConflictException) when (attempt < MaxConflictRetries)
            {
                // Another writer won the race: apply the change to what they wrote.
            }
        }
    }

    /// <summary>
    /// Takes people out of every role and pool when the retention policy no longer keeps anything else about
    /// them: their successor nominations, pool memberships and exclusions, and incumbent references go, and so
    /// do the audit entries that name them. Idempotent; returns how many documents were changed or deleted.
    /// </summary>
    public async Task<int> ForgetPeopleAsync(IReadOnlySet<string> employeeIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(employeeIds);
        if (employeeIds.Count == 0)
        {
            return 0;
        }

        var changed = 0;
        foreach (var role in await QueryAllAsync<CriticalRole>(new DocumentQuery(Partition, DocumentKinds.CriticalRole), cancellationToken))
        {
            changed += await ForgetInAsync<CriticalRole>(RoleKey(role.RoleId), DocumentKinds.CriticalRole, employeeIds, r => r.Without(employeeIds), cancellationToken) ? 1 : 0;
        }

        foreach (var pool in await QueryAllAsync<TalentPool>(new DocumentQuery(Partition, DocumentKinds.TalentPool), cancellationToken))
        {
            changed += await ForgetInAsync<TalentPool>(PoolKey(pool.PoolId), DocumentKinds.TalentPool, employeeIds, p => p.Without(employeeIds), cancellationToken) ? 1 : 0;
        }

        foreach (var page in employeeIds.Order(StringComparer.Ordinal).Chunk(DocumentRules.MaxAnyOfValues))
        {
            var naming = new DocumentQuery(Partition, DocumentKinds.TalentAudit, WhereAnyOf: new Dictionary<string, IReadOnlyList<string>> { ["employeeId"] = page });
            foreach (var audit in await QueryAllAsync<TalentAuditDocument>(naming, cancellationToken))
            {
                changed += await store.DeleteAsync(AuditKey(audit.SubjectId, audit.At, audit.Change, audit.EmployeeId), cancellationToken) ? 1 : 0;
            }
        }

        return changed;
    }

    /// <summary>Everyone a role, a pool or an audit entry names (incumbents, successors, members, excluded people).</summary>
    public async Task<IReadOnlySet<string>> NamedPeopleAsync(CancellationToken cancellationToken = default)
    {
        var named = new HashSet<string>(StringComparer.Ordinal);
        foreach (var role in await QueryAllAsync<CriticalRole>(new DocumentQuery(Partition, DocumentKinds.CriticalRole), cancellationToken))
        {
            named.Add(role.IncumbentId);
            named.UnionWith(role.Successors.Concat(role.ClosedSuccessors ?? []).Select(s => s.EmployeeId));
        }

        foreach (var pool in await QueryAllAsync<TalentPool>(new DocumentQuery(Partition, DocumentKinds.TalentPool), cancellationToken))
        {
            named.UnionWith(pool.Members.Select(m => m.EmployeeId).Concat(pool.Exclusions.Select(e => e.EmployeeId)));
        }

        named.UnionWith((await QueryAllAsync<TalentAuditDocument>(new DocumentQuery(Partition, DocumentKinds.TalentAudit), cancellationToken)).Select(a => a.EmployeeId).OfType<string>());
        named.Remove(string.Empty);
        return named;
    }

    /// <summary>Rewrites one role or pool without the people; false when it named none of them.</summary>
    private async Task<bool> ForgetInAsync<T>(DocumentKey key, string kind, IReadOnlySet<string> employeeIds, Func<T, T> forget, CancellationToken cancellationToken)
        where T : class
    {
        var rewritten = false;
        await UpdateWithAuditsAsync<T>(key, kind, value =>
        {
            var without = forget(value);
            rewritten = !Equals(without, value);
            return rewritten ? (without, []) : null;
        }, cancellationToken);
        return rewritten;
    }

    private async Task<IReadOnlyList<TalentAuditDocument>> AuditWhereAsync(string field, string value, CancellationToken cancellationToken)
        => [.. (await QueryAllAsync<TalentAuditDocument>(
                new DocumentQuery(Partition, DocumentKinds.TalentAudit, new Dictionary<string, string> { [field] = value }), cancellationToken))
            .OrderBy(a => a.At)
            .ThenBy(a => AuditKey(a.SubjectId, a.At, a.Change, a.EmployeeId).Id, StringComparer.Ordinal)];

    private static DocumentWrite Audit(TalentAuditDocument audit)
        => new(AuditKey(audit.SubjectId, audit.At, audit.Change, audit.EmployeeId), DocumentKinds.TalentAudit, audit, null);

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
}
