using System.Text.Json;
using System.Text.Json.Serialization;
using TalentReview.Workflow.Storage;

namespace TalentReview.Infrastructure.Tests.Storage;

/// <summary>
/// The behaviour every <see cref="IDocumentStore"/> shares, run against each implementation by a
/// subclass. Every test works in a partition of its own, so one store instance serves them all.
/// </summary>
public abstract class DocumentStoreContract
{
    private const string NoteKind = "note";

    protected abstract IDocumentStore Store { get; }

    /// <summary>Writers in the parallel-increment test; each adds <see cref="IncrementsPerWriter"/>.</summary>
    protected virtual int ConcurrentWriters => 16;

    protected virtual int IncrementsPerWriter => 10;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Created_document_reads_back_with_its_value_and_etag()
    {
        var key = NewKey("note-1");
        var note = new Note("Quarterly goals", "e-17", 3, Status.Open, new DateTimeOffset(2026, 3, 1, 9, 30, 0, TimeSpan.Zero), ["a", "b"]);

        var etag = await Store.CreateAsync(key, NoteKind, note, Cancellation);
        var stored = await Store.ReadAsync<Note>(key, Cancellation);

        Assert.NotNull(stored);
        Assert.Equal(key, stored.Key);
        Assert.Equal(note with { Tags = null }, stored.Value with { Tags = null });
        Assert.Equal(["a", "b"], stored.Value.Tags!);
        Assert.Equal(etag, stored.ETag);
        Assert.False(string.IsNullOrEmpty(etag));
    }

    [Fact]
    public async Task Reading_a_missing_document_returns_null()
    {
        var key = NewKey("never-written");

        Assert.Null(await Store.ReadAsync<Note>(key, Cancellation));
    }

    [Fact]
    public async Task Writes_made_together_are_all_stored_with_the_etags_they_return()
    {
        var mark = NewKey("participant:e-17");
        var submission = mark with { Id = "self:e-17" };
        var before = await Store.CreateAsync(mark, NoteKind, new Note("pending"), Cancellation);

        var etags = await Store.WriteTogetherAsync(mark.Partition, [new DocumentWrite(submission, NoteKind, new Note("my year"), null), new DocumentWrite(mark, NoteKind, new Note("submitted"), before)], Cancellation);

        var (storedSubmission, storedMark) = (await Store.ReadAsync<Note>(submission, Cancellation), await Store.ReadAsync<Note>(mark, Cancellation));
        Assert.Equal(("my year", "submitted"), (storedSubmission!.Value.Title, storedMark!.Value.Title));
        Assert.Equal([storedSubmission.ETag, storedMark.ETag], etags);
        Assert.NotEqual(before, storedMark.ETag);
    }

    [Fact]
    public async Task A_write_made_together_whose_etag_is_stale_leaves_every_document_as_it_was()
    {
        var mark = NewKey("participant:e-17");
        var submission = mark with { Id = "self:e-17" };
        var stale = await Store.CreateAsync(mark, NoteKind, new Note("pending"), Cancellation);
        await Store.ReplaceAsync(mark, NoteKind, new Note("escalated"), stale, Cancellation);

        var conflict = await Assert.ThrowsAsync<DocumentConflictException>(() => Store.WriteTogetherAsync(
            mark.Partition, [new DocumentWrite(submission, NoteKind, new Note("my year"), null), new DocumentWrite(mark, NoteKind, new Note("submitted"), stale)], Cancellation));

        Assert.Equal(mark, conflict.Key);
        Assert.Equal("escalated", (await Store.ReadAsync<Note>(mark, Cancellation))!.Value.Title);
        Assert.Empty((await Store.QueryAsync<Note>(new DocumentQuery(mark.Partition, NoteKind, new Dictionary<string, string> { ["title"] = "my year" }), Cancellation)).Items);
    }

