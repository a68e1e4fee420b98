using System.Net;
using System.Net.Http.Json;
using Microsoft.DurableTask.Client;
using NSubstitute;
using TalentReview.Web.Security;
using TalentReview.Web.Tests.Support;
using TalentReview.Workflow.Events;
using TalentReview.Workflow.Storage;

namespace TalentReview.Web.Tests.Hr;

/// <summary>HR's release gate on the console and the API: refused while a group is not final, managers first, then employees; comments for HR.</summary>
public sealed class ReleaseGateTests : IAsyncLifetime
{
    private const string Path = "/hr/cycles/" + CycleSeed.CycleId;

    private TestApp app = null!;

    public async ValueTask InitializeAsync()
    {
        app = await TestApp.StartAsync();
        app.WorkflowIs(CycleSeed.CycleId, OrchestrationRuntimeStatus.Running);
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    private HttpClient Client(string role = Roles.HrAdmin, string? language = null)
    {
        var client = app.CreateClient(language);
        client.DefaultRequestHeaders.Add(Principals.Header, Principals.For("hr-1", role));
        return client;
    }

    [Fact]
    public async Task While_a_group_is_not_final_the_page_names_it_and_a_release_is_refused_without_telling_the_cycle()
    {
        await CycleSeed.WriteAsync(app.Reviews, GroupPhase.DecisionsProposed);
        using var client = Client(language: "nl-BE");
        var page = WebUtility.HtmlDecode(await client.GetPageAsync(Path));

        using var response = await client.PostFormAsync(Path + "/release/managers", PageForms.AntiforgeryToken(page));

        Assert.Contains("Nog niets kan vrijgegeven worden: de beslissingen zijn niet definitief voor Operations.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("/release/managers", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Niet vrijgegeven: niet alle beslissingen zijn definitief", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Null((await app.Reviews.GetCycleAsync(CycleSeed.CycleId))!.Release);
        await app.ClientSubstitute!.DidNotReceiveWithAnyArgs().RaiseEventAsync(default!, default!, default, default);
    }

    [Fact]
    public async Task Before_the_cycle_runs_the_page_offers_no_release()
    {
        await CycleSeed.WriteAsync(app.Reviews, GroupPhase.DecisionsFinalised, CycleState.Launched);
        using var client = Client();

        var page = WebUtility.HtmlDecode(await client.GetPageAsync(Path));

        Assert.DoesNotContain("/release/managers", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Every decision is final", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_api_refuses_a_release_naming_the_groups_not_final()
    {
        await CycleSeed.WriteAsync(app.Reviews, GroupPhase.Approved);
        using var client = Client();

        using var response = await client.PostAsJsonAsync($"/api/cycles/{CycleSeed.CycleId}/release/managers", new { });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("The decisions are not final yet for: Operations.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Once_final_HR_releases_to_managers_and_employees_follow_when_the_conversation_window_ends()
    {
        await CycleSeed.WriteAsync(app.Reviews, GroupPhase.DecisionsFinalised);
        using var client = Client();
        var page = WebUtility.HtmlDecode(await client.GetPageAsync(Path));

        using var response = await client.PostFormAsync(Path + "/release/managers", PageForms.AntiforgeryToken(page));

        Assert.Contains("Every decision is final. Release to managers first", page, StringComparison.Ordinal);
        Assert.Contains("Employees receive their outcome automatically 5 working days later, so managers hold the conversation first", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal(Path + "?done=release-managers", response.Headers.Location?.OriginalString);
        var release = (await app.Reviews.GetCycleAsync(CycleSeed.CycleId))!.Release!;
        // Released on Monday 5 January at 09:00 in Brussels: employees on Monday 12 January at 09:00 there.
        var employeesAt = new DateTimeOffset(2026, 1, 12, 8, 0, 0, TimeSpan.Zero);
        Assert.Equal(("hr-1", TestApp.Start, employeesAt), (release.ManagersReleasedBy, release.ManagersReleasedAt, release.EmployeesDueAt));
        await app.ClientSubstitute!.Received(1).RaiseEventAsync(
            $"cycle-{CycleSeed.CycleId}", WorkflowEvents.ReleasedToManagers, Arg.Is<object?>(e => ((ReleasedToManagersEvent)e!).EmployeesAt == employeesAt), Arg.Any<CancellationToken>());
        Assert.Contains("The release to managers was asked for on 5 January 2026", WebUtility.HtmlDecode(await client.GetPageAsync(Path + "?done=release-managers")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_release_on_a_Friday_through_the_api_lets_employees_follow_after_the_weekend_and_the_plans_window()
    {
        await CycleSeed.WriteAsync(app.Reviews, GroupPhase.DecisionsFinalised);
        await app.Reviews.UpdateCycleAsync(CycleSeed.CycleId, c => c with { Plan = c.Plan with { Release = c.Plan.Release with { ConversationWorkingDays = 2 } } });
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 2, 6, 15, 0, 0, TimeSpan.Zero));
        using var client = Client();

        using var response = await client.PostAsync($"/api/cycles/{CycleSeed.CycleId}/release/managers", null);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(new DateTimeOffset(2026, 2, 10, 8, 0, 0, TimeSpan.Zero), (await app.Reviews.GetCycleAsync(CycleSeed.CycleId))!.Release!.EmployeesDueAt);
    }

    [Fact]
    public async Task Released_to_managers_the_page_says_by_whom_and_when_and_HR_releases_to_employees()
    {
        await CycleSeed.WriteAsync(app.Reviews, GroupPhase.DecisionsFinalised, CycleState.ManagersReleased);
        await app.Reviews.UpdateCycleAsync(CycleSeed.CycleId, c => c with { Release = new CycleRelease("hr-1", new DateTimeOffset(2026, 2, 2, 9, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 2, 9, 8, 0, 0, TimeSpan.Zero)) });
        using var client = Client(language: "fr-BE");
        var page = WebUtility.HtmlDecode(await client.GetPageAsync(Path));

        using var response = await client.PostFormAsync(Path + "/release/employees", PageForms.AntiforgeryToken(page));

        Assert.Contains("Publié aux responsables le 2 février 2026 par hr-1.", page, StringComparison.Ordinal);
        Assert.Contains("Les collaborateurs recevront leur résultat le 9 février 2026, sauf si vous le publiez plus tôt.", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        await app.ClientSubstitute!.Received(1).RaiseEventAsync(
            $"cycle-{CycleSeed.CycleId}", WorkflowEvents.ReleasedToEmployees, Arg.Is<object?>(e => ((ReleasedToEmployeesEvent)e!).ReleasedBy == "hr-1"), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Releasing_to_employees_before_the_managers_is_refused()
    {
        await CycleSeed.WriteAsync(app.Reviews, GroupPhase.DecisionsFinalised);
        using var client = Client();

        using var response = await client.PostAsync($"/api/cycles/{CycleSeed.CycleId}/release/employees", null);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("Release to managers first", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await app.ClientSubstitute!.DidNotReceiveWithAnyArgs().RaiseEventAsync(default!, default!, default, default);
    }

    [Fact]
    public async Task Only_HR_may_release_and_a_form_without_the_anti_forgery_token_or_from_another_site_changes_nothing()
    {
        await CycleSeed.WriteAsync(app.Reviews, GroupPhase.DecisionsFinalised);
        using var calibrator = Client(Roles.Calibrator);
        using var leader = Client(Roles.Leadership);
        using var hr = Client();

        using var byCalibrator = await calibrator.PostAsync($"/api/cycles/{CycleSeed.CycleId}/release/managers", null);
        using var byLeader = await leader.PostFormAsync(Path + "/release/managers", null);
        using var withoutToken = await hr.PostFormAsync(Path + "/release/managers", null);
        using var crossSite = new HttpRequestMessage(HttpMethod.Post, Path + "/release/managers") { Content = new FormUrlEncodedContent([KeyValuePair.Create("__rvt", PageForms.AntiforgeryToken(await hr.GetPageAsync(Path)))]) };
        crossSite.Headers.Add("Sec-Fetch-Site", "cross-site");
        using var fromElsewhere = await hr.SendAsync(crossSite);

        Assert.Equal(HttpStatusCode.Forbidden, byCalibrator.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byLeader.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, fromElsewhere.StatusCode);
        Assert.Null((await app.Reviews.GetCycleAsync(CycleSeed.CycleId))!.Release);
        await app.ClientSubstitute!.DidNotReceiveWithAnyArgs().RaiseEventAsync(default!, default!, default, default);
    }

    [Fact]
    public async Task Once_released_HR_reads_the_employees_comments_with_their_manager_and_day_in_french()
    {
        var seed = await CycleSeed.WriteAsync(app.Reviews, GroupPhase.DecisionsFinalised, CycleState.Released);
        await app.Reviews.UpdateCycleAsync(CycleSeed.CycleId, c => c with
        {
            Release = new CycleRelease("hr-1", new DateTimeOffset(2026, 2, 2, 9, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 2, 9, 8, 0, 0, TimeSpan.Zero), "release-date", new DateTimeOffset(2026, 2, 9, 8, 0, 0, TimeSpan.Zero)),
        });
        await app.Reviews.UpdateAcknowledgementAsync(CycleSeed.CycleId, seed.Reports[1].Id,
            _ => new AcknowledgementDocument(CycleSeed.CycleId, seed.Reports[1].Id, new DateTimeOffset(2026, 2, 11, 15, 0, 0, TimeSpan.Zero), "Je ne suis pas d'accord avec ma position."));
        await app.Reviews.UpdateAcknowledgementAsync(CycleSeed.CycleId, seed.Reports[0].Id,
            _ => new AcknowledgementDocument(CycleSeed.CycleId, seed.Reports[0].Id, new DateTimeOffset(2026, 2, 10, 15, 0, 0, TimeSpan.Zero), null));
        using var client = Client(language: "fr-BE");

        var page = WebUtility.HtmlDecode(await client.GetPageAsync(Path));

        Assert.Contains("Publié aux collaborateurs le 9 février 2026, comme prévu.", page, StringComparison.Ordinal);
        Assert.Contains("Commentaires des collaborateurs sur leur résultat", page, StringComparison.Ordinal);
        Assert.Contains($"<tr><td>{seed.Reports[1].Name}</td><td>{seed.Manager.Name}</td><td>11 février 2026</td><td>Je ne suis pas d'accord avec ma position.</td></tr>", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"<tr><td>{seed.Reports[0].Name}</td>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("/release/employees", page, StringComparison.Ordinal);
    }
}
