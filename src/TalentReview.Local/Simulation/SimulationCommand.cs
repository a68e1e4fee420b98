using System.Diagnostics;
using System.Globalization;
using TalentReview.Domain.NineBox;
using TalentReview.Durable.Embedded.Time;
using TalentReview.Infrastructure.Links;
using TalentReview.Infrastructure.Storage;
using TalentReview.Local.Hr;
using TalentReview.Workflow;
using TalentReview.Workflow.Notifications;

namespace TalentReview.Local.Simulation;

/// <summary>
/// <c>simulate</c>: whole cycles (one by default, <c>--cycles</c> a year apart) for a generated organisation,
/// in virtual time, in memory, with simulated people; prints the last leadership summary, the talent history and
/// the critical roles and pools HR kept, and writes the summary (HTML), the results (CSV), the talent history (CSV)
/// and the succession (text).
/// </summary>
public static class SimulationCommand
{
    /// <summary>A fixed Monday morning, so the same seed gives the same cycle on any day it is run.</summary>
    public static readonly DateTimeOffset Start = new(2026, 1, 12, 7, 0, 0, TimeSpan.Zero);

    public static async Task<int> RunAsync(IReadOnlyList<string> options)
    {
        var (arguments, errors) = SimulateArguments.Parse(options);
        if (arguments is null)
        {
            foreach (var error in errors)
            {
                await Console.Error.WriteLineAsync(error);
            }

            await Console.Error.WriteLineAsync(SimulateArguments.Usage);
            return 2;
        }

        if (SimulationOutput.Interrupted(arguments.OutputFolder) is { } previous)
        {
            Console.WriteLine($"The previous simulation into {Path.GetFullPath(arguments.OutputFolder)} ({previous}) was interrupted before it finished. "
                + "It ran in memory, so nothing of it can be resumed and none of its output was written: this run starts over.");
        }

        SimulationOutput.MarkRunning(arguments.OutputFolder, arguments);
        var stopwatch = Stopwatch.StartNew();
        using var host = Build();
        await host.StartAsync();
        try
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Simulating {(arguments.Cycles == 1 ? "a review cycle" : $"{arguments.Cycles} yearly review cycles")} for {arguments.Employees} employees (seed {arguments.Seed}) from {Start:yyyy-MM-dd}, in virtual time."));
            var result = await host.Services.GetRequiredService<SimulationRun>().RunAsync(arguments, ConsoleProgress.ForConsole(), CancellationToken.None);
            Console.WriteLine();
            LeadershipSummaryText.Write(Console.Out, result.Cycle.Name, result.Summary.Summary, BoxLabels.Default, result.NameOf);
            Console.WriteLine();
            WriteFigures(Console.Out, result.Figures, stopwatch.Elapsed);
            Console.WriteLine(TalentHistoryCsv.Describe(result.History));
            Console.WriteLine();
            Console.Write(SuccessionSummaryText.Describe(result.Succession, result.History));
            var folder = SimulationOutput.Write(arguments.OutputFolder, result);
            Console.WriteLine($"Written to {folder}: {SimulationOutput.SummaryFileName}, {SimulationOutput.ResultsFileName}, {TalentHistoryCsv.FileName}, {SuccessionSummaryText.FileName}");
            return 0;
        }
        finally
        {
            await host.StopAsync();
        }
    }

    private static IHost Build()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "InMemory",
            ["Links:PublicBaseUrl"] = "http://simulation.invalid",
            ["Links:CurrentKeyId"] = "simulation",
            ["Links:Keys:simulation"] = Convert.ToBase64String(new byte[32]),
        });
        builder.Logging.AddConsole().SetMinimumLevel(LogLevel.Error);
        var clock = new VirtualTimeProvider(Start);
        builder.Services.AddSingleton(clock);
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.AddEmbeddedDurableEngine(registry => registry.AddTalentReviewWorkflow(), engine => engine.DataConverter = DurablePayloads.Converter);
        builder.Services.AddTalentReviewStorage();
        builder.Services.AddTalentReviewLinks();
        builder.Services.AddSingleton<SimulationMailer>();
        builder.Services.AddSingleton<IEmailSender>(sp => sp.GetRequiredService<SimulationMailer>());
        builder.Services.AddTalentReviewWorkflow();
        builder.Services.AddSingleton<CycleLauncher>();
        builder.Services.AddSingleton<SimulatedTalentWork>();
        builder.Services.AddSingleton<SimulationRun>();
        return builder.Build();
    }

    private static void WriteFigures(TextWriter output, SimulationFigures figures, TimeSpan wallTime)
    {
        var culture = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(culture, $"Simulated: {figures.SelfAssessmentsSubmitted} self-assessments and {figures.ManagerInputsSubmitted} manager inputs submitted for {figures.Employees} employees ({figures.CorrectedAfterRejection} corrected after a rejected form), {figures.CalibrationMoves} calibration moves, {figures.Acknowledgements} outcomes acknowledged."));
        output.WriteLine("Emails: " + string.Join(", ", figures.Emails.Select(e => string.Create(culture, $"{e.Key} {e.Value}"))));
        output.WriteLine(string.Create(culture, $"Durable actions: {figures.DurableActions}; wall time: {wallTime.TotalSeconds:0.0} s"));
    }
}
