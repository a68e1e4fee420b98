using System.Net;
using System.Text.Json;
using NSubstitute;
using TalentReview.Domain.Planning;
using TalentReview.Web.Security;
using TalentReview.Web.Tests.Support;
using TalentReview.Workflow.Events;
using TalentReview.Workflow.Storage;

namespace TalentReview.Web.Tests.Hr;

/// <summary>HR follows a cycle live (page and API agree) and steers it with forms: extend, reassign, cancel, export.</summary>
public sealed class HrConsoleTests : IAsyncLifetime
{
    private const string Path = "/hr/cycles/" + CycleSeed.CycleId;

    private TestApp app = null!;
    private CycleSeed seed = null!;

    public async ValueTask InitializeAsync()
    {
        app = await TestApp.StartAsync();
        seed = await CycleSeed.WriteAsync(app.Reviews, GroupPhase.CollectingInput);
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    private HttpClient HrClient(string? language = null)
    {
        var client = app.CreateClient(language);
        client.DefaultRequestHeaders.Add(Principals.Header, Principals.For("hr-1", Roles.HrAdmin));
        return client;
    }

    private Task<ParticipantDocument?> SetAsync(int report, Func<ParticipantDocument, ParticipantDocument> change)
        => app.Reviews.UpdateParticipantAsync(CycleSeed.CycleId, seed.Reports[report].Id, change);

    private static string Row(string html, string name)
    {
        var at = html.IndexOf(name + " <small>", StringComparison.Ordinal);
        Assert.True(at >= 0, $"No row for {name}");
        return html[at..html.IndexOf("</tr>", at, StringComparison.Ordinal)];
    }

    [Fact]
    public async Task During_the_self_assessment_the_page_and_the_api_count_what_is_in_before_any_calibration()
    {
        await SetAsync(0, p => p with { SelfAssessmentState = StepState.Submitted });
        await SetAsync(1, p => p with { SelfAssessmentState = StepState.Submitted });
        var documents = app.Store.Count;
        using var client = HrClient();

        var html = WebUtility.HtmlDecode(await client.GetPageAsync(Path));
        using var status = JsonDocument.Parse(await client.GetStringAsync($"/api/cycles/{CycleSeed.CycleId}"));

        var total = seed.Reports.Count;
        Assert.Contains($"<td>{total}</td><td>2</td><td>{total - 2}</td><td>0</td><td>0</td>", html, StringComparison.Ordinal);
        Assert.Contains($"Submitted 2/{total}", html, StringComparison.Ordinal);
        Assert.Contains("Deadline", html, StringComparison.Ordinal);
        Assert.Contains("Submitted", Row(html, seed.Reports[0].Name), StringComparison.Ordinal);
        Assert.Contains("Pending", Row(html, seed.Reports[2].Name), StringComparison.Ordinal);
        Assert.Contains(seed.Manager.Name, html, StringComparison.Ordinal);
        Assert.Equal(2, status.RootElement.GetProperty("selfAssessmentsSubmitted").GetInt32());
        var live = status.RootElement.GetProperty("live");
        Assert.Equal(2, live.GetProperty("selfAssessment").GetProperty("submitted").GetInt32());
        var manager = live.GetProperty("managers").EnumerateArray().Single();
        Assert.Equal(seed.Manager.Name, manager.GetProperty("name").GetString());
        Assert.Equal(total, manager.GetProperty("people").GetArrayLength());
        Assert.Equal(documents, app.Store.Count);
    }

    [Fact]
    public async Task After_the_deadline_pending_people_are_late_and_escalated_input_says_so_in_french()
    {
        var cycle = await app.Reviews.GetCycleAsync(CycleSeed.CycleId);
        var deadline = cycle!.Plan.Step(StepKind.ManagerInput)!.Deadline;
        await SetAsync(0, p => p with { SelfAssessmentState = StepState.Submitted, ManagerInputState = StepState.Submitted });
        await SetAsync(1, p => p with { Escalation = EscalationStage.SkipLevelManager });
        // 23:30 UTC on the deadline is already the next day in Brussels.
        app.Clock.SetUtcNow(new DateTimeOffset(deadline.ToDateTime(new TimeOnly(23, 30)), TimeSpan.Zero));
        using var client = HrClient("fr-BE");

        var html = WebUtility.HtmlDecode(await client.GetPageAsync(Path));

        Assert.Contains("<html lang=\"fr\"", html, StringComparison.Ordinal);
        var late = Row(html, seed.Reports[2].Name);
        Assert.Contains("<td>En retard</td><td>En retard</td>", late, StringComparison.Ordinal);
        Assert.Contains("<td>En retard</td><td>Escaladé</td>", Row(html, seed.Reports[1].Name), StringComparison.Ordinal);
        Assert.Contains("<td>Envoyé</td><td>Envoyé</td>", Row(html, seed.Reports[0].Name), StringComparison.Ordinal);
        Assert.Contains("Escaladé 1", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_a_new_york_cycle_23_30_utc_on_the_deadline_is_still_the_deadline_day_there_and_nobody_is_late_yet()
    {
        await app.Reviews.UpdateCycleAsync(CycleSeed.CycleId, c => c with { Plan = c.Plan with { Time = new OrganisationTime("America/New_York", new TimeOnly(9, 0)) } });
        var deadline = (await app.Reviews.GetCycleAsync(CycleSeed.CycleId))!.Plan.Step(StepKind.ManagerInput)!.Deadline;
        app.Clock.SetUtcNow(new DateTimeOffset(deadline.ToDateTime(new TimeOnly(23, 30)), TimeSpan.Zero));
        using var client = HrClient();

        var before = WebUtility.HtmlDecode(await client.GetPageAsync(Path));
        app.Clock.SetUtcNow(new DateTimeOffset(deadline.AddDays(1).ToDateTime(new TimeOnly(5, 30)), TimeSpan.Zero));
        var after = WebUtility.HtmlDecode(await client.GetPageAsync(Path));

        Assert.Contains($"As of {deadline.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"))}.", before, StringComparison.Ordinal);
        // The self-assessment closed a week earlier; the manager input is due today in New York.
        Assert.Contains("<td>Late</td><td>Pending</td>", Row(before, seed.Reports[2].Name), StringComparison.Ordinal);
        Assert.Contains("<td>Late</td><td>Late</td>", Row(after, seed.Reports[2].Name), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Extending_a_deadline_from_the_page_moves_it_and_tells_the_cycle()
    {
        using var client = HrClient();
        var page = await client.GetPageAsync(Path);

        using var response = await client.PostFormAsync(Path + "/deadline", PageForms.AntiforgeryToken(page), ("step", "SelfAssessment"), ("newDeadline", "2026-01-30"));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal(Path + "?done=deadline", response.Headers.Location?.OriginalString);
        var cycle = await app.Reviews.GetCycleAsync(CycleSeed.CycleId);
        Assert.Equal(new DateOnly(2026, 1, 30), cycle!.Plan.Step(StepKind.SelfAssessment)!.Deadline);
        await app.ClientSubstitute!.Received(1).RaiseEventAsync(
            $"cycle-{CycleSeed.CycleId}", WorkflowEvents.DeadlineExtended, Arg.Is<object?>(e => ((DeadlineExtendedEvent)e!).NewDeadline == new DateOnly(2026, 1, 30)), Arg.Any<CancellationToken>());
        Assert.Contains("The deadline was extended.", await client.GetPageAsync(Path + "?done=deadline"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_post_without_the_anti_forgery_token_changes_nothing()
    {
        using var client = HrClient();
        var before = (await app.Reviews.GetCycleAsync(CycleSeed.CycleId))!.Plan;

        using var response = await client.PostFormAsync(Path + "/deadline", null, ("step", "SelfAssessment"), ("newDeadline", "2026-01-30"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before.Step(StepKind.SelfAssessment), (await app.Reviews.GetCycleAsync(CycleSeed.CycleId))!.Plan.Step(StepKind.SelfAssessment));
        await app.ClientSubstitute!.DidNotReceiveWithAnyArgs().RaiseEventAsync(default!, default!, default, default);
    }

    [Fact]
    public async Task A_deadline_earlier_than_the_current_one_is_refused_on_the_page_with_what_was_typed()
    {
        using var client = HrClient();
        var page = await client.GetPageAsync(Path);

        using var response = await client.PostFormAsync(Path + "/deadline", PageForms.AntiforgeryToken(page), ("step", "ManagerInput"), ("newDeadline", "2026-01-06"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("The new deadline must be after the current one", html, StringComparison.Ordinal);
        Assert.Contains("value=\"2026-01-06\"", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"ManagerInput\" selected>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deadline_moved_more_than_a_year_on_is_refused_and_nothing_changes()
    {
        var before = (await app.Reviews.GetCycleAsync(CycleSeed.CycleId))!.Plan;
        var deadline = before.Step(StepKind.SelfAssessment)!.Deadline;
        using var client = HrClient();

        using var response = await client.PostFormAsync(Path + "/deadline", PageForms.AntiforgeryToken(await client.GetPageAsync(Path)),
            ("step", "SelfAssessment"), ("newDeadline", deadline.AddYears(1).AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"A deadline moves by at most a year: {deadline.AddYears(1):yyyy-MM-dd} at the latest.", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(before.Steps, (await app.Reviews.GetCycleAsync(CycleSeed.CycleId))!.Plan.Steps);
        await app.ClientSubstitute!.DidNotReceiveWithAnyArgs().RaiseEventAsync(default!, default!, default, default);
    }

    [Fact]
    public async Task Reassigning_to_someone_who_reports_to_the_employee_is_refused_as_a_loop()
    {
        var (employee, report) = (seed.Reports[0], seed.Reports[1]);
        await SetAsync(1, p => p with { ManagerId = employee.Id });
        using var client = HrClient();
        var page = await client.GetPageAsync(Path);

        using var response = await client.PostFormAsync(Path + "/reassign", PageForms.AntiforgeryToken(page), ("employeeId", employee.Id), ("newManagerId", report.Id));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("would manage their own manager", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(seed.Manager.Id, (await app.Reviews.GetParticipantAsync(CycleSeed.CycleId, employee.Id))!.ManagerId);
        await app.ClientSubstitute!.DidNotReceiveWithAnyArgs().RaiseEventAsync(default!, default!, default, default);
    }

    [Fact]
    public async Task Reassigning_in_a_cycle_that_has_ended_is_refused_in_the_api_too()
    {
        await app.Reviews.UpdateCycleAsync(CycleSeed.CycleId, c => c with { State = CycleState.Released });
        using var client = HrClient();

        using var response = await client.PostAsync($"/api/cycles/{CycleSeed.CycleId}/reassignments", JsonContent(new { employeeId = seed.Reports[0].Id, newManagerId = seed.Reports[1].Id }));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("can no longer move", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelling_needs_the_confirmation_then_tells_the_cycle()
    {
        using var client = HrClient();
        var token = PageForms.AntiforgeryToken(await client.GetPageAsync(Path));

        using var unconfirmed = await client.PostFormAsync(Path + "/cancel", token, ("reason", "Reorganisation"));
        Assert.Equal(HttpStatusCode.BadRequest, unconfirmed.StatusCode);
        Assert.Contains("Tick the box to confirm the cancellation.", await unconfirmed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await app.ClientSubstitute!.DidNotReceiveWithAnyArgs().RaiseEventAsync(default!, default!, default, default);

        using var confirmed = await client.PostFormAsync(Path + "/cancel", token, ("reason", "Reorganisation"), ("confirm", "yes"));
        Assert.Equal(HttpStatusCode.SeeOther, confirmed.StatusCode);
        await app.ClientSubstitute!.Received(1).RaiseEventAsync($"cycle-{CycleSeed.CycleId}", WorkflowEvents.CycleCancelled, Arg.Any<object?>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task The_page_links_the_exports_in_the_readers_language_and_they_download()
    {
        using var client = HrClient("nl-BE");
        var html = await client.GetPageAsync(Path);

        var link = $"/api/cycles/{CycleSeed.CycleId}/export?format=xlsx&amp;lang=nl";
        Assert.Contains(link, html, StringComparison.Ordinal);
        using var download = await client.GetAsync(WebUtility.HtmlDecode(link));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
    }

    [Fact]
    public async Task Someone_without_the_hr_role_cannot_open_the_console()
    {
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Add(Principals.Header, Principals.For("e-1", Roles.Calibrator));

        using var response = await client.GetAsync(Path);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private static StringContent JsonContent(object body) => new(JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json");
}
