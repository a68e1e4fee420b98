using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using TalentReview.Domain;
using TalentReview.Domain.Demo;
using TalentReview.Domain.NineBox;
using TalentReview.Domain.Planning;
using TalentReview.Durable;
using TalentReview.Infrastructure.Storage.Sqlite;
using TalentReview.Workflow.Calibration;
using TalentReview.Workflow.Cycle;
using TalentReview.Workflow.Events;
using TalentReview.Workflow.Release;
using TalentReview.Workflow.Storage;
using TalentReview.Workflow.UseCases;

namespace TalentReview.Bench;

/// <summary>
/// Store operations, document sizes and estimated Cosmos DB request units per employee per cycle.
/// Drives the workflow's own activities and use cases, in the order a cycle runs them, over a
/// metering decorator around the in-memory store: prepare the cycle, list its participants (as the
/// invitation wave does), a draft and a submission of every self-assessment and manager input,
/// calibration packets, a look at each board and moves on it, approval, proposed and final decisions,
/// release, acknowledgements. Not counted: what the pages read to show a form (the ETag a form
/// carries is taken unmetered), and the reminder waves and deadline closes of the orchestrations,
/// whose queries return the participant documents of those still pending (about 0.8 RU per pending
/// person per wave). The same cycle then runs on the SQLite store for its wall time.
/// Usage: store [--employees N] (default 1,000).
/// </summary>
internal sealed class StoreSuite : IBenchSuite
{
    private const string CycleId = "bench2026";
    private const string CorrectedEvidence =
        "Delivered the regional migration two months early and coached two new colleagues through their first releases.";

    private static readonly DateOnly Start = new(2026, 1, 12);

    public string Name => "store";

