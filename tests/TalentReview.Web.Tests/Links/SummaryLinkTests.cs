using TalentReview.Domain;
using TalentReview.Domain.Planning;
using TalentReview.Domain.Summaries;
using TalentReview.Web.Tests.Support;
using TalentReview.Workflow.Storage;

namespace TalentReview.Web.Tests.Links;

public sealed class SummaryLinkTests : IAsyncLifetime
{
    private TestApp app = null!;

    public async ValueTask InitializeAsync()
    {
        app = await TestApp.StartAsync();
        await CycleSeed.WriteAsync(app.Reviews, GroupPhase.DecisionsFinalised);
        await app.Reviews.UpsertSummaryAsync(new SummaryDocument(CycleSeed.CycleId, "all", new CycleSummary(
            "all", 2, [], 0, 0, [], [],
            [new StepCompletion(StepKind.SelfAssessment, 2, 1, 50m), new StepCompletion(StepKind.ManagerInput, 2, 2, 100m)],
            null), TestApp.Start));
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    [Theory]
    [InlineData(Language.En, "Self-assessment", "Manager input")]
    [InlineData(Language.Fr, "Auto-évaluation", "Contribution du manager")]
    [InlineData(Language.Nl, "Zelfevaluatie", "Input van de leidinggevende")]
    public async Task Completion_steps_are_named_in_the_readers_language(Language language, string selfAssessment, string managerInput)
    {
        await app.Reviews.UpdateCycleAsync(CycleSeed.CycleId, c => c with { Leadership = [c.Leadership[0] with { Language = language }] });
        using var client = app.CreateClient();

        var html = System.Net.WebUtility.HtmlDecode(await client.GetPageAsync(TestApp.PathOf(app.Links.LeadershipSummary(CycleSeed.CycleId, "hr-1", TestApp.Start.AddDays(60)))));

        Assert.Contains(selfAssessment, html, StringComparison.Ordinal);
        Assert.Contains(managerInput, html, StringComparison.Ordinal);
        Assert.DoesNotContain(nameof(StepKind.ManagerInput), html, StringComparison.Ordinal);
    }
}
