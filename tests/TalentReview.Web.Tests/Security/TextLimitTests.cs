using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TalentReview.Domain;
using TalentReview.Domain.Demo;
using TalentReview.Domain.NineBox;
using TalentReview.Web.Security;
using TalentReview.Web.Tests.Support;

namespace TalentReview.Web.Tests.Security;

/// <summary>No text a person or the API sends is stored beyond its limit; the page's maxlength and the server agree, and the error names the field and the limit.</summary>
public sealed class TextLimitTests : IAsyncLifetime
{
    private TestApp app = null!;
    private CycleSeed seed = null!;

    public async ValueTask InitializeAsync()
    {
        app = await TestApp.StartAsync();
        seed = await CycleSeed.WriteAsync(app.Reviews);
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    private HttpClient Hr()
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Add(Principals.Header, Principals.For("hr-1", Roles.HrAdmin));
        return client;
    }

    private static object Launch(string name, string hrName = "Hanne Peeters", string? rosterCsv = null) => new
    {
        name,
        start = "2026-01-05",
        rosterCsv = rosterCsv ?? DemoOrganisation.Generate(12, 2, new DateOnly(2025, 12, 31)).ToCsv(','),
        hr = new[] { new { id = "hr-1", name = hrName, email = "hanne.peeters@meridia.example", language = "Nl" } },
        hrCalibrators = new[] { "hr-1" },
    };

    private static async Task<List<(string Field, string Message)>> ProblemsAsync(HttpResponseMessage response)
    {
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        return [.. problem.GetProperty("problems").EnumerateArray().Select(p => (p.GetProperty("field").GetString()!, p.GetProperty("message").GetString()!))];
    }

    [Fact]
    public async Task A_self_assessment_draft_of_15000_characters_is_not_stored_and_the_page_says_which_field_and_the_limit()
    {
        var path = TestApp.PathOf(app.Links.SelfAssessment((await app.Reviews.GetParticipantAsync(CycleSeed.CycleId, seed.Employee.Id))!, TestApp.Start.AddDays(14)));
        using var client = app.CreateClient();
        var page = await client.GetPageAsync(path);

        using var response = await client.PostFormAsync(path, PageForms.AntiforgeryToken(page), ("action", "draft"), ("achievements", new string('a', 15_000)));

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains($"at most {TextLimits.LongText} characters", html, StringComparison.Ordinal);
        Assert.Contains(new string('a', 15_000), html, StringComparison.Ordinal);
        Assert.Null(await app.Reviews.GetSelfAssessmentAsync(CycleSeed.CycleId, seed.Employee.Id));
        Assert.Contains($"name=\"achievements\" rows=\"5\" maxlength=\"{TextLimits.LongText}\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_manager_input_draft_over_the_limit_is_not_stored()
    {
        var path = TestApp.PathOf(app.Links.Team(CycleSeed.CycleId, seed.Manager.Id, TestApp.Start.AddDays(28)));
        using var client = app.CreateClient();
        var token = PageForms.AntiforgeryToken(await client.GetPageAsync(path));

        using var response = await client.PostFormAsync(path, token, ("action", "draft"), ("employeeId", seed.Employee.Id), ("evidence", new string('e', TextLimits.LongText + 1)));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains($"at most {TextLimits.LongText} characters", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(await app.Reviews.GetManagerInputAsync(CycleSeed.CycleId, seed.Employee.Id));
    }

    [Fact]
    public async Task A_move_reason_over_the_limit_moves_nothing()
    {
        var path = TestApp.PathOf(app.Links.Board(CycleSeed.CycleId, CycleSeed.GroupId, seed.Calibrator.Id, TestApp.Start.AddDays(40)));
        using var client = app.CreateClient();
        var page = await client.GetPageAsync(path);
        var employee = seed.Reports[1].Id;

        using var response = await client.PostFormAsync(path, PageForms.AntiforgeryToken(page), ("action", "move"), ("employeeId", employee), ("to", "9"), ("reason", new string('r', TextLimits.Reason + 1)));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains($"at most {TextLimits.Reason} characters", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains($"maxlength=\"{TextLimits.Reason}\"", page, StringComparison.Ordinal);
        var card = (await app.Reviews.GetCardsAsync(CycleSeed.CycleId, CycleSeed.GroupId, 0))!.Cards.Single(c => c.EmployeeId == employee);
        Assert.Equal(GridBox.CorePlayer, card.Current?.Box);
        Assert.Empty(await app.Reviews.GetAuditAsync(CycleSeed.CycleId, employee));
    }

    [Fact]
    public async Task A_cycle_name_of_100_kilobytes_is_refused_by_the_api_with_the_field_and_the_limit()
    {
        using var client = Hr();
        var documents = app.Store.Count;

        using var response = await client.PostAsJsonAsync("/api/cycles", Launch(new string('n', 100_000)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = Assert.Single(await ProblemsAsync(response), p => p.Field == "plan.name");
        Assert.Contains($"at most {TextLimits.CycleName} characters", problem.Message, StringComparison.Ordinal);
        Assert.Equal(documents, app.Store.Count);
    }

    [Fact]
    public async Task An_hr_contact_name_over_the_limit_is_refused_by_the_api()
    {
        using var client = Hr();

        using var response = await client.PostAsJsonAsync("/api/cycles", Launch("Review 2026", hrName: new string('h', TextLimits.PersonName + 1)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(await ProblemsAsync(response), p => p.Field == "hr[0].name" && p.Message.Contains($"at most {TextLimits.PersonName} characters", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_roster_name_of_100_kilobytes_is_a_problem_with_its_line_field_and_limit()
    {
        var lines = DemoOrganisation.Generate(12, 2, new DateOnly(2025, 12, 31)).ToCsv(',').Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
        var header = lines[0].TrimEnd('\r').Split(',');
        var nameColumn = Array.FindIndex(header, h => h.Equals("name", StringComparison.OrdinalIgnoreCase));
        var cells = lines[2].TrimEnd('\r').Split(',');
        cells[nameColumn] = new string('x', 100_000);
        lines[2] = string.Join(',', cells);
        using var client = Hr();

        using var response = await client.PostAsJsonAsync("/api/cycles", Launch("Review 2026", rosterCsv: string.Join('\n', lines)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var tooLong = Assert.Single(problem.GetProperty("problems").EnumerateArray(), p => p.GetProperty("code").GetString() == "TooLong");
        Assert.Equal(3, tooLong.GetProperty("line").GetInt32());
        Assert.Equal("name", tooLong.GetProperty("field").GetString());
        Assert.Contains($"at most {TextLimits.PersonName} characters", tooLong.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cancellation_reason_over_the_limit_is_refused()
    {
        using var client = Hr();

        using var response = await client.PostAsJsonAsync($"/api/cycles/{CycleSeed.CycleId}/cancel", new { reason = new string('c', TextLimits.Reason + 1) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(await ProblemsAsync(response), p => p.Field == "reason" && p.Message.Contains($"at most {TextLimits.Reason} characters", StringComparison.Ordinal));
        Assert.Equal(Workflow.Storage.CycleState.Running, (await app.Reviews.GetCycleAsync(CycleSeed.CycleId))!.State);
    }
}
