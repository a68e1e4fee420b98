using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using NSubstitute;
using TalentReview.Domain;
using Microsoft.DurableTask;
using TalentReview.Web.Security;
using TalentReview.Web.Tests.Support;

namespace TalentReview.Web.Tests.Hr;

/// <summary>HR sets a cycle up in the browser: dates, reminders, a preview of who takes part and why not, then a confirmed launch.</summary>
public sealed partial class CycleSetupTests : IAsyncLifetime
{
    private const string Roster =
        "id;name;email;managerId;department;jobTitle;level;hireDate;contractType;status;language;location\r\n"
        + "E1;Hélène Lefèvre;helene.lefevre@meridia.example;;Direction;Directrice;L9;04/01/2010;permanent;active;fr;Liège\r\n"
        + "E2;Jean-François Müller;jf.muller@meridia.example;E1;Ventes;Vendeur;L3;15/03/2021;permanent;active;fr;Namur\r\n"
        + "E3;Anke Peeters;anke.peeters@meridia.example;E1;Ventes;Verkoper;L2;01/12/2025;permanent;active;nl;Gent\r\n"
        + "E4;Tom Claes;tom.claes@meridia.example;E1;Ventes;Student;L1;01/09/2022;student;active;nl;Gent\r\n"
        + "E5;Sara Janssens;sara.janssens@meridia.example;E1;Ventes;Verkoper;L2;01/09/2020;permanent;long-term leave;nl;Gent\r\n";

    private TestApp app = null!;

