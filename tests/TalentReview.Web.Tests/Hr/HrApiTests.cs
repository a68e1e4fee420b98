using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using NSubstitute;
using TalentReview.Domain.Demo;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using TalentReview.Web.Security;
using TalentReview.Web.Tests.Support;

namespace TalentReview.Web.Tests.Hr;

public sealed class HrApiTests : IAsyncLifetime
{
    private TestApp app = null!;

    public async ValueTask InitializeAsync() => app = await TestApp.StartAsync();

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    private static string RosterCsv() => DemoOrganisation.Generate(20, 3, new DateOnly(2025, 12, 31)).ToCsv(',');

    private static object LaunchBody(string rosterCsv) => new
    {
        name = "Review 2026",
        start = "2026-01-05",
        rosterCsv,
        hr = new[] { new { id = "hr-1", name = "Hanne Peeters", email = "hanne.peeters@meridia.example", language = "Nl" } },
        leadership = new[] { new { id = "lead-1", name = "Luc Janssens", email = "luc.janssens@meridia.example", language = "Nl" } },
        hrCalibrators = new[] { "hr-1" },
    };

    private HttpClient Client(params string[] roles)
    {
        var client = app.CreateClient();
        if (roles.Length > 0)
        {
            client.DefaultRequestHeaders.Add(Principals.Header, Principals.For("hr-1", roles));
        }

        return client;
    }

