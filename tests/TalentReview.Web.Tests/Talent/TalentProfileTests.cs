using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using TalentReview.Domain.Talent.History;
using TalentReview.Web.Security;
using TalentReview.Web.Tests.Support;
using TalentReview.Workflow.Links;
using TalentReview.Workflow.Storage;
using TalentReview.Workflow.Talent.History;

namespace TalentReview.Web.Tests.Talent;

public sealed partial class TalentProfileTests : IAsyncLifetime
{
    private TestApp app = null!;
    private TalentSeed seed = null!;

    public async ValueTask InitializeAsync()
    {
        app = await TestApp.StartAsync();
        seed = await TalentSeed.WriteAsync(app);
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    private HttpClient Client(string? language, params string[] roles)
    {
        var client = app.CreateClient(language);
        client.DefaultRequestHeaders.Add(Principals.Header, Principals.For("hr-1", roles));
        return client;
    }

    private static async Task<string> ProfilePathAsync(HttpClient client, string name)
    {
        var list = await client.GetPageAsync("/hr/talent");
        var match = Regex.Match(list, $"<a href=\"(/hr/talent/people/[^\"]+)\">{Regex.Escape(WebUtility.HtmlEncode(name))}</a>");
        Assert.True(match.Success, $"No profile link for {name}.");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    [Fact]
    public async Task HR_reads_a_profile_with_the_trend_in_words_and_the_cycles_dates_and_its_address_names_nobody()
    {
        using var client = Client("en", Roles.HrAdmin);
        var path = await ProfilePathAsync(client, seed.Person.Name);

        var html = await client.GetPageAsync(path);

        Assert.DoesNotContain(seed.Person.Id, path, StringComparison.Ordinal);
        Assert.Contains($"Talent profile of {WebUtility.HtmlEncode(seed.Person.Name)}", html, StringComparison.Ordinal);
        var trend = Rows(html, "trend");
        Assert.Equal(
        [
            ["Review 2025", "14 February 2025", "High performer", "Down", "No decision", "None"],
            ["Review 2024", "16 February 2024", "Star", "Up", "Promotion", "None"],
            ["Review 2023", "17 February 2023", "Core player", "First placement", "Personal development plan", "1 of 2 held"],
        ], trend);
        Assert.Contains("17 May 2023: held on 22 May 2023", html, StringComparison.Ordinal);
        Assert.Contains("17 August 2023: not yet recorded as held", html, StringComparison.Ordinal);
        Assert.Contains($"New function: Senior {WebUtility.HtmlEncode(seed.Person.JobTitle)}, L4", html, StringComparison.Ordinal);
        Assert.Contains("Readiness: Ready now for a next step", html, StringComparison.Ordinal);
        Assert.DoesNotContain("HighPerformer", html, StringComparison.Ordinal);
        Assert.DoesNotContain("DevelopmentPlan", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_profile_reads_in_dutch_and_french()
    {
        using var dutch = Client("nl", Roles.HrAdmin);
        var nl = await dutch.GetPageAsync(await ProfilePathAsync(dutch, seed.Person.Name));
        using var french = Client("fr", Roles.HrAdmin);
        var fr = await french.GetPageAsync(await ProfilePathAsync(french, seed.Person.Name));

        Assert.Equal(["Review 2024", "16 februari 2024", "Ster", "Omhoog", "Promotie", "Geen"], Rows(nl, "trend")[1]);
        Assert.Equal(["Review 2024", "16 février 2024", "Étoile", "En hausse", "Promotion", "Aucun"], Rows(fr, "trend")[1]);
        Assert.Contains("<html lang=\"fr\">", fr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HR_and_leadership_open_the_talent_pages_a_calibrator_or_an_employee_does_not_and_a_made_up_reference_finds_nothing()
    {
        using var hr = Client("en", Roles.HrAdmin);
        var path = await ProfilePathAsync(hr, seed.Person.Name);
        using var calibrator = Client("en", Roles.Calibrator);
        using var employee = Client("en");
        using var anonymous = app.CreateClient();

        foreach (var page in new[] { "/hr/talent", path, "/hr/talent/careers", "/hr/talent/indicators", "/hr/talent/indicators/export" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await calibrator.GetAsync(page)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await employee.GetAsync(page)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/hr/talent")).StatusCode);
        await hr.GetPageAsync(path[..^4] + "AAAA", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Leadership_reads_the_profiles_and_indicators_as_HR_does_with_nothing_to_change()
    {
        using var hr = Client("en", Roles.HrAdmin);
        using var leader = Client("en", Roles.Leadership);
        var path = await ProfilePathAsync(leader, seed.Person.Name);

        var profile = await leader.GetPageAsync(path);
        var indicators = await leader.GetPageAsync("/hr/talent/indicators");
        using var workbook = await leader.GetAsync("/hr/talent/indicators/export?lang=en");

        // The same trend, plans and figures HR reads.
        Assert.Equal(Rows(await hr.GetPageAsync(path), "trend"), Rows(profile, "trend"));
        Assert.Equal("Review 2024", Rows(profile, "trend")[1][0]);
        Assert.Contains("17 August 2023: not yet recorded as held", profile, StringComparison.Ordinal);
        Assert.Equal(Tables(await hr.GetPageAsync("/hr/talent/indicators")), Tables(indicators));
        Assert.Contains("Retention of high performers", indicators, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, workbook.StatusCode);
        Assert.Contains(seed.Person.Name, await leader.GetPageAsync("/hr/talent/careers"), StringComparison.Ordinal);
        Assert.DoesNotContain("method=\"post\"", profile + indicators, StringComparison.Ordinal);

        // Reading changed nothing, and what leadership may not do is refused without writing anything.
        var documents = app.Store.Count;
        var token = PageForms.AntiforgeryToken(await hr.GetPageAsync("/hr/talent/pools"));
        using var pool = await leader.PostFormAsync("/hr/talent/pools", token, ("name", "Future leaders"), ("boxes", "Star"));
        using var poolApi = await leader.PostAsync("/api/talent/pools", JsonContent.Create(new { name = "Future leaders", boxes = new[] { "Star" } }));
        using var role = await leader.PostAsync("/api/talent/critical-roles", JsonContent.Create(new { incumbentId = seed.Person.Id, riskOfLoss = "High", impactOfLoss = "High" }));
        using var profilePost = await leader.PostFormAsync(path, token);
        Assert.Equal(HttpStatusCode.Forbidden, pool.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, poolApi.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, role.StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, profilePost.StatusCode);
        Assert.Equal(documents, app.Store.Count);
    }

    [Fact]
    public async Task A_manager_opens_the_profiles_of_their_line_from_the_released_team_outcomes_but_not_of_anyone_else()
    {
        var team = app.Links.TeamOutcomes(CycleSeed.CycleId, seed.Cycle.Manager.Id, TestApp.Start.AddDays(40));
        using var client = app.CreateClient("en");
        var page = await client.GetPageAsync(TestApp.PathOf(team));

        var links = Regex.Matches(page, "<a href=\"(/l/[^\"]+)\">Profile of ([^<]+)</a>").ToDictionary(m => WebUtility.HtmlDecode(m.Groups[2].Value), m => m.Groups[1].Value);
        Assert.Equal(new[] { seed.Person.Name, seed.Peer.Name }.Order(), links.Keys.Order());
        var profile = await client.GetPageAsync(links[seed.Person.Name]);
        Assert.Equal("Star", Rows(profile, "trend")[1][2]);

        // A link made for someone outside the manager's line shows nothing of them.
        var outside = app.Signer.CreateLink(new LinkClaims(CycleSeed.CycleId, seed.Outsider.Id, seed.Cycle.Manager.Id, LinkStep.TalentProfile, TestApp.Start.AddDays(40), WorkflowLinks.ReleaseNonce));
        var refused = await client.GetPageAsync(TestApp.PathOf(outside), HttpStatusCode.Forbidden);
        Assert.DoesNotContain(WebUtility.HtmlEncode(seed.Outsider.Name), refused, StringComparison.Ordinal);

        // The peer manages nobody: a link in their name opens nothing.
        var peer = app.Signer.CreateLink(new LinkClaims(CycleSeed.CycleId, seed.Person.Id, seed.Peer.Id, LinkStep.TalentProfile, TestApp.Start.AddDays(40), WorkflowLinks.ReleaseNonce));
        Assert.DoesNotContain(WebUtility.HtmlEncode(seed.Person.Name), await client.GetPageAsync(TestApp.PathOf(peer), HttpStatusCode.NotFound), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_manager_records_a_follow_up_as_held_from_the_reminder_and_the_history_shows_it()
    {
        var history = new TalentHistoryStore(app.Store);
        var due = new DateOnly(2026, 5, 18);
        var plan = new Domain.Decisions.DevelopmentPlanDecision(seed.Person.Id, new DateOnly(2026, 2, 13), "hr-1", ["Present the forecast"], [due]);
        var cycle = (await app.Reviews.GetCycleAsync(CycleSeed.CycleId))!;
        await history.KeepAsync(new TalentOutcome(CycleSeed.CycleId, cycle.Name, new DateOnly(2026, 2, 16), "Europe/Brussels", seed.Person.Id, seed.Person.Name,
            new JobFunction(seed.Person.Department, seed.Person.JobTitle, "L4"), [seed.Cycle.Manager.Id], Domain.NineBox.GridBox.Star, null, null, plan, [new PlanFollowUp(due, FollowUpStatus.Planned)]));
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 5, 19, 23, 30, 0, TimeSpan.Zero));
        var link = TestApp.PathOf(app.Links.FollowUp(CycleSeed.CycleId, seed.Person.Id, seed.Cycle.Manager.Id, new DateTimeOffset(cycle.Plan.Time.At(due), TimeSpan.Zero)));
        using var client = app.CreateClient("en");

        var page = await client.GetPageAsync(link);
        Assert.Contains("Follow-up conversation of 18 May 2026", page, StringComparison.Ordinal);
        using var response = await client.PostFormAsync(link, PageForms.AntiforgeryToken(page));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        // Late in the evening of the 19th in UTC is already the 20th in Brussels: the cycle's date is kept.
        Assert.Contains("Recorded as held on 20 May 2026.", await client.GetPageAsync(link), StringComparison.Ordinal);
        var kept = (await history.GetHistoryAsync(seed.Person.Id)).Latest!;
        Assert.Equal(new PlanFollowUp(due, FollowUpStatus.Held, new DateOnly(2026, 5, 20)), Assert.Single(kept.FollowUps));
    }

    [Fact]
    public async Task Career_paths_put_the_internal_candidates_for_an_open_role_first()
    {
        using var client = Client("en", Roles.HrAdmin);
        var page = await client.GetPageAsync("/hr/talent/careers");
        var senior = Regex.Match(page, $"<option value=\"(\\d+)\">Senior {Regex.Escape(WebUtility.HtmlEncode(seed.Person.JobTitle))}, level L4");
        Assert.True(senior.Success, "The promoted function is not on the map.");

        var withCandidates = await client.GetPageAsync($"/hr/talent/careers?role={senior.Groups[1].Value}");

        Assert.Contains($"Internal candidates for Senior {WebUtility.HtmlEncode(seed.Person.JobTitle)}", withCandidates, StringComparison.Ordinal);
        var moves = Rows(withCandidates, "moves");
        Assert.Contains(moves, r => r[0] == "9 February 2024" && r[1] == seed.Person.Name && r[2] == "Promotion" && r[5] == "Decided in the review (Review 2024)");
    }

    [Fact]
    public async Task Indicators_download_as_a_workbook_in_the_readers_language()
    {
        using var client = Client("nl", Roles.HrAdmin);
        var page = await client.GetPageAsync("/hr/talent/indicators");
        Assert.Contains("Behoud van sterke presteerders", page, StringComparison.Ordinal);

        using var response = await client.GetAsync("/hr/talent/indicators/export?lang=nl");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var workbook = SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        var sheet = workbook.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Single();
        Assert.Equal("Indicatoren", sheet.Name!.Value);
        var rows = ((WorksheetPart)workbook.WorkbookPart.GetPartById(sheet.Id!)).Worksheet.Descendants<Row>()
            .Select(r => r.Elements<Cell>().Select(c => c.InlineString?.InnerText ?? c.CellValue?.Text ?? string.Empty).ToList()).ToList();
        Assert.Equal(["Indicator", "Bereik", "Cyclus", "Bekendgemaakt op", "Waarde", "Eenheid", "Aantal", "Op"], rows[0]);
        var mobility2024 = rows.Single(r => r[0] == "Interne mobiliteit" && r[1] == "Hele organisatie" && r[2] == "Review 2024");
        Assert.Equal(["100", "procent", "1", "1"], mobility2024[4..]);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("nl")]
    [InlineData("fr")]
    public async Task Talent_pages_show_no_internal_names(string language)
    {
        var internalNames = typeof(Domain.NineBox.GridBox).Assembly.GetExportedTypes().Concat(typeof(CycleState).Assembly.GetExportedTypes())
            .Where(t => t.IsEnum).SelectMany(Enum.GetNames).Where(name => name.Count(char.IsUpper) >= 2).ToHashSet(StringComparer.Ordinal);
        using var client = Client(language, Roles.HrAdmin);
        var careers = await client.GetPageAsync("/hr/talent/careers");
        var role = Regex.Match(careers, "<option value=\"(\\d+)\">Senior").Groups[1].Value;
        foreach (var path in new[] { "/hr/talent", await ProfilePathAsync(client, seed.Person.Name), $"/hr/talent/careers?role={role}", "/hr/talent/indicators" })
        {
            var text = WebUtility.HtmlDecode(TagPattern().Replace(StylePattern().Replace(await client.GetPageAsync(path), " "), " "));
            var shown = WordPattern().Matches(text).Select(m => m.Value).Where(internalNames.Contains).Distinct().ToList();
            Assert.True(shown.Count == 0, $"{path} shows {string.Join(", ", shown)}");
        }
    }

    private static string Tables(string html) => string.Concat(Regex.Matches(html, "<table.*?</table>", RegexOptions.Singleline).Select(m => m.Value));

    /// <summary>The text of each body row of the table with the given class, cell by cell.</summary>
    private static List<List<string>> Rows(string html, string tableClass)
    {
        var table = Regex.Match(html, $"<table class=\"{tableClass}\">(.*?)</table>", RegexOptions.Singleline);
        Assert.True(table.Success, $"No table '{tableClass}'.");
        var body = table.Groups[1].Value[table.Groups[1].Value.IndexOf("<tbody>", StringComparison.Ordinal)..];
        return [.. RowPattern().Matches(body).Select(row => CellPattern().Matches(row.Value)
            .Select(cell => WebUtility.HtmlDecode(TagPattern().Replace(cell.Groups[1].Value, string.Empty)).Trim()).ToList())];
    }

    [GeneratedRegex("<tr>.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex RowPattern();

    [GeneratedRegex("<t[hd][^>]*>(.*?)</t[hd]>", RegexOptions.Singleline)]
    private static partial Regex CellPattern();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex TagPattern();

    [GeneratedRegex("<style[^>]*>.*?</style>", RegexOptions.Singleline)]
    private static partial Regex StylePattern();

    [GeneratedRegex(@"\b[A-Za-z]+\b")]
    private static partial Regex WordPattern();
}
