using System.Net;
using System.Text.RegularExpressions;
using TalentReview.Domain;
using TalentReview.Domain.Decisions;
using TalentReview.Domain.NineBox;
using TalentReview.Domain.Planning;
using TalentReview.Domain.Summaries;
using TalentReview.Web.Tests.Support;
using TalentReview.Workflow.Storage;

namespace TalentReview.Web.Tests.Links;

/// <summary>
/// Every page an email links to, in nl, fr and en, shows no internal name of the domain's or the workflow's
/// enums (RoughDiamond, CorePlayer, SelfAssessment...): what people read is labelled in their language.
/// </summary>
public sealed partial class NoInternalNamesOnPagesTests : IAsyncLifetime
{
    private static readonly string[] InternalNames =
    [
        .. new[] { typeof(GridBox).Assembly, typeof(CycleState).Assembly }
            .SelectMany(a => a.GetExportedTypes())
            .Where(t => t.IsEnum)
            .SelectMany(Enum.GetNames)
            .Where(name => name.Count(char.IsUpper) >= 2)
            .Distinct(StringComparer.Ordinal),
    ];

    private TestApp app = null!;
    private CycleSeed seed = null!;

    public async ValueTask InitializeAsync()
    {
        app = await TestApp.StartAsync();
        seed = await CycleSeed.WriteAsync(app.Reviews);
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    /// <summary>Everyone in the seeded cycle reads <paramref name="language"/>; the cycle and its group stand where <paramref name="phase"/> says.</summary>
    private async Task StageAsync(Language language, CycleState state, GroupPhase phase)
    {
        foreach (var report in seed.Reports)
        {
            await app.Reviews.UpdateParticipantAsync(CycleSeed.CycleId, report.Id, p => p with { Language = language });
        }

        await app.Reviews.UpdateTeamAsync(CycleSeed.CycleId, seed.Manager.Id, t => t! with { Manager = t.Manager with { Language = language } });
        await app.Reviews.UpdateGroupAsync(CycleSeed.CycleId, CycleSeed.GroupId, g => g! with { Phase = phase, Calibrators = [.. g.Calibrators.Select(c => c with { Language = language })] });
        await app.Reviews.UpdateCycleAsync(CycleSeed.CycleId, c => c with
        {
            State = state,
            Hr = [.. c.Hr.Select(h => h with { Language = language })],
            Leadership = [.. c.Leadership.Select(l => l with { Language = language })],
        });
    }

    private async Task SeedDecisionsAndSummaryAsync(bool final)
    {
        var types = Enum.GetValues<DecisionType>();
        var day = new DateOnly(2026, 2, 20);
        await app.Reviews.UpsertDecisionsAsync(new DecisionChunkDocument(CycleSeed.CycleId, CycleSeed.GroupId, 0, final,
            [.. seed.Reports.Select((r, i) => (types[i % types.Length]) switch
            {
                DecisionType.MeritIncrease => new MeritIncreaseDecision(r.Id, day, "hr-1", 3m),
                DecisionType.DevelopmentPlan => (Decision)new DevelopmentPlanDecision(r.Id, day, "hr-1", ["Lead a workshop"], [new DateOnly(2026, 6, 1)]),
                _ => new NoChangeDecision(r.Id, day, "hr-1"),
            })]));
        await app.Reviews.UpsertSummaryAsync(new SummaryDocument(CycleSeed.CycleId, "all", new CycleSummary(
            "all", seed.Reports.Count, [], 0, 0, [], [],
            [.. Enum.GetValues<StepKind>().Select(s => new StepCompletion(s, seed.Reports.Count, 1, 50m))],
            null), TestApp.Start));
    }

    private static string Visible(string html) => WebUtility.HtmlDecode(Tags().Replace(Styles().Replace(html, " "), " "));

    /// <param name="reads">Something the page shows its reader, so an error page does not pass for it.</param>
    private async Task AssertNoInternalNameAsync(string page, Uri link, Language language, string? reads = null)
    {
        using var client = app.CreateClient();
        var html = await client.GetPageAsync(TestApp.PathOf(link));
        Assert.Contains($"<html lang=\"{(language == Language.En ? "en" : language == Language.Nl ? "nl" : "fr")}", html, StringComparison.Ordinal);
        var text = Visible(html);
        Assert.True(reads is null || text.Contains(reads, StringComparison.Ordinal), $"The {page} page does not show '{reads}': {text}");
        var shown = Words().Matches(text).Select(m => m.Value).Intersect(InternalNames, StringComparer.Ordinal).ToList();
        Assert.True(shown.Count == 0, $"The {page} page shows {string.Join(", ", shown)}");
    }

    [Theory]
    [InlineData(Language.Nl)]
    [InlineData(Language.Fr)]
    [InlineData(Language.En)]
    public async Task Pages_during_the_review_show_no_internal_name(Language language)
    {
        await StageAsync(language, CycleState.Running, GroupPhase.Calibrating);
        var participant = (await app.Reviews.GetParticipantAsync(CycleSeed.CycleId, seed.Employee.Id))!;

        await AssertNoInternalNameAsync("self-assessment", app.Links.SelfAssessment(participant, TestApp.Start.AddDays(14)), language);
        await AssertNoInternalNameAsync("team", app.Links.Team(CycleSeed.CycleId, seed.Manager.Id, TestApp.Start.AddDays(28)), language, seed.Employee.Name);
        await AssertNoInternalNameAsync("calibration board", app.Links.Board(CycleSeed.CycleId, CycleSeed.GroupId, seed.Calibrator.Id, TestApp.Start.AddDays(40)), language, seed.Employee.Name);

        await StageAsync(language, CycleState.Running, GroupPhase.DecisionsProposed);
        await SeedDecisionsAndSummaryAsync(final: false);
        await AssertNoInternalNameAsync("decisions", app.Links.Decisions(CycleSeed.CycleId, CycleSeed.GroupId, seed.Calibrator.Id, TestApp.Start.AddDays(45)), language, seed.Employee.Name);
    }

    [Theory]
    [InlineData(Language.Nl)]
    [InlineData(Language.Fr)]
    [InlineData(Language.En)]
    public async Task Pages_after_the_release_show_no_internal_name(Language language)
    {
        await StageAsync(language, CycleState.Released, GroupPhase.DecisionsFinalised);
        await SeedDecisionsAndSummaryAsync(final: true);
        var participant = (await app.Reviews.GetParticipantAsync(CycleSeed.CycleId, seed.Employee.Id))!;

        await AssertNoInternalNameAsync("leadership summary", app.Links.LeadershipSummary(CycleSeed.CycleId, seed.Calibrator.Id, TestApp.Start.AddDays(60)), language, "Review 2026");
        await AssertNoInternalNameAsync("team outcomes", app.Links.TeamOutcomes(CycleSeed.CycleId, seed.Manager.Id, TestApp.Start.AddDays(50)), language, seed.Employee.Name);
        await AssertNoInternalNameAsync("employee outcome", app.Links.EmployeeOutcome(participant, TestApp.Start.AddDays(50)), language);
    }

    [GeneratedRegex("<style[^>]*>.*?</style>", RegexOptions.Singleline)]
    private static partial Regex Styles();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\b[A-Za-z]+\b")]
    private static partial Regex Words();
}
