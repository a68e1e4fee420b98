using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using TalentReview.Domain;
using TalentReview.Domain.Calibration;
using TalentReview.Domain.Decisions;
using TalentReview.Domain.Demo;
using TalentReview.Domain.NineBox;
using TalentReview.Domain.Planning;
using TalentReview.Durable;
using TalentReview.Durable.Embedded.Testing;
using TalentReview.Infrastructure.Storage.Sqlite;
using TalentReview.Workflow;
using TalentReview.Workflow.Calibration;
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
/// The store is metered as in the store suite, so its request units are those of the whole workflow.
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
            var file = new SqliteDocumentStore(Path.Combine(folder, "store.db"));
            var store = new MeteredDocumentStore(file);
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

            // What the bench itself looks up (who writes, the groups) is not the workflow's cost: unmetered.
            var reviews = new ReviewStore(file);

            var wall = Stopwatch.StartNew();
            var cycleId = (await cycles.LaunchCycleAsync(new LaunchCycleRequest(plan, roster, [Hr], [Hr], Hr.Id, "bench"))).Value!;
            await host.RunUntilIdleAsync(At(0));
            var participants = await AllParticipantsAsync(reviews, cycleId);

            var writers = participants.Where((_, i) => i % 10 != 0).Select(p => p.EmployeeId);
            // People open an empty form and send it (no draft first).
            await ForEachAsync(organisation.GenerateSelfAssessments(writers, 7), a => submissions.SubmitSelfAssessmentAsync(cycleId, a.EmployeeId, a, ShownDraft.Nothing));
            await host.RunUntilIdleAsync(At(8));

            var managerOf = participants.Where((p, i) => p.ManagerId is not null && i % 20 != 3).ToDictionary(p => p.EmployeeId, p => p.ManagerId!);
            await ForEachAsync(organisation.GenerateManagerInputs(managerOf.Keys, 9), i => submissions.SubmitManagerInputAsync(cycleId, i.EmployeeId, managerOf[i.EmployeeId], i with { ManagerId = managerOf[i.EmployeeId] }, ShownDraft.Nothing));
            await host.RunUntilIdleAsync(At(26));

            var groups = (await reviews.QueryGroupsAsync(cycleId, null, 1000)).Items.Select(i => i.Value).ToList();
            await ForEachAsync(groups, g => CalibrateAsync(calibration, reviews, g));
            await host.RunUntilIdleAsync(At(27));
            await ForEachAsync(groups, g => ConfirmDecisionsAsync(calibration, reviews, g));
            await host.RunUntilIdleAsync(At(28));
            // HR releases to managers; employees follow when the conversation window ends.
            var released = await services.GetRequiredService<ReleaseCommands>().ReleaseToManagersAsync(cycleId, Hr.Id);
            if (!released.Succeeded)
            {
                throw new InvalidOperationException($"The bench release was refused: {string.Join("; ", released.Errors.Select(e => e.Message))}");
            }

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
            foreach (var (prefix, writes) in store.WritesByIdPrefix.OrderByDescending(p => p.Value).Take(8))
            {
                figures.Write($"cycle.store_writes_per_employee.{prefix}", (double)writes / participants.Count, "writes");
            }

            figures.Write("cycle.est_ru_per_employee", store.RequestUnits / participants.Count, "RU (the whole workflow: waves, reminders, escalations included)");
            foreach (var (prefix, requestUnits) in store.RequestUnitsByIdPrefix.OrderByDescending(p => p.Value).Take(8))
            {
                figures.Write($"cycle.est_ru_per_employee.{prefix.Replace(' ', '_')}", requestUnits / participants.Count, "RU");
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static DateTimeOffset At(int day) => new(Start.AddDays(day).ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);

    /// <summary>HR, facilitating, places the cards that came without input in the middle box; then approvals up to the quorum.</summary>
    private static async Task<CommandResult> CalibrateAsync(CalibrationCommands calibration, ReviewStore reviews, CalibrationGroupDocument group)
    {
        for (var chunk = 0; chunk < group.Chunks; chunk++)
        {
            foreach (var card in (await reviews.GetCardsAsync(group.CycleId, group.GroupId, chunk))?.Cards.Where(c => c.InHoldingArea) ?? [])
            {
                await calibration.MoveCardAsync(
                    group.CycleId, group.GroupId, card.EmployeeId, new GridPosition(RatingLevel.Moderate, RatingLevel.Moderate), "Placed by the committee: no manager input was given in time.", Hr.Id);
            }
        }

        CommandResult<QuorumProgress>? approval = null;
        foreach (var approver in group.Calibrators.Select(c => c.Id).Prepend(Hr.Id).Distinct(StringComparer.Ordinal))
        {
            approval = await calibration.ApproveCalibrationAsync(group.CycleId, group.GroupId, approver, confirmed: true);
            if (approval.Value?.Reached != false)
            {
                break;
            }
        }

        return approval!;
    }

    /// <summary>The grid proposes promotions without the new role: the committee names it, then HR confirms the decisions.</summary>
    private static async Task<CommandResult> ConfirmDecisionsAsync(CalibrationCommands calibration, ReviewStore reviews, CalibrationGroupDocument group)
    {
        for (var chunk = 0; chunk < group.Chunks; chunk++)
        {
            foreach (var promotion in (await reviews.GetDecisionsAsync(group.CycleId, group.GroupId, chunk))?.Decisions.OfType<PromotionDecision>().Where(p => p.NewLevel.Length == 0) ?? [])
            {
                await calibration.AmendDecisionAsync(group.CycleId, group.GroupId, promotion with
                {
                    DecidedBy = Hr.Id,
                    NewLevel = "Next level",
                    NewJobTitle = "Senior role",
                    Note = "Promoted to the next level by the committee.",
                });
            }
        }

        return await calibration.FinaliseDecisionsAsync(group.CycleId, group.GroupId, Hr.Id);
    }

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