    [Fact]
    public async Task A_launch_without_a_signed_in_identity_is_refused_and_launches_nothing()
    {
        using var client = Client();

        using var response = await client.PostAsJsonAsync("/api/cycles", LaunchBody(RosterCsv()));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, app.Store.Count);
    }

    [Fact]
    public async Task A_launch_by_someone_without_the_hr_role_is_refused_and_launches_nothing()
    {
        using var client = Client(Roles.Calibrator);

        using var response = await client.PostAsJsonAsync("/api/cycles", LaunchBody(RosterCsv()));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, app.Store.Count);
        await app.ClientSubstitute!.DidNotReceiveWithAnyArgs().ScheduleNewOrchestrationInstanceAsync(default!, default, default, default);
    }

    [Fact]
    public async Task A_roster_with_errors_lists_every_line_and_field_and_launches_nothing()
    {
        var lines = RosterCsv().Split("\r\n").ToList();
        if (lines.Count == 1)
        {
            lines = [.. RosterCsv().Split('\n')];
        }

        var header = lines[0].Split(',').ToList();
        string Corrupt(string line, string column, string value)
        {
            var cells = line.Split(',');
            cells[header.FindIndex(h => h.Contains(column, StringComparison.OrdinalIgnoreCase))] = value;
            return string.Join(',', cells);
        }

        lines[2] = Corrupt(lines[2], "email", "not-an-email");
        lines[4] = Corrupt(lines[4], "manager", "nobody-9999");
        using var client = Client(Roles.HrAdmin);

        using var response = await client.PostAsJsonAsync("/api/cycles", LaunchBody(string.Join('\n', lines)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var problems = problem.RootElement.GetProperty("problems").EnumerateArray().Select(p => (Line: p.GetProperty("line").GetInt32(), Field: p.GetProperty("field").GetString())).ToList();
        Assert.Contains((3, "email"), problems);
        Assert.Contains((5, "managerId"), problems);
        Assert.Equal(0, app.Store.Count);
        await app.ClientSubstitute!.DidNotReceiveWithAnyArgs().ScheduleNewOrchestrationInstanceAsync(default!, default, default, default);
    }

    [Fact]
    public async Task Malformed_launch_json_is_a_problem_that_names_the_field()
    {
        using var client = Client(Roles.HrAdmin);

        using var response = await client.PostAsync("/api/cycles", new StringContent("{\"name\": \"x\", \"start\": \"not a date\"}", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"start\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, app.Store.Count);
    }

    [Fact]
    public async Task An_hr_admin_launches_a_cycle_from_a_csv_file_in_a_multipart_request()
    {
        using var client = Client(Roles.HrAdmin);
        using var content = new MultipartFormDataContent
        {
            { new StringContent(JsonSerializer.Serialize(LaunchBody(string.Empty))), "settings" },
            { new StringContent(RosterCsv(), System.Text.Encoding.UTF8, "text/csv"), "roster", "roster.csv" },
        };

        using var response = await client.PostAsync("/api/cycles", content);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var launched = await response.Content.ReadFromJsonAsync<JsonElement>();
        var cycleId = launched.GetProperty("cycleId").GetString()!;
        Assert.Equal($"/api/cycles/{cycleId}", response.Headers.Location?.OriginalString);
        Assert.NotNull(await app.Reviews.GetCycleAsync(cycleId));
        await app.ClientSubstitute!.Received(1).ScheduleNewOrchestrationInstanceAsync(
            Arg.Any<TaskName>(), Arg.Any<object?>(), Arg.Is<StartOrchestrationOptions?>(o => o!.InstanceId == $"cycle-{cycleId}"), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task An_hr_admin_launches_a_cycle_from_a_bare_csv_body_with_the_settings_in_the_query()
    {
        var organisation = DemoOrganisation.Generate(20, 3, new DateOnly(2025, 12, 31));
        var roster = organisation.ToRoster();
        var (hrId, leaderId) = (roster.Employees[3].Id, roster.Employees[0].Id);
        using var client = Client(Roles.HrAdmin);

        using var response = await client.PostAsync(
            $"/api/cycles?name=Review%202026&start=2026-01-05&cycleId=csv2026&hr={hrId}&leadership={leaderId}",
            new StringContent(organisation.ToCsv(','), System.Text.Encoding.UTF8, "text/csv"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var cycle = await app.Reviews.GetCycleAsync("csv2026");
        Assert.NotNull(cycle);
        Assert.Equal("Review 2026", cycle.Name);
        Assert.Equal(roster.Employees.Count, cycle.RosterCount);
        Assert.Equal(roster.Employees[3].Email, Assert.Single(cycle.Hr).Email);
        Assert.Equal(leaderId, Assert.Single(cycle.Leadership).Id);
    }

    [Theory]
    [InlineData("name=x&start=05/01/2026&hr=", "start")]
    [InlineData("name=x&start=2026-01-05&hr=nobody-9999", "hr")]
    [InlineData("start=2026-01-05", "name")]
    public async Task A_bare_csv_launch_with_bad_settings_is_a_problem_naming_the_parameter(string query, string field)
    {
        using var client = Client(Roles.HrAdmin);

        using var response = await client.PostAsync($"/api/cycles?{query}", new StringContent(RosterCsv(), System.Text.Encoding.UTF8, "text/csv"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _), problem.RootElement.ToString());
        Assert.Equal(0, app.Store.Count);
    }

    [Fact]
    public async Task A_calibrator_who_is_neither_on_the_roster_nor_in_HR_is_refused_as_on_the_set_up_page_and_nothing_is_stored()
    {
        using var client = Client(Roles.HrAdmin);
        var body = JsonSerializer.SerializeToNode(LaunchBody(RosterCsv()))!.AsObject();
        body["hrCalibrators"] = new System.Text.Json.Nodes.JsonArray("E999");

        using var response = await client.PostAsJsonAsync("/api/cycles", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var messages = problem.RootElement.GetProperty("errors").GetProperty("plan.groups[0].calibrators").EnumerateArray().Select(m => m.GetString()).ToList();
        Assert.Contains("Calibrator 'E999' is neither an employee id in the roster nor one of the cycle's HR contacts.", messages);
        Assert.Equal(0, app.Store.Count);
    }

    [Fact]
    public async Task A_launch_keeps_the_organisations_time_zone_and_working_hour()
    {
        using var client = Client(Roles.HrAdmin);
        var body = JsonSerializer.SerializeToNode(LaunchBody(RosterCsv()))!.AsObject();
        body["cycleId"] = "ny2026";
        body["timeZone"] = "America/New_York";
        body["workingHour"] = "08:30";

        using var response = await client.PostAsJsonAsync("/api/cycles", body);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var time = (await app.Reviews.GetCycleAsync("ny2026"))!.Plan.Time;
        Assert.Equal("America/New_York", time.TimeZoneId);
        Assert.Equal(new TimeOnly(8, 30), time.WorkingHour);
    }

    [Fact]
    public async Task A_launch_without_a_zone_runs_in_brussels_at_nine()
    {
        using var client = Client(Roles.HrAdmin);
        var body = JsonSerializer.SerializeToNode(LaunchBody(RosterCsv()))!.AsObject();
        body["cycleId"] = "be2026";

        using var response = await client.PostAsJsonAsync("/api/cycles", body);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(new Domain.Planning.OrganisationTime("Europe/Brussels", new TimeOnly(9, 0)), (await app.Reviews.GetCycleAsync("be2026"))!.Plan.Time);
    }

    [Theory]
    [InlineData("timeZone", "Europe/Bruxelles", "timeZone", "is not a known time zone")]
    [InlineData("workingHour", "25:00", "workingHour", "give the working hour as HH:mm")]
    [InlineData("workingHour", "9 o'clock", "workingHour", "give the working hour as HH:mm")]
    public async Task A_launch_with_an_impossible_zone_or_hour_is_a_problem_naming_the_field(string setting, string value, string field, string message)
    {
        using var client = Client(Roles.HrAdmin);
        var body = JsonSerializer.SerializeToNode(LaunchBody(RosterCsv()))!.AsObject();
        body[setting] = value;

        using var response = await client.PostAsJsonAsync("/api/cycles", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out var errors), problem.RootElement.ToString());
        Assert.Contains(message, errors.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, app.Store.Count);
    }

    [Fact]
    public async Task A_full_plan_with_an_impossible_working_hour_is_a_problem_naming_it()
    {
        using var client = Client(Roles.HrAdmin);

        using var response = await client.PostAsync("/api/cycles", new StringContent("{\"plan\": {\"name\": \"x\", \"time\": {\"timeZoneId\": \"Europe/Brussels\", \"workingHour\": \"25:00\"}}}", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty("plan.time.workingHour", out _), problem.RootElement.ToString());
        Assert.Equal(0, app.Store.Count);
    }

    [Fact]
    public async Task A_bare_csv_launch_with_an_unknown_zone_is_a_problem_naming_the_parameter()
    {
        using var client = Client(Roles.HrAdmin);

        using var response = await client.PostAsync("/api/cycles?name=x&start=2026-01-05&timeZone=Mars%2FOlympus", new StringContent(RosterCsv(), System.Text.Encoding.UTF8, "text/csv"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("'Mars/Olympus' is not a known time zone", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, app.Store.Count);
    }

    [Fact]
    public async Task A_bare_csv_roster_with_errors_names_the_line_and_field()
    {
        var lines = RosterCsv().ReplaceLineEndings("\n").Split('\n');
        var header = lines[0].Split(',').ToList();
        var cells = lines[2].Split(',');
        cells[header.FindIndex(h => h.Contains("email", StringComparison.OrdinalIgnoreCase))] = "not-an-email";
        lines[2] = string.Join(',', cells);
        using var client = Client(Roles.HrAdmin);

        using var response = await client.PostAsync("/api/cycles?name=x&start=2026-01-05", new StringContent(string.Join('\n', lines), System.Text.Encoding.UTF8, "text/csv"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains(problem.RootElement.GetProperty("problems").EnumerateArray(), p => p.GetProperty("line").GetInt32() == 3 && p.GetProperty("field").GetString() == "email");
        Assert.Equal(0, app.Store.Count);
    }

    [Fact]
    public async Task The_status_of_an_unknown_cycle_is_a_not_found_problem()
    {
        using var client = Client(Roles.HrAdmin);

        using var response = await client.GetAsync("/api/cycles/nosuchcycle");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("cycleId", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Results_export_as_csv_and_as_a_readable_xlsx_workbook()
    {
        var seed = await CycleSeed.WriteAsync(app.Reviews);
        using var client = Client(Roles.HrAdmin);

        using var csv = await client.GetAsync($"/api/cycles/{CycleSeed.CycleId}/export?format=csv");
        using var xlsx = await client.GetAsync($"/api/cycles/{CycleSeed.CycleId}/export?format=xlsx");

        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var text = await csv.Content.ReadAsStringAsync();
        Assert.StartsWith("Employee id,Name,", text.TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.Contains(seed.Employee.Name, text, StringComparison.Ordinal);
        using var workbook = SpreadsheetDocument.Open(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), false);
        var results = (WorksheetPart)workbook.WorkbookPart!.GetPartById(workbook.WorkbookPart.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().First().Id!);
        var rows = results.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>().Count();
        Assert.Equal(seed.Reports.Count + 1, rows);
    }

    [Fact]
    public async Task Purging_a_running_cycle_is_refused_and_deletes_nothing()
    {
        await CycleSeed.WriteAsync(app.Reviews);
        var documents = app.Store.Count;
        using var client = Client(Roles.HrAdmin);

        using var response = await client.DeleteAsync($"/api/cycles/{CycleSeed.CycleId}");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(documents, app.Store.Count);
    }

    [Fact]
    public async Task Purging_a_cancelled_cycle_deletes_its_documents()
    {
        await CycleSeed.WriteAsync(app.Reviews, state: Workflow.Storage.CycleState.Cancelled);
        app.ClientSubstitute!.PurgeInstanceAsync(default!, default, default).ReturnsForAnyArgs(new PurgeResult(1));
        app.ClientSubstitute.GetAllInstancesAsync(default).ReturnsForAnyArgs(OnePage());
        using var client = Client(Roles.HrAdmin);

        using var response = await client.DeleteAsync($"/api/cycles/{CycleSeed.CycleId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, app.Store.Count);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("finished").GetBoolean());
        await app.ClientSubstitute.Received(1).PurgeInstanceAsync($"cycle-{CycleSeed.CycleId}", Arg.Any<PurgeInstanceOptions>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Purging_a_released_cycle_with_follow_ups_still_running_stops_them_first_and_keeps_the_documents_until_repeated()
    {
        await CycleSeed.WriteAsync(app.Reviews, state: Workflow.Storage.CycleState.Released);
        var documents = app.Store.Count;
        var followUp = new OrchestrationMetadata("FollowUpOrchestration", $"followup-{CycleSeed.CycleId}-g1") { RuntimeStatus = OrchestrationRuntimeStatus.Running };
        app.ClientSubstitute!.GetAllInstancesAsync(default).ReturnsForAnyArgs(OnePage(followUp));
        using var client = Client(Roles.HrAdmin);

        using var response = await client.DeleteAsync($"/api/cycles/{CycleSeed.CycleId}");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.False((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("finished").GetBoolean());
        Assert.Equal(documents, app.Store.Count);
        await app.ClientSubstitute.Received().TerminateInstanceAsync(followUp.InstanceId, Arg.Any<TerminateInstanceOptions?>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Purging_an_unknown_cycle_is_a_problem_naming_the_cycle()
    {
        using var client = Client(Roles.HrAdmin);

        using var response = await client.DeleteAsync("/api/cycles/nope");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("cycleId", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_hr_api()
    {
        using var client = app.CreateClient();

        var json = await client.GetStringAsync("/openapi/v1.json");

        Assert.Contains("/api/cycles/{cycleId}/export", json, StringComparison.Ordinal);
        Assert.Contains("\"text/csv\"", json, StringComparison.Ordinal);
        Assert.Contains("bare text/csv body", json, StringComparison.Ordinal);
        Assert.DoesNotContain("/l/{token}", json, StringComparison.Ordinal);
    }

    private static AsyncPageable<OrchestrationMetadata> OnePage(params OrchestrationMetadata[] instances)
        => Pageable.Create((_, _, _) => Task.FromResult(new Page<OrchestrationMetadata>(instances, null)));
}
