using TalentReview.Domain.Demo;
using TalentReview.Domain.NineBox;
using TalentReview.Domain.Rosters;
using TalentReview.Domain.Talent.History;
using TalentReview.Infrastructure.Tests.Storage.Privacy;
using TalentReview.Workflow.Storage;
using TalentReview.Workflow.Talent.History;

namespace TalentReview.Infrastructure.Tests.Storage.Talent;

/// <summary>A manager's team page reads the history of their reporting line only, not the organisation's.</summary>
public sealed class ReportingLineHistoryTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private readonly MeteredStore _documents = new(new InMemoryDocumentStore());

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_line_below_a_manager_is_read_once_per_person_however_large_the_organisation()
    {
        var organisation = DemoOrganisation.Generate(300, 4, Today);
        var roster = organisation.ToRoster();
        var store = new ReviewStore(_documents);
        await CycleSeed.WriteAsync(store, organisation, "c2025", new DateOnly(2025, 9, 1), CycleState.Released);
        var history = new TalentHistoryStore(_documents);
        foreach (var employee in organisation.Employees)
        {
            await history.KeepAsync(Outcome(employee, LineOf(roster, employee)), Cancellation);
        }

        // A manager whose line is a few levels deep and a small part of the organisation.
        var manager = organisation.Employees
            .Select(e => (e.Id, Line: organisation.Employees.Count(o => LineOf(roster, o).Contains(e.Id))))
            .Where(m => m.Line is >= 10 and <= 60)
            .OrderByDescending(m => m.Line).First();
        var expected = organisation.Employees.Where(o => LineOf(roster, o).Contains(manager.Id)).Select(o => o.Name).Order(StringComparer.Ordinal).ToList();
        _documents.Reset();

        var people = await new ReportingLineHistory(store, history).LatestBelowAsync("c2025", manager.Id, Cancellation);

        Assert.Equal(expected, people.Select(o => o.Name).Order(StringComparer.Ordinal));
        Assert.Equal(manager.Line, _documents.Returned(DocumentKinds.TalentOutcome));
        Assert.Equal(manager.Line, _documents.Returned(DocumentKinds.Participant));
        Assert.True(organisation.Employees.Count > 4 * manager.Line, $"The line ({manager.Line}) is a small part of the organisation.");
    }

    [Fact]
    public async Task A_manager_who_is_no_participant_still_leads_their_level_through_the_skip_level_document()
    {
        var organisation = DemoOrganisation.Generate(60, 4, Today);
        var roster = organisation.ToRoster();
        var store = new ReviewStore(_documents);
        await CycleSeed.WriteAsync(store, organisation, "c2025", new DateOnly(2025, 9, 1), CycleState.Released);
        var history = new TalentHistoryStore(_documents);
        foreach (var employee in organisation.Employees)
        {
            await history.KeepAsync(Outcome(employee, LineOf(roster, employee)), Cancellation);
        }

        var middle = organisation.Employees.First(e => e.ManagerId is not null && roster.DirectReports(e.Id).Count > 0);
        var top = middle.ManagerId!;
        await _documents.DeleteAsync(ReviewStore.ParticipantKey("c2025", middle.Id), Cancellation);
        await store.UpsertSkipLevelAsync(new SkipLevelDocument("c2025", top, Contact.Of(roster.Find(top)!), [middle.Id]), Cancellation);

        var people = await new ReportingLineHistory(store, history).LatestBelowAsync("c2025", top, Cancellation);

        Assert.Contains(middle.Name, people.Select(o => o.Name));
        Assert.All(roster.DirectReports(middle.Id), report => Assert.Contains(report.Name, people.Select(o => o.Name)));
        var leaf = organisation.Employees.First(e => roster.DirectReports(e.Id).Count == 0);
        Assert.Empty(await new ReportingLineHistory(store, history).LatestBelowAsync("c2025", leaf.Id, Cancellation));
    }

    /// <summary>The managers above someone on the roster, nearest first.</summary>
    private static List<string> LineOf(Roster roster, Employee employee)
    {
        var line = new List<string>();
        for (var next = employee.ManagerId; next is not null && !line.Contains(next); next = roster.Find(next)?.ManagerId)
        {
            line.Add(next);
        }

        return line;
    }

    private static TalentOutcome Outcome(Employee employee, IReadOnlyList<string> line) => new(
        "c2025", "Review 2025", new DateOnly(2025, 10, 20), "Europe/Brussels", employee.Id, employee.Name,
        new JobFunction(employee.Department, employee.JobTitle, employee.Level), line, GridBox.CorePlayer, null, null, null, []);

    /// <summary>Counts the documents each kind of read hands back, as Cosmos DB would charge for them.</summary>
    private sealed class MeteredStore(IDocumentStore inner) : IDocumentStore
    {
        private readonly Dictionary<string, int> _returned = new(StringComparer.Ordinal);

        public int Returned(string kind)
        {
            lock (_returned)
            {
                return _returned.GetValueOrDefault(kind);
            }
        }

        public void Reset()
        {
            lock (_returned)
            {
                _returned.Clear();
            }
        }

        public async Task<StoredDocument<T>?> ReadAsync<T>(DocumentKey key, CancellationToken cancellationToken = default)
        {
            var read = await inner.ReadAsync<T>(key, cancellationToken);
            Count("point:" + key.Id.Split(':')[0], read is null ? 0 : 1);
            return read;
        }

        public Task<string> CreateAsync<T>(DocumentKey key, string kind, T value, CancellationToken cancellationToken = default) => inner.CreateAsync(key, kind, value, cancellationToken);

        public Task<string> ReplaceAsync<T>(DocumentKey key, string kind, T value, string ifMatchETag, CancellationToken cancellationToken = default) => inner.ReplaceAsync(key, kind, value, ifMatchETag, cancellationToken);

        public Task<string> UpsertAsync<T>(DocumentKey key, string kind, T value, CancellationToken cancellationToken = default) => inner.UpsertAsync(key, kind, value, cancellationToken);

        public Task<IReadOnlyList<string>> WriteTogetherAsync(string partition, IReadOnlyList<DocumentWrite> writes, CancellationToken cancellationToken = default) => inner.WriteTogetherAsync(partition, writes, cancellationToken);

        public Task<bool> DeleteAsync(DocumentKey key, CancellationToken cancellationToken = default) => inner.DeleteAsync(key, cancellationToken);

        public async Task<DocumentPage<T>> QueryAsync<T>(DocumentQuery query, CancellationToken cancellationToken = default)
        {
            var page = await inner.QueryAsync<T>(query, cancellationToken);
            Count(query.Kind, page.Items.Count);
            return page;
        }

        public Task<int> DeletePartitionAsync(string partition, CancellationToken cancellationToken = default) => inner.DeletePartitionAsync(partition, cancellationToken);

        private void Count(string kind, int documents)
        {
            lock (_returned)
            {
                _returned[kind] = _returned.GetValueOrDefault(kind) + documents;
            }
        }
    }
}