    [Fact]
    public async Task A_crash_between_two_writes_made_together_leaves_neither()
    {
        var mark = NewKey("participant:e-17");
        var submission = mark with { Id = "self:e-17" };
        var etag = await Store.CreateAsync(mark, NoteKind, new Note("pending"), Cancellation);

        // The second value fails while it is written, after the first write went through.
        await Assert.ThrowsAsync<IOException>(() => Store.WriteTogetherAsync(
            mark.Partition, [new DocumentWrite(submission, NoteKind, new Note("my year"), null), new DocumentWrite(mark, NoteKind, new Unwritable(), etag)], Cancellation));

        Assert.Empty((await Store.QueryAsync<Note>(new DocumentQuery(mark.Partition, NoteKind, new Dictionary<string, string> { ["title"] = "my year" }), Cancellation)).Items);
        var kept = await Store.ReadAsync<Note>(mark, Cancellation);
        Assert.Equal(("pending", etag), (kept!.Value.Title, kept.ETag));
    }

    [Fact]
    public async Task Creating_an_existing_document_throws_a_conflict_and_keeps_the_first()
    {
        var key = NewKey("note-1");
        await Store.CreateAsync(key, NoteKind, new Note("first"), Cancellation);

        var conflict = await Assert.ThrowsAsync<DocumentConflictException>(() => Store.CreateAsync(key, NoteKind, new Note("second"), Cancellation));

        Assert.Equal(key, conflict.Key);
        Assert.Equal("first", (await Store.ReadAsync<Note>(key, Cancellation))!.Value.Title);
    }

    [Fact]
    public async Task Replace_with_the_current_etag_writes_and_returns_a_new_etag()
    {
        var key = NewKey("note-1");
        var first = await Store.CreateAsync(key, NoteKind, new Note("draft"), Cancellation);

        var second = await Store.ReplaceAsync(key, NoteKind, new Note("final"), first, Cancellation);

        var stored = await Store.ReadAsync<Note>(key, Cancellation);
        Assert.Equal("final", stored!.Value.Title);
        Assert.Equal(second, stored.ETag);
        Assert.NotEqual(first, second);
    }

    [Fact]
    public async Task Replace_with_a_stale_etag_throws_a_conflict_and_keeps_the_winner()
    {
        var key = NewKey("note-1");
        var original = await Store.CreateAsync(key, NoteKind, new Note("v1"), Cancellation);
        await Store.ReplaceAsync(key, NoteKind, new Note("winner"), original, Cancellation);

        var conflict = await Assert.ThrowsAsync<DocumentConflictException>(() => Store.ReplaceAsync(key, NoteKind, new Note("loser"), original, Cancellation));

        Assert.Equal(key, conflict.Key);
        Assert.Equal("winner", (await Store.ReadAsync<Note>(key, Cancellation))!.Value.Title);
    }

    [Fact]
    public async Task Replace_of_a_deleted_document_throws_a_conflict_and_does_not_recreate_it()
    {
        var key = NewKey("note-1");
        var etag = await Store.CreateAsync(key, NoteKind, new Note("v1"), Cancellation);
        await Store.DeleteAsync(key, Cancellation);

        await Assert.ThrowsAsync<DocumentConflictException>(() => Store.ReplaceAsync(key, NoteKind, new Note("v2"), etag, Cancellation));

        Assert.Empty((await Store.QueryAsync<Note>(new DocumentQuery(key.Partition, NoteKind), Cancellation)).Items);
    }

    [Fact]
    public async Task An_etag_from_before_a_delete_and_recreate_no_longer_matches()
    {
        var key = NewKey("note-1");
        var old = await Store.CreateAsync(key, NoteKind, new Note("v1"), Cancellation);
        await Store.DeleteAsync(key, Cancellation);
        await Store.CreateAsync(key, NoteKind, new Note("v1 again"), Cancellation);

        await Assert.ThrowsAsync<DocumentConflictException>(() => Store.ReplaceAsync(key, NoteKind, new Note("v2"), old, Cancellation));
    }

    [Fact]
    public async Task Upsert_creates_then_overwrites_with_a_new_etag()
    {
        var key = NewKey("note-1");

        var created = await Store.UpsertAsync(key, NoteKind, new Note("one"), Cancellation);
        var overwritten = await Store.UpsertAsync(key, NoteKind, new Note("two"), Cancellation);

        var stored = await Store.ReadAsync<Note>(key, Cancellation);
        Assert.Equal("two", stored!.Value.Title);
        Assert.Equal(overwritten, stored.ETag);
        Assert.NotEqual(created, overwritten);
    }

