using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using NSubstitute;
using TalentReview.Web.Security;
using TalentReview.Web.Tests.Support;
using TalentReview.Workflow;
using TalentReview.Workflow.Cycle;
using TalentReview.Workflow.Events;
using TalentReview.Workflow.Notifications;
using TalentReview.Workflow.Resilience;
using TalentReview.Workflow.Storage;

namespace TalentReview.Web.Tests.Hr;

/// <summary>
/// A cycle that cannot go on says so to HR, on the page and in the API, never "Running": a stalled step
/// (where, why, since when) with a retry, a workflow missing after a launch cut short with a resume, a failed workflow
/// with a confirmed resume or a cancel (each done by a fresh workflow, and audited), and the people whose emails the provider refused.
/// </summary>
public sealed class CycleStandstillTests : IAsyncLifetime
{
    private const string Path = "/hr/cycles/" + CycleSeed.CycleId;
    private const string InstanceId = "cycle-" + CycleSeed.CycleId;

    private TestApp app = null!;

    public async ValueTask InitializeAsync()
    {
        app = await TestApp.StartAsync();
        await CycleSeed.WriteAsync(app.Reviews, GroupPhase.CollectingInput);
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    private HttpClient HrClient(string? language = null)
    {
        var client = app.CreateClient(language);
        client.DefaultRequestHeaders.Add(Principals.Header, Principals.For("hr-1", Roles.HrAdmin));
        return client;
    }

    private void WorkflowIs(OrchestrationRuntimeStatus? status) => app.WorkflowIs(CycleSeed.CycleId, status);

    private static readonly DateTimeOffset FailedSince = new(2026, 1, 7, 10, 0, 0, TimeSpan.Zero);

    /// <summary>The cycle's workflow failed after its invitations (its last progress says so).</summary>
    private void WorkflowFailed()
    {
        var failed = new OrchestrationMetadata("ReviewCycleOrchestration", InstanceId)
        {
            RuntimeStatus = OrchestrationRuntimeStatus.Failed,
            DataConverter = DurablePayloads.Converter,
            LastUpdatedAt = FailedSince,
            SerializedCustomStatus = DurablePayloads.Converter.Serialize(new CycleProgress(CyclePhase.SelfAssessment, 3, 1, "sa-invite", null, null, 3)),
            FailureDetails = new TaskFailureDetails("System.NullReferenceException", "Object reference not set.", null, null, null),
        };
        app.ClientSubstitute!.GetInstanceAsync(InstanceId, Arg.Any<bool>(), Arg.Any<CancellationToken>()).Returns(failed);
        app.ClientSubstitute!.GetInstanceAsync(InstanceId, Arg.Any<CancellationToken>()).Returns(failed);
    }

    [Fact]
    public async Task A_stalled_cycle_shows_where_why_and_since_when_and_HR_retries_it_from_the_page()
    {
        WorkflowIs(OrchestrationRuntimeStatus.Running);
        var since = new DateTimeOffset(2026, 1, 6, 9, 15, 0, TimeSpan.Zero);
        await app.Reviews.UpdateCycleAsync(CycleSeed.CycleId, c => c with { Stall = new CycleStall("sa-invite", "System.InvalidOperationException: The template has no subject.", since) });
        using var client = HrClient();

        var page = await client.GetPageAsync(Path);
        var html = WebUtility.HtmlDecode(page);
        using var status = JsonDocument.Parse(await client.GetStringAsync($"/api/cycles/{CycleSeed.CycleId}"));

        Assert.Contains("The cycle is stalled", html, StringComparison.Ordinal);
        Assert.Contains("Step sa-invite has not gone on since 6 January 2026 10:15 (Europe/Brussels). Reason: System.InvalidOperationException: The template has no subject.", html, StringComparison.Ordinal);
        Assert.Contains($"action=\"{Path}/resume\"", html, StringComparison.Ordinal);
        Assert.Equal("Stalled", status.RootElement.GetProperty("state").GetString());
        Assert.Equal("sa-invite", status.RootElement.GetProperty("stall").GetProperty("step").GetString());
        Assert.Equal(since, status.RootElement.GetProperty("stall").GetProperty("since").GetDateTimeOffset());

        using var response = await client.PostFormAsync(Path + "/resume", PageForms.AntiforgeryToken(page));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal(Path + "?done=resume", response.Headers.Location?.OriginalString);
        await app.ClientSubstitute!.Received(1).RaiseEventAsync(
            InstanceId, WorkflowEvents.RetryRequested, Arg.Is<object?>(e => ((RetryRequestedEvent)e!).RequestedBy == "hr-1"), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task A_stalled_calibration_group_names_the_group_in_french_and_the_retry_goes_to_that_group()
    {
        WorkflowIs(OrchestrationRuntimeStatus.Running);
        var since = new DateTimeOffset(2026, 1, 20, 8, 0, 0, TimeSpan.Zero);
        var stall = new CycleStall("NotifyCalibrators", "System.InvalidOperationException: The template has no subject.", since, CycleSeed.GroupId, "Operations");
        await app.Reviews.UpdateCycleAsync(CycleSeed.CycleId, c => c with { GroupStalls = [stall] });
        using var client = HrClient("fr-BE");

        var page = await client.GetPageAsync(Path);
        var html = WebUtility.HtmlDecode(page);
        using var status = JsonDocument.Parse(await client.GetStringAsync($"/api/cycles/{CycleSeed.CycleId}"));
        using var list = JsonDocument.Parse(await client.GetStringAsync("/api/cycles"));

        Assert.Contains("L'étape NotifyCalibrators du groupe de calibrage Operations est bloquée depuis le 20 janvier 2026 09:00 (Europe/Brussels).", html, StringComparison.Ordinal);
        Assert.Equal("Stalled", status.RootElement.GetProperty("state").GetString());
        Assert.Equal("Operations", status.RootElement.GetProperty("stall").GetProperty("group").GetString());
        Assert.Equal("NotifyCalibrators", status.RootElement.GetProperty("stalls")[0].GetProperty("step").GetString());
        Assert.Equal("Stalled", list.RootElement.GetProperty("cycles")[0].GetProperty("state").GetString());

        using var response = await client.PostFormAsync(Path + "/resume", PageForms.AntiforgeryToken(page));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        await app.ClientSubstitute!.Received(1).RaiseEventAsync(
            InstanceIds.Group(CycleSeed.CycleId, CycleSeed.GroupId), WorkflowEvents.RetryRequested, Arg.Any<object?>(), Arg.Any<CancellationToken>());
        await app.ClientSubstitute!.DidNotReceive().RaiseEventAsync(InstanceId, WorkflowEvents.RetryRequested, Arg.Any<object?>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task A_stalled_manager_change_names_the_persons_review_and_its_group_and_the_retry_goes_to_that_review()
    {
        WorkflowIs(OrchestrationRuntimeStatus.Running);
        var since = new DateTimeOffset(2026, 1, 8, 8, 0, 0, TimeSpan.Zero);
        var stall = new CycleStall("ReassignManager", "System.InvalidOperationException: The template has no subject.", since, CycleSeed.GroupId, "Operations", EmployeeId: "E042", Person: "Zoë Example");
        await app.Reviews.UpdateCycleAsync(CycleSeed.CycleId, c => c with { GroupStalls = [stall] });
        using var client = HrClient();

        var page = await client.GetPageAsync(Path);
        var html = WebUtility.HtmlDecode(page);
        using var status = JsonDocument.Parse(await client.GetStringAsync($"/api/cycles/{CycleSeed.CycleId}"));

        Assert.Contains("Step ReassignManager of the review of Zoë Example (calibration group Operations) has not gone on since 8 January 2026 09:00 (Europe/Brussels).", html, StringComparison.Ordinal);
        Assert.Equal("Stalled", status.RootElement.GetProperty("state").GetString());
        Assert.Equal("E042", status.RootElement.GetProperty("stall").GetProperty("employeeId").GetString());

        using var response = await client.PostFormAsync(Path + "/resume", PageForms.AntiforgeryToken(page));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        await app.ClientSubstitute!.Received(1).RaiseEventAsync(
            InstanceIds.Review(CycleSeed.CycleId, "E042"), WorkflowEvents.RetryRequested, Arg.Any<object?>(), Arg.Any<CancellationToken>());
        await app.ClientSubstitute!.DidNotReceive().RaiseEventAsync(InstanceIds.Group(CycleSeed.CycleId, CycleSeed.GroupId), WorkflowEvents.RetryRequested, Arg.Any<object?>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task A_stalled_cycle_offers_the_cancel_with_its_confirmation_and_reason_and_the_cancel_reaches_the_cycle()
    {
        WorkflowIs(OrchestrationRuntimeStatus.Running);
        await app.Reviews.UpdateCycleAsync(CycleSeed.CycleId, c => c with { Stall = new CycleStall("sa-invite", "Broken.", TestApp.Start) });
        using var client = HrClient();
        var page = await client.GetPageAsync(Path);
        var token = PageForms.AntiforgeryToken(page);

        Assert.Contains($"action=\"{Path}/cancel\"", page, StringComparison.Ordinal);
        using var unconfirmed = await client.PostFormAsync(Path + "/cancel", token, ("reason", "Reorganisation"));
        Assert.Equal(HttpStatusCode.BadRequest, unconfirmed.StatusCode);
        using var confirmed = await client.PostFormAsync(Path + "/cancel", token, ("reason", "Reorganisation"), ("confirm", "yes"));

        Assert.Equal(HttpStatusCode.SeeOther, confirmed.StatusCode);
        await app.ClientSubstitute!.Received(1).RaiseEventAsync(
            InstanceId, WorkflowEvents.CycleCancelled, Arg.Is<object?>(e => ((CycleCancelledEvent)e!).Reason == "Reorganisation"), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task A_failed_workflow_is_resumed_from_the_page_once_confirmed_by_a_fresh_workflow_under_its_own_id_and_the_resume_is_audited()
    {
        WorkflowFailed();
        using var client = HrClient();
        var page = await client.GetPageAsync(Path);
        var html = WebUtility.HtmlDecode(page);

        Assert.Contains("Resuming starts a fresh workflow that carries on where the cycle stood: what was submitted stays, and nobody gets an email twice.", html, StringComparison.Ordinal);
        Assert.Contains("<input type=\"checkbox\" name=\"confirm\" value=\"yes\" required> The cause is fixed; let a fresh workflow carry the cycle on.", html, StringComparison.Ordinal);
        Assert.Contains($"action=\"{Path}/cancel\"", page, StringComparison.Ordinal);

        using var unconfirmed = await client.PostFormAsync(Path + "/resume", PageForms.AntiforgeryToken(page));
        Assert.Equal(HttpStatusCode.BadRequest, unconfirmed.StatusCode);
        Assert.Contains("Tick the box to confirm the resume.", WebUtility.HtmlDecode(await unconfirmed.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)), StringComparison.Ordinal);
        await app.ClientSubstitute!.DidNotReceiveWithAnyArgs().ScheduleNewOrchestrationInstanceAsync(default, default, default, default);

        using var confirmed = await client.PostFormAsync(Path + "/resume", PageForms.AntiforgeryToken(page), ("confirm", "yes"));

        Assert.Equal(HttpStatusCode.SeeOther, confirmed.StatusCode);
        await app.ClientSubstitute!.Received(1).ScheduleNewOrchestrationInstanceAsync(
            new TaskName("ReviewCycleOrchestration"),
            Arg.Is<object?>(i => ((ReviewCycleInput)i!).Generation == 1 && ((ReviewCycleInput)i!).Cancel == null && ((ReviewCycleInput)i!).Reached!.LastMilestone == "sa-invite"),
            Arg.Is<StartOrchestrationOptions?>(o => o!.InstanceId == InstanceId + "-resume1"),
            Arg.Any<CancellationToken>());
        var recovery = Assert.Single((await app.Reviews.GetCycleAsync(CycleSeed.CycleId))!.Recoveries!);
        Assert.Equal((RecoveryAction.Resumed, "hr-1", "System.NullReferenceException: Object reference not set.", FailedSince), (recovery.Action, recovery.By, recovery.Failure, recovery.FailedSince));

        // The fresh workflow runs: HR reads the cycle running, with the resume in its audit, on the page and in the API.
        app.ClientSubstitute!.GetInstanceAsync(InstanceId + "-resume1", Arg.Any<bool>(), Arg.Any<CancellationToken>())
            .Returns(new OrchestrationMetadata("ReviewCycleOrchestration", InstanceId + "-resume1") { RuntimeStatus = OrchestrationRuntimeStatus.Running, DataConverter = DurablePayloads.Converter });
        var after = WebUtility.HtmlDecode(await client.GetPageAsync(Path));
        using var status = JsonDocument.Parse(await client.GetStringAsync($"/api/cycles/{CycleSeed.CycleId}"));

        Assert.DoesNotContain("id=\"standstill\"", after, StringComparison.Ordinal);
        Assert.Contains("5 January 2026 09:00 (Europe/Brussels): resumed by hr-1. The workflow had failed since 7 January 2026 11:00 (Europe/Brussels): System.NullReferenceException: Object reference not set.", after, StringComparison.Ordinal);
        Assert.Equal("Running", status.RootElement.GetProperty("state").GetString());
        Assert.Equal("Resumed", status.RootElement.GetProperty("recoveries")[0].GetProperty("action").GetString());
        Assert.Equal("hr-1", status.RootElement.GetProperty("recoveries")[0].GetProperty("by").GetString());
    }

    [Fact]
    public async Task A_cancel_of_a_failed_workflow_is_done_by_a_fresh_workflow_that_only_cancels_and_a_second_cancel_starts_nothing_more()
    {
        WorkflowFailed();
        using var client = HrClient();

        using var response = await client.PostAsJsonAsync($"/api/cycles/{CycleSeed.CycleId}/cancel", new { reason = "Reorganisation" }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await app.ClientSubstitute!.Received(1).ScheduleNewOrchestrationInstanceAsync(
            new TaskName("ReviewCycleOrchestration"),
            Arg.Is<object?>(i => ((ReviewCycleInput)i!).Cancel!.Reason == "Reorganisation" && ((ReviewCycleInput)i!).Cancel!.CancelledBy == "hr-1"),
            Arg.Is<StartOrchestrationOptions?>(o => o!.InstanceId == InstanceId + "-resume1"),
            Arg.Any<CancellationToken>());
        await app.ClientSubstitute!.DidNotReceiveWithAnyArgs().RaiseEventAsync(default!, default!, default, default);
        var cycle = await app.Reviews.GetCycleAsync(CycleSeed.CycleId);
        Assert.Equal((RecoveryAction.Cancelled, "hr-1"), (Assert.Single(cycle!.Recoveries!).Action, cycle.Recoveries![0].By));
        Assert.Equal("Reorganisation", cycle.CancelReason);

        // The fresh workflow is there: a cancel sent again goes to it (which is cancelling already), not to a third workflow.
        app.ClientSubstitute!.GetInstanceAsync(InstanceId + "-resume1", Arg.Any<bool>(), Arg.Any<CancellationToken>())
            .Returns(new OrchestrationMetadata("ReviewCycleOrchestration", InstanceId + "-resume1") { RuntimeStatus = OrchestrationRuntimeStatus.Running, DataConverter = DurablePayloads.Converter });
        using var again = await client.PostAsJsonAsync($"/api/cycles/{CycleSeed.CycleId}/cancel", new { reason = "Reorganisation" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NoContent, again.StatusCode);
        await app.ClientSubstitute!.Received(1).ScheduleNewOrchestrationInstanceAsync(Arg.Any<TaskName>(), Arg.Any<object?>(), Arg.Any<StartOrchestrationOptions?>(), Arg.Any<CancellationToken>());
        Assert.Single((await app.Reviews.GetCycleAsync(CycleSeed.CycleId))!.Recoveries!);
    }

    [Fact]
    public async Task A_failed_workflow_is_resumed_through_the_api_and_a_second_resume_is_refused_once_the_fresh_one_runs()
    {
        WorkflowFailed();
        using var client = HrClient();

        using var resumed = await client.PostAsync($"/api/cycles/{CycleSeed.CycleId}/resume", null, TestContext.Current.CancellationToken);
        app.ClientSubstitute!.GetInstanceAsync(InstanceId + "-resume1", Arg.Any<bool>(), Arg.Any<CancellationToken>())
            .Returns(new OrchestrationMetadata("ReviewCycleOrchestration", InstanceId + "-resume1") { RuntimeStatus = OrchestrationRuntimeStatus.Running, DataConverter = DurablePayloads.Converter });
        using var again = await client.PostAsync($"/api/cycles/{CycleSeed.CycleId}/resume", null, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Accepted, resumed.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("notStalled", await again.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        await app.ClientSubstitute!.Received(1).ScheduleNewOrchestrationInstanceAsync(Arg.Any<TaskName>(), Arg.Any<object?>(), Arg.Any<StartOrchestrationOptions?>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task A_retry_without_the_anti_forgery_token_does_nothing()
    {
        WorkflowIs(OrchestrationRuntimeStatus.Running);
        await app.Reviews.UpdateCycleAsync(CycleSeed.CycleId, c => c with { Stall = new CycleStall("sa-invite", "Broken.", TestApp.Start) });
        using var client = HrClient();

        using var response = await client.PostFormAsync(Path + "/resume", null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await app.ClientSubstitute!.DidNotReceiveWithAnyArgs().RaiseEventAsync(default!, default!, default, default);
    }

    [Fact]
    public async Task A_cycle_whose_workflow_is_missing_is_shown_in_dutch_and_its_launch_resumed_from_the_page()
    {
        WorkflowIs(null);
        using var client = HrClient("nl-BE");

        var page = await client.GetPageAsync(Path);
        var html = WebUtility.HtmlDecode(page);
        using var status = JsonDocument.Parse(await client.GetStringAsync($"/api/cycles/{CycleSeed.CycleId}"));

        Assert.Contains("De workflow van deze cyclus ontbreekt", html, StringComparison.Ordinal);
        Assert.Contains("Lancering hervatten", html, StringComparison.Ordinal);
        Assert.Equal("NotStarted", status.RootElement.GetProperty("state").GetString());

        using var response = await client.PostFormAsync(Path + "/resume", PageForms.AntiforgeryToken(page));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        await app.ClientSubstitute!.Received(1).ScheduleNewOrchestrationInstanceAsync(
            new TaskName("ReviewCycleOrchestration"), Arg.Any<object?>(), Arg.Is<StartOrchestrationOptions?>(o => o!.InstanceId == InstanceId), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task A_running_cycle_shows_no_standstill_and_a_resume_is_refused()
    {
        WorkflowIs(OrchestrationRuntimeStatus.Running);
        using var client = HrClient();

        var page = await client.GetPageAsync(Path);
        using var status = JsonDocument.Parse(await client.GetStringAsync($"/api/cycles/{CycleSeed.CycleId}"));
        using var response = await client.PostAsync($"/api/cycles/{CycleSeed.CycleId}/resume", null, TestContext.Current.CancellationToken);

        Assert.DoesNotContain("id=\"standstill\"", page, StringComparison.Ordinal);
        Assert.NotEqual("Stalled", status.RootElement.GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("notStalled", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_workflow_reads_failed_never_running_on_the_page_in_its_status_and_in_the_cycle_list()
    {
        WorkflowFailed();
        using var client = HrClient();

        var html = WebUtility.HtmlDecode(await client.GetPageAsync(Path));
        using var status = JsonDocument.Parse(await client.GetStringAsync($"/api/cycles/{CycleSeed.CycleId}"));

        using var list = JsonDocument.Parse(await client.GetStringAsync("/api/cycles"));

        Assert.Equal("Failed", status.RootElement.GetProperty("state").GetString());
        Assert.Equal("Failed", list.RootElement.GetProperty("cycles")[0].GetProperty("state").GetString());
        Assert.Contains("The cycle's workflow failed", html, StringComparison.Ordinal);
        Assert.Contains("Since 7 January 2026 11:00 (Europe/Brussels). Reason: System.NullReferenceException: Object reference not set.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task People_whose_address_the_provider_refused_are_listed_with_the_reason()
    {
        WorkflowIs(OrchestrationRuntimeStatus.Running);
        await app.Reviews.RecordDeliveryProblemAsync(new DeliveryProblemDocument(
            CycleSeed.CycleId, "E900", "Zoë Broken", EmailKind.SelfAssessmentInvitation, "sa-invite", "Does not contain a valid address.", new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero)));
        using var client = HrClient();

        var html = WebUtility.HtmlDecode(await client.GetPageAsync(Path));
        using var status = JsonDocument.Parse(await client.GetStringAsync($"/api/cycles/{CycleSeed.CycleId}"));

        Assert.Contains("Emails that could not be delivered", html, StringComparison.Ordinal);
        Assert.Contains("<td>Zoë Broken <small>(E900)</small></td><td>Self-assessment invitation</td><td>Does not contain a valid address.</td><td>5 January 2026 10:00 (Europe/Brussels)</td>", html, StringComparison.Ordinal);
        var problem = status.RootElement.GetProperty("undeliverable").EnumerateArray().Single();
        Assert.Equal("E900", problem.GetProperty("employeeId").GetString());
        Assert.Equal("Running", status.RootElement.GetProperty("state").GetString());
    }
}
