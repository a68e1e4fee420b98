using System.Net;
using NSubstitute;
using TalentReview.Domain.Forms;
using Assessment = TalentReview.Domain.Forms.SelfAssessment;
using TalentReview.Web.Tests.Support;
using TalentReview.Workflow.Events;
using TalentReview.Workflow.Storage;

namespace TalentReview.Web.Tests.Links;

public sealed class TeamLinkTests : IAsyncLifetime
{
    private TestApp app = null!;
    private CycleSeed seed = null!;
    private string path = null!;

    public async ValueTask InitializeAsync()
    {
        app = await TestApp.StartAsync();
        seed = await CycleSeed.WriteAsync(app.Reviews);
        path = TestApp.PathOf(app.Links.Team(CycleSeed.CycleId, seed.Manager.Id, TestApp.Start.AddDays(28)));
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    private static (string, string)[] Input(string employeeId) =>
    [
        ("action", "submit"), ("employeeId", employeeId), ("performance", "4"), ("potential.aspiration", "4"), ("potential.ability", "3"),
        ("potential.engagement", "4"), ("readiness", "InOneToTwoYears"), ("flightRisk", "Low"), ("recommendedOutcome", "DevelopmentPlan"),
        ("evidence", "Consistently delivered on the quarterly targets."),
    ];

    [Fact]
    public async Task The_team_page_lists_every_report_with_their_self_assessment()
    {
        await app.Reviews.UpdateSelfAssessmentAsync(CycleSeed.CycleId, seed.Employee.Id, _ => new SelfAssessmentDocument(
            CycleSeed.CycleId, seed.Employee.Id, null,
            new Assessment(seed.Employee.Id, [new ObjectiveResult("Open the Ghent office", ObjectiveOutcome.Met, "Opened in May.")], [], "Hired six people.", 4, CareerAspiration.Promotion, null, "", Mobility.WithinBelgium),
            TestApp.Start, TestApp.Start));
        var documents = app.Store.Count;
        using var client = app.CreateClient();

        var html = await client.GetPageAsync(path);

        Assert.All(seed.Reports, r => Assert.Contains(r.Name, html, StringComparison.Ordinal));
        Assert.Contains("Open the Ghent office", html, StringComparison.Ordinal);
        Assert.Equal(documents, app.Store.Count);
    }

    [Fact]
    public async Task Submitting_one_report_stores_it_raises_its_event_and_leaves_the_others_pending()
    {
        using var client = app.CreateClient();
        var token = PageForms.AntiforgeryToken(await client.GetPageAsync(path));

        using var response = await client.PostFormAsync(path, token, Input(seed.Reports[0].Id));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(4, (await app.Reviews.GetManagerInputAsync(CycleSeed.CycleId, seed.Reports[0].Id))?.Submitted?.Performance);
        Assert.Null(await app.Reviews.GetManagerInputAsync(CycleSeed.CycleId, seed.Reports[1].Id));
        await app.ClientSubstitute!.Received(1).RaiseEventAsync(
            $"review-{CycleSeed.CycleId}-{seed.Reports[0].Id}", WorkflowEvents.ManagerInputSubmitted, Arg.Any<object?>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task An_extreme_rating_without_evidence_is_refused_and_keeps_what_was_typed()
    {
        using var client = app.CreateClient();
        var token = PageForms.AntiforgeryToken(await client.GetPageAsync(path));

        using var response = await client.PostFormAsync(path, token, [.. Input(seed.Reports[0].Id).Select(f => f.Item1 switch
        {
            "performance" => (f.Item1, "5"),
            "evidence" => (f.Item1, "Great."),
            _ => f,
        })]);

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Matches("href=\"#r[0-9]+-evidence\"", html);
        Assert.Contains(">Great.</textarea>", html, StringComparison.Ordinal);
        Assert.Null(await app.Reviews.GetManagerInputAsync(CycleSeed.CycleId, seed.Reports[0].Id));
    }

    [Fact]
    public async Task After_a_manager_change_the_old_managers_link_no_longer_acts_for_the_moved_report()
    {
        using var client = app.CreateClient();
        var token = PageForms.AntiforgeryToken(await client.GetPageAsync(path));
        var moved = seed.Reports[0].Id;
        await app.Reviews.UpdateParticipantAsync(CycleSeed.CycleId, moved, p => p with { ManagerId = "someone-else", ManagerInputNonce = "r1" });

        using var response = await client.PostFormAsync(path, token, Input(moved));

        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        Assert.Contains("This link has been replaced", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(await app.Reviews.GetManagerInputAsync(CycleSeed.CycleId, moved));
        await app.ClientSubstitute!.DidNotReceiveWithAnyArgs().RaiseEventAsync(default!, default!, default, default);
    }
}