    [Fact]
    public async Task Delete_returns_true_once_then_false()
    {
        var key = NewKey("note-1");
        await Store.CreateAsync(key, NoteKind, new Note("gone soon"), Cancellation);

        Assert.True(await Store.DeleteAsync(key, Cancellation));
        Assert.False(await Store.DeleteAsync(key, Cancellation));
        Assert.Empty((await Store.QueryAsync<Note>(new DocumentQuery(key.Partition, NoteKind), Cancellation)).Items);
    }

    [Fact]
    public async Task The_same_id_in_two_partitions_is_two_documents()
    {
        var left = NewKey("shared-id");
        var right = new DocumentKey(NewPartition(), "shared-id");
        await Store.CreateAsync(left, NoteKind, new Note("left"), Cancellation);
        await Store.CreateAsync(right, NoteKind, new Note("right"), Cancellation);

        await Store.DeleteAsync(left, Cancellation);

        Assert.Equal("right", (await Store.ReadAsync<Note>(right, Cancellation))!.Value.Title);
        Assert.Empty((await Store.QueryAsync<Note>(new DocumentQuery(left.Partition, NoteKind), Cancellation)).Items);
    }

    [Fact]
    public async Task Query_returns_only_its_kind_in_its_partition_in_ordinal_id_order()
    {
        var partition = NewPartition();
        foreach (var id in new[] { "b", "a", "C", "a:2", "a:10" })
        {
            await Store.CreateAsync(new DocumentKey(partition, id), NoteKind, new Note(id), Cancellation);
        }

        await Store.CreateAsync(new DocumentKey(partition, "other-kind"), "memo", new Note("memo"), Cancellation);
        await Store.CreateAsync(new DocumentKey(NewPartition(), "a"), NoteKind, new Note("elsewhere"), Cancellation);

        var page = await Store.QueryAsync<Note>(new DocumentQuery(partition, NoteKind), Cancellation);

        Assert.Equal(["C", "a", "a:10", "a:2", "b"], page.Items.Select(i => i.Key.Id));
        Assert.All(page.Items, item => Assert.Equal(item.Key.Id, item.Value.Title));
        Assert.All(page.Items, item => Assert.Equal(partition, item.Key.Partition));
        Assert.Null(page.NextAfterId);
    }

    [Fact]
    public async Task Query_pages_by_id_until_the_last_page_has_no_next()
    {
        var partition = NewPartition();
        var ids = Enumerable.Range(0, 7).Select(i => $"n{i:D2}").ToList();
        foreach (var id in ids)
        {
            await Store.UpsertAsync(new DocumentKey(partition, id), NoteKind, new Note(id), Cancellation);
        }

        var seen = new List<string>();
        var pages = 0;
        string? after = null;
        do
        {
            var page = await Store.QueryAsync<Note>(new DocumentQuery(partition, NoteKind, AfterId: after, PageSize: 3), Cancellation);
            Assert.True(page.Items.Count <= 3);
            seen.AddRange(page.Items.Select(i => i.Key.Id));
            after = page.NextAfterId;
            pages++;
        }
        while (after is not null);

        Assert.Equal(ids, seen);
        Assert.Equal(3, pages);
    }

    [Fact]
    public async Task A_full_last_page_says_there_is_no_next_page()
    {
        var partition = NewPartition();
        for (var i = 0; i < 4; i++)
        {
            await Store.UpsertAsync(new DocumentKey(partition, $"n{i}"), NoteKind, new Note("x"), Cancellation);
        }

        var first = await Store.QueryAsync<Note>(new DocumentQuery(partition, NoteKind, PageSize: 2), Cancellation);
        var second = await Store.QueryAsync<Note>(new DocumentQuery(partition, NoteKind, AfterId: first.NextAfterId, PageSize: 2), Cancellation);

        Assert.Equal("n1", first.NextAfterId);
        Assert.Equal(["n2", "n3"], second.Items.Select(i => i.Key.Id));
        Assert.Null(second.NextAfterId);
    }

