using System.Text.Json;
using System.Text.Json.Nodes;
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
}

/// <summary>One change of a critical role or a pool: who did what to whom, when and why; written in the same transaction as the change.</summary>
public sealed record TalentAuditDocument(string SubjectId, TalentChange Change, string? EmployeeId, string? Name, string? Detail, string? Reason, string By, DateTimeOffset At);

/// <summary>
/// Critical roles, talent pools and their audit, in one partition of their own (they span cycles and
/// outlive each cycle's purge). Every change is one conditional write of the role or pool that carries its
/// audit entry (<see cref="PendingAuditProperty"/>): the change and its audit commit together in a single
/// document, which every store (and the Cosmos DB test server, which runs no transactional batch) writes
/// atomically. The entry is then copied to an audit document of its own; a copy lost to a crash is made by
/// the next change of the same role or pool, and readers of the audit take the carried entry into account.
/// When another writer got there first, the change is applied again to what they wrote.
/// </summary>
public sealed class TalentStore(IDocumentStore store)
{
    public const string Partition = "talent";

    /// <summary>The property of a stored role or pool that carries the audit entry of its latest change.</summary>
    public const string PendingAuditProperty = "pendingAudit";

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
        => AuditOfAsync(RoleKey(roleId), roleId, cancellationToken);

    /// <summary>Every change of one talent pool, oldest first.</summary>
    public Task<IReadOnlyList<TalentAuditDocument>> PoolAuditAsync(string poolId, CancellationToken cancellationToken = default)
        => AuditOfAsync(PoolKey(poolId), poolId, cancellationToken);

    /// <summary>Every audit entry that names one person (as the incumbent, a successor or a pool member), oldest first.</summary>
    public async Task<IReadOnlyList<TalentAuditDocument>> AuditNamingAsync(string employeeId, CancellationToken cancellationToken = default)
    {
        var entries = await QueryAllAsync<TalentAuditDocument>(
            new DocumentQuery(Partition, DocumentKinds.TalentAudit, new Dictionary<string, string> { ["employeeId"] = employeeId }), cancellationToken);
        var carried = new List<TalentAuditDocument>();
        foreach (var kind in new[] { DocumentKinds.CriticalRole, DocumentKinds.TalentPool })
        {
            carried.AddRange((await QueryAllAsync<JsonObject>(new DocumentQuery(Partition, kind), cancellationToken))
                .Select(PendingOf).OfType<TalentAuditDocument>().Where(a => a.EmployeeId == employeeId));
        }

        return Ordered(entries.Concat(carried));
    }

    /// <summary>Creates a document with its first audit entry; false when it exists already (nothing written).</summary>
    public async Task<bool> CreateAsync<T>(DocumentKey key, string kind, T value, TalentAuditDocument audit, CancellationToken cancellationToken = default)
        where T : notnull
    {
        ArgumentNullException.ThrowIfNull(audit);
        try
        {
            await store.CreateAsync(key, kind, Carrying(value, audit), cancellationToken);
        }
        catch (DocumentConflictException)
        {
            return false;
        }

        await CopyAuditAsync(audit, cancellationToken);
        return true;
    }

    /// <summary>
    /// Replaces a document only if it is still the version the caller saw (<paramref name="ifMatchETag"/>);
    /// false when someone changed it since (nothing written). For edits of fields a person saw and typed over.
    /// </summary>
    public async Task<bool> ReplaceIfUnchangedAsync<T>(DocumentKey key, string kind, T value, string ifMatchETag, TalentAuditDocument audit, CancellationToken cancellationToken = default)
        where T : notnull
    {
        ArgumentNullException.ThrowIfNull(audit);
        var current = await store.ReadAsync<JsonObject>(key, cancellationToken);
        if (current is null || current.ETag != ifMatchETag)
        {
            return false;
        }

        await CopyAuditAsync(PendingOf(current.Value), cancellationToken);
        try
        {
            await store.ReplaceAsync(key, kind, Carrying(value, audit), ifMatchETag, cancellationToken);
        }
        catch (DocumentConflictException)
        {
            return false;
        }

        await CopyAuditAsync(audit, cancellationToken);
        return true;
    }

