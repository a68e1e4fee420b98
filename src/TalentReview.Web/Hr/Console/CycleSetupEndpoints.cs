using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using TalentReview.Domain;
using TalentReview.Domain.Eligibility;
using TalentReview.Domain.Planning;
using TalentReview.Domain.Rosters;
using TalentReview.Web.Html;
using TalentReview.Web.RateLimiting;
using TalentReview.Web.Security;
using TalentReview.Workflow.UseCases;

namespace TalentReview.Web.Hr.Console;

/// <summary>
/// <c>/hr/cycles/new</c>: HR sets a cycle up in the browser, previews who is eligible and who is not and why,
/// then launches it with a confirmation. The checks are the launch's own (<see cref="CycleCommands.ValidateLaunch"/>),
/// as in the HR API. The roster travels in the form body between preview and launch, never in a URL.
/// </summary>
internal static class CycleSetupEndpoints
{
    public const string Path = "/hr/cycles/new";
    private const long MaxBodyBytes = 32L * 1024 * 1024;
    private const int NamesShown = 200;

    public static void MapCycleSetup(this IEndpointRouteBuilder routes)
    {
        routes.MapGet(Path, Show).RequireAuthorization(Roles.HrAdmin).ExcludeFromDescription();
        routes.MapPost(Path, SubmitAsync).RequireAuthorization(Roles.HrAdmin).ExcludeFromDescription();
    }

    private static HtmlPage Show(HttpContext http, TimeProvider time)
        => Page(http, CycleSetupForm.Suggested(OrganisationTime.Default.DateOf(time.GetUtcNow()), CycleCommands.NewCycleId(time.GetUtcNow())), [], null, StatusCodes.Status200OK);

    private static async Task<IResult> SubmitAsync(HttpContext http, IAntiforgery antiforgery, CycleCommands commands, RequestLimiter limiter, CancellationToken cancellationToken)
    {
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = MaxBodyBytes;
        }

        if (!http.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(http))
        {
            return Results.BadRequest();
        }

        var form = await http.Request.ReadFormAsync(cancellationToken);
        var setup = await CycleSetupForm.ReadAsync(form, cancellationToken);
        var (request, roster, problems) = setup.ToRequest(commands, Actor.IdOf(http.User) ?? string.Empty);
        if (request is null)
        {
            return Page(http, setup, problems, null, StatusCodes.Status400BadRequest);
        }

        setup = setup.WithPlan(request.Plan);

        if (form["action"] != "launch")
        {
            return Page(http, setup, [], Preview(request, roster!), StatusCodes.Status200OK);
        }

        if (form["confirm"] != "yes")
        {
            return Page(http, setup, ["Tick the box to confirm the launch: invitations go out to every eligible employee."], Preview(request, roster!), StatusCodes.Status400BadRequest);
        }

        if (limiter.TryAcquire(RequestLimit.Launch, Actor.IdOf(http.User) ?? string.Empty) is { } wait)
        {
            var seconds = RequestLimiter.RetryAfterSeconds(wait);
            http.Response.Headers.RetryAfter = seconds;
            return Page(http, setup, [$"Too many launches: at most {limiter.Options.For(RequestLimit.Launch).Describe()} for each person. Nothing was launched; try again in {seconds} seconds."], null, StatusCodes.Status429TooManyRequests);
        }

        var launched = await commands.LaunchCycleAsync(request, cancellationToken);
        if (!launched.Succeeded)
        {
            return Page(http, setup, [.. launched.Errors.Select(e => e.Message)], null, StatusCodes.Status400BadRequest);
        }

