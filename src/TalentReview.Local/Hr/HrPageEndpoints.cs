using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using TalentReview.Domain;
using TalentReview.Domain.Rosters;
using TalentReview.Local.Dev;
using TalentReview.Local.Seeding;
using TalentReview.Web.Hr;
using TalentReview.Web.Html;
using TalentReview.Web.RateLimiting;
using TalentReview.Web.Security;
using TalentReview.Workflow.Storage;
using TalentReview.Workflow.UseCases;

namespace TalentReview.Local.Hr;

/// <summary>
/// A small HR page of the local host: the cycles with their progress, and launching a cycle for the
/// demo organisation or for an uploaded roster CSV, with the default plan.
/// </summary>
public static class HrPageEndpoints
{
    public const string PagePath = "/dev/hr";
    public const string LaunchPath = "/dev/hr/launch";
    private const long MaxRosterBytes = 20 * 1024 * 1024;

    public static IEndpointRouteBuilder MapHrPage(this IEndpointRouteBuilder routes)
    {
        routes.MapGet(PagePath, ShowAsync).RequireAuthorization(Roles.HrAdmin).ExcludeFromDescription();
        routes.MapPost(LaunchPath, LaunchAsync).RequireAuthorization(Roles.HrAdmin).RequireRequestLimit(RequestLimit.Launch).ExcludeFromDescription();
        return routes;
    }

    private static async Task<HtmlPage> ShowAsync(HttpContext http, CycleQueries queries, ReviewStore store, DemoRosterFile demo, TimeProvider time)
    {
        var now = time.GetUtcNow();
        var cycles = await queries.ListCyclesAsync(cancellationToken: http.RequestAborted);
        var rows = new List<Markup>();
        var notices = new List<Markup>();
        foreach (var cycle in cycles.Cycles)
        {
            var status = await queries.GetCycleStatusAsync(cycle.CycleId, http.RequestAborted);
            if (await store.GetCycleAsync(cycle.CycleId, http.RequestAborted) is { } stored && FirstEmailsNotice.For(stored, now) is { } notice)
            {
                notices.Add(notice);
            }

            rows.Add(H.Html($"""
                <tr><td><a href="{HrConsolePaths.Cycle(cycle.CycleId)}">{cycle.Name}</a></td><td><code>{cycle.CycleId}</code></td><td>{Words((status?.State ?? cycle.State).ToString())}</td>
                <td>{cycle.RosterCount.ToString(CultureInfo.InvariantCulture)}</td>
                <td>{(status?.SelfAssessmentsSubmitted ?? 0).ToString(CultureInfo.InvariantCulture)}</td>
                <td>{(status?.ManagerInputsSubmitted ?? 0).ToString(CultureInfo.InvariantCulture)}</td>
                <td>{string.Join(", ", status?.Live.Groups.Select(g => $"{g.Name}: {Words(g.Phase.ToString())}") ?? [])}</td></tr>
                """));
        }

        return DevPage.Render("HR: review cycles", now, H.Html($"""
            <p class="lead">Launch a cycle with the default plan: it starts today (virtual time) and runs six weeks —
            self-assessment, manager input, calibration per department, decisions, release. Open a cycle to follow it
            per step, group and manager, extend a deadline, reassign a manager, cancel it or download the export.
            To choose the name, dates and reminders and preview who takes part, <a href="{HrConsolePaths.NewCycle}">set up a cycle</a>.</p>
            <p>Across released cycles: <a href="{HrConsolePaths.Talent}">talent profiles, career paths and indicators</a>.</p>
            <table>
            <thead><tr><th scope="col">Cycle</th><th scope="col">Id</th><th scope="col">State</th><th scope="col">People</th>
            <th scope="col">Self-assessments</th><th scope="col">Manager input</th><th scope="col">Groups</th></tr></thead>
            <tbody>{(rows.Count == 0 ? H.Html($"""<tr><td colspan="7">No cycle yet.</td></tr>""") : H.Join(rows))}</tbody>
            </table>
            <p>Succession across cycles: <a href="{Web.Talent.Succession.SuccessionPaths.CriticalRoles}">critical roles and their successors</a> · <a href="{Web.Talent.Succession.SuccessionPaths.TalentPools}">talent pools</a>.</p>
            {H.Join(notices)}
            <form method="post" action="{LaunchPath}" class="panel">
            {DevPage.AntiforgeryField(http)}
            <h2>The demo organisation</h2>
            <p>{demo.Load().Count.ToString(CultureInfo.InvariantCulture)} employees of a fictional Belgian company, in nl, fr and en
            (<code>{demo.FilePath}</code>).</p>
            <button type="submit" name="source" value="demo">Launch the demo cycle</button>
            </form>
            <form method="post" action="{LaunchPath}" enctype="multipart/form-data" class="panel">
            {DevPage.AntiforgeryField(http)}
            <h2>Your own roster</h2>
            <label for="roster">Roster CSV</label>
            <span class="hint" id="roster-hint">A header row, then one row per employee; ; or , separated; UTF-8 or as Excel saves it (Windows-1252).
            Start from the <a href="{HrApiPaths.RosterTemplate}" download>roster template (CSV)</a>.</span>
            <input type="file" id="roster" name="roster" accept=".csv,text/csv" aria-describedby="roster-hint" required>
            <div class="actions"><button type="submit" name="source" value="upload">Launch with this roster</button></div>
            </form>
            """));
    }

    private static async Task<IResult> LaunchAsync(HttpContext http, IAntiforgery antiforgery, DemoRosterFile demo, CycleLauncher launcher, TimeProvider time)
    {
        if (!http.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(http))
        {
            return Results.BadRequest();
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        RosterImportResult import;
        if (form["source"] == "upload")
        {
            if (form.Files["roster"] is not { Length: > 0 and <= MaxRosterBytes } file)
            {
                return Problems(time, ["Choose a roster CSV file (at most 20 MB)."]);
            }

            using var stream = new MemoryStream();
            await file.CopyToAsync(stream, http.RequestAborted);
            import = RosterImport.FromCsv(stream.ToArray());
        }
        else
        {
            import = new RosterImportResult(demo.Load(), []);
        }

        if (import.Roster is null)
        {
            return Problems(time, import.Problems.Select(p => $"Line {p.Line}, {p.Field}: {p.Message}"));
        }

        var actor = http.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? DemoContacts.Hr.Id;
        var launched = await launcher.LaunchAsync(import.Roster, actor, http.RequestAborted);
        return launched.Succeeded
            ? Results.Redirect(PagePath)
            : Problems(time, launched.Errors.Select(e => $"{e.Field}: {e.Message}"));
    }

    private static HtmlPage Problems(TimeProvider time, IEnumerable<string> problems) => DevPage.Render(
        "The cycle was not launched",
        time.GetUtcNow(),
        H.Html($"""
            <div class="error-summary" role="alert"><h2>Please fix these problems</h2>
            <ul>{problems.Select(p => H.Html($"<li>{p}</li>"))}</ul></div>
            <p><a href="{PagePath}">Back to the cycles</a></p>
            """),
        StatusCodes.Status400BadRequest);

    /// <summary>"CollectingInput" as "collecting input": what HR reads, not the code.</summary>
    private static string Words(string identifier)
        => string.Concat(identifier.Select((c, i) => char.IsUpper(c) && i > 0 ? " " + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
