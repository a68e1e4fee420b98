using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.DurableTask.Client;
using TalentReview.Domain;
using TalentReview.Domain.Planning;
using TalentReview.Web.Security;
using TalentReview.Web.Tests.Support;
using TalentReview.Workflow.Storage;

namespace TalentReview.Web.Tests.Hr;

/// <summary>HR nudges one person or one manager now, from the console or the API: one email per request, refused when nothing is pending.</summary>
public sealed partial class NudgeTests : IAsyncLifetime
{
    private const string Path = "/hr/cycles/" + CycleSeed.CycleId;

    private TestApp app = null!;
    private CycleSeed seed = null!;

    public async ValueTask InitializeAsync()
    {
        app = await TestApp.StartAsync();
        seed = await CycleSeed.WriteAsync(app.Reviews, GroupPhase.CollectingInput);
        app.WorkflowIs(CycleSeed.CycleId, OrchestrationRuntimeStatus.Running);
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    private HttpClient HrClient(string? language = null)
    {
        var client = app.CreateClient(language);
        client.DefaultRequestHeaders.Add(Principals.Header, Principals.For("hr-1", Roles.HrAdmin));
        return client;
    }

    private static string Row(string html, string name)
    {
        var at = html.IndexOf(name + " <small>", StringComparison.Ordinal);
        Assert.True(at >= 0, $"No row for {name}");
        return html[at..html.IndexOf("</tr>", at, StringComparison.Ordinal)];
    }

    private static string ManagerRow(string html, string name)
    {
        var at = html.IndexOf($"<th scope=\"row\">{name}</th>", StringComparison.Ordinal);
        Assert.True(at >= 0, $"No manager row for {name}");
        return html[at..html.IndexOf("<details>", at, StringComparison.Ordinal)];
    }

    private static string RequestKey(string html) => RequestKeyField().Match(html).Groups[1].Value;

    [Fact]
    public async Task Nudging_a_person_sends_one_reminder_with_the_deadline_and_a_fresh_link_even_on_a_double_click()
    {
        var person = seed.Reports[1];
        using var client = HrClient();
        var page = await client.GetPageAsync(Path);
        var (token, key) = (PageForms.AntiforgeryToken(page), RequestKey(page));
        Assert.NotEmpty(key);

        using var first = await client.PostFormAsync(Path + "/nudge", token, ("target", "Person"), ("personId", person.Id), ("requestKey", key));
        using var second = await client.PostFormAsync(Path + "/nudge", token, ("target", "Person"), ("personId", person.Id), ("requestKey", key));

        Assert.Equal(HttpStatusCode.SeeOther, first.StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, second.StatusCode);
        var email = Assert.Single(app.Mailbox.For(person.Email));
        Assert.StartsWith("Reminder: your self-assessment for Review 2026", email.Subject, StringComparison.Ordinal);
        // The deadline as the organisation reads it: the default plan's self-assessment closes 13 days after 5 January.
        Assert.Contains("18 January 2026", email.Text, StringComparison.Ordinal);
        Assert.Contains("13 days", email.Text, StringComparison.Ordinal);
        Assert.Contains(email.Links, l => l.StartsWith(TestApp.PublicBaseUrl + "/l/", StringComparison.Ordinal));
        Assert.DoesNotContain(email.Links, l => l.Contains(person.Id, StringComparison.Ordinal));

        var after = WebUtility.HtmlDecode(await client.GetPageAsync(Path + "?done=nudge"));
        Assert.Contains("The reminder was sent, with the deadline and a fresh link.", after, StringComparison.Ordinal);
        // 08:00 UTC is 09:00 in Brussels.
        Assert.Contains("on 5 January 2026 09:00", Row(after, person.Name), StringComparison.Ordinal);
        Assert.DoesNotContain("on 5 January 2026", Row(after, seed.Reports[2].Name), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nudging_a_manager_lists_only_the_reports_still_waiting_with_the_deadline_in_the_organisations_zone()
    {
        await app.Reviews.UpdateParticipantAsync(CycleSeed.CycleId, seed.Reports[0].Id, p => p with { ManagerInputState = StepState.Submitted });
        // 23:30 UTC on 19 January is already 20 January in Brussels.
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 1, 19, 23, 30, 0, TimeSpan.Zero));
        using var client = HrClient("nl-BE");
        var page = await client.GetPageAsync(Path);

        using var response = await client.PostFormAsync(
            Path + "/nudge", PageForms.AntiforgeryToken(page), ("target", "Manager"), ("personId", seed.Manager.Id), ("requestKey", RequestKey(page)));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var email = Assert.Single(app.Mailbox.For(seed.Manager.Email));
        Assert.Contains("25 January 2026", email.Text, StringComparison.Ordinal);
        foreach (var waiting in seed.Reports.Skip(1))
        {
            Assert.Contains(waiting.Name, email.Text, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(seed.Reports[0].Name, email.Text, StringComparison.Ordinal);
        var after = WebUtility.HtmlDecode(await client.GetPageAsync(Path));
        Assert.Contains("op 20 januari 2026 00:30", ManagerRow(after, seed.Manager.Name), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_nudge_for_a_self_assessment_already_submitted_is_refused_with_the_reason_and_sends_nothing()
    {
        var person = seed.Reports[0];
        await app.Reviews.UpdateParticipantAsync(CycleSeed.CycleId, person.Id, p => p with { SelfAssessmentState = StepState.Submitted });
        using var client = HrClient("fr-BE");
        var page = await client.GetPageAsync(Path);
        // A submitted step offers no nudge on the page.
        Assert.DoesNotContain("Relancer", Row(WebUtility.HtmlDecode(page), person.Name), StringComparison.Ordinal);

        using var response = await client.PostFormAsync(
            Path + "/nudge", PageForms.AntiforgeryToken(page), ("target", "Person"), ("personId", person.Id), ("requestKey", RequestKey(page)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Aucune relance envoyée : cette étape est déjà envoyée.", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Empty(app.Mailbox.For(person.Email));
        Assert.Empty(await app.Reviews.GetNudgesAsync(CycleSeed.CycleId));
    }

    [Fact]
    public async Task A_nudge_without_the_anti_forgery_token_sends_nothing()
    {
        using var client = HrClient();
        var page = await client.GetPageAsync(Path);

        using var response = await client.PostFormAsync(Path + "/nudge", null, ("target", "Person"), ("personId", seed.Reports[1].Id), ("requestKey", RequestKey(page)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(app.Mailbox.For(seed.Reports[1].Email));
    }

    [Fact]
    public async Task The_api_nudges_once_per_idempotency_key_and_refuses_a_closed_step()
    {
        using var client = HrClient();
        var person = seed.Reports[1];

        async Task<(HttpStatusCode, string)> NudgeAsync(object body, string? key)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/cycles/{CycleSeed.CycleId}/nudges")
            {
                Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"),
            };
            if (key is not null)
            {
                request.Headers.Add("Idempotency-Key", key);
            }

            using var response = await client.SendAsync(request);
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }

        Assert.Equal((HttpStatusCode.OK, """{"status":"sent"}"""), await NudgeAsync(new { employeeId = person.Id }, "k-1"));
        Assert.Equal((HttpStatusCode.OK, """{"status":"alreadySent"}"""), await NudgeAsync(new { employeeId = person.Id }, "k-1"));
        Assert.Single(app.Mailbox.For(person.Email));
        var nudge = Assert.Single(await app.Reviews.GetNudgesAsync(CycleSeed.CycleId));
        Assert.Equal((person.Id, NudgeTarget.Person, "hr-1"), (nudge.EmployeeId, nudge.Target, nudge.By));

        var (bothStatus, _) = await NudgeAsync(new { employeeId = person.Id, managerId = seed.Manager.Id }, null);
        Assert.Equal(HttpStatusCode.BadRequest, bothStatus);

        // The day after the self-assessment deadline in Brussels.
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 1, 18, 23, 30, 0, TimeSpan.Zero));
        var (closedStatus, closed) = await NudgeAsync(new { employeeId = person.Id }, "k-2");
        Assert.Equal(HttpStatusCode.Conflict, closedStatus);
        Assert.Contains("The self-assessment closed on 18 January 2026", closed, StringComparison.Ordinal);
        Assert.Contains("stepClosed", closed, StringComparison.Ordinal);
        Assert.Single(app.Mailbox.For(person.Email));
    }

    [Fact]
    public async Task The_top_of_the_organisation_is_shown_without_manager_input_and_left_out_of_the_counts()
    {
        var top = seed.Roster.Employees.Single(e => e.ManagerId is null);
        await app.Reviews.UpsertParticipantAsync(new ParticipantDocument(
            CycleSeed.CycleId, top.Id, top.Name, top.Email, Language.En, top.Department, top.JobTitle, top.Level, CycleSeed.GroupId, seed.Reports.Count, null, null,
            StepState.Pending, StepState.NotApplicable, "selftop", "inputtop", "outtop"));
        var deadline = (await app.Reviews.GetCycleAsync(CycleSeed.CycleId))!.Plan.Step(StepKind.ManagerInput)!.Deadline;
        app.Clock.SetUtcNow(new DateTimeOffset(deadline.AddDays(2).ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero));
        using var client = HrClient();

        var html = WebUtility.HtmlDecode(await client.GetPageAsync(Path));
        using var status = JsonDocument.Parse(await client.GetStringAsync($"/api/cycles/{CycleSeed.CycleId}"));

        Assert.Contains("Without a manager (top of the organisation)", html, StringComparison.Ordinal);
        Assert.Contains("<td>Late</td><td>Not applicable (no manager)</td>", Row(html, top.Name), StringComparison.Ordinal);
        var reports = seed.Reports.Count;
        // Self-assessment counts everyone; manager input only those with a manager, all of them late.
        Assert.Contains($"<td>{reports + 1}</td><td>0</td><td>0</td><td>{reports + 1}</td><td>0</td>", html, StringComparison.Ordinal);
        Assert.Contains($"<td>{reports}</td><td>0</td><td>0</td><td>{reports}</td><td>0</td>", html, StringComparison.Ordinal);
        var live = status.RootElement.GetProperty("live");
        Assert.Equal(reports, live.GetProperty("managerInput").GetProperty("total").GetInt32());
        Assert.Equal(reports, live.GetProperty("managerInput").GetProperty("late").GetInt32());
        Assert.Equal("NotApplicable", live.GetProperty("withoutManager").EnumerateArray().Single().GetProperty("managerInput").GetString());
    }

    [GeneratedRegex("name=\"requestKey\" value=\"([^\"]+)\"")]
    private static partial Regex RequestKeyField();
}