    [Fact]
    public async Task Query_filters_on_every_given_top_level_string_property()
    {
        var partition = NewPartition();
        await Store.CreateAsync(new DocumentKey(partition, "1"), NoteKind, new Note("t", "e-1", Status: Status.Open, Group: "g1"), Cancellation);
        await Store.CreateAsync(new DocumentKey(partition, "2"), NoteKind, new Note("t", "e-1", Status: Status.Closed, Group: "g1"), Cancellation);
        await Store.CreateAsync(new DocumentKey(partition, "3"), NoteKind, new Note("t", "e-2", Status: Status.Open, Group: "g1"), Cancellation);
        await Store.CreateAsync(new DocumentKey(partition, "4"), NoteKind, new Note("t", null, Status: Status.Open, Group: "g1"), Cancellation);

        var openForE1 = await Store.QueryAsync<Note>(
            new DocumentQuery(partition, NoteKind, new Dictionary<string, string> { ["employeeId"] = "e-1", ["status"] = "Open" }), Cancellation);
        var group = await Store.QueryAsync<Note>(
            new DocumentQuery(partition, NoteKind, new Dictionary<string, string> { ["group"] = "g1" }), Cancellation);
        var nobody = await Store.QueryAsync<Note>(
            new DocumentQuery(partition, NoteKind, new Dictionary<string, string> { ["employeeId"] = "e-3" }), Cancellation);

        Assert.Equal(["1"], openForE1.Items.Select(i => i.Key.Id));
        Assert.Equal(["1", "2", "3", "4"], group.Items.Select(i => i.Key.Id));
        Assert.Empty(nobody.Items);
    }

    [Fact]
    public async Task Query_keeps_a_document_whose_property_is_any_of_the_given_values_and_pages_them()
    {
        var partition = NewPartition();
        await Store.CreateAsync(new DocumentKey(partition, "1"), NoteKind, new Note("t", "e-1", Status: Status.Open), Cancellation);
        await Store.CreateAsync(new DocumentKey(partition, "2"), NoteKind, new Note("t", "e-2", Status: Status.Closed), Cancellation);
        await Store.CreateAsync(new DocumentKey(partition, "3"), NoteKind, new Note("t", "e-3", Status: Status.Open), Cancellation);
        await Store.CreateAsync(new DocumentKey(partition, "4"), NoteKind, new Note("t", null, Status: Status.Open), Cancellation);
        await Store.CreateAsync(new DocumentKey(partition, "5"), NoteKind, new Note("t", "e-1", Status: Status.Open), Cancellation);
        var ofE1OrE3 = new Dictionary<string, IReadOnlyList<string>> { ["employeeId"] = ["e-1", "e-3", "e-9"] };

        var first = await Store.QueryAsync<Note>(new DocumentQuery(partition, NoteKind, PageSize: 2, WhereAnyOf: ofE1OrE3), Cancellation);
        var rest = await Store.QueryAsync<Note>(new DocumentQuery(partition, NoteKind, AfterId: first.NextAfterId, PageSize: 2, WhereAnyOf: ofE1OrE3), Cancellation);
        var openOfE2OrE3 = await Store.QueryAsync<Note>(
            new DocumentQuery(partition, NoteKind, new Dictionary<string, string> { ["status"] = "Open" }, WhereAnyOf: new Dictionary<string, IReadOnlyList<string>> { ["employeeId"] = ["e-2", "e-3"] }),
            Cancellation);

        Assert.Equal(["1", "3"], first.Items.Select(i => i.Key.Id));
        Assert.Equal(["5"], rest.Items.Select(i => i.Key.Id));
        Assert.Null(rest.NextAfterId);
        Assert.Equal(["3"], openOfE2OrE3.Items.Select(i => i.Key.Id));
    }

