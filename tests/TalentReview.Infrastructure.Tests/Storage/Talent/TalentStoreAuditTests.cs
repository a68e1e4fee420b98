using TalentReview.Domain.Talent.Succession;
using TalentReview.Workflow.Storage;
using TalentReview.Workflow.Talent.Succession;

namespace TalentReview.Infrastructure.Tests.Storage.Talent;

/// <summary>A change of a role and its audit entry commit in one write: a crash before the entry's own document is written loses nothing.</summary>
public sealed class TalentStoreAuditTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private readonly InMemoryDocumentStore _documents = new();

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_audit_entry_whose_copy_crashed_is_read_from_its_role_and_copied_by_the_next_change()
    {
        var crashing = new AuditCopyCrash(_documents, "E101");
        var role = new CriticalRole("r1", "Chief Financial Officer", "Finance", "A1", "E100", "Ines Claes", LossLevel.Medium, LossLevel.High, [], "hr-1", At);
        await new TalentStore(_documents).CreateAsync(TalentStore.RoleKey("r1"), DocumentKinds.CriticalRole, role, Audit(TalentChange.RoleMarked, "E100", "Ines Claes", At), Cancellation);

        await Assert.ThrowsAsync<IOException>(() => new TalentStore(crashing).UpdateAsync<CriticalRole>(TalentStore.RoleKey("r1"), DocumentKinds.CriticalRole, r =>
            (r.WithSuccessor(new Successor("E101", "Lucas Janssens", SuccessorReadiness.ReadyNow, "hr-1", At.AddMinutes(1))), Audit(TalentChange.SuccessorConfirmed, "E101", "Lucas Janssens", At.AddMinutes(1))), Cancellation));

        var talent = new TalentStore(_documents);
        Assert.Equal(["Lucas Janssens"], (await talent.ReadRoleAsync("r1", Cancellation))!.Value.Successors.Select(s => s.Name));
        Assert.Equal([TalentChange.RoleMarked, TalentChange.SuccessorConfirmed], (await talent.RoleAuditAsync("r1", Cancellation)).Select(a => a.Change));
        Assert.Equal(["Lucas Janssens"], (await talent.AuditNamingAsync("E101", Cancellation)).Select(a => a.Name));

        await talent.UpdateAsync<CriticalRole>(TalentStore.RoleKey("r1"), DocumentKinds.CriticalRole, r =>
            (r.WithSuccessor(new Successor("E102", "Sophie Dubois", SuccessorReadiness.InOneToTwoYears, "hr-1", At.AddMinutes(2))), Audit(TalentChange.SuccessorConfirmed, "E102", "Sophie Dubois", At.AddMinutes(2))), Cancellation);

        var copied = await _documents.QueryAsync<TalentAuditDocument>(new DocumentQuery(TalentStore.Partition, DocumentKinds.TalentAudit), Cancellation);
        Assert.Equal(["Ines Claes", "Lucas Janssens", "Sophie Dubois"], copied.Items.Select(i => i.Value.Name));
        Assert.Equal(3, (await talent.RoleAuditAsync("r1", Cancellation)).Count);
    }

    private static TalentAuditDocument Audit(TalentChange change, string employeeId, string name, DateTimeOffset at) => new("r1", change, employeeId, name, null, null, "hr-1", at);

    /// <summary>The process dies when it copies the audit entry that names <paramref name="employeeId"/> (after the role itself was written).</summary>
    private sealed class AuditCopyCrash(IDocumentStore inner, string employeeId) : IDocumentStore
    {
        public Task<StoredDocument<T>?> ReadAsync<T>(DocumentKey key, CancellationToken cancellationToken = default) => inner.ReadAsync<T>(key, cancellationToken);

        public Task<string> CreateAsync<T>(DocumentKey key, string kind, T value, CancellationToken cancellationToken = default)
            => kind == DocumentKinds.TalentAudit && key.Id.EndsWith(":" + employeeId, StringComparison.Ordinal) ? throw new IOException("The process stopped.") : inner.CreateAsync(key, kind, value, cancellationToken);

        public Task<string> ReplaceAsync<T>(DocumentKey key, string kind, T value, string ifMatchETag, CancellationToken cancellationToken = default) => inner.ReplaceAsync(key, kind, value, ifMatchETag, cancellationToken);

        public Task<string> UpsertAsync<T>(DocumentKey key, string kind, T value, CancellationToken cancellationToken = default) => inner.UpsertAsync(key, kind, value, cancellationToken);

        public Task<IReadOnlyList<string>> WriteTogetherAsync(string partition, IReadOnlyList<DocumentWrite> writes, CancellationToken cancellationToken = default) => inner.WriteTogetherAsync(partition, writes, cancellationToken);

        public Task<bool> DeleteAsync(DocumentKey key, CancellationToken cancellationToken = default) => inner.DeleteAsync(key, cancellationToken);

        public Task<DocumentPage<T>> QueryAsync<T>(DocumentQuery query, CancellationToken cancellationToken = default) => inner.QueryAsync<T>(query, cancellationToken);

        public Task<int> DeletePartitionAsync(string partition, CancellationToken cancellationToken = default) => inner.DeletePartitionAsync(partition, cancellationToken);
    }
}
