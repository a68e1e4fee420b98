using System.Net;
using TalentReview.Domain.Decisions;
using TalentReview.Web.Tests.Support;
using TalentReview.Workflow.Storage;

namespace TalentReview.Web.Tests.Links;

public sealed class OutcomeLinkTests : IAsyncLifetime
{
    private TestApp app = null!;

    public async ValueTask InitializeAsync() => app = await TestApp.StartAsync();

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    private async Task<CycleSeed> SeedAsync(CycleState state)
    {
        var seed = await CycleSeed.WriteAsync(app.Reviews, GroupPhase.DecisionsFinalised, state);
        await app.Reviews.UpsertDecisionsAsync(new DecisionChunkDocument(CycleSeed.CycleId, CycleSeed.GroupId, 0, true,
            [.. seed.Reports.Select(r => new MeritIncreaseDecision(r.Id, new DateOnly(2026, 2, 20), "hr-1", 3m))]));
        return seed;
    }

    [Fact]
    public async Task Before_the_release_an_employee_sees_no_outcome()
    {
        var seed = await SeedAsync(CycleState.Running);
        var participant = (await app.Reviews.GetParticipantAsync(CycleSeed.CycleId, seed.Employee.Id))!;
        using var client = app.CreateClient();

        var html = await client.GetPageAsync(TestApp.PathOf(app.Links.EmployeeOutcome(participant, TestApp.Start.AddDays(50))));

        Assert.Contains("has not been released yet", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Merit increase", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_the_release_an_employee_sees_the_decision_but_not_the_potential_and_acknowledges_with_a_comment()
    {
        var seed = await SeedAsync(CycleState.Released);
        var participant = (await app.Reviews.GetParticipantAsync(CycleSeed.CycleId, seed.Employee.Id))!;
        var path = TestApp.PathOf(app.Links.EmployeeOutcome(participant, TestApp.Start.AddDays(50)));
        using var client = app.CreateClient();
        var html = await client.GetPageAsync(path);

        using var response = await client.PostFormAsync(path, PageForms.AntiforgeryToken(html), ("comment", "Thank you, I would like to discuss training."));

        Assert.Contains("Merit increase", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<dt>Potential</dt>", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var acknowledgement = await app.Reviews.GetAcknowledgementAsync(CycleSeed.CycleId, seed.Employee.Id);
        Assert.Equal("Thank you, I would like to discuss training.", acknowledgement?.Comment);
        Assert.Contains("You acknowledged your outcome", await client.GetPageAsync(path), StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_the_release_a_manager_sees_the_team_outcomes()
    {
        var seed = await SeedAsync(CycleState.Released);
        using var client = app.CreateClient();

        var html = await client.GetPageAsync(TestApp.PathOf(app.Links.TeamOutcomes(CycleSeed.CycleId, seed.Manager.Id, TestApp.Start.AddDays(50))));

        Assert.All(seed.Reports, r => Assert.Contains(r.Name, html, StringComparison.Ordinal));
        Assert.Contains("Merit increase", html, StringComparison.Ordinal);
    }
}