    [Fact]
    public async Task Query_by_manager_finds_the_reports_with_any_other_condition_and_pages_them()
    {
        var partition = NewPartition();
        await Store.CreateAsync(new DocumentKey(partition, "r1"), NoteKind, new Report("m-1", "Pending"), Cancellation);
        await Store.CreateAsync(new DocumentKey(partition, "r2"), NoteKind, new Report("m-2", "Pending"), Cancellation);
        await Store.CreateAsync(new DocumentKey(partition, "r3"), NoteKind, new Report("m-1", "Submitted"), Cancellation);
        await Store.CreateAsync(new DocumentKey(partition, "r4"), NoteKind, new Report(null, "Pending"), Cancellation);
        await Store.CreateAsync(new DocumentKey(partition, "r5"), NoteKind, new Report("m-1", "Pending"), Cancellation);

        var ofM1 = await Store.QueryAsync<Report>(new DocumentQuery(partition, NoteKind, new Dictionary<string, string> { ["managerId"] = "m-1" }, PageSize: 2), Cancellation);
        var ofM1Rest = await Store.QueryAsync<Report>(new DocumentQuery(partition, NoteKind, new Dictionary<string, string> { ["managerId"] = "m-1" }, ofM1.NextAfterId), Cancellation);
        var pendingOfBoth = await Store.QueryAsync<Report>(
            new DocumentQuery(partition, NoteKind, new Dictionary<string, string> { ["state"] = "Pending" }, WhereAnyOf: new Dictionary<string, IReadOnlyList<string>> { ["managerId"] = ["m-1", "m-2"] }),
            Cancellation);

        Assert.Equal(["r1", "r3", "r5"], ofM1.Items.Concat(ofM1Rest.Items).Select(i => i.Key.Id));
        Assert.Equal(["r1", "r2", "r5"], pendingOfBoth.Items.Select(i => i.Key.Id));
    }

