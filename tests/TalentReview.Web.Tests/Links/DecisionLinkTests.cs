using System.Net;
using System.Text.RegularExpressions;
using NSubstitute;
using TalentReview.Domain;
using TalentReview.Domain.Decisions;
using TalentReview.Web.Security;
using TalentReview.Web.Tests.Support;
using TalentReview.Workflow.Events;
using TalentReview.Workflow.Storage;

namespace TalentReview.Web.Tests.Links;

public sealed partial class DecisionLinkTests : IAsyncLifetime
{
    private const string Reason = "Exceptional year on the key account.";

    private TestApp app = null!;
    private CycleSeed seed = null!;
    private string path = null!;

    public async ValueTask InitializeAsync()
    {
        app = await TestApp.StartAsync();
        seed = await CycleSeed.WriteAsync(app.Reviews, GroupPhase.DecisionsProposed);
        await app.Reviews.UpsertDecisionsAsync(new DecisionChunkDocument(CycleSeed.CycleId, CycleSeed.GroupId, 0, false,
            [.. seed.Reports.Select((r, i) => i == 0
                ? (Decision)new MeritIncreaseDecision(r.Id, new DateOnly(2026, 2, 20), "system", 5m)
                : new NoChangeDecision(r.Id, new DateOnly(2026, 2, 20), "system"))]));
        path = TestApp.PathOf(app.Links.Decisions(CycleSeed.CycleId, CycleSeed.GroupId, seed.Calibrator.Id, TestApp.Start.AddDays(45)));
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    private async Task<Decision> DecisionAsync(int report)
        => (await app.Reviews.GetDecisionsAsync(CycleSeed.CycleId, CycleSeed.GroupId, 0))!.Decisions.Single(d => d.EmployeeId == seed.Reports[report].Id);

    private async Task<HttpResponseMessage> AmendAsync(HttpClient client, params (string Name, string Value)[] fields)
        => await client.PostFormAsync(path, PageForms.AntiforgeryToken(await client.GetPageAsync(path)), [("action", "amend"), .. fields]);


    private async Task SetDeadlineAsync(Domain.Planning.StepKind step, DateOnly deadline)
        => await app.Reviews.UpdateCycleAsync(CycleSeed.CycleId, c => c with
        {
            Plan = c.Plan with { Steps = [.. c.Plan.Steps.Select(s => s.Kind == step ? s with { Deadline = deadline } : s)] },
        });

    [Fact]
    public async Task The_decisions_page_shows_the_decisions_deadline_and_how_long_is_left()
    {
        await SetDeadlineAsync(Domain.Planning.StepKind.Decisions, new DateOnly(2026, 1, 16));
        using var client = app.CreateClient();

        var html = WebUtility.HtmlDecode(await client.GetPageAsync(path));

        Assert.Contains("<strong>Deadline: 16 January 2026, end of day (Europe/Brussels).</strong> 11 day(s) left.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_expired_decisions_link_sends_the_calibrator_a_fresh_one_while_the_decisions_wait()
    {
        var expired = TestApp.PathOf(app.Links.Decisions(CycleSeed.CycleId, CycleSeed.GroupId, seed.Calibrator.Id, TestApp.Start.AddDays(-40)));
        using var client = app.CreateClient();

        var html = await client.GetPageAsync(expired, HttpStatusCode.Gone);
        using var renewal = await client.PostFormAsync(expired + "/renew", PageForms.AntiforgeryToken(html));

        Assert.Equal(HttpStatusCode.Accepted, renewal.StatusCode);
        var email = Assert.Single(app.Mailbox.For(seed.Calibrator.Email));
        var fresh = Assert.Single(email.Links, l => l.StartsWith(TestApp.PublicBaseUrl + "/l/", StringComparison.Ordinal));
        var page = await client.GetPageAsync(new Uri(fresh).AbsolutePath);
        Assert.All(seed.Reports, r => Assert.Contains(r.Name, WebUtility.HtmlDecode(page), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Opening_the_link_lists_every_proposed_decision_and_changes_nothing()
    {
        var documents = app.Store.Count;
        using var client = app.CreateClient();

        var html = await client.GetPageAsync(path);

        Assert.All(seed.Reports, r => Assert.Contains(r.Name, html, StringComparison.Ordinal));
        Assert.Contains("Merit increase", html, StringComparison.Ordinal);
        Assert.Contains("No change", html, StringComparison.Ordinal);
        Assert.Equal(seed.Reports.Count, ProposalNote().Count(html));
        Assert.Contains("<label for=\"amend-type\">Type of decision", html, StringComparison.Ordinal);
        Assert.Contains("Confirm all decisions", html, StringComparison.Ordinal);
        Assert.Equal(documents, app.Store.Count);
        Assert.IsType<MeritIncreaseDecision>(await DecisionAsync(0));
        await app.ClientSubstitute!.DidNotReceiveWithAnyArgs().RaiseEventAsync(default!, default!, default, default);
    }

    [Fact]
    public async Task An_amendment_with_a_reason_replaces_the_decision_and_says_so()
    {
        using var client = app.CreateClient();

        using var response = await AmendAsync(client, ("employee", "1"), ("type", "MeritIncrease"), ("percent", "4,5"), ("reason", Reason));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var amended = Assert.IsType<MeritIncreaseDecision>(await DecisionAsync(1));
        Assert.Equal((4.5m, Reason, seed.Calibrator.Id), (amended.Percent, amended.Note, amended.DecidedBy));
        var html = await client.GetPageAsync(response.Headers.Location!.OriginalString);
        Assert.Contains($"The decision for {seed.Reports[1].Name} has been amended.", html, StringComparison.Ordinal);
        Assert.Contains($"<td>{Reason}</td>", html, StringComparison.Ordinal);
        Assert.Equal(seed.Reports.Count - 1, ProposalNote().Count(html));
    }

    [Fact]
    public async Task An_amendment_is_dated_the_day_it_is_where_the_organisation_is_not_in_utc()
    {
        // 23:30 UTC on 5 January is already 6 January in Brussels, the cycle's zone.
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 1, 5, 23, 30, 0, TimeSpan.Zero));
        using var client = app.CreateClient();

        using var response = await AmendAsync(client, ("employee", "1"), ("type", "MeritIncrease"), ("percent", "3"), ("reason", Reason));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(new DateOnly(2026, 1, 6), (await DecisionAsync(1)).DecidedOn);
    }

    [Fact]
    public async Task A_plan_keeps_its_follow_up_dates()
    {
        using var client = app.CreateClient();

        using var response = await AmendAsync(client, ("employee", "1"), ("type", "DevelopmentPlan"), ("goals", "Lead the migration project\nMentor a junior"),
            ("followUps", "2026-05-01, 2026-08-01"), ("reason", Reason));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var plan = Assert.IsType<DevelopmentPlanDecision>(await DecisionAsync(1));
        Assert.Equal(["Lead the migration project", "Mentor a junior"], plan.Goals);
        Assert.Equal([new DateOnly(2026, 5, 1), new DateOnly(2026, 8, 1)], plan.FollowUps);
    }

    [Fact]
    public async Task An_invalid_amendment_keeps_what_was_typed_names_the_fields_and_changes_nothing()
    {
        using var client = app.CreateClient();

        using var response = await AmendAsync(client, ("employee", "1"), ("type", "DevelopmentPlan"), ("goals", "Lead the migration project"),
            ("followUps", "2026-13-01"), ("reason", "Too short"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Lead the migration project", html, StringComparison.Ordinal);
        Assert.Contains("value=\"2026-13-01\"", html, StringComparison.Ordinal);
        Assert.Contains("Give dates as yyyy-mm-dd.", html, StringComparison.Ordinal);
        Assert.Contains("Give a reason of at least 20 characters.", html, StringComparison.Ordinal);
        Assert.Matches("id=\"amend-followUps\"[^>]*aria-invalid=\"true\"", html);
        Assert.IsType<NoChangeDecision>(await DecisionAsync(1));
    }

    [Fact]
    public async Task A_rule_of_the_decision_type_is_reported_on_its_field()
    {
        using var client = app.CreateClient();

        using var response = await AmendAsync(client, ("employee", "1"), ("type", "Promotion"), ("newJobTitle", "Team lead"), ("reason", Reason));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Matches("id=\"amend-newLevel\"[^>]*aria-invalid=\"true\"", html);
        Assert.Contains("value=\"Team lead\"", html, StringComparison.Ordinal);
        Assert.IsType<NoChangeDecision>(await DecisionAsync(1));
    }

    [Fact]
    public async Task Confirming_finalises_the_group_and_shows_what_was_confirmed()
    {
        using var client = app.CreateClient();
        var token = PageForms.AntiforgeryToken(await client.GetPageAsync(path));

        using var response = await client.PostFormAsync(path, token, ("action", "confirm"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await app.ClientSubstitute!.Received(1).RaiseEventAsync(
            $"group-{CycleSeed.CycleId}-{CycleSeed.GroupId}", WorkflowEvents.DecisionsFinalised, Arg.Any<object?>(), Arg.Any<CancellationToken>());
        var html = await client.GetPageAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("These are the decisions confirmed.", html, StringComparison.Ordinal);
        Assert.Contains(seed.Reports[0].Name, html, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"action\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Confirming_is_refused_while_a_promotion_lacks_its_new_level_and_title_and_names_the_person_on_top()
    {
        var decisions = (await app.Reviews.GetDecisionsAsync(CycleSeed.CycleId, CycleSeed.GroupId, 0))!;
        var promoted = seed.Reports[1];
        await app.Reviews.UpsertDecisionsAsync(decisions with { Decisions = [.. decisions.Decisions.Select(d => d.EmployeeId == promoted.Id
            ? new PromotionDecision(promoted.Id, new DateOnly(2026, 2, 20), "system", string.Empty, string.Empty, "Led the merger of both sales teams.")
            : d)] });
        using var client = app.CreateClient();
        var token = PageForms.AntiforgeryToken(await client.GetPageAsync(path));

        using var response = await client.PostFormAsync(path, token, ("action", "confirm"));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("These decisions are still incomplete", html, StringComparison.Ordinal);
        Assert.Contains($"?amend=1#amend\">{promoted.Name}: New level – Please fill in this field.</a>", html, StringComparison.Ordinal);
        Assert.Contains($"{promoted.Name}: New job title – Please fill in this field.", html, StringComparison.Ordinal);
        await app.ClientSubstitute!.DidNotReceiveWithAnyArgs().RaiseEventAsync(default!, default!, default, default);
    }

    [Fact]
    public async Task The_managers_recommendation_stands_next_to_each_proposal_and_a_difference_is_flagged()
    {
        var input = new Domain.Forms.ManagerInput(seed.Reports[0].Id, seed.Manager.Id, 3, new Domain.Forms.PotentialIndicators(3, 3, 3), Domain.Forms.PromotionReadiness.NotReady,
            Domain.Forms.FlightRisk.Low, DecisionType.DevelopmentPlan, "Steady year with a clear wish to grow.");
        await app.Reviews.UpdateManagerInputAsync(CycleSeed.CycleId, seed.Reports[0].Id, _ => new ManagerInputDocument(
            CycleSeed.CycleId, seed.Reports[0].Id, null, input, seed.Manager.Id, TestApp.Start, TestApp.Start));
        using var client = app.CreateClient();

        var html = await client.GetPageAsync(path);

        var row = html[html.IndexOf("<tr id=\"d0\">", StringComparison.Ordinal)..];
        row = row[..row.IndexOf("</tr>", StringComparison.Ordinal)];
        Assert.Contains("Merit increase<br><span class=\"badge warn\">Differs from the recommendation</span>", row, StringComparison.Ordinal);
        Assert.Contains("<td>Personal development plan</td>", row, StringComparison.Ordinal);
        Assert.Contains("<td>No input</td>", html, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(html, "Differs from the recommendation"));
    }

    [Fact]
    public async Task A_confirmation_without_the_anti_forgery_token_changes_nothing()
    {
        using var client = app.CreateClient();
        await client.GetPageAsync(path);

        using var response = await client.PostFormAsync(path, null, ("action", "confirm"));

        Assert.NotEqual(HttpStatusCode.Redirect, response.StatusCode);
        await app.ClientSubstitute!.DidNotReceiveWithAnyArgs().RaiseEventAsync(default!, default!, default, default);
    }

    [Fact]
    public async Task Once_finalised_the_page_says_who_confirmed_and_offers_no_form()
    {
        await app.Reviews.UpdateGroupAsync(CycleSeed.CycleId, CycleSeed.GroupId, g => g! with
        {
            Phase = GroupPhase.DecisionsFinalised, FinalisedBy = seed.Calibrator.Id, FinalisedAt = TestApp.Start.AddDays(44),
        });
        using var client = app.CreateClient();

        var html = await client.GetPageAsync(path);

        Assert.Contains($"Confirmed by {seed.Calibrator.Name} on 18 February 2026", html, StringComparison.Ordinal);
        Assert.Contains("5 %", html, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"action\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_speaks_the_recipients_language()
    {
        await app.Reviews.UpdateGroupAsync(CycleSeed.CycleId, CycleSeed.GroupId, g => g! with { Calibrators = [seed.Calibrator with { Language = Language.Fr }] });
        using var client = app.CreateClient();

        var html = System.Net.WebUtility.HtmlDecode(await client.GetPageAsync(path));

        Assert.Contains("Confirmer toutes les décisions", html, StringComparison.Ordinal);
        Assert.Contains("Augmentation au mérite", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_link_for_someone_who_is_neither_calibrator_nor_hr_is_refused()
    {
        var foreign = TestApp.PathOf(app.Links.Decisions(CycleSeed.CycleId, CycleSeed.GroupId, seed.Employee.Id, TestApp.Start.AddDays(45)));
        using var client = app.CreateClient();

        var html = await client.GetPageAsync(foreign, HttpStatusCode.Forbidden);

        Assert.DoesNotContain(seed.Reports[1].Name, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signed_in_identity_without_the_calibrator_or_hr_role_is_refused()
    {
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Add(Principals.Header, Principals.For("someone", Roles.Leadership));

        await client.GetPageAsync(path, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Before_the_calibration_is_approved_there_is_nothing_to_confirm()
    {
        await app.Reviews.UpdateGroupAsync(CycleSeed.CycleId, CycleSeed.GroupId, g => g! with { Phase = GroupPhase.Calibrating });
        using var client = app.CreateClient();

        var html = System.Net.WebUtility.HtmlDecode(await client.GetPageAsync(path));

        Assert.Contains("Decisions are proposed once this group's calibration has been approved.", html, StringComparison.Ordinal);
        Assert.DoesNotContain(seed.Reports[1].Name, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_board_leads_to_the_same_decisions_page()
    {
        var board = TestApp.PathOf(app.Links.Board(CycleSeed.CycleId, CycleSeed.GroupId, seed.Calibrator.Id, TestApp.Start.AddDays(40)));
        using var client = app.CreateClient();

        var link = DecisionsLink().Match(await client.GetPageAsync(board));

        Assert.True(link.Success);
        Assert.Contains("Confirm all decisions", await client.GetPageAsync(link.Groups[1].Value), StringComparison.Ordinal);
    }

    [GeneratedRegex("<a href=\"(/l/[^\"]+)\">Review and amend the decisions</a>")]
    private static partial Regex DecisionsLink();

    /// <summary>A proposal of the grid stores no note; the page says where it comes from.</summary>
    [GeneratedRegex("<td>Proposed from the box on the grid\\.</td>")]
    private static partial Regex ProposalNote();
}
