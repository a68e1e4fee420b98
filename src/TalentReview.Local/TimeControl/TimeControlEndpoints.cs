using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;
using TalentReview.Local.Dev;
using TalentReview.Web.Html;
using TalentReview.Web.Security;

namespace TalentReview.Local.TimeControl;

/// <summary>
/// The time control, for HR on the local host only: a page with buttons, and a small JSON API for
/// scripts and tests. Moving the clock lets a person walk a six-week cycle in minutes.
/// </summary>
public static class TimeControlEndpoints
{
    public const string PagePath = "/dev/time";
    public const string ApiPath = "/api/dev/time";

    public static IEndpointRouteBuilder MapTimeControl(this IEndpointRouteBuilder routes)
    {
        routes.MapGet(PagePath, ShowPageAsync).RequireAuthorization(Roles.HrAdmin).ExcludeFromDescription();
        routes.MapPost(PagePath, AdvanceFromPageAsync).RequireAuthorization(Roles.HrAdmin).ExcludeFromDescription();
        // The API takes no form, so no anti-forgery token: the host refuses writes that browsers send from other sites (CrossSiteRequests).
        var api = routes.MapGroup(ApiPath).RequireAuthorization(Roles.HrAdmin).WithTags("Development time control");
        api.MapGet(string.Empty, (TimeControlService time, CancellationToken cancellation) => time.PositionAsync(cancellation))
            .WithSummary("The virtual clock's position, the next durable timer and the next deadline.");
        api.MapPost("/advance", AdvanceFromApiAsync)
            .WithSummary("Moves the virtual clock: to=next-deadline (default), next-timer, or days (with days=N).");
        return routes;
    }

    private static async Task<IResult> AdvanceFromApiAsync(TimeControlService time, string? to, int? days, CancellationToken cancellation)
    {
        if (!TryParseTarget(to, out var target))
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["to"] = ["Use next-deadline, next-timer or days."] });
        }

        return Results.Ok(await time.AdvanceAsync(target, days ?? 1, cancellation));
    }

    private static async Task<IResult> AdvanceFromPageAsync(HttpContext http, TimeControlService time, IAntiforgery antiforgery)
    {
        if (!http.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(http))
        {
            return Results.BadRequest();
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        if (!TryParseTarget(form["to"], out var target))
        {
            return Results.BadRequest();
        }

        _ = int.TryParse(form["days"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var days);
        await time.AdvanceAsync(target, days, http.RequestAborted);
        return Results.Redirect(PagePath);
    }

    private static async Task<HtmlPage> ShowPageAsync(HttpContext http, TimeControlService time)
    {
        var position = await time.PositionAsync(http.RequestAborted);
        return DevPage.Render("Time control", position.Now, H.Html($"""
            <p class="lead">Virtual time runs with real time and jumps forward when you ask. Each jump passes timer by timer,
            so the reminders, escalations and deadlines on the way happen in order, as they would over real days.
            New emails appear in the <a href="/dev/mailbox">mailbox</a>.</p>
            <dl class="facts">
            <dt>Next deadline</dt><dd>{Describe(position.NextDeadline)}</dd>
            <dt>Next timer</dt><dd>{Describe(position.NextTimer)}</dd>
            </dl>
            <form method="post" action="{PagePath}" class="panel">
            {DevPage.AntiforgeryField(http)}
            <div class="actions">
            <button type="submit" name="to" value="next-deadline">Advance to the next deadline</button>
            <button type="submit" name="to" value="next-timer" class="secondary">Advance to the next timer</button>
            </div>
            <label for="days">Or advance a number of days</label>
            <input type="number" id="days" name="days" min="1" max="366" value="1">
            <div class="actions"><button type="submit" name="to" value="days" class="secondary">Advance these days</button></div>
            </form>
            """));
    }

    private static string Describe(DateTimeOffset? moment)
        => moment?.ToString("dddd d MMMM yyyy HH:mm 'UTC'", CultureInfo.InvariantCulture) ?? "none";

    private static bool TryParseTarget(string? text, out AdvanceTarget target)
    {
        (var known, target) = text switch
        {
            null or "" or "next-deadline" => (true, AdvanceTarget.NextDeadline),
            "next-timer" => (true, AdvanceTarget.NextTimer),
            "days" => (true, AdvanceTarget.Days),
            _ => (false, AdvanceTarget.NextDeadline),
        };
        return known;
    }
}
