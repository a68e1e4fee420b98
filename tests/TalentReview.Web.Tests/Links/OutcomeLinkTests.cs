using System.Net;
using TalentReview.Domain.Decisions;
using TalentReview.Domain.Planning;
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
    public async Task An_employees_outcome_shows_the_promotions_new_level_and_title_and_a_plans_goals_and_dates()
    {
        var seed = await CycleSeed.WriteAsync(app.Reviews, GroupPhase.DecisionsFinalised, CycleState.Released);
        var day = new DateOnly(2026, 2, 20);
        await app.Reviews.UpsertDecisionsAsync(new DecisionChunkDocument(CycleSeed.CycleId, CycleSeed.GroupId, 0, true, [
            new PromotionDecision(seed.Reports[0].Id, day, "hr-1", "L5", "Team lead logistics"),
            new DevelopmentPlanDecision(seed.Reports[1].Id, day, "hr-1", ["Lead the spring planning round"], [new DateOnly(2026, 5, 20), new DateOnly(2026, 8, 20)]),
        ]));
        using var client = app.CreateClient();

        async Task<string> OutcomeOf(int report)
            => await client.GetPageAsync(TestApp.PathOf(app.Links.EmployeeOutcome((await app.Reviews.GetParticipantAsync(CycleSeed.CycleId, seed.Reports[report].Id))!, TestApp.Start.AddDays(50))));
        var promotion = await OutcomeOf(0);
        var plan = await OutcomeOf(1);

        Assert.Contains("<dt>New level</dt><dd>L5</dd><dt>New job title</dt><dd>Team lead logistics</dd>", promotion, StringComparison.Ordinal);
        Assert.Contains("<li>Lead the spring planning round</li>", plan, StringComparison.Ordinal);
        Assert.Contains("<dd>20 May 2026, 20 August 2026</dd>", plan, StringComparison.Ordinal);
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

    [Fact]
    public async Task Released_to_managers_the_manager_reads_the_day_the_conversation_window_ends_in_the_organisations_zone()
    {
        var seed = await SeedAsync(CycleState.ManagersReleased);
        // Released on Friday 13 February at 23:30 in Brussels (22:30 UTC): five working days later is Friday 20 February there.
        var releasedAt = new DateTimeOffset(2026, 2, 13, 22, 30, 0, TimeSpan.Zero);
        var cycle = (await app.Reviews.GetCycleAsync(CycleSeed.CycleId))!;
        var due = ConversationWindow.EmployeesReleaseAt(cycle.Plan.Time, releasedAt, cycle.Plan.Release.ConversationWorkingDays);
        await app.Reviews.UpdateCycleAsync(CycleSeed.CycleId, c => c with { Release = new CycleRelease("hr-1", releasedAt, due) });
        using var client = app.CreateClient();

        var team = await client.GetPageAsync(TestApp.PathOf(app.Links.TeamOutcomes(CycleSeed.CycleId, seed.Manager.Id, TestApp.Start.AddDays(50))));

        Assert.Equal(new DateTimeOffset(2026, 2, 20, 8, 0, 0, TimeSpan.Zero), due);
        Assert.Contains("hold the conversation with each of them first. They receive their outcome on 20 February 2026.", team, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Released_to_managers_before_the_window_existed_only_the_manager_sees_the_team_and_is_asked_to_talk_first_while_the_employee_sees_nothing()
    {
        var seed = await SeedAsync(CycleState.ManagersReleased);
        await app.Reviews.UpdateCycleAsync(CycleSeed.CycleId, c => c with { Release = new CycleRelease("hr-1", TestApp.Start.AddDays(36), EmployeesDueAt: null, EmployeesOnReleaseDate: true) });
        var participant = (await app.Reviews.GetParticipantAsync(CycleSeed.CycleId, seed.Employee.Id))!;
        using var client = app.CreateClient();

        var team = await client.GetPageAsync(TestApp.PathOf(app.Links.TeamOutcomes(CycleSeed.CycleId, seed.Manager.Id, TestApp.Start.AddDays(50))));
        var own = await client.GetPageAsync(TestApp.PathOf(app.Links.EmployeeOutcome(participant, TestApp.Start.AddDays(50))));

        Assert.All(seed.Reports, r => Assert.Contains(r.Name, team, StringComparison.Ordinal));
        Assert.Contains("Merit increase", team, StringComparison.Ordinal);
        Assert.Contains("Your team members do not see their outcome yet: hold the conversation with each of them first. They receive their outcome on 9 February 2026.", team, StringComparison.Ordinal);
        Assert.Contains("has not been released yet", own, StringComparison.Ordinal);
        Assert.DoesNotContain("Merit increase", own, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_employees_disagreement_reaches_the_manager_with_the_day_it_was_written()
    {
        var seed = await SeedAsync(CycleState.Released);
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 2, 12, 9, 30, 0, TimeSpan.Zero));
        var participant = (await app.Reviews.GetParticipantAsync(CycleSeed.CycleId, seed.Reports[1].Id))!;
        var path = TestApp.PathOf(app.Links.EmployeeOutcome(participant, TestApp.Start.AddDays(50)));
        using var client = app.CreateClient();
        using var posted = await client.PostFormAsync(path, PageForms.AntiforgeryToken(await client.GetPageAsync(path)), ("comment", "I disagree: the planning project is missing."));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);

        var team = WebUtility.HtmlDecode(await client.GetPageAsync(TestApp.PathOf(app.Links.TeamOutcomes(CycleSeed.CycleId, seed.Manager.Id, TestApp.Start.AddDays(50)))));

        var row = team[team.IndexOf(seed.Reports[1].Name, StringComparison.Ordinal)..];
        row = row[..row.IndexOf("</tr>", StringComparison.Ordinal)];
        Assert.Contains("<td>12 February 2026</td><td>I disagree: the planning project is missing.</td>", row, StringComparison.Ordinal);
        Assert.DoesNotContain("do not see their outcome yet", team, StringComparison.Ordinal);
    }
}
