using System.Net;
using System.Text;
using NSubstitute;
using TalentReview.Domain.Decisions;
using TalentReview.Domain.Forms;
using TalentReview.Domain.NineBox;
using TalentReview.Web.Security;
using TalentReview.Web.Tests.Support;
using TalentReview.Workflow.Storage;

namespace TalentReview.Web.Tests.Security;

/// <summary>Once a step, a board or the decisions closed, a write is refused with a page that says so, and nothing stored changes.</summary>
public sealed class ClosedStepTests : IAsyncLifetime
{
    private TestApp app = null!;

    public async ValueTask InitializeAsync() => app = await TestApp.StartAsync();

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    private static ManagerInput Input(string employeeId, string managerId, int performance) => new(
        employeeId, managerId, performance, new PotentialIndicators(3, 3, 3), PromotionReadiness.NotReady, FlightRisk.Low, DecisionType.NoChange,
        "Written well after the deadline, when the group was already calibrated.");

    [Fact]
    public async Task A_move_on_an_approved_board_is_refused_and_moves_nothing()
    {
        var seed = await CycleSeed.WriteAsync(app.Reviews);
        var path = TestApp.PathOf(app.Links.Board(CycleSeed.CycleId, CycleSeed.GroupId, seed.Calibrator.Id, TestApp.Start.AddDays(40)));
        using var client = app.CreateClient();
        var token = PageForms.AntiforgeryToken(await client.GetPageAsync(path));

        // Another calibrator approved while this page was open.
        await app.Reviews.UpdateGroupAsync(CycleSeed.CycleId, CycleSeed.GroupId, g => g! with { Phase = GroupPhase.Approved });
        var employee = seed.Reports[1].Id;

        using var response = await client.PostFormAsync(path, token, ("action", "move"), ("employeeId", employee), ("to", "9"), ("reason", "Led two critical projects to success."));

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("The calibration was approved and the board is closed: nothing was moved.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("has been moved", html, StringComparison.Ordinal);
        var card = (await app.Reviews.GetCardsAsync(CycleSeed.CycleId, CycleSeed.GroupId, 0))!.Cards.Single(c => c.EmployeeId == employee);
        Assert.Equal(GridBox.CorePlayer, card.Current?.Box);
        Assert.Empty(await app.Reviews.GetAuditAsync(CycleSeed.CycleId, employee));
    }

    [Fact]
    public async Task Approving_a_board_that_was_already_approved_says_it_is_closed_and_raises_nothing()
    {
        var seed = await CycleSeed.WriteAsync(app.Reviews);
        var path = TestApp.PathOf(app.Links.Board(CycleSeed.CycleId, CycleSeed.GroupId, seed.Calibrator.Id, TestApp.Start.AddDays(40)));
        using var client = app.CreateClient();
        var token = PageForms.AntiforgeryToken(await client.GetPageAsync(path));

        // Another calibrator approved while this page was open.
        await app.Reviews.UpdateGroupAsync(CycleSeed.CycleId, CycleSeed.GroupId, g => g! with { Phase = GroupPhase.Approved });

        using var response = await client.PostFormAsync(path, token, ("action", "approve"));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("the board is closed", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await app.ClientSubstitute!.DidNotReceiveWithAnyArgs().RaiseEventAsync(default!, default!, default, default);
    }

    [Fact]
    public async Task An_amendment_after_the_decisions_were_confirmed_is_refused_and_changes_nothing()
    {
        var seed = await CycleSeed.WriteAsync(app.Reviews, GroupPhase.DecisionsProposed);
        await app.Reviews.UpsertDecisionsAsync(new DecisionChunkDocument(CycleSeed.CycleId, CycleSeed.GroupId, 0, false,
            [.. seed.Reports.Select(r => (Decision)new NoChangeDecision(r.Id, new DateOnly(2026, 2, 20), "system"))]));
        var path = TestApp.PathOf(app.Links.Decisions(CycleSeed.CycleId, CycleSeed.GroupId, seed.Calibrator.Id, TestApp.Start.AddDays(45)));
        using var client = app.CreateClient();
        var token = PageForms.AntiforgeryToken(await client.GetPageAsync(path));

        // Confirmed by someone else between opening the page and sending the amendment.
        await app.Reviews.UpdateDecisionsAsync(CycleSeed.CycleId, CycleSeed.GroupId, 0, chunk => chunk! with { Final = true });
        using var response = await client.PostFormAsync(path, token, ("action", "amend"), ("employee", "1"), ("type", "MeritIncrease"), ("percent", "4"), ("reason", "Exceptional year on the key account."));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("The decisions were confirmed and are closed: nothing was changed.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var stored = (await app.Reviews.GetDecisionsAsync(CycleSeed.CycleId, CycleSeed.GroupId, 0))!.Decisions;
        Assert.All(stored, d => Assert.IsType<NoChangeDecision>(d));
    }

    [Fact]
    public async Task Late_manager_input_after_the_step_closed_is_refused_and_the_export_keeps_the_step_as_it_closed()
    {
        var seed = await CycleSeed.WriteAsync(app.Reviews);
        await app.Reviews.UpdateParticipantAsync(CycleSeed.CycleId, seed.Employee.Id, p => p with { ManagerInputState = StepState.Missing });
        var path = TestApp.PathOf(app.Links.Team(CycleSeed.CycleId, seed.Manager.Id, TestApp.Start.AddDays(28)));
        using var client = app.CreateClient();
        var token = PageForms.AntiforgeryToken(await client.GetPageAsync(path));

        using var response = await client.PostFormAsync(path, token,
            ("action", "submit"), ("employeeId", seed.Employee.Id), ("performance", "5"), ("potential.aspiration", "5"), ("potential.ability", "5"),
            ("potential.engagement", "5"), ("readiness", "ReadyNow"), ("flightRisk", "Low"), ("recommendedOutcome", "Promotion"),
            ("evidence", "Written after the deadline: an exceptional year on every account, as the numbers show."));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("This step closed at its deadline; what you sent was not saved.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(await app.Reviews.GetManagerInputAsync(CycleSeed.CycleId, seed.Employee.Id));
        Assert.Equal(StepState.Missing, (await app.Reviews.GetParticipantAsync(CycleSeed.CycleId, seed.Employee.Id))!.ManagerInputState);
        await app.ClientSubstitute!.DidNotReceiveWithAnyArgs().RaiseEventAsync(default!, default!, default, default);
    }

    [Fact]
    public async Task Input_stored_for_a_step_that_closed_missing_does_not_reach_the_export()
    {
        var seed = await CycleSeed.WriteAsync(app.Reviews);
        var (missing, given) = (seed.Reports[0], seed.Reports[1]);
        await app.Reviews.UpdateParticipantAsync(CycleSeed.CycleId, missing.Id, p => p with { ManagerInputState = StepState.Missing });
        await app.Reviews.UpdateParticipantAsync(CycleSeed.CycleId, given.Id, p => p with { ManagerInputState = StepState.Submitted });
        foreach (var (employee, score) in new[] { (missing, 5), (given, 2) })
        {
            await app.Reviews.UpdateManagerInputAsync(CycleSeed.CycleId, employee.Id, _ => new ManagerInputDocument(
                CycleSeed.CycleId, employee.Id, null, Input(employee.Id, seed.Manager.Id, score), seed.Manager.Id, TestApp.Start, TestApp.Start));
        }

        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Add(Principals.Header, Principals.For("hr-1", Roles.HrAdmin));
        var csv = Encoding.UTF8.GetString(await client.GetByteArrayAsync($"/api/cycles/{CycleSeed.CycleId}/export?format=csv"));

        var rows = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r').Split(',')).ToList();
        var performance = Array.IndexOf(rows[0], rows[0].First(h => h.Contains("erformance", StringComparison.Ordinal)));
        Assert.Equal(string.Empty, rows.Single(r => r[0] == missing.Id)[performance]);
        Assert.Equal("2", rows.Single(r => r[0] == given.Id)[performance]);
    }

    [Fact]
    public async Task A_self_assessment_draft_after_the_step_closed_is_refused_and_stores_nothing()
    {
        var seed = await CycleSeed.WriteAsync(app.Reviews);
        var participant = (await app.Reviews.GetParticipantAsync(CycleSeed.CycleId, seed.Employee.Id))!;
        var path = TestApp.PathOf(app.Links.SelfAssessment(participant, TestApp.Start.AddDays(14)));
        using var client = app.CreateClient();
        var token = PageForms.AntiforgeryToken(await client.GetPageAsync(path));
        await app.Reviews.UpdateParticipantAsync(CycleSeed.CycleId, seed.Employee.Id, p => p with { SelfAssessmentState = StepState.Missing });

        using var response = await client.PostFormAsync(path, token, ("action", "draft"), ("achievements", "Written after the deadline."));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("what you sent was not saved", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(await app.Reviews.GetSelfAssessmentAsync(CycleSeed.CycleId, seed.Employee.Id));
    }
}
