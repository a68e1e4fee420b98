using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using TalentReview.Domain;
using TalentReview.Domain.Decisions;
using TalentReview.Domain.Demo;
using TalentReview.Domain.NineBox;
using TalentReview.Domain.Planning;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using TalentReview.Infrastructure.Storage.Sqlite;
using TalentReview.Workflow.Calibration;
using TalentReview.Workflow.Cycle;
using TalentReview.Workflow.Events;
using TalentReview.Workflow.Release;
using TalentReview.Workflow.Storage;
using TalentReview.Workflow.Talent.History;
using TalentReview.Workflow.UseCases;

namespace TalentReview.Bench;

/// <summary>
/// Store operations, document sizes and estimated Cosmos DB request units per employee per cycle.
/// Drives the workflow's own activities and use cases, in the order a cycle runs them, over a
/// metering decorator around the in-memory store: prepare the cycle, list its participants (as the
/// invitation wave does), a draft and a submission of every self-assessment and manager input,
/// calibration packets, a look at each board and moves on it, approval, proposed and final decisions,
/// release, acknowledgements. Not counted: what a link's page reads for its request (the participant,
/// the cycle, the form's document, the board's cards), which the bench reads unmetered and hands to
/// the commands as the pages do; and the reminder waves and deadline closes of the orchestrations,
/// which the cycle suite meters (cycle.est_ru_per_employee). The same cycle then runs on the SQLite
/// store for its wall time.
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
        foreach (var (prefix, writes) in metered.WritesByIdPrefix.OrderByDescending(p => p.Value))
        {
            figures.Write($"store.writes_per_employee.{prefix}", (double)writes / participants, "writes");
        }

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

        var context = new BenchActivityContext();
        var prepare = new PrepareCycle(store);
        var prepared = await prepare.RunAsync(context, new PrepareCycleRequest(CycleId));
        while (prepared.NextPage is { } page)
        {
            prepared = await prepare.RunAsync(context, new PrepareCycleRequest(CycleId, page));
        }

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
            // The page reads the participant for each request and hands them to the command. The form
            // opens empty and the first save creates the draft; the page shows it again (and its ETag),
            // so the submission replaces it without reading it first.
            var employee = (await pages.ReadParticipantAsync(CycleId, self.EmployeeId))!;
            Require(await submissions.SaveSelfAssessmentDraftAsync(employee, self, ShownDraft.Nothing));
            var draft = await pages.ReadSelfAssessmentAsync(CycleId, self.EmployeeId);
            Require(await submissions.SubmitSelfAssessmentAsync(employee, self, new ShownDraft(draft!.ETag)));
        }

        foreach (var input in organisation.GenerateManagerInputs(ids, 11))
        {
            var report = (await pages.ReadParticipantAsync(CycleId, input.EmployeeId))!;
            Require(await submissions.SaveManagerInputDraftAsync(report, input.ManagerId, input, ShownDraft.Nothing));
            var shown = new ShownDraft((await pages.ReadManagerInputAsync(CycleId, input.EmployeeId))!.ETag);
            var submitted = await submissions.SubmitManagerInputAsync(report, input.ManagerId, input, shown);
            if (submitted.Status == CommandStatus.Invalid)
            {
                // The demo leaves some extreme ratings without evidence; the manager corrects the form, as people do.
                submitted = await submissions.SubmitManagerInputAsync(report, input.ManagerId, input with { Evidence = CorrectedEvidence }, shown);
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
            for (var chunk = 0; chunk < (await pages.GetGroupAsync(CycleId, group.GroupId))!.Chunks; chunk++)
            {
                cards.AddRange((await pages.GetCardsAsync(CycleId, group.GroupId, chunk))?.Cards ?? []);
            }

            // HR facilitates (it is in nobody's reporting line): it places the cards still in the holding
            // area and makes the moves; then the committee's quorum, HR and one member, approves.
            foreach (var card in cards.Where((c, i) => c.Current is null || i % 7 == 3))
            {
                Require(await calibration.MoveCardAsync(CycleId, group.GroupId, card.EmployeeId, new GridPosition(RatingLevel.High, RatingLevel.Moderate), "Consistently exceeded objectives this year", hr.Id));
            }

            Require(await calibration.ApproveCalibrationAsync(CycleId, group.GroupId, hr.Id, confirmed: true));
            Require(await calibration.ApproveCalibrationAsync(CycleId, group.GroupId, calibrator, confirmed: true));
            await new RecordCalibration(store).RunAsync(context, client.Last<CalibrationApprovedEvent>());
            await new ProposeDecisions(store, time).RunAsync(context, groupRef);

            // A promotion is confirmed only with its new level and title, which the grid cannot propose.
            for (var chunk = 0; await store.GetDecisionsAsync(CycleId, group.GroupId, chunk) is { } decisions; chunk++)
            {
                foreach (var promotion in decisions.Decisions.OfType<PromotionDecision>())
                {
                    Require(await calibration.AmendDecisionAsync(CycleId, group.GroupId, promotion with { DecidedBy = hr.Id, NewLevel = "L4", NewJobTitle = "Senior advisor" }));
                }
            }

            Require(await calibration.FinaliseDecisionsAsync(CycleId, group.GroupId, hr.Id));
            await new RecordDecisions(store).RunAsync(context, client.Last<DecisionsFinalisedEvent>());
        }

        var release = new ReleaseCommands(store, client, time);
        Require(await release.ReleaseToManagersAsync(CycleId, hr.Id));
        await new ReleaseToManagers(store, new KeepReleasedOutcomes(store, new TalentHistoryStore(store.Documents))).RunAsync(context, CycleId);
        Require(await release.ReleaseToEmployeesAsync(CycleId, hr.Id));
        await new ReleaseToEmployees(store).RunAsync(context, client.Last<ReleasedToEmployeesEvent>());
        var released = (await pages.GetCycleAsync(CycleId))!.State;
        foreach (var id in ids.Where((_, i) => i % 10 < 7))
        {
            // The outcome page has read the participant and the cycle; the acknowledgement reuses them.
            Require(await submissions.AcknowledgeOutcomeAsync((await pages.GetParticipantAsync(CycleId, id))!, released, "Thank you, agreed."));
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

    /// <summary>Stands in for the engine: keeps the events the use cases raise, so the bench runs the activity that would handle each.</summary>
    private sealed class RecordingDurableClient() : DurableTaskClient("bench")
    {
        private readonly List<object?> _events = [];

        public T Last<T>() => _events.OfType<T>().Last();

        public override Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellation = default)
        {
            _events.Add(eventPayload);
            return Task.CompletedTask;
        }

        public override Task<string> ScheduleNewOrchestrationInstanceAsync(TaskName orchestratorName, object? input = null, StartOrchestrationOptions? options = null, CancellationToken cancellation = default)
            => Task.FromResult(options?.InstanceId ?? orchestratorName.Name);

        public override Task<OrchestrationMetadata?> GetInstancesAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
            => Task.FromResult<OrchestrationMetadata?>(null);

        public override AsyncPageable<OrchestrationMetadata> GetAllInstancesAsync(OrchestrationQuery? filter = null)
            => Pageable.Create((_, _) => Task.FromResult(new Page<OrchestrationMetadata>([], null)));

        public override Task<OrchestrationMetadata> WaitForInstanceStartAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
            => throw new NotSupportedException("The store bench runs no orchestrations.");

        public override Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
            => throw new NotSupportedException("The store bench runs no orchestrations.");

        public override Task SuspendInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default)
            => throw new NotSupportedException("The store bench runs no orchestrations.");

        public override Task ResumeInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default)
            => throw new NotSupportedException("The store bench runs no orchestrations.");

        public override ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    /// <summary>The context an engine hands the activities the bench runs directly.</summary>
    private sealed class BenchActivityContext : TaskActivityContext
    {
        public override TaskName Name => new("bench");

        public override string InstanceId => "bench";
    }
}