    public async ValueTask InitializeAsync() => app = await TestApp.StartAsync();

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    private HttpClient HrClient()
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Add(Principals.Header, Principals.For("hr-1", Roles.HrAdmin));
        return client;
    }

    private static MultipartFormDataContent Form(string token, string action, params (string Name, string Value)[] overrides)
    {
        var values = new Dictionary<string, string>
        {
            ["name"] = "Revue des talents 2026",
            ["start"] = "2026-01-05",
            ["selfAssessmentDeadline"] = "2026-01-18",
            ["managerInputDeadline"] = "2026-01-25",
            ["calibrationDeadline"] = "2026-02-01",
            ["decisionsDeadline"] = "2026-02-08",
            ["releaseDate"] = "2026-02-10",
            ["reminderDays"] = "5, 1",
            ["hr"] = "E1",
            ["leadership"] = "E1",
            ["action"] = action,
            ["__rvt"] = token,
        };
        foreach (var (name, value) in overrides)
        {
            values[name] = value;
        }

        var content = new MultipartFormDataContent();
        foreach (var (name, value) in values)
        {
            content.Add(new StringContent(value), name);
        }

        var file = new ByteArrayContent(CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetBytes(Roster));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        content.Add(file, "roster", "roster.csv");
        return content;
    }

    [Fact]
    public async Task The_preview_counts_and_names_who_takes_part_and_who_does_not_and_why_and_launches_nothing()
    {
        using var client = HrClient();
        var token = PageForms.AntiforgeryToken(await client.GetPageAsync("/hr/cycles/new"));

        using var response = await client.PostAsync("/hr/cycles/new", Form(token, "preview"));

        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("2 of 5 employees are eligible; 3 are not.", Regex.Replace(html, "</?strong>", string.Empty), StringComparison.Ordinal);
        Assert.Contains("Anke Peeters (E3): hired on 1 December 2025, too recently to rate", html, StringComparison.Ordinal);
        Assert.Contains("Tom Claes (E4): contract type not in this cycle (student)", html, StringComparison.Ordinal);
        Assert.Contains("Sara Janssens (E5): employment status not in this cycle (long term leave)", html, StringComparison.Ordinal);
        Assert.Contains("<li>Jean-François Müller (E2), Ventes</li>", html, StringComparison.Ordinal);
        Assert.Contains("Launch the cycle", html, StringComparison.Ordinal);
        Assert.Equal(0, app.Store.Count);
        await app.ClientSubstitute!.DidNotReceiveWithAnyArgs().ScheduleNewOrchestrationInstanceAsync(default!, default, default, default);
    }

    [Fact]
    public async Task Launching_needs_the_confirmation_then_launches_the_plan_as_typed()
    {
        using var client = HrClient();
        var token = PageForms.AntiforgeryToken(await client.GetPageAsync("/hr/cycles/new"));

        using var unconfirmed = await client.PostAsync("/hr/cycles/new", Form(token, "launch"));
        Assert.Equal(HttpStatusCode.BadRequest, unconfirmed.StatusCode);
        Assert.Contains("Tick the box to confirm the launch", await unconfirmed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, app.Store.Count);

        using var confirmed = await client.PostAsync("/hr/cycles/new", Form(token, "launch", ("confirm", "yes")));

        Assert.Equal(HttpStatusCode.SeeOther, confirmed.StatusCode);
        var cycleId = confirmed.Headers.Location!.OriginalString["/hr/cycles/".Length..];
        var cycle = await app.Reviews.GetCycleAsync(cycleId);
        Assert.Equal("Revue des talents 2026", cycle!.Name);
        Assert.Equal(new DateOnly(2026, 1, 25), cycle.Plan.Step(Domain.Planning.StepKind.ManagerInput)!.Deadline);
        Assert.Equal(new DateOnly(2026, 2, 10), cycle.Plan.Release.ReleaseDate);
        Assert.Equal([5, 1], cycle.Plan.ReminderDaysBeforeDeadline);
        Assert.Equal("Hélène Lefèvre", Assert.Single(cycle.Hr).Name);
        await app.ClientSubstitute!.Received(1).ScheduleNewOrchestrationInstanceAsync(Arg.Any<TaskName>(), Arg.Any<object?>(), Arg.Any<StartOrchestrationOptions?>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task The_page_offers_brussels_at_nine_and_launches_in_the_zone_and_at_the_hour_typed()
    {
        using var client = HrClient();
        var page = await client.GetPageAsync("/hr/cycles/new");
        Assert.Contains("name=\"timeZone\" value=\"Europe/Brussels\"", page, StringComparison.Ordinal);
        Assert.Contains("name=\"workingHour\" value=\"09:00\"", page, StringComparison.Ordinal);
        var token = PageForms.AntiforgeryToken(page);

        using var confirmed = await client.PostAsync("/hr/cycles/new", Form(token, "launch", ("confirm", "yes"), ("timeZone", "America/New_York"), ("workingHour", "08:30")));

        Assert.Equal(HttpStatusCode.SeeOther, confirmed.StatusCode);
        var cycle = await app.Reviews.GetCycleAsync(confirmed.Headers.Location!.OriginalString["/hr/cycles/".Length..]);
        Assert.Equal(new Domain.Planning.OrganisationTime("America/New_York", new TimeOnly(8, 30)), cycle!.Plan.Time);
    }

    [Fact]
    public async Task The_same_form_launched_twice_makes_one_cycle()
    {
        using var client = HrClient();
        var page = await client.GetPageAsync("/hr/cycles/new");
        var launchId = LaunchIdField().Match(page).Groups[1].Value;
        Assert.NotEmpty(launchId);

        using var first = await client.PostAsync("/hr/cycles/new", Form(PageForms.AntiforgeryToken(page), "launch", ("confirm", "yes"), ("launchId", launchId)));
        using var second = await client.PostAsync("/hr/cycles/new", Form(PageForms.AntiforgeryToken(page), "launch", ("confirm", "yes"), ("launchId", launchId)));

        Assert.Equal((HttpStatusCode.SeeOther, HttpStatusCode.SeeOther), (first.StatusCode, second.StatusCode));
        Assert.Equal("/hr/cycles/" + launchId, first.Headers.Location!.OriginalString);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Single((await app.Reviews.ListCyclesAsync(null, 10)).Items);
    }

    [Fact]
    public async Task The_preview_shows_the_groups_and_guidance_it_would_use_and_the_launch_takes_them_as_edited()
    {
        using var client = HrClient();
        var token = PageForms.AntiforgeryToken(await client.GetPageAsync("/hr/cycles/new"));

        using var preview = await client.PostAsync("/hr/cycles/new", Form(token, "preview"));
        var html = WebUtility.HtmlDecode(await preview.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains("Direction | Direction | E1\nVentes | Ventes | E1</textarea>", html, StringComparison.Ordinal);
        Assert.Contains("<li>Ventes: 1 eligible (Ventes); calibrators: Hélène Lefèvre</li>", html, StringComparison.Ordinal);
        Assert.Contains("name=\"guidanceStar\" min=\"0\" max=\"100\" step=\"0.5\" value=\"8\"", html, StringComparison.Ordinal);

        (string, string)[] guidance = [.. Enum.GetValues<Domain.NineBox.GridBox>().Select(b => ($"guidance{b}", b switch
        {
            Domain.NineBox.GridBox.CorePlayer => "44",
            Domain.NineBox.GridBox.Star => "4",
            _ => Domain.Planning.DistributionGuidance.Default.PercentFor(b).ToString(System.Globalization.CultureInfo.InvariantCulture),
        }))];
        using var launched = await client.PostAsync("/hr/cycles/new", Form(token, "launch", [("confirm", "yes"), ("groups", "Sales and board | Ventes, Direction | E1, E2\r\n"), .. guidance]));

        Assert.Equal(HttpStatusCode.SeeOther, launched.StatusCode);
        var cycle = await app.Reviews.GetCycleAsync(launched.Headers.Location!.OriginalString["/hr/cycles/".Length..]);
        var group = Assert.Single(cycle!.Plan.Groups);
        Assert.Equal("Sales and board", group.Name);
        Assert.Equal(["Ventes", "Direction"], group.Members);
        Assert.Equal(["E1", "E2"], group.Calibrators);
        Assert.Equal(4m, cycle.Plan.Guidance.PercentFor(Domain.NineBox.GridBox.Star));
        Assert.Equal(44m, cycle.Plan.Guidance.PercentFor(Domain.NineBox.GridBox.CorePlayer));
    }

    [Fact]
    public async Task A_department_no_group_takes_is_said_at_the_preview_its_people_calibrated_by_HR()
    {
        using var client = HrClient();
        var token = PageForms.AntiforgeryToken(await client.GetPageAsync("/hr/cycles/new"));

        using var preview = await client.PostAsync("/hr/cycles/new", Form(token, "preview", ("groups", "Board | Direction | E1")));

        var html = WebUtility.HtmlDecode(await preview.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains("1 eligible in departments no group takes (Ventes): HR calibrates them together, in a group of their own.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Groups_and_guidance_are_refused_at_the_preview_naming_the_line_or_the_box_an_overlong_group_name_too()
    {
        using var client = HrClient();
        var token = PageForms.AntiforgeryToken(await client.GetPageAsync("/hr/cycles/new"));
        var groups = $"{new string('g', TextLimits.Label + 1)} | Ventes | E1\nBoard | Direction, Marketing | E1, E99\nno separators";

        using var response = await client.PostAsync("/hr/cycles/new", Form(token, "preview", ("groups", groups), ("guidanceStar", "20"), ("guidanceTalentRisk", "a lot")));

        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Calibration groups, line 2: 'Marketing' is not a department in the roster.", html, StringComparison.Ordinal);
        Assert.Contains("Calibration groups, line 2: Calibrator 'E99' is neither an employee id in the roster nor one of the cycle's HR contacts.", html, StringComparison.Ordinal);
        Assert.Contains("Calibration groups, line 3: write the group's name, its departments and its calibrators, separated by '|'.", html, StringComparison.Ordinal);
        Assert.Contains("Distribution guidance, Talent risk: give a percentage from 0 to 100.", html, StringComparison.Ordinal);
        Assert.Equal(0, app.Store.Count);

        using var overlong = await client.PostAsync("/hr/cycles/new", Form(token, "preview", ("groups", $"{new string('g', TextLimits.Label + 1)} | Ventes, Direction | E1")));
        Assert.Equal(HttpStatusCode.BadRequest, overlong.StatusCode);
        Assert.Contains(
            $"Calibration groups, line 1: A group name has at most {TextLimits.Label} characters ({TextLimits.Label + 1} given).",
            WebUtility.HtmlDecode(await overlong.Content.ReadAsStringAsync()),
            StringComparison.Ordinal);
    }

    [GeneratedRegex("name=\"launchId\" value=\"([a-z0-9]+)\"")]
    private static partial Regex LaunchIdField();

    [Theory]
    [InlineData("start", "2025-12-20", "which has passed; start today (2026-01-05) or later")]
    [InlineData("calibrationDeadline", "2026-01-20", "The calibration deadline must come after the manager input deadline.")]
    [InlineData("releaseDate", "2036-02-10", "is more than 400 days away: check the year")]
    [InlineData("reminderDays", "7, soon", "Reminder days: 'soon' is not a number of days from 1 to 60.")]
    [InlineData("conversationWorkingDays", "five", "Conversation window (working days managers have before employees receive their outcomes): 'five' is not a whole number of working days (from 1 to 30).")]
    [InlineData("conversationWorkingDays", "31", "The conversation window must be 1 to 30 working days (it is 31)")]
    [InlineData("start", "5/1/2026", "Start: give a date.")]
    [InlineData("timeZone", "Europe/Bruxelles", "Time zone (IANA id, e.g. Europe/Brussels): 'Europe/Bruxelles' is not a known time zone")]
    [InlineData("workingHour", "25:00", "Working hour (HH:mm): emails go out at this time in that zone: '25:00' is not a time of day")]
    public async Task Wrong_dates_are_refused_with_a_clear_reason_and_the_form_keeps_what_was_typed(string field, string value, string reason)
    {
        using var client = HrClient();
        var token = PageForms.AntiforgeryToken(await client.GetPageAsync("/hr/cycles/new"));

        using var response = await client.PostAsync("/hr/cycles/new", Form(token, "preview", (field, value)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains(reason, html, StringComparison.Ordinal);
        Assert.Contains($"name=\"{field}\" value=\"{value}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("SelfAssessment", html, StringComparison.Ordinal);
        Assert.Equal(0, app.Store.Count);
    }

    [Fact]
    public async Task Overlong_texts_in_the_form_are_refused_naming_the_field_and_its_limit_as_the_page_announces()
    {
        using var client = HrClient();
        var page = await client.GetPageAsync("/hr/cycles/new");

        using var response = await client.PostAsync("/hr/cycles/new", Form(PageForms.AntiforgeryToken(page), "preview", ("name", new string('n', TextLimits.CycleName + 1)), ("hr", new string('h', TextLimits.LongText + 1))));

        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Name: at most 120 characters (121 given).", html, StringComparison.Ordinal);
        Assert.Contains($"HR contacts (roster ids, comma-separated): at most {TextLimits.LongText} characters", html, StringComparison.Ordinal);
        Assert.Contains($"name=\"name\" value=\"Talent review 2026\" maxlength=\"{TextLimits.CycleName}\"", page, StringComparison.Ordinal);
        Assert.Equal(0, app.Store.Count);
    }

    [Fact]
    public async Task The_api_refuses_a_start_in_the_past_and_an_overlong_name_the_same_way_without_a_500()
    {
        using var client = HrClient();
        var body = JsonSerializer.Serialize(new
        {
            name = new string('x', TextLimits.CycleName + 1),
            start = "2025-12-01",
            rosterCsv = Roster,
            hr = new[] { new { id = "hr-1", name = "Hanne Peeters", email = "hanne.peeters@meridia.example", language = "Nl" } },
        });

        using var response = await client.PostAsync("/api/cycles", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("which has passed; start today (2026-01-05) or later", text, StringComparison.Ordinal);
        Assert.Contains("The cycle's name has at most 120 characters (121 given).", text, StringComparison.Ordinal);
        Assert.Equal(0, app.Store.Count);
    }
}