    public async Task RunAsync(string[] args, FigureWriter figures)
    {
        var employees = args.Length == 2 && args[0] == "--employees" ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000;
        var memory = new InMemoryDocumentStore();
        var metered = new MeteredDocumentStore(memory);
        var participants = await RunCycleAsync(new ReviewStore(metered), new ReviewStore(memory), employees);

        figures.Write("store.participants", participants, "employees");
        figures.Write("store.writes_per_employee", (double)metered.Writes / participants, "writes");
        figures.Write("store.refused_writes_per_employee", (double)metered.RefusedWrites / participants, "writes");
        figures.Write("store.point_reads_per_employee", (double)metered.PointReads / participants, "reads");
        figures.Write("store.queries_per_employee", (double)metered.Queries / participants, "queries");
        figures.Write("store.est_ru_per_employee", metered.RequestUnits / participants, "RU");
        figures.Write("store.est_write_ru_per_employee", metered.WriteRequestUnits / participants, "RU");
        figures.Write("store.max_doc_kb", metered.MaxDocumentBytes / 1024.0, $"KB ({metered.LargestDocumentKind})");
        figures.Write("store.stored_kb_per_employee", metered.StoredBytes(CycleId) / 1024.0 / participants, "KB");
        figures.Write("store.docs_per_employee", (double)metered.StoredDocuments(CycleId) / participants, "documents");
        foreach (var (prefix, requestUnits) in metered.RequestUnitsByIdPrefix.OrderByDescending(p => p.Value))
        {
            figures.Write($"store.est_ru_per_employee.{prefix.Replace(' ', '_')}", requestUnits / participants, "RU");
        }

        figures.Write("store.est_cycle_gb_at_200k", metered.StoredBytes(CycleId) / (double)participants * 200_000 / 1e9, "GB");

        // The same cycle on the embedded default, one operation at a time as the use cases issue them.
        var folder = Directory.CreateTempSubdirectory("talentreview-store-bench-");
        try
        {
            var file = new SqliteDocumentStore(Path.Combine(folder.FullName, "store.db"));
            var sqlite = new MeteredDocumentStore(file);
            var stopwatch = System.Diagnostics.Stopwatch.StartNew();
            await RunCycleAsync(new ReviewStore(sqlite), new ReviewStore(file), employees);
            stopwatch.Stop();
            figures.Write("store.sqlite_cycle_seconds", stopwatch.Elapsed.TotalSeconds, "s");
            figures.Write("store.sqlite_ops_per_second", (sqlite.Writes + sqlite.PointReads + sqlite.Queries) / stopwatch.Elapsed.TotalSeconds, "ops/s");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    /// <summary>One cycle, step by step, as the orchestrations would call the activities; returns the participants.</summary>
    /// <param name="pages">The same documents unmetered: what the pages read to show a form is not counted.</param>
    private static async Task<int> RunCycleAsync(ReviewStore store, ReviewStore pages, int employees)
    {
        var organisation = DemoOrganisation.Generate(employees, 11, Start);
        var roster = organisation.ToRoster();
        var sorted = roster.Employees.OrderBy(e => e.Id, StringComparer.Ordinal).ToList();
        var hr = new Contact("hr", "HR", "hr@example.test", Language.En);
        var cycle = new CycleDocument(
            CycleId, "Review 2026", CyclePlan.Default("Review 2026", Start, roster), CycleState.Running, new DateTimeOffset(Start.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
            hr.Id, [hr], [Contact.Of(sorted[0])], sorted.Count, sorted.Chunk(ReviewStore.RosterChunkSize).Select(c => c[0].Id).ToList());
        await store.WriteNewCycleAsync(cycle, sorted);

        var context = new ActivityContext("bench", "bench");
        var prepared = await new PrepareCycle(store).RunAsync(context, CycleId);
        var time = TimeProvider.System;
        var client = new RecordingDurableClient();
        var submissions = new SubmissionCommands(store, client, time);
        var calibration = new CalibrationCommands(store, client, time);

        var ids = new List<string>(prepared.Participants);
        for (string? after = null; ;)
        {
            var page = await store.QueryParticipantsAsync(CycleId, ParticipantFilter.All, after, 500);
            ids.AddRange(page.Items.Select(i => i.Value.EmployeeId));
            if ((after = page.NextAfterId) is null)
            {
                break;
            }
        }

        foreach (var self in organisation.GenerateSelfAssessments(ids, 11))
        {
            // The form opens empty and the first save creates the draft; the page shows it again (and its
            // ETag), so the submission replaces it without reading it first.
            Require(await submissions.SaveSelfAssessmentDraftAsync(CycleId, self.EmployeeId, self, ShownDraft.Nothing));
            var draft = await pages.ReadSelfAssessmentAsync(CycleId, self.EmployeeId);
            Require(await submissions.SubmitSelfAssessmentAsync(CycleId, self.EmployeeId, self, new ShownDraft(draft!.ETag)));
        }

        foreach (var input in organisation.GenerateManagerInputs(ids, 11))
        {
            Require(await submissions.SaveManagerInputDraftAsync(CycleId, input.EmployeeId, input.ManagerId, input, ShownDraft.Nothing));
            var shown = new ShownDraft((await pages.ReadManagerInputAsync(CycleId, input.EmployeeId))!.ETag);
            var submitted = await submissions.SubmitManagerInputAsync(CycleId, input.EmployeeId, input.ManagerId, input, shown);
            if (submitted.Status == CommandStatus.Invalid)
            {
                // The demo leaves some extreme ratings without evidence; the manager corrects the form, as people do.
                submitted = await submissions.SubmitManagerInputAsync(CycleId, input.EmployeeId, input.ManagerId, input with { Evidence = CorrectedEvidence }, shown);
            }

            Require(submitted);
        }

        foreach (var group in prepared.Groups)
        {
            var groupRef = new GroupRef(CycleId, group.GroupId);
            await new BuildCalibrationPacket(store).RunAsync(context, groupRef);
            var calibrator = (await store.GetGroupAsync(CycleId, group.GroupId))!.Calibrators[0].Id;

            // The committee opens the board (its cards) and moves about one card in seven, each with a reason (audited).
            var cards = new List<CalibrationCard>();
            for (var chunk = 0; chunk < (await store.GetGroupAsync(CycleId, group.GroupId))!.Chunks; chunk++)
            {
                cards.AddRange((await store.GetCardsAsync(CycleId, group.GroupId, chunk))?.Cards ?? []);
            }

            foreach (var card in cards.Where((_, i) => i % 7 == 3))
            {
                Require(await calibration.MoveCardAsync(CycleId, group.GroupId, card.EmployeeId, new GridPosition(RatingLevel.High, RatingLevel.Moderate), "Consistently exceeded objectives this year", calibrator));
            }

            Require(await calibration.ApproveCalibrationAsync(CycleId, group.GroupId, calibrator));
            await new RecordCalibration(store).RunAsync(context, client.Last<CalibrationApprovedEvent>());
            await new ProposeDecisions(store, time).RunAsync(context, groupRef);
            Require(await calibration.FinaliseDecisionsAsync(CycleId, group.GroupId, calibrator));
            await new RecordDecisions(store).RunAsync(context, client.Last<DecisionsFinalisedEvent>());
        }

        await new ReleaseResults(store).RunAsync(context, CycleId);
        foreach (var id in ids.Where((_, i) => i % 10 < 7))
        {
            Require(await submissions.AcknowledgeOutcomeAsync(CycleId, id, "Thank you, agreed."));
        }

        return ids.Count;
    }

    private static void Require(CommandResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"The bench cycle was refused: {result.Status} {string.Join("; ", result.Errors.Select(e => e.Message))}");
        }
    }

    /// <summary>
    /// Counts operations and sizes, and prices them like Cosmos DB does for the same call: a point
    /// read 1 RU per KB, a write 5.5 RU per KB (at least one KB each), a single-partition query about
    /// 2.5 RU plus 1 RU per KB returned. Sizes include the stored envelope and Cosmos DB's system properties.
    /// </summary>
    private sealed class MeteredDocumentStore(IDocumentStore inner) : IDocumentStore
    {
        private const double ReadRuPerKb = 1.0;
        private const double WriteRuPerKb = 5.5;
        private const double QueryBaseRu = 2.5;
        private const double RefusedWriteRu = 1.0;

        // "_rid", "_self", "_etag", "_attachments", "_ts" and the envelope's property names.
        private const int EnvelopeBytes = 190;

        private readonly ConcurrentDictionary<DocumentKey, int> _sizes = new();
        private readonly Lock _gate = new();
        private readonly Dictionary<string, double> _ruByIdPrefix = new(StringComparer.Ordinal);
        private double _readRu;
        private double _writeRu;

        public long Writes { get; private set; }

        /// <summary>Creates of a document that exists, replaces whose ETag no longer matches.</summary>
        public long RefusedWrites { get; private set; }

        public long PointReads { get; private set; }

        public long Queries { get; private set; }

        public int MaxDocumentBytes { get; private set; }

        public string LargestDocumentKind { get; private set; } = string.Empty;

        public double RequestUnits => _readRu + _writeRu;

        public double WriteRequestUnits => _writeRu;

        /// <summary>RU by the prefix of the document id before its first ':' (the workflow's ids start with their kind).</summary>
        public IReadOnlyDictionary<string, double> RequestUnitsByIdPrefix => _ruByIdPrefix;

        public long StoredBytes(string partition) => _sizes.Where(s => s.Key.Partition == partition).Sum(s => (long)s.Value);

        public int StoredDocuments(string partition) => _sizes.Keys.Count(k => k.Partition == partition);

        public async Task<StoredDocument<T>?> ReadAsync<T>(DocumentKey key, CancellationToken cancellationToken = default)
        {
            var document = await inner.ReadAsync<T>(key, cancellationToken);
            Charge(key.Id, read: true, document is null ? 1 : Kb(_sizes.GetValueOrDefault(key)) * ReadRuPerKb, () => PointReads++);
            return document;
        }

        public Task<string> CreateAsync<T>(DocumentKey key, string kind, T value, CancellationToken cancellationToken = default)
            => WriteAsync(key, kind, value, () => inner.CreateAsync(key, kind, value, cancellationToken));

        public Task<string> ReplaceAsync<T>(DocumentKey key, string kind, T value, string ifMatchETag, CancellationToken cancellationToken = default)
            => WriteAsync(key, kind, value, () => inner.ReplaceAsync(key, kind, value, ifMatchETag, cancellationToken));

        public Task<string> UpsertAsync<T>(DocumentKey key, string kind, T value, CancellationToken cancellationToken = default)
            => WriteAsync(key, kind, value, () => inner.UpsertAsync(key, kind, value, cancellationToken));

        public async Task<bool> DeleteAsync(DocumentKey key, CancellationToken cancellationToken = default)
        {
            var deleted = await inner.DeleteAsync(key, cancellationToken);
            _sizes.TryRemove(key, out var size);
            Charge(key.Id, read: false, Kb(size) * WriteRuPerKb, () => Writes++);
            return deleted;
        }

        public async Task<DocumentPage<T>> QueryAsync<T>(DocumentQuery query, CancellationToken cancellationToken = default)
        {
            var page = await inner.QueryAsync<T>(query, cancellationToken);
            var bytes = page.Items.Sum(i => (long)_sizes.GetValueOrDefault(i.Key));
            Charge($"query {query.Kind}", read: true, QueryBaseRu + (bytes / 1024.0 * ReadRuPerKb), () => Queries++);
            return page;
        }

        public async Task<int> DeletePartitionAsync(string partition, CancellationToken cancellationToken = default)
        {
            var deleted = await inner.DeletePartitionAsync(partition, cancellationToken);
            foreach (var key in _sizes.Keys.Where(k => k.Partition == partition))
            {
                _sizes.TryRemove(key, out _);
            }

            return deleted;
        }

        private async Task<string> WriteAsync<T>(DocumentKey key, string kind, T value, Func<Task<string>> write)
        {
            string etag;
            try
            {
                etag = await write();
            }
            catch (DocumentConflictException)
            {
                // A refused create or replace is charged like a read of a missing document.
                Charge(key.Id, read: false, RefusedWriteRu, () => RefusedWrites++);
                throw;
            }

            var size = JsonSerializer.SerializeToUtf8Bytes(value, DocumentJson.Options).Length + key.Id.Length + key.Partition.Length + kind.Length + EnvelopeBytes;
            _sizes[key] = size;
            Charge(key.Id, read: false, Kb(size) * WriteRuPerKb, () =>
            {
                Writes++;
                if (size > MaxDocumentBytes)
                {
                    MaxDocumentBytes = size;
                    LargestDocumentKind = kind;
                }
            });
            return etag;
        }

        private static double Kb(int bytes) => Math.Max(1.0, bytes / 1024.0);

        private void Charge(string id, bool read, double requestUnits, Action count)
        {
            var prefix = (read ? "read " : "write ") + id.Split(':')[0];
            lock (_gate)
            {
                count();
                _ruByIdPrefix[prefix] = _ruByIdPrefix.GetValueOrDefault(prefix) + requestUnits;
                if (read)
                {
                    _readRu += requestUnits;
                }
                else
                {
                    _writeRu += requestUnits;
                }
            }
        }
    }

    /// <summary>Stands in for the engine: keeps the events the use cases raise, so the bench runs the activity that would handle each.</summary>
    private sealed class RecordingDurableClient : DurableClient
    {
        private readonly List<object?> _events = [];

        public T Last<T>() => _events.OfType<T>().Last();

        public override Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellation = default)
        {
            _events.Add(eventPayload);
            return Task.CompletedTask;
        }

        public override Task<string> ScheduleNewOrchestrationInstanceAsync(string orchestratorName, object? input = null, StartOrchestrationOptions? options = null, CancellationToken cancellation = default)
            => Task.FromResult(options?.InstanceId ?? orchestratorName);

        public override Task<OrchestrationMetadata?> GetInstanceAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
            => Task.FromResult<OrchestrationMetadata?>(null);

        public override Task<OrchestrationQueryPage> QueryInstancesAsync(OrchestrationQuery query, CancellationToken cancellation = default)
            => Task.FromResult(new OrchestrationQueryPage([], null));

        public override Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
            => throw new NotSupportedException("The store bench runs no orchestrations.");

        public override Task TerminateInstanceAsync(string instanceId, TerminateInstanceOptions? options = null, CancellationToken cancellation = default)
            => Task.CompletedTask;

        public override Task<PurgeResult> PurgeInstanceAsync(string instanceId, PurgeInstanceOptions? options = null, CancellationToken cancellation = default)
            => Task.FromResult(new PurgeResult(0));

        public override Task<PurgeResult> PurgeAllInstancesAsync(PurgeInstancesFilter filter, CancellationToken cancellation = default)
            => Task.FromResult(new PurgeResult(0));
    }
}