    /// <summary>
    /// Read, change, write back with the audit entry only if nobody wrote in between; on a conflict read
    /// again and re-apply, so two people adding different successors both keep theirs. <paramref name="change"/>
    /// returns null to write nothing. Returns what is stored afterwards (null: the document does not exist).
    /// </summary>
    public async Task<T?> UpdateAsync<T>(DocumentKey key, string kind, Func<T, (T Value, TalentAuditDocument Audit)?> change, CancellationToken cancellationToken = default)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(change);
        var written = await RewriteAsync<T>(key, kind, (value, _) => change(value) is { } changed ? (changed.Value, changed.Audit) : null, cancellationToken);
        return written;
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
            named.UnionWith(role.Successors.Select(s => s.EmployeeId));
        }

        foreach (var pool in await QueryAllAsync<TalentPool>(new DocumentQuery(Partition, DocumentKinds.TalentPool), cancellationToken))
        {
            named.UnionWith(pool.Members.Select(m => m.EmployeeId).Concat(pool.Exclusions.Select(e => e.EmployeeId)));
        }

        named.UnionWith((await QueryAllAsync<TalentAuditDocument>(new DocumentQuery(Partition, DocumentKinds.TalentAudit), cancellationToken)).Select(a => a.EmployeeId).OfType<string>());
        named.Remove(string.Empty);
        return named;
    }

    /// <summary>Rewrites one role or pool without the people, and without a carried audit entry that names them (copied first, then deleted with the others).</summary>
    private async Task<bool> ForgetInAsync<T>(DocumentKey key, string kind, IReadOnlySet<string> employeeIds, Func<T, T> forget, CancellationToken cancellationToken)
        where T : class
    {
        var rewritten = false;
        await RewriteAsync<T>(key, kind, (value, pending) =>
        {
            var without = forget(value);
            var names = pending?.EmployeeId is { } named && employeeIds.Contains(named);
            rewritten = names || !Equals(without, value);
            return rewritten ? (without, null) : null;
        }, cancellationToken);
        return rewritten;
    }

    /// <summary>The read-change-write loop: a carried audit entry is copied before the write replaces it.</summary>
    private async Task<T?> RewriteAsync<T>(DocumentKey key, string kind, Func<T, TalentAuditDocument?, (T Value, TalentAuditDocument? Audit)?> change, CancellationToken cancellationToken)
        where T : class
    {
        for (var attempt = 0; ; attempt++)
        {
            var current = await store.ReadAsync<JsonObject>(key, cancellationToken);
            if (current is null)
            {
                return null;
            }

            var value = current.Value.Deserialize<T>(DocumentJson.Options)!;
            var pending = PendingOf(current.Value);
            if (change(value, pending) is not { } changed)
            {
                return value;
            }

            await CopyAuditAsync(pending, cancellationToken);
            try
            {
                await store.ReplaceAsync(key, kind, Carrying(changed.Value, changed.Audit), current.ETag, cancellationToken);
            }
            catch (DocumentConflictException) when (attempt < MaxConflictRetries)
            {
                // Another writer won the race: apply the change to what they wrote.
                continue;
            }

            await CopyAuditAsync(changed.Audit, cancellationToken);
            return changed.Value;
        }
    }

    private async Task<IReadOnlyList<TalentAuditDocument>> AuditOfAsync(DocumentKey subjectKey, string subjectId, CancellationToken cancellationToken)
    {
        var entries = await QueryAllAsync<TalentAuditDocument>(
            new DocumentQuery(Partition, DocumentKinds.TalentAudit, new Dictionary<string, string> { ["subjectId"] = subjectId }), cancellationToken);
        var carried = (await store.ReadAsync<JsonObject>(subjectKey, cancellationToken)) is { } subject ? PendingOf(subject.Value) : null;
        return Ordered(carried is null ? entries : entries.Append(carried));
    }

    /// <summary>Oldest first; an entry both carried and copied counts once.</summary>
    private static List<TalentAuditDocument> Ordered(IEnumerable<TalentAuditDocument> entries)
        => [.. entries
            .DistinctBy(a => AuditKey(a.SubjectId, a.At, a.Change, a.EmployeeId).Id, StringComparer.Ordinal)
            .OrderBy(a => a.At)
            .ThenBy(a => AuditKey(a.SubjectId, a.At, a.Change, a.EmployeeId).Id, StringComparer.Ordinal)];

    /// <summary>Copies a carried audit entry to its own document; a copy made before (by this writer or the next) stays.</summary>
    private async Task CopyAuditAsync(TalentAuditDocument? audit, CancellationToken cancellationToken)
    {
        if (audit is null)
        {
            return;
        }

        try
        {
            await store.CreateAsync(AuditKey(audit.SubjectId, audit.At, audit.Change, audit.EmployeeId), DocumentKinds.TalentAudit, audit, cancellationToken);
        }
        catch (DocumentConflictException)
        {
            // Copied already.
        }
    }

    private static JsonObject Carrying<T>(T value, TalentAuditDocument? audit)
    {
        var document = JsonSerializer.SerializeToNode(value, DocumentJson.Options)!.AsObject();
        if (audit is not null)
        {
            document[PendingAuditProperty] = JsonSerializer.SerializeToNode(audit, DocumentJson.Options);
        }

        return document;
    }

    private static TalentAuditDocument? PendingOf(JsonObject document)
        => document[PendingAuditProperty]?.Deserialize<TalentAuditDocument>(DocumentJson.Options);

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
