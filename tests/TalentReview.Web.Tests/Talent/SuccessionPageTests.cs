using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using TalentReview.Domain.Talent.Succession;
using TalentReview.Web.Security;
using TalentReview.Web.Tests.Support;
using TalentReview.Workflow.Talent.Succession;

namespace TalentReview.Web.Tests.Talent;

/// <summary>The critical role and pool pages and API: who may read and change, what people read in each language, the exports.</summary>
public sealed class SuccessionPageTests : IAsyncLifetime
{
    private const string RolesPath = "/hr/talent/critical-roles";
    private const string PoolsPath = "/hr/talent/pools";

    private TestApp app = null!;

    public async ValueTask InitializeAsync()
    {
        app = await TestApp.StartAsync();
        await SuccessionSeed.WriteAsync(app.Reviews, TestApp.Start.AddDays(-90));
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    private HttpClient Client(string id, string role, string? language = null)
    {
        var client = app.CreateClient(language);
        client.DefaultRequestHeaders.Add(Principals.Header, Principals.For(id, role));
        return client;
    }

    private async Task<string> MarkCfoAsync(params (string Id, SuccessorReadiness Readiness)[] successors)
    {
        var commands = app.Services.GetService(typeof(CriticalRoleCommands)) as CriticalRoleCommands;
        var roleId = (await commands!.MarkAsync(new MarkCriticalRole(SuccessionSeed.Cfo.Id, null, LossLevel.High, LossLevel.Medium), "hr-1")).Value!;
        foreach (var (id, readiness) in successors)
        {
            Assert.True((await commands.NominateAsync(roleId, new NominateSuccessor(id, readiness, null), "hr-1")).Succeeded);
        }

        return roleId;
    }

    /// <summary>Names of the domain's and the workflow's enums that no one should read on a page (ReadyNow, SuccessorConfirmed...).</summary>
    private static readonly HashSet<string> InternalNames =
    [
        .. new[] { typeof(LossLevel).Assembly, typeof(TalentStore).Assembly }
            .SelectMany(a => a.GetExportedTypes())
            .Where(t => t.IsEnum)
            .SelectMany(Enum.GetNames)
            .Where(name => name.Count(char.IsUpper) >= 2),
    ];

    [Theory]
    [InlineData("nl-BE")]
    [InlineData("fr-BE")]
    [InlineData("en-GB")]
    public async Task Every_talent_page_reads_in_words_with_no_internal_name(string language)
    {
        var roleId = await MarkCfoAsync((SuccessionSeed.Soon.Id, SuccessorReadiness.InOneToTwoYears));
        var pools = (Workflow.Talent.Pools.TalentPoolCommands)app.Services.GetService(typeof(Workflow.Talent.Pools.TalentPoolCommands))!;
        var poolId = (await pools.CreateAsync(new Workflow.Talent.Pools.CreateTalentPool("Key specialists", null, [Domain.NineBox.GridBox.TrustedExpert, Domain.NineBox.GridBox.HighPerformer], [], [Domain.Forms.PromotionReadiness.NotReady]), "hr-1")).Value!;
        await pools.FillAsync(poolId, "hr-1");
        await pools.AddMemberAsync(poolId, new Workflow.Talent.Pools.ChangePoolMember(SuccessionSeed.Ready.Id, "Owns the consolidation model."), "hr-1");
        using var hr = Client("hr-1", Roles.HrAdmin, language);

        foreach (var path in new[] { RolesPath, $"{RolesPath}/{roleId}", PoolsPath, $"{PoolsPath}/{poolId}" })
        {
            var text = WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Replace(await hr.GetPageAsync(path), "<style[^<]*</style>|<[^>]*>", " "));
            var shown = System.Text.RegularExpressions.Regex.Matches(text, "[A-Za-z]+").Select(m => m.Value).Where(InternalNames.Contains).Distinct().ToList();
            Assert.True(shown.Count == 0, $"{path} in {language} shows {string.Join(", ", shown)}");
        }
    }

