using System.Net;
using NSubstitute;
using TalentReview.Domain.NineBox;
using TalentReview.Web.Security;
using TalentReview.Web.Tests.Support;
using TalentReview.Workflow.Events;
using TalentReview.Workflow.Storage;

namespace TalentReview.Web.Tests.Links;

public sealed class BoardLinkTests : IAsyncLifetime
{
    private TestApp app = null!;
    private CycleSeed seed = null!;
    private string path = null!;

    public async ValueTask InitializeAsync()
    {
        app = await TestApp.StartAsync();
        seed = await CycleSeed.WriteAsync(app.Reviews);
        path = TestApp.PathOf(app.Links.Board(CycleSeed.CycleId, CycleSeed.GroupId, seed.Calibrator.Id, TestApp.Start.AddDays(40)));
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    private async Task<CalibrationCard> CardAsync(string employeeId)
        => (await app.Reviews.GetCardsAsync(CycleSeed.CycleId, CycleSeed.GroupId, 0))!.Cards.Single(c => c.EmployeeId == employeeId);

    [Fact]
    public async Task The_board_shows_every_card_its_flags_and_the_distribution()
    {
        using var client = app.CreateClient();

        var html = await client.GetPageAsync(path);

        Assert.All(seed.Reports, r => Assert.Contains(r.Name, html, StringComparison.Ordinal));
        Assert.Contains("No self-assessment", html, StringComparison.Ordinal);
        Assert.Contains("Distribution against guidance", html, StringComparison.Ordinal);
        Assert.Contains("draggable=\"true\"", html, StringComparison.Ordinal);
    }

    /// <summary>Whether the chip of that person is hidden by the filter.</summary>
    private static bool ChipHidden(string html, string name)
    {
        var at = html.IndexOf($"<span class=\"who\">{name}</span>", StringComparison.Ordinal);
        var start = html.LastIndexOf("<li class=\"card", at, StringComparison.Ordinal);
        return html[start..html.IndexOf('>', start)].Contains(" hidden", StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_board_filters_by_flag_and_by_department_without_a_script_and_says_how_many_it_shows()
    {
        using var client = app.CreateClient();

        var flagged = WebUtility.HtmlDecode(await client.GetPageAsync(path + "?flag=MissingSelfAssessment"));
        var anyFlag = WebUtility.HtmlDecode(await client.GetPageAsync(path + "?flag=any"));
        var department = seed.Reports[1].Department;
        var inDepartment = WebUtility.HtmlDecode(await client.GetPageAsync(path + "?department=" + Uri.EscapeDataString(department)));
        var elsewhere = WebUtility.HtmlDecode(await client.GetPageAsync(path + "?department=Nowhere"));

        Assert.False(ChipHidden(flagged, seed.Reports[0].Name));
        Assert.All(seed.Reports.Skip(1), r => Assert.True(ChipHidden(flagged, r.Name)));
        Assert.Contains($"Showing 1 of {seed.Reports.Count} people.", flagged, StringComparison.Ordinal);
        Assert.Contains($"Showing 1 of {seed.Reports.Count} people.", anyFlag, StringComparison.Ordinal);
        Assert.Contains("<option value=\"MissingSelfAssessment\" selected>", flagged, StringComparison.Ordinal);
        Assert.All(seed.Reports, r => Assert.Equal(r.Department != department, ChipHidden(inDepartment, r.Name)));
        Assert.All(seed.Reports, r => Assert.True(ChipHidden(elsewhere, r.Name)));
        Assert.Contains($"Showing 0 of {seed.Reports.Count} people.", elsewhere, StringComparison.Ordinal);

        // The filter is a view: the cards are where they were.
        Assert.All((await app.Reviews.GetCardsAsync(CycleSeed.CycleId, CycleSeed.GroupId, 0))!.Cards, c => Assert.Equal(GridBox.CorePlayer, c.Current!.Value.Box));
    }

    [Fact]
    public async Task A_side_panel_shows_the_box_and_decision_of_the_previous_cycle_as_far_as_they_are_kept()
    {
        const string previousId = "c2025seed";
        var current = (await app.Reviews.GetCycleAsync(CycleSeed.CycleId))!;
        var (star, core, newcomer) = (seed.Reports[1], seed.Reports[2], seed.Reports[0]);
        await app.Reviews.WriteNewCycleAsync(current with { CycleId = previousId, Name = "Review 2025", State = CycleState.Released }, [.. seed.Roster.Employees.OrderBy(e => e.Id, StringComparer.Ordinal)]);
        await app.Reviews.UpsertParticipantAsync((await app.Reviews.GetParticipantAsync(CycleSeed.CycleId, star.Id))! with { CycleId = previousId });
        await app.Reviews.UpsertDecisionsAsync(new DecisionChunkDocument(previousId, CycleSeed.GroupId, 0, true,
            [new Domain.Decisions.MeritIncreaseDecision(star.Id, new DateOnly(2025, 3, 1), "hr-1", 3m)]));
        await app.Reviews.UpsertPreviousResultsAsync(new PreviousResultsDocument(previousId, "Review 2025", 0,
        [
            new Domain.Summaries.FinalPlacement(star.Id, GridPosition.Of(GridBox.Star), Domain.Forms.FlightRisk.Low),
            new Domain.Summaries.FinalPlacement(core.Id, GridPosition.Of(GridBox.CorePlayer), Domain.Forms.FlightRisk.Medium),
        ]));
        await app.Reviews.UpdateCycleAsync(CycleSeed.CycleId, c => c with { PreviousCycleId = previousId });
        using var client = app.CreateClient();

        var html = WebUtility.HtmlDecode(await client.GetPageAsync(path));

        string Panel(Domain.Rosters.Employee e)
        {
            var at = html.IndexOf($"<span class=\"who\">{e.Name}</span>", StringComparison.Ordinal);
            return html[at..html.IndexOf("</li>", at, StringComparison.Ordinal)];
        }

        Assert.Contains("<h4>Previous cycles</h4><dl class=\"facts\"><dt>Review 2025</dt> <dd>Star · Merit increase: 3 %</dd>", Panel(star).ReplaceLineEndings(" "), StringComparison.Ordinal);
        Assert.Contains("<dt>Review 2025</dt> <dd>Core player · decision not kept</dd>", Panel(core).ReplaceLineEndings(" "), StringComparison.Ordinal);
        Assert.Contains("No earlier cycle on record.", Panel(newcomer), StringComparison.Ordinal);
    }


    private async Task SetDeadlineAsync(Domain.Planning.StepKind step, DateOnly deadline)
        => await app.Reviews.UpdateCycleAsync(CycleSeed.CycleId, c => c with
        {
            Plan = c.Plan with { Steps = [.. c.Plan.Steps.Select(s => s.Kind == step ? s with { Deadline = deadline } : s)] },
        });

    [Fact]
    public async Task The_board_shows_its_deadline_in_the_organisations_zone_and_how_long_is_left()
    {
        using var client = app.CreateClient();

        // The clock stands at 5 January 2026, 09:00 in Brussels.
        await SetDeadlineAsync(Domain.Planning.StepKind.Calibration, new DateOnly(2026, 1, 9));
        var days = WebUtility.HtmlDecode(await client.GetPageAsync(path));
        await SetDeadlineAsync(Domain.Planning.StepKind.Calibration, new DateOnly(2026, 1, 5));
        var hours = WebUtility.HtmlDecode(await client.GetPageAsync(path));
        await SetDeadlineAsync(Domain.Planning.StepKind.Calibration, new DateOnly(2026, 1, 4));
        var passed = WebUtility.HtmlDecode(await client.GetPageAsync(path));

        Assert.Contains("<strong>Deadline: 9 January 2026, end of day (Europe/Brussels).</strong> 4 day(s) left.", days, StringComparison.Ordinal);
        Assert.Contains("<strong>Deadline: 5 January 2026, end of day (Europe/Brussels).</strong> 15 hour(s) left.", hours, StringComparison.Ordinal);
        Assert.Contains("<strong>Deadline: 4 January 2026, end of day (Europe/Brussels).</strong> The deadline has passed.", passed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_expired_board_link_of_a_board_still_open_sends_the_calibrator_a_fresh_link_that_opens_it()
    {
        var expired = TestApp.PathOf(app.Links.Board(CycleSeed.CycleId, CycleSeed.GroupId, seed.Calibrator.Id, TestApp.Start.AddDays(-40)));
        using var client = app.CreateClient();

        var html = await client.GetPageAsync(expired, HttpStatusCode.Gone);
        using var renewal = await client.PostFormAsync(expired + "/renew", PageForms.AntiforgeryToken(html));

        Assert.Contains("Send me a new link", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Accepted, renewal.StatusCode);
        var email = Assert.Single(app.Mailbox.For(seed.Calibrator.Email));
        Assert.Contains("Operations", email.Subject, StringComparison.Ordinal);
        var fresh = Assert.Single(email.Links, l => l.StartsWith(TestApp.PublicBaseUrl + "/l/", StringComparison.Ordinal));
        var board = await client.GetPageAsync(new Uri(fresh).AbsolutePath);
        Assert.Contains("Calibration: Operations", board, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_expired_board_link_sends_nothing_once_the_board_is_done_or_for_someone_no_longer_on_it()
    {
        var other = new Contact("cal-9", "Wim Claes", "wim.claes@meridia.example", Domain.Language.En);
        await app.Reviews.UpdateGroupAsync(CycleSeed.CycleId, CycleSeed.GroupId, g => g! with { Phase = GroupPhase.DecisionsFinalised });
        var done = TestApp.PathOf(app.Links.Board(CycleSeed.CycleId, CycleSeed.GroupId, seed.Calibrator.Id, TestApp.Start.AddDays(-40)));
        var stranger = TestApp.PathOf(app.Links.Board(CycleSeed.CycleId, CycleSeed.GroupId, other.Id, TestApp.Start.AddDays(-40)));
        using var client = app.CreateClient();

        foreach (var expired in new[] { done, stranger })
        {
            var html = await client.GetPageAsync(expired, HttpStatusCode.Gone);
            using var renewal = await client.PostFormAsync(expired + "/renew", PageForms.AntiforgeryToken(html));
            Assert.Equal(HttpStatusCode.Accepted, renewal.StatusCode);
        }

        Assert.Empty(app.Mailbox.For(seed.Calibrator.Email));
        Assert.Empty(app.Mailbox.For(other.Email));
    }

    [Fact]
    public async Task An_overdue_board_says_since_when_and_who_was_told_until_HR_moves_the_deadline()
    {
        await app.Reviews.UpdateGroupAsync(CycleSeed.CycleId, CycleSeed.GroupId, g => g! with
        {
            Overdue = new BoardOverdue(new DateOnly(2026, 2, 1), Workflow.Notifications.OverdueStage.Hr, new DateTimeOffset(2026, 2, 4, 0, 0, 0, TimeSpan.Zero)),
        });
        using var client = app.CreateClient();

        var overdue = WebUtility.HtmlDecode(await client.GetPageAsync(path));
        await app.Reviews.UpdateCycleAsync(CycleSeed.CycleId, c => c with
        {
            Plan = c.Plan with { Steps = [.. c.Plan.Steps.Select(step => step.Kind == Domain.Planning.StepKind.Calibration ? step with { Deadline = new DateOnly(2026, 2, 10) } : step)] },
        });
        var extended = WebUtility.HtmlDecode(await client.GetPageAsync(path));

        Assert.Contains("This calibration is overdue: it was due for approval on 1 February 2026. HR was told on 4 February 2026; leadership follows.", overdue, StringComparison.Ordinal);
        Assert.Contains("draggable=\"true\"", overdue, StringComparison.Ordinal);
        Assert.DoesNotContain("overdue", extended, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_link_for_someone_who_is_not_a_calibrator_of_the_group_is_refused()
    {
        var foreign = TestApp.PathOf(app.Links.Board(CycleSeed.CycleId, CycleSeed.GroupId, seed.Employee.Id, TestApp.Start.AddDays(40)));
        using var client = app.CreateClient();

        var html = await client.GetPageAsync(foreign, HttpStatusCode.Forbidden);

        Assert.DoesNotContain(seed.Reports[1].Name, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signed_in_identity_without_the_calibrator_role_is_refused()
    {
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Add(Principals.Header, Principals.For("someone", Roles.Leadership));

        await client.GetPageAsync(path, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_move_without_a_reason_is_refused_with_the_field_named_and_changes_nothing()
    {
        using var client = app.CreateClient();
        var token = PageForms.AntiforgeryToken(await client.GetPageAsync(path));
        var employee = seed.Reports[1].Id;

        using var response = await client.PostFormAsync(path, token, ("action", "move"), ("employeeId", employee), ("to", "9"), ("reason", ""));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Give a reason of at least 10 characters.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(GridBox.CorePlayer, (await CardAsync(employee)).Current?.Box);
    }

    [Fact]
    public async Task A_move_with_a_reason_moves_the_card_records_it_and_updates_the_distribution()
    {
        using var client = app.CreateClient();
        var token = PageForms.AntiforgeryToken(await client.GetPageAsync(path));
        var employee = seed.Reports[1].Id;

        using var response = await client.PostFormAsync(path, token, ("action", "move"), ("employeeId", employee), ("to", "9"), ("reason", "Led two critical projects to success."));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(GridBox.Star, (await CardAsync(employee)).Current?.Box);
        var audit = Assert.Single(await app.Reviews.GetAuditAsync(CycleSeed.CycleId, employee));
        Assert.Equal(seed.Calibrator.Id, audit.Adjustment.By);
        var html = await client.GetPageAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("Led two critical projects to success.", html, StringComparison.Ordinal);
        Assert.Contains("1 people", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_placement_from_the_holding_area_is_audited_apart_from_a_move_with_its_time_and_counted_as_the_summary_counts()
    {
        var cards = (await app.Reviews.GetCardsAsync(CycleSeed.CycleId, CycleSeed.GroupId, 0))!;
        var waiting = seed.Reports[2].Id;
        await app.Reviews.UpsertCardsAsync(cards with { Cards = [.. cards.Cards.Select(c => c.EmployeeId == waiting ? c with { Proposed = null, Current = null } : c)] });
        using var client = app.CreateClient();
        var token = PageForms.AntiforgeryToken(await client.GetPageAsync(path));

        using var placed = await client.PostFormAsync(path, token, ("action", "move"), ("employeeId", waiting), ("to", "5"), ("reason", "No manager input; the committee knows the work."));
        app.Clock.Advance(TimeSpan.FromMinutes(7));
        using var moved = await client.PostFormAsync(path, token, ("action", "move"), ("employeeId", seed.Reports[1].Id), ("to", "9"), ("reason", "Led two critical projects to success."));
        var html = await client.GetPageAsync(path);

        var audit = (await app.Reviews.GetGroupAuditAsync(CycleSeed.CycleId, CycleSeed.GroupId)).Select(a => a.Adjustment).ToList();
        Assert.Equal([(waiting, true), (seed.Reports[1].Id, false)], audit.Select(a => (a.EmployeeId, a.IsPlacement)));
        Assert.Null(audit[0].From);
        Assert.Contains("1 placement(s) from the holding area, 1 move(s) for 1 people, 0 decision change(s).", html, StringComparison.Ordinal);
        var summary = Domain.Summaries.CycleSummary.Summarise(new Domain.Summaries.SummaryInput("g1", [], audit, [], [], Domain.Planning.DistributionGuidance.Default));
        Assert.Equal((1, 1, 1), (summary.PlacementCount, summary.AdjustmentCount, summary.EmployeesAdjusted));
        var placement = Row(html, seed.Reports[2].Name, "Placement");
        Assert.Contains("<td>Placement</td><td>Holding area</td><td>Core player</td><td>Hanne Peeters</td>", placement, StringComparison.Ordinal);
        Assert.Contains("5 Jan 2026 08:00 UTC", placement, StringComparison.Ordinal);
        Assert.Contains("5 Jan 2026 08:07 UTC", Row(html, seed.Reports[1].Name, "Move"), StringComparison.Ordinal);
        Assert.True(html.IndexOf(placement, StringComparison.Ordinal) < html.IndexOf(Row(html, seed.Reports[1].Name, "Move"), StringComparison.Ordinal), "The trail is not in the order things happened.");
    }

    private static string Row(string html, string name, string kind)
    {
        var at = html.IndexOf($"<th scope=\"row\">{name}</th><td>{kind}</td>", StringComparison.Ordinal);
        Assert.True(at >= 0, $"No audit row for {name}.");
        var start = html.LastIndexOf("<tr>", at, StringComparison.Ordinal);
        return html[start..html.IndexOf("</tr>", at, StringComparison.Ordinal)];
    }

    [Fact]
    public async Task Approving_without_ticking_the_confirmation_is_refused_next_to_the_box_and_closes_nothing()
    {
        using var client = app.CreateClient();
        var token = PageForms.AntiforgeryToken(await client.GetPageAsync(path));

        using var response = await client.PostFormAsync(path, token, ("action", "approve"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("approve-confirm-error\">Confirm that the committee agrees on every placement.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty((await app.Reviews.GetGroupAsync(CycleSeed.CycleId, CycleSeed.GroupId))!.ApprovalsSoFar);
        await app.ClientSubstitute!.DidNotReceiveWithAnyArgs().RaiseEventAsync(default!, default!, default, default);
    }

    [Fact]
    public async Task Approving_with_confirmation_raises_the_approval_for_a_group_whose_committee_is_HR_alone()
    {
        using var client = app.CreateClient();
        var token = PageForms.AntiforgeryToken(await client.GetPageAsync(path));

        using var response = await client.PostFormAsync(path, token, ("action", "approve"), ("confirm", "yes"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await app.ClientSubstitute!.Received(1).RaiseEventAsync(
            $"group-{CycleSeed.CycleId}-{CycleSeed.GroupId}", WorkflowEvents.CalibrationApproved, Arg.Any<object?>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task After_approval_the_committee_confirms_the_proposed_decisions()
    {
        await app.Reviews.UpdateGroupAsync(CycleSeed.CycleId, CycleSeed.GroupId, g => g! with { Phase = GroupPhase.DecisionsProposed });
        await app.Reviews.UpsertDecisionsAsync(new DecisionChunkDocument(CycleSeed.CycleId, CycleSeed.GroupId, 0, false,
            [.. seed.Reports.Select(r => new Domain.Decisions.NoChangeDecision(r.Id, new DateOnly(2026, 2, 20), "hr-1"))]));
        using var client = app.CreateClient();
        var html = await client.GetPageAsync(path);

        using var response = await client.PostFormAsync(path, PageForms.AntiforgeryToken(html), ("action", "finalise"));

        Assert.Contains("Proposed decisions", html, StringComparison.Ordinal);
        Assert.DoesNotContain("draggable=\"true\"", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await app.ClientSubstitute!.Received(1).RaiseEventAsync(
            $"group-{CycleSeed.CycleId}-{CycleSeed.GroupId}", WorkflowEvents.DecisionsFinalised, Arg.Any<object?>(), Arg.Any<CancellationToken>());
    }
}
