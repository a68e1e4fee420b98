using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using TalentReview.Domain;
using TalentReview.Domain.Demo;
using TalentReview.Domain.Planning;
using TalentReview.Durable;
using TalentReview.Durable.Embedded.Testing;
using TalentReview.Infrastructure.Storage.Sqlite;
using TalentReview.Workflow;
using TalentReview.Workflow.Cycle;
using TalentReview.Workflow.Links;
using TalentReview.Workflow.Notifications;
using TalentReview.Workflow.Storage;
using TalentReview.Workflow.UseCases;

namespace TalentReview.Bench;

/// <summary>
/// A whole review cycle on the embedded engine (SQLite) with the SQLite document store, in virtual
/// time, with simulated people: 90% write a self-assessment, managers give input for about 92% of
/// their reports (the rest are escalated and closed), every group approves and finalises, results
/// are released. Email goes to a counting sender (one API call per 1,000 recipients, as SendGrid).
/// Usage: cycle [--employees N] (default: 10,000 then 200,000; run one size per process for its own peak memory).
/// </summary>
internal sealed class CycleSuite : IBenchSuite
{
    private static readonly Contact Hr = new("hr1", "HR", "hr@bench.example", Language.En);
    private static readonly DateOnly Start = DateOnly.FromDateTime(EmbeddedDurableTestHost.DefaultStart.UtcDateTime);

    public string Name => "cycle";

    public async Task RunAsync(string[] args, FigureWriter figures)
    {
        var sizes = args.Length == 2 && args[0] == "--employees" ? [int.Parse(args[1], CultureInfo.InvariantCulture)] : new[] { 10_000, 200_000 };
        foreach (var size in sizes)
        {
            await RunCycleAsync(size, figures);
        }
    }