    [Fact]
    public async Task An_any_of_condition_without_values_is_refused()
    {
        var query = new DocumentQuery(NewPartition(), NoteKind, WhereAnyOf: new Dictionary<string, IReadOnlyList<string>> { ["employeeId"] = [] });

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => Store.QueryAsync<Note>(query, Cancellation));
        Assert.Contains("employeeId", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Query_matches_strings_only_not_numbers_that_print_the_same()
    {
        var partition = NewPartition();
        await Store.CreateAsync(new DocumentKey(partition, "1"), NoteKind, new Note("t", Count: 5), Cancellation);

        var page = await Store.QueryAsync<Note>(new DocumentQuery(partition, NoteKind, new Dictionary<string, string> { ["count"] = "5" }), Cancellation);

        Assert.Empty(page.Items);
    }

    [Fact]
    public async Task Document_properties_named_like_the_envelope_do_not_collide()
    {
        var key = NewKey("doc-1");
        var lookalike = new Lookalike("inner-id", "inner-kind", "inner-partition");
        await Store.CreateAsync(key, NoteKind, lookalike, Cancellation);

        var read = await Store.ReadAsync<Lookalike>(key, Cancellation);
        var byKind = await Store.QueryAsync<Lookalike>(new DocumentQuery(key.Partition, NoteKind), Cancellation);
        var byInnerKind = await Store.QueryAsync<Lookalike>(new DocumentQuery(key.Partition, NoteKind, new Dictionary<string, string> { ["kind"] = "inner-kind" }), Cancellation);

        Assert.Equal(lookalike, read!.Value);
        Assert.Equal(key, read.Key);
        Assert.Equal([key], byKind.Items.Select(i => i.Key));
        Assert.Equal([key], byInnerKind.Items.Select(i => i.Key));
    }

    [Fact]
    public async Task Deleting_a_partition_removes_all_its_documents_and_no_others()
    {
        var partition = NewPartition();
        var neighbour = NewKey("keep");
        for (var i = 0; i < 12; i++)
        {
            await Store.CreateAsync(new DocumentKey(partition, $"n{i:D2}"), i % 2 == 0 ? NoteKind : "memo", new Note("x"), Cancellation);
        }

        await Store.CreateAsync(neighbour, NoteKind, new Note("neighbour"), Cancellation);

        var deleted = await Store.DeletePartitionAsync(partition, Cancellation);

        Assert.Equal(12, deleted);
        Assert.Empty((await Store.QueryAsync<Note>(new DocumentQuery(partition, NoteKind), Cancellation)).Items);
        Assert.Empty((await Store.QueryAsync<Note>(new DocumentQuery(partition, "memo"), Cancellation)).Items);
        Assert.NotNull(await Store.ReadAsync<Note>(neighbour, Cancellation));
        Assert.Equal(0, await Store.DeletePartitionAsync(partition, Cancellation));
    }

    [Fact]
    public async Task Two_writers_with_the_same_etag_one_wins_and_the_other_gets_a_conflict()
    {
        var key = NewKey("counter");
        var etag = await Store.CreateAsync(key, NoteKind, new Note("counter"), Cancellation);

        var outcomes = await Task.WhenAll(
            TryReplaceAsync(key, new Note("first writer"), etag),
            TryReplaceAsync(key, new Note("second writer"), etag));

        Assert.Single(outcomes, o => o.Won);
        var loser = Assert.Single(outcomes, o => !o.Won);
        Assert.Equal(key, loser.Conflict!.Key);
        var winner = outcomes.Single(o => o.Won).Note.Title;
        Assert.Equal(winner, (await Store.ReadAsync<Note>(key, Cancellation))!.Value.Title);
    }

    [Fact]
    public async Task Parallel_read_modify_replace_increments_lose_no_update()
    {
        var key = NewKey("counter");
        await Store.CreateAsync(key, NoteKind, new Note("counter", Count: 0), Cancellation);
        var conflicts = 0;

        async Task IncrementAsync()
        {
            for (var done = 0; done < IncrementsPerWriter;)
            {
                var current = (await Store.ReadAsync<Note>(key, Cancellation))!;
                try
                {
                    await Store.ReplaceAsync(key, NoteKind, current.Value with { Count = current.Value.Count + 1 }, current.ETag, Cancellation);
                    done++;
                }
                catch (DocumentConflictException)
                {
                    Interlocked.Increment(ref conflicts);
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, ConcurrentWriters).Select(_ => Task.Run(IncrementAsync, Cancellation)));

        Assert.Equal(ConcurrentWriters * IncrementsPerWriter, (await Store.ReadAsync<Note>(key, Cancellation))!.Value.Count);
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("a?b")]
    [InlineData("a#b")]
    [InlineData("")]
    public async Task Ids_that_Cosmos_DB_would_refuse_are_refused_by_every_store(string id)
    {
        var key = new DocumentKey(NewPartition(), id);

        await Assert.ThrowsAsync<ArgumentException>(() => Store.UpsertAsync(key, NoteKind, new Note("x"), Cancellation));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.ReadAsync<Note>(key, Cancellation));
    }

    [Fact]
    public async Task A_query_property_that_is_not_a_plain_identifier_is_refused()
    {
        var query = new DocumentQuery(NewPartition(), NoteKind, new Dictionary<string, string> { ["title') OR 1=1 --"] = "x" });

        await Assert.ThrowsAsync<ArgumentException>(() => Store.QueryAsync<Note>(query, Cancellation));
    }

    protected static string NewPartition() => $"cycle{Guid.NewGuid():N}";

    private static DocumentKey NewKey(string id) => new(NewPartition(), id);

    private async Task<ReplaceOutcome> TryReplaceAsync(DocumentKey key, Note note, string etag)
    {
        await Task.Yield();
        try
        {
            await Store.ReplaceAsync(key, NoteKind, note, etag, Cancellation);
            return new ReplaceOutcome(note, true, null);
        }
        catch (DocumentConflictException conflict)
        {
            return new ReplaceOutcome(note, false, conflict);
        }
    }

    public enum Status
    {
        Open,
        Closed,
    }

    public sealed record Report(string? ManagerId, string State);

    public sealed record Note(
        string Title,
        string? EmployeeId = null,
        int Count = 0,
        Status Status = Status.Open,
        DateTimeOffset? At = null,
        IReadOnlyList<string>? Tags = null,
        string? Group = null);

    /// <summary>A value whose serialization stops the write half-way, as a crash would.</summary>
    [JsonConverter(typeof(UnwritableConverter))]
    public sealed class Unwritable;

    private sealed class UnwritableConverter : JsonConverter<Unwritable>
    {
        public override Unwritable Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => throw new NotSupportedException();

        public override void Write(Utf8JsonWriter writer, Unwritable value, JsonSerializerOptions options) => throw new IOException("The process stopped while writing.");
    }

    public sealed record Lookalike(string Id, string Kind, string PartitionKey);

    private sealed record ReplaceOutcome(Note Note, bool Won, DocumentConflictException? Conflict);
}