    [Fact]
    public async Task Leadership_reads_but_cannot_change_and_other_roles_cannot_even_read()
    {
        var roleId = await MarkCfoAsync();
        using var leader = Client("lead-1", Roles.Leadership);
        var page = await leader.GetPageAsync($"{RolesPath}/{roleId}");
        var documents = app.Store.Count;

        using var posted = await leader.PostFormAsync($"{RolesPath}/{roleId}/successors", PageForms.AntiforgeryToken(await Client("hr-1", Roles.HrAdmin).GetPageAsync($"{RolesPath}/{roleId}")),
            ("employeeId", SuccessionSeed.Ready.Id), ("readiness", "ReadyNow"));
        using var api = await leader.PostAsJsonAsync($"/api/talent/critical-roles/{roleId}/successors", new { employeeId = SuccessionSeed.Ready.Id, readiness = "ReadyNow" });
        using var calibrator = Client("cal-1", Roles.Calibrator);
        using var refused = await calibrator.GetAsync(RolesPath);
        using var refusedApi = await calibrator.GetAsync("/api/talent/succession-coverage");

        Assert.Equal(HttpStatusCode.Forbidden, posted.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refusedApi.StatusCode);
        Assert.Equal(documents, app.Store.Count);
        Assert.DoesNotContain("<form method=\"post\"", page, StringComparison.Ordinal);
        Assert.Contains("You can read this page; only HR can change it.", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reading_the_pages_changes_nothing_and_a_post_without_the_anti_forgery_token_is_refused()
    {
        var roleId = await MarkCfoAsync();
        using var hr = Client("hr-1", Roles.HrAdmin);
        var documents = app.Store.Count;

        await hr.GetPageAsync(RolesPath);
        await hr.GetPageAsync($"{RolesPath}/{roleId}");
        await hr.GetPageAsync(PoolsPath);
        using var forged = await hr.PostFormAsync($"{RolesPath}/{roleId}/successors", null, ("employeeId", SuccessionSeed.Ready.Id), ("readiness", "ReadyNow"));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(documents, app.Store.Count);
        Assert.Empty((await ((TalentStore)app.Services.GetService(typeof(TalentStore))!).ReadRoleAsync(roleId))!.Value.Successors);
    }

    [Fact]
    public async Task In_french_the_role_reads_readiness_and_the_flag_in_words_and_a_refused_nomination_names_the_field()
    {
        var roleId = await MarkCfoAsync((SuccessionSeed.Soon.Id, SuccessorReadiness.InOneToTwoYears));
        using var hr = Client("hr-1", Roles.HrAdmin, "fr-BE");
        var html = WebUtility.HtmlDecode(await hr.GetPageAsync($"{RolesPath}/{roleId}"));

        Assert.Contains("<h1>Chief Financial Officer : succession</h1>", html, StringComparison.Ordinal);
        Assert.Contains("Prêt d'ici 1 à 2 ans", html, StringComparison.Ordinal);
        Assert.Contains("Personne n'est prêt maintenant à reprendre ce poste.", html, StringComparison.Ordinal);
        Assert.Contains("Faible : 0 prêt(s) maintenant, 1 d'ici 1 à 2 ans, 0 d'ici 3 ans ou plus", html, StringComparison.Ordinal);
        // What people read (the text between tags) holds no internal code; option values may.
        var text = System.Text.RegularExpressions.Regex.Replace(html, "<[^>]*>", " ");
        Assert.DoesNotContain("InOneToTwoYears", text, StringComparison.Ordinal);
        Assert.DoesNotContain("SuccessorConfirmed", text, StringComparison.Ordinal);

        using var refused = await hr.PostFormAsync($"{RolesPath}/{roleId}/successors", PageForms.AntiforgeryToken(html), ("employeeId", SuccessionSeed.Cfo.Id), ("readiness", "ReadyNow"));
        var answer = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Matricule : le titulaire ne peut pas être son propre successeur.", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_api_names_every_bad_field_and_answers_the_coverage()
    {
        using var hr = Client("hr-1", Roles.HrAdmin);
        using var bad = await hr.PostAsJsonAsync("/api/talent/critical-roles", new { incumbentId = "", riskOfLoss = "High" });
        using var problem = JsonDocument.Parse(await bad.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(["incumbentId", "impactOfLoss"], problem.RootElement.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("field").GetString()));

        using var marked = await hr.PostAsJsonAsync("/api/talent/critical-roles", new { incumbentId = SuccessionSeed.Cfo.Id, riskOfLoss = "High", impactOfLoss = "High" });
        Assert.Equal(HttpStatusCode.Created, marked.StatusCode);
        var roleId = JsonDocument.Parse(await marked.Content.ReadAsStringAsync()).RootElement.GetProperty("roleId").GetString()!;
        Assert.DoesNotContain(SuccessionSeed.Cfo.Id, marked.Headers.Location!.ToString(), StringComparison.Ordinal);
        using var own = await hr.PostAsJsonAsync($"/api/talent/critical-roles/{roleId}/successors", new { employeeId = SuccessionSeed.Cfo.Id, readiness = "ReadyNow" });
        Assert.Equal(HttpStatusCode.BadRequest, own.StatusCode);
        using var ready = await hr.PostAsJsonAsync($"/api/talent/critical-roles/{roleId}/successors", new { employeeId = SuccessionSeed.Ready.Id, readiness = "ReadyNow" });
        Assert.Equal(HttpStatusCode.NoContent, ready.StatusCode);

        using var leader = Client("lead-1", Roles.Leadership);
        using var coverage = JsonDocument.Parse(await leader.GetStringAsync("/api/talent/succession-coverage"));
        Assert.Equal((1, 1, 1m), (coverage.RootElement.GetProperty("criticalRoles").GetInt32(), coverage.RootElement.GetProperty("withReadySuccessor").GetInt32(), coverage.RootElement.GetProperty("share").GetDecimal()));
        using var role = JsonDocument.Parse(await leader.GetStringAsync($"/api/talent/critical-roles/{roleId}"));
        Assert.False(role.RootElement.GetProperty("role").GetProperty("nobodyReadyNow").GetBoolean());
        Assert.Equal([SuccessionSeed.Soon.Name, SuccessionSeed.Later.Name], role.RootElement.GetProperty("suggestions").EnumerateArray().Select(s => s.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task The_critical_roles_workbook_lists_each_successor_with_readiness_in_words_and_flags_roles_nobody_could_take_over()
    {
        await MarkCfoAsync((SuccessionSeed.Soon.Id, SuccessorReadiness.InOneToTwoYears), (SuccessionSeed.Later.Id, SuccessorReadiness.InThreeYearsOrMore));
        using var hr = Client("hr-1", Roles.HrAdmin);
        using var response = await hr.GetAsync("/api/talent/critical-roles/export?lang=nl");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var workbook = SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);

        Assert.Empty(new OpenXmlValidator().Validate(workbook).Select(e => e.Description));
        var part = workbook.WorkbookPart!;
        var sheet = part.Workbook.Sheets!.Elements<Sheet>().Single();
        Assert.Equal("Kritieke functies", sheet.Name!.Value);
        var rows = ((WorksheetPart)part.GetPartById(sheet.Id!)).Worksheet.Descendants<Row>()
            .Select(r => r.Elements<Cell>().Select(c => c.InlineString?.InnerText ?? c.CellValue?.Text ?? string.Empty).ToList()).ToList();
        Assert.Equal(["Functie", "Afdeling", "Niveau", "Huidige titularis", "Risico op verlies", "Impact van verlies", "Opvolgingssterkte", "Niemand nu klaar", "Opvolgers", "Klaar", "Op", "Toelichting"], rows[0]);
        Assert.Equal(3, rows.Count);
        Assert.Equal(["Chief Financial Officer", "Finance", "A1", "Ines Claes", "Hoog", "Gemiddeld", "Zwak", "Niemand nu klaar", "Sophie Dubois", "Klaar binnen 1 à 2 jaar"], rows[1].Take(10));
        Assert.Equal(["Noah Peeters", "Klaar binnen 3 jaar of meer"], rows[2].Skip(8).Take(2));
    }

    [Fact]
    public async Task Hr_creates_a_pool_fills_it_and_removes_someone_only_with_a_reason_and_the_workbook_lists_the_members()
    {
        using var hr = Client("hr-1", Roles.HrAdmin);
        var list = await hr.GetPageAsync(PoolsPath);
        using var created = await hr.PostFormAsync(PoolsPath, PageForms.AntiforgeryToken(list),
            ("name", "Future leaders"), ("boxes", "Star"), ("boxes", "EmergingTalent"), ("aspirations", "Promotion"));
        Assert.Equal(HttpStatusCode.SeeOther, created.StatusCode);
        var poolPath = created.Headers.Location!.OriginalString.Split('?')[0];

        var page = await hr.GetPageAsync(poolPath);
        using var filled = await hr.PostFormAsync($"{poolPath}/fill", PageForms.AntiforgeryToken(page));
        Assert.Equal(HttpStatusCode.SeeOther, filled.StatusCode);
        page = WebUtility.HtmlDecode(await hr.GetPageAsync(poolPath));
        Assert.Contains("Members (2)", page, StringComparison.Ordinal);
        Assert.Contains("Filled from the calibration of Review 2026 on 5 January 2026.", page, StringComparison.Ordinal);
        Assert.Contains("Boxes: Emerging talent, Star; Career aspirations: Promotion; Readiness for a next step: any", page, StringComparison.Ordinal);

        using var noReason = await hr.PostFormAsync($"{poolPath}/members/remove", PageForms.AntiforgeryToken(page), ("employeeId", SuccessionSeed.Soon.Id), ("reason", ""));
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("Reason: please fill this in.", WebUtility.HtmlDecode(await noReason.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        using var removed = await hr.PostFormAsync($"{poolPath}/members/remove", PageForms.AntiforgeryToken(page), ("employeeId", SuccessionSeed.Soon.Id), ("reason", "Leaves for a year of study."));
        Assert.Equal(HttpStatusCode.SeeOther, removed.StatusCode);
        page = WebUtility.HtmlDecode(await hr.GetPageAsync(poolPath));
        Assert.Contains("Members (1)", page, StringComparison.Ordinal);
        Assert.Contains($"{SuccessionSeed.Soon.Name}: Leaves for a year of study.", page, StringComparison.Ordinal);

        using var response = await hr.GetAsync("/api/talent/pools/export?lang=en");
        using var workbook = SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        var part = workbook.WorkbookPart!;
        var rows = ((WorksheetPart)part.GetPartById(part.Workbook.Sheets!.Elements<Sheet>().Single().Id!)).Worksheet.Descendants<Row>()
            .Select(r => r.Elements<Cell>().Select(c => c.InlineString?.InnerText ?? c.CellValue?.Text ?? string.Empty).ToList()).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal(["Future leaders", SuccessionSeed.Ready.Id, SuccessionSeed.Ready.Name, "Meets the criteria"], [rows[1][0], rows[1][2], rows[1][3], rows[1][4]]);
    }

    [Fact]
    public async Task Hr_unmarks_a_role_only_when_confirmed_and_its_successors_nominations_close_and_stay_readable()
    {
        var roleId = await MarkCfoAsync((SuccessionSeed.Soon.Id, SuccessorReadiness.InOneToTwoYears));
        using var hr = Client("hr-1", Roles.HrAdmin);
        var page = WebUtility.HtmlDecode(await hr.GetPageAsync($"{RolesPath}/{roleId}"));
        Assert.Contains("The nominations of its successors (1) are closed, not deleted", page, StringComparison.Ordinal);
        var token = PageForms.AntiforgeryToken(page);
        var documents = app.Store.Count;

        using var unconfirmed = await hr.PostFormAsync($"{RolesPath}/{roleId}/unmark", token, ("reason", "Merged with Treasury."));
        Assert.Equal(HttpStatusCode.BadRequest, unconfirmed.StatusCode);
        var refused = WebUtility.HtmlDecode(await unconfirmed.Content.ReadAsStringAsync());
        Assert.Contains("Confirmation: tick to confirm that the role is no longer critical; nothing was changed.", refused, StringComparison.Ordinal);
        Assert.Contains("value=\"Merged with Treasury.\"", refused, StringComparison.Ordinal);
        Assert.Equal(documents, app.Store.Count);

        using var unmarked = await hr.PostFormAsync($"{RolesPath}/{roleId}/unmark", token, ("reason", "Merged with Treasury."), ("confirmed", "true"));
        Assert.Equal(HttpStatusCode.SeeOther, unmarked.StatusCode);
        page = WebUtility.HtmlDecode(await hr.GetPageAsync(unmarked.Headers.Location!.OriginalString));

        // Who and when, the nomination closed with its readiness, and nothing left to change.
        Assert.Contains("This role is no longer critical: it was unmarked on 5 January 2026 by hr-1. Reason: Merged with Treasury.", page, StringComparison.Ordinal);
        Assert.Matches($"<table id=\"closed-nominations\">.*{SuccessionSeed.Soon.Name}.*Ready in 1–2 years", page.ReplaceLineEndings(" "));
        Assert.Contains("Nomination closed: Ready in 1–2 years", page, StringComparison.Ordinal);
        Assert.Contains("<td>No longer critical</td>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<form method=\"post\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Suggested from the calibration", page, StringComparison.Ordinal);
        Assert.DoesNotContain(roleId, await hr.GetPageAsync(RolesPath), StringComparison.Ordinal);

        // Changing it afterwards is refused with the reason; so is unmarking a role that does not exist.
        using var late = await hr.PostFormAsync($"{RolesPath}/{roleId}/successors", token, ("employeeId", SuccessionSeed.Ready.Id), ("readiness", "ReadyNow"));
        Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
        Assert.Contains("This role is no longer critical; mark it again before changing it.", WebUtility.HtmlDecode(await late.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        using var unknown = await hr.PostFormAsync($"{RolesPath}/r0000000000/unmark", token, ("reason", "Gone."), ("confirmed", "true"));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("No such critical role.", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_api_unmarks_for_hr_only_names_a_missing_role_and_the_role_leaves_the_coverage()
    {
        var roleId = await MarkCfoAsync((SuccessionSeed.Ready.Id, SuccessorReadiness.ReadyNow));
        using var leader = Client("lead-1", Roles.Leadership);
        using var hr = Client("hr-1", Roles.HrAdmin);

        using var byLeader = await leader.PostAsJsonAsync($"/api/talent/critical-roles/{roleId}/unmark", new { reason = "Reorganised.", confirmed = true });
        using var noConfirmation = await hr.PostAsJsonAsync($"/api/talent/critical-roles/{roleId}/unmark", new { reason = "Reorganised." });
        using var missing = await hr.PostAsJsonAsync("/api/talent/critical-roles/r0000000000/unmark", new { reason = "Reorganised.", confirmed = true });
        using var problem = JsonDocument.Parse(await missing.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, byLeader.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noConfirmation.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("roleId: no such critical role.", problem.RootElement.GetProperty("problems")[0].GetProperty("message").GetString());

        using var done = await hr.PostAsJsonAsync($"/api/talent/critical-roles/{roleId}/unmark", new { reason = "Reorganised.", confirmed = true });
        using var again = await hr.PostAsJsonAsync($"/api/talent/critical-roles/{roleId}/unmark", new { reason = "Reorganised.", confirmed = true });
        Assert.Equal(HttpStatusCode.NoContent, done.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, again.StatusCode);

        using var role = JsonDocument.Parse(await leader.GetStringAsync($"/api/talent/critical-roles/{roleId}"));
        var body = role.RootElement.GetProperty("role");
        Assert.Equal(("hr-1", "Reorganised."), (body.GetProperty("unmarked").GetProperty("by").GetString(), body.GetProperty("unmarked").GetProperty("reason").GetString()));
        Assert.Equal([SuccessionSeed.Ready.Name], body.GetProperty("closedNominations").EnumerateArray().Select(s => s.GetProperty("name").GetString()));
        Assert.Empty(body.GetProperty("successors").EnumerateArray());
        Assert.Single(role.RootElement.GetProperty("history").EnumerateArray(), h => h.GetProperty("change").GetString() == "NominationClosed");
        Assert.Empty(JsonDocument.Parse(await leader.GetStringAsync("/api/talent/critical-roles")).RootElement.EnumerateArray());
        using var coverage = JsonDocument.Parse(await leader.GetStringAsync("/api/talent/succession-coverage"));
        Assert.Equal(0, coverage.RootElement.GetProperty("criticalRoles").GetInt32());
    }
}