    private static async Task RunCycleAsync(int employees, FigureWriter figures)
    {
        var label = employees % 1000 == 0 ? $"{employees / 1000}k" : employees.ToString(CultureInfo.InvariantCulture);
        var folder = Path.Combine(Path.GetTempPath(), "talentreview-cycle-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var store = new CountingDocumentStore(new SqliteDocumentStore(Path.Combine(folder, "store.db")));
            var email = new CountingEmailSender();
            var organisation = DemoOrganisation.Generate(employees, 42, Start);
            var roster = organisation.ToRoster();
            var plan = CyclePlan.Default("Bench cycle", Start, roster, [Hr.Id]);
            await using var host = await EmbeddedDurableTestHost.StartAsync(
                registry => registry.AddTalentReviewWorkflow(),
                services => services
                    .AddSingleton<IDocumentStore>(store)
                    .AddSingleton<IEmailSender>(email)
                    .AddSingleton<ILinkSigner, BenchLinkSigner>()
                    .AddTalentReviewWorkflow(),
                options => options.DatabasePath = Path.Combine(folder, "engine.db"));
            var services = host.Services;
            var cycles = services.GetRequiredService<CycleCommands>();
            var submissions = services.GetRequiredService<SubmissionCommands>();
            var calibration = services.GetRequiredService<CalibrationCommands>();
            var reviews = services.GetRequiredService<ReviewStore>();

            var wall = Stopwatch.StartNew();
            var cycleId = (await cycles.LaunchCycleAsync(new LaunchCycleRequest(plan, roster, [Hr], [Hr], Hr.Id, "bench"))).Value!;
            await host.RunUntilIdleAsync(At(0));
            var participants = await AllParticipantsAsync(reviews, cycleId);

            var writers = participants.Where((_, i) => i % 10 != 0).Select(p => p.EmployeeId);
            await ForEachAsync(organisation.GenerateSelfAssessments(writers, 7), a => submissions.SubmitSelfAssessmentAsync(cycleId, a.EmployeeId, a));
            await host.RunUntilIdleAsync(At(8));

            var managerOf = participants.Where((p, i) => p.ManagerId is not null && i % 20 != 3).ToDictionary(p => p.EmployeeId, p => p.ManagerId!);
            await ForEachAsync(organisation.GenerateManagerInputs(managerOf.Keys, 9), i => submissions.SubmitManagerInputAsync(cycleId, i.EmployeeId, managerOf[i.EmployeeId], i with { ManagerId = managerOf[i.EmployeeId] }));
            await host.RunUntilIdleAsync(At(26));

            var groups = (await reviews.QueryGroupsAsync(cycleId, null, 1000)).Items.Select(i => i.Value).ToList();
            await ForEachAsync(groups, g => calibration.ApproveCalibrationAsync(cycleId, g.GroupId, g.Calibrators[0].Id));
            await host.RunUntilIdleAsync(At(27));
            await ForEachAsync(groups, g => calibration.FinaliseDecisionsAsync(cycleId, g.GroupId, Hr.Id));
            var outcome = await host.RunToCompletionAsync(InstanceIds.Cycle(cycleId));
            wall.Stop();

            var phase = outcome.ReadOutputAs<CycleOutcome>()?.Phase;
            if (phase != CyclePhase.Released)
            {
                throw new InvalidOperationException($"The bench cycle ended {outcome.RuntimeStatus} in phase {phase}: {outcome.FailureDetails}");
            }

            var statistics = host.Engine.Statistics;
            figures.Write($"cycle.{label}.participants", participants.Count, "employees");
            figures.Write($"cycle.{label}.wall_s", wall.Elapsed.TotalSeconds, "s");
            figures.Write($"cycle.{label}.peak_mb", FigureWriter.PeakMegabytes(), "MB");
            figures.Write("cycle.actions_per_employee", (double)statistics.DurableActions / participants.Count, "actions");
            figures.Write("cycle.max_history_events", statistics.MaxHistoryLength, "events");
            figures.Write("cycle.email_calls_per_1000", email.WorstCallsPerThousand, "calls");
            figures.Write("cycle.store_writes_per_employee", (double)store.Writes / participants.Count, "writes");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static DateTimeOffset At(int day) => new(Start.AddDays(day).ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);

    /// <summary>People act in parallel, as they would through the web; a form the domain refuses (the demo makes a few) is simply not submitted.</summary>
    private static Task ForEachAsync<T>(IEnumerable<T> items, Func<T, Task<CommandResult>> act)
        => Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (item, _) =>
        {
            var result = await act(item);
            if (!result.Succeeded && result.Status != CommandStatus.Invalid)
            {
                throw new InvalidOperationException($"A simulated action was refused: {string.Join("; ", result.Errors.Select(e => e.Message))}");
            }
        });

    private static async Task<List<ParticipantDocument>> AllParticipantsAsync(ReviewStore store, string cycleId)
    {
        var all = new List<ParticipantDocument>();
        string? after = null;
        do
        {
            var page = await store.QueryParticipantsAsync(cycleId, ParticipantFilter.All, after, 1000);
            all.AddRange(page.Items.Select(i => i.Value));
            after = page.NextAfterId;
        }
        while (after is not null);
        return all;
    }

    /// <summary>Counts writes (creates, replaces, upserts, deletes) on the way to the real store.</summary>
    private sealed class CountingDocumentStore(IDocumentStore inner) : IDocumentStore
    {
        private long writes;

        public long Writes => Interlocked.Read(ref writes);

        public Task<StoredDocument<T>?> ReadAsync<T>(DocumentKey key, CancellationToken cancellationToken = default) => inner.ReadAsync<T>(key, cancellationToken);

        public Task<string> CreateAsync<T>(DocumentKey key, string kind, T value, CancellationToken cancellationToken = default)
            => Count(inner.CreateAsync(key, kind, value, cancellationToken));

        public Task<string> ReplaceAsync<T>(DocumentKey key, string kind, T value, string ifMatchETag, CancellationToken cancellationToken = default)
            => Count(inner.ReplaceAsync(key, kind, value, ifMatchETag, cancellationToken));

        public Task<string> UpsertAsync<T>(DocumentKey key, string kind, T value, CancellationToken cancellationToken = default)
            => Count(inner.UpsertAsync(key, kind, value, cancellationToken));

        public Task<bool> DeleteAsync(DocumentKey key, CancellationToken cancellationToken = default) => Count(inner.DeleteAsync(key, cancellationToken));

        public Task<DocumentPage<T>> QueryAsync<T>(DocumentQuery query, CancellationToken cancellationToken = default) => inner.QueryAsync<T>(query, cancellationToken);

        public Task<int> DeletePartitionAsync(string partition, CancellationToken cancellationToken = default) => inner.DeletePartitionAsync(partition, cancellationToken);

        private Task<TResult> Count<TResult>(Task<TResult> write)
        {
            Interlocked.Increment(ref writes);
            return write;
        }
    }

    /// <summary>Sends nothing; counts recipients and API calls (1,000 recipients per call) per wave.</summary>
    private sealed class CountingEmailSender : IEmailSender
    {
        private readonly ConcurrentDictionary<string, (int Recipients, int Calls)> waves = new(StringComparer.Ordinal);

        /// <summary>The worst wave: API calls over the fewest calls its recipients could need (1 is ideal).</summary>
        public double WorstCallsPerThousand => waves.Values.Where(w => w.Recipients > 0).Max(w => (double)w.Calls / ((w.Recipients + 999) / 1000));

        public Task<EmailWaveResult> SendWaveAsync(EmailWave wave, CancellationToken cancellationToken = default)
        {
            var calls = (wave.Messages.Count + 999) / 1000;
            waves.AddOrUpdate(wave.WaveId, (wave.Messages.Count, calls), (_, w) => (w.Recipients + wave.Messages.Count, w.Calls + calls));
            return Task.FromResult(new EmailWaveResult(wave.Messages.Count, 0, calls));
        }
    }

    private sealed class BenchLinkSigner : ILinkSigner
    {
        public Uri CreateLink(LinkClaims claims) => new($"https://bench.example/l/{CreateToken(claims)}");

        public string CreateToken(LinkClaims claims) => $"{claims.CycleId}.{claims.SubjectId}.{claims.RecipientId}.{claims.Step}.{claims.Nonce}";

        public LinkVerification Verify(string token, DateTimeOffset now) => LinkVerification.Rejected(LinkRejection.Malformed);
    }
}