        http.Response.Headers.Location = HrConsoleEndpoints.PathOf(launched.Value!);
        return Results.StatusCode(StatusCodes.Status303SeeOther);
    }

    private static Markup Preview(LaunchCycleRequest request, Roster roster)
    {
        var eligibility = request.Plan.Eligibility.Evaluate(roster);
        string Count(int value) => value.ToString(CultureInfo.InvariantCulture);
        string NameOf(string id) => roster.Find(id)?.Name ?? request.Hr.FirstOrDefault(h => h.Id == id)?.Name ?? id;
        var eligible = eligibility.EligibleEmployeeIds.Select(id => roster.Find(id)!).OrderBy(e => e.Name, StringComparer.Ordinal).ToList();
        var excluded = eligibility.Exclusions.Select(x => (Employee: roster.Find(x.EmployeeId)!, x.Reasons)).OrderBy(x => x.Employee.Name, StringComparer.Ordinal).ToList();
        return H.Html($"""
            <section class="panel" aria-labelledby="preview">
            <h2 id="preview">Who takes part</h2>
            <p class="lead"><strong>{Count(eligible.Count)}</strong> of {Count(roster.Count)} employees are eligible; <strong>{Count(excluded.Count)}</strong> are not.</p>
            <h3>Not eligible, and why</h3>
            {(excluded.Count == 0 ? H.Html($"<p>No one.</p>") : H.Html($"""<ul>{excluded.Take(NamesShown).Select(x => H.Html($"<li>{x.Employee.Name} ({x.Employee.Id}): {string.Join("; ", x.Reasons.Select(r => Reason(r, x.Employee)))}</li>"))}</ul>"""))}
            {(excluded.Count > NamesShown ? H.Html($"<p>… and {Count(excluded.Count - NamesShown)} more.</p>") : Markup.Empty)}
            <details><summary>The {Count(eligible.Count)} eligible employees</summary>
            <ul>{eligible.Take(NamesShown).Select(e => H.Html($"<li>{e.Name} ({e.Id}), {e.Department}</li>"))}</ul>
            {(eligible.Count > NamesShown ? H.Html($"<p>… and {Count(eligible.Count - NamesShown)} more.</p>") : Markup.Empty)}
            </details>
            <h3>Calibration groups</h3>
            <ul>{request.Plan.Groups.Select(g => H.Html(
                $"<li>{g.Name}: {Count(eligible.Count(e => g.Members.Contains(e.Department)))} eligible ({string.Join(", ", g.Members)}); calibrators: {string.Join(", ", g.Calibrators.Distinct(StringComparer.Ordinal).Select(NameOf))}</li>"))}</ul>
            {Ungrouped(request.Plan, eligible)}
            </section>
            """);
    }

    /// <summary>Eligible people whose department no group takes are calibrated together by HR: said before launch, with their departments.</summary>
    private static Markup Ungrouped(CyclePlan plan, IReadOnlyList<Employee> eligible)
    {
        var left = eligible.Where(e => !plan.Groups.Any(g => g.Kind == GroupKind.ByDepartment && g.Members.Contains(e.Department))).ToList();
        if (left.Count == 0 || plan.Groups.Any(g => g.Kind != GroupKind.ByDepartment))
        {
            return Markup.Empty;
        }

        var departments = string.Join(", ", left.Select(e => e.Department).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
        return H.Html($"""<p class="notice warn">{left.Count.ToString(CultureInfo.InvariantCulture)} eligible in departments no group takes ({departments}): HR calibrates them together, in a group of their own.</p>""");
    }

    /// <summary>Why someone is left out, with their own values in words rather than codes.</summary>
    private static string Reason(ExclusionReason reason, Employee employee) => reason.Code switch
    {
        ExclusionCode.HiredAfterCutoff => string.Create(CultureInfo.InvariantCulture, $"hired on {employee.HireDate:d MMMM yyyy}, too recently to rate"),
        ExclusionCode.ContractTypeOutOfScope => $"contract type not in this cycle ({Words(employee.ContractType.ToString())})",
        _ => $"employment status not in this cycle ({Words(employee.Status.ToString())})",
    };

    /// <summary>"LongTermLeave" as "long term leave".</summary>
    private static string Words(string identifier)
        => string.Concat(identifier.Select((c, i) => char.IsUpper(c) && i > 0 ? " " + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    private static HtmlPage Page(HttpContext http, CycleSetupForm setup, IReadOnlyList<string> problems, Markup? preview, int status)
    {
        var antiforgery = AntiforgeryField.For(http);
        Markup Field(string name, string type) => H.Html($"""
            <label for="{name}">{CycleSetupForm.Label(name)}</label>
            <input type="{type}" id="{name}" name="{name}" value="{setup[name]}"{(CycleSetupForm.LimitOf(name) is { } limit ? H.Html($" maxlength=\"{limit}\"") : Markup.Empty)} required>
            """);
        var errors = problems.Count == 0
            ? Markup.Empty
            : H.Html($"""<div class="error-summary" role="alert"><h2>The cycle cannot be launched yet</h2><ul>{problems.Select(p => H.Html($"<li>{p}</li>"))}</ul></div>""");
        var launch = preview is null
            ? Markup.Empty
            : H.Html($"""
                <label><input type="checkbox" name="confirm" value="yes"> I confirm: launch this cycle now; invitations go out to every eligible employee.</label>
                <button type="submit" name="action" value="launch">Launch the cycle</button>
                """);
        return new HtmlPage(Language.En, "Set up a review cycle", H.Html($"""
            {errors}
            <form method="post" action="{Path}" enctype="multipart/form-data" class="panel">
            {antiforgery}
            {Field("name", "text")}
            {H.Join(CycleSetupForm.DateFields.Select(f => Field(f, "date")))}
            {Field("reminderDays", "text")}
            {Field(CycleSetupForm.ConversationDaysField, "number")}
            {Field(OrganisationTimeInput.ZoneField, "text")}
            {Field(OrganisationTimeInput.HourField, "time")}
            <label for="hr">{CycleSetupForm.Label("hr")}</label>
            <input type="text" id="hr" name="hr" maxlength="{TextLimits.LongText}" value="{setup["hr"]}" required>
            <label for="leadership">{CycleSetupForm.Label("leadership")}</label>
            <input type="text" id="leadership" name="leadership" maxlength="{TextLimits.LongText}" value="{setup["leadership"]}">
            <label for="roster">Roster (CSV or Excel .xlsx; <a href="{HrApiPaths.RosterTemplate}" download>template</a>)</label>
            <input type="file" id="roster" name="roster" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet">
            <textarea name="rosterCsv" hidden>{setup.RosterCsv}</textarea>
            <label for="{CycleSetupForm.GroupsField}">{CycleSetupForm.Label(CycleSetupForm.GroupsField)}</label>
            <p class="hint" id="groups-hint">One group a line: its name, its departments and its calibrators (roster ids or HR contacts), separated by '|', e.g. <code>Operations | Operations, Logistics | E0012, E0040</code>. Leave it empty for one group per department; the preview fills it in.</p>
            <textarea id="{CycleSetupForm.GroupsField}" name="{CycleSetupForm.GroupsField}" rows="6" maxlength="{CycleSetupForm.GroupsLimit}" aria-describedby="groups-hint">{setup[CycleSetupForm.GroupsField]}</textarea>
            <fieldset>
            <legend>Distribution guidance (percent of people per box; adds up to 100; empty: the usual bell shape)</legend>
            {H.Join(CycleSetupForm.GuidanceFields.Select(f => H.Html($"""
                <label for="{f}">{CycleSetupForm.Label(f)}</label>
                <input type="number" id="{f}" name="{f}" min="0" max="100" step="0.5" value="{setup[f]}">
                """)))}
            </fieldset>
            <input type="hidden" name="{CycleSetupForm.LaunchId}" value="{setup[CycleSetupForm.LaunchId]}">
            <div class="actions"><button type="submit" name="action" value="preview">Preview who takes part</button></div>
            {preview ?? Markup.Empty}
            {launch}
            </form>
            """), status);
    }

}
