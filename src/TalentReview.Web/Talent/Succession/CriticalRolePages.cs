using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TalentReview.Domain;
using TalentReview.Domain.Talent.Succession;
using TalentReview.Web.Hr;
using TalentReview.Web.Html;
using TalentReview.Web.Localization;
using TalentReview.Web.Security;
using TalentReview.Workflow.Talent.Succession;
using TalentReview.Workflow.UseCases;
using T = TalentReview.Web.Talent.Succession.SuccessionTexts;

namespace TalentReview.Web.Talent.Succession;

/// <summary>
/// <c>/hr/talent/critical-roles</c>: HR marks critical roles, confirms successors and unmarks roles; leadership reads.
/// GET only reads; every change is a POST with an anti-forgery token, HR only, that runs the same use case
/// as the HR API and then goes back to the page (303), or shows it again with the reasons and what was typed.
/// </summary>
internal static class CriticalRolePages
{
    public const string ListPath = "/hr/talent/critical-roles";

    public static string RolePath(string roleId) => $"{ListPath}/{Uri.EscapeDataString(roleId)}";

    public static void MapCriticalRolePages(this IEndpointRouteBuilder routes)
    {
        var pages = routes.MapGroup(ListPath).RequireAuthorization(Roles.Leadership).ExcludeFromDescription();
        pages.MapGet("/", ListAsync);
        pages.MapGet("/{roleId:maxlength(40)}", RoleAsync);
        pages.MapPost("/", MarkAsync).RequireAuthorization(Roles.HrAdmin);
        pages.MapPost("/{roleId:maxlength(40)}", ChangeAsync).RequireAuthorization(Roles.HrAdmin);
        pages.MapPost("/{roleId:maxlength(40)}/successors", NominateAsync).RequireAuthorization(Roles.HrAdmin);
        pages.MapPost("/{roleId:maxlength(40)}/successors/remove", RemoveAsync).RequireAuthorization(Roles.HrAdmin);
        pages.MapPost("/{roleId:maxlength(40)}/unmark", UnmarkAsync).RequireAuthorization(Roles.HrAdmin);
    }

    internal static Phrase? FieldLabel(string field) => field switch
    {
        "incumbentId" => T.Incumbent,
        "title" => T.Role,
        "riskOfLoss" => T.RiskOfLoss,
        "impactOfLoss" => T.ImpactOfLoss,
        "employeeId" => T.EmployeeId,
        "readiness" => T.Readiness,
        "note" => T.Note,
        "reason" => T.Reason,
        "confirmed" => T.UnmarkConfirmation,
        _ => null,
    };

    private static Language LanguageOf(HttpContext http) => ReaderPreferences.Of(http.Request).Language;

    private static bool CanChange(HttpContext http) => http.User.IsInRole(Roles.HrAdmin);

    private static Task<IResult> ListAsync(HttpContext http, CriticalRoleQueries queries, SuccessionCoverageQuery coverage, LatestCalibration calibration, CancellationToken cancellationToken)
        => ListPageAsync(http, queries, coverage, calibration, null, cancellationToken);

    private static async Task<IResult> ListPageAsync(HttpContext http, CriticalRoleQueries queries, SuccessionCoverageQuery coverage, LatestCalibration calibration, TalentFormState? refused, CancellationToken cancellationToken)
    {
        var language = LanguageOf(http);
        var roles = await queries.ListAsync(cancellationToken);
        var incumbents = CanChange(http) ? await calibration.ManagersInLatestRosterAsync(cancellationToken) : [];
        return new HtmlPage(
            language,
            T.RolesTitle[language],
            CriticalRolesView.List(roles, SuccessionCoverage.Of(roles), incumbents, AntiforgeryField.For(http), CanChange(http), language, refused),
            refused is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }

    private static Task<IResult> RoleAsync(string roleId, string? done, HttpContext http, CriticalRoleQueries queries, CancellationToken cancellationToken)
        => RolePageAsync(roleId, http, queries, done is not null, null, cancellationToken);

    private static async Task<IResult> RolePageAsync(string roleId, HttpContext http, CriticalRoleQueries queries, bool done, TalentFormState? refused, CancellationToken cancellationToken)
    {
        var language = LanguageOf(http);
        if (await queries.GetAsync(roleId, cancellationToken) is not { } view)
        {
            return new HtmlPage(language, T.RoleNotFound[language], H.Html($"<p>{T.RoleNotFound[language]}</p>"), StatusCodes.Status404NotFound);
        }

        return new HtmlPage(
            language,
            T.RoleTitle.Format(language, view.Role.Title),
            CriticalRolesView.Role(view, AntiforgeryField.For(http), CanChange(http), language, done, refused),
            refused is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }

    private static async Task<IResult> MarkAsync(
        HttpContext http, BoundedFormReader reader, IAntiforgery antiforgery, CriticalRoleCommands commands, CriticalRoleQueries queries, SuccessionCoverageQuery coverage, LatestCalibration calibration, CancellationToken cancellationToken)
    {
        if (await TalentForms.ReadAsync(http, reader, antiforgery, cancellationToken) is not { } form)
        {
            return Results.BadRequest();
        }

        var values = TalentForms.Values(form, "incumbentId", "title", "riskOfLoss", "impactOfLoss");
        var result = await commands.MarkAsync(
            new MarkCriticalRole(values["incumbentId"], values["title"], TalentForms.Enum<LossLevel>(values["riskOfLoss"]), TalentForms.Enum<LossLevel>(values["impactOfLoss"])),
            Actor.IdOf(http.User)!,
            cancellationToken);
        return result.Succeeded
            ? new SeeOther($"{RolePath(result.Value!)}?done=mark")
            : await ListPageAsync(http, queries, coverage, calibration, Refused("mark", values, result, http), cancellationToken);
    }

    private static async Task<IResult> ChangeAsync(string roleId, HttpContext http, BoundedFormReader reader, IAntiforgery antiforgery, CriticalRoleCommands commands, CriticalRoleQueries queries, CancellationToken cancellationToken)
    {
        if (await TalentForms.ReadAsync(http, reader, antiforgery, cancellationToken) is not { } form)
        {
            return Results.BadRequest();
        }

        var values = TalentForms.Values(form, "title", "riskOfLoss", "impactOfLoss", "version");
        var result = await commands.ChangeAsync(
            roleId,
            new ChangeCriticalRole(values["title"], TalentForms.Enum<LossLevel>(values["riskOfLoss"]), TalentForms.Enum<LossLevel>(values["impactOfLoss"]), values["version"]),
            Actor.IdOf(http.User)!,
            cancellationToken);

        // A change refused because someone else changed the role shows their change, not what was typed over it.
        var refused = Refused("change", values, result, http);
        return await OutcomeAsync(roleId, http, queries, result, result.Errors.Any(e => e.Code == CriticalRoleCommands.ChangedMeanwhileCode) ? refused with { Form = "stale" } : refused, cancellationToken);
    }

    private static async Task<IResult> NominateAsync(string roleId, HttpContext http, BoundedFormReader reader, IAntiforgery antiforgery, CriticalRoleCommands commands, CriticalRoleQueries queries, CancellationToken cancellationToken)
    {
        if (await TalentForms.ReadAsync(http, reader, antiforgery, cancellationToken) is not { } form)
        {
            return Results.BadRequest();
        }

        var values = TalentForms.Values(form, "employeeId", "readiness", "note");
        var result = await commands.NominateAsync(
            roleId, new NominateSuccessor(values["employeeId"], TalentForms.Enum<SuccessorReadiness>(values["readiness"]), values["note"]), Actor.IdOf(http.User)!, cancellationToken);
        return await OutcomeAsync(roleId, http, queries, result, Refused("nominate", values, result, http), cancellationToken);
    }

    private static async Task<IResult> RemoveAsync(string roleId, HttpContext http, BoundedFormReader reader, IAntiforgery antiforgery, CriticalRoleCommands commands, CriticalRoleQueries queries, CancellationToken cancellationToken)
    {
        if (await TalentForms.ReadAsync(http, reader, antiforgery, cancellationToken) is not { } form)
        {
            return Results.BadRequest();
        }

        var values = TalentForms.Values(form, "employeeId", "reason");
        var result = await commands.RemoveSuccessorAsync(roleId, new RemoveSuccessor(values["employeeId"], values["reason"]), Actor.IdOf(http.User)!, cancellationToken);
        return await OutcomeAsync(roleId, http, queries, result, Refused("remove", values, result, http), cancellationToken);
    }

    private static async Task<IResult> UnmarkAsync(string roleId, HttpContext http, BoundedFormReader reader, IAntiforgery antiforgery, CriticalRoleCommands commands, CriticalRoleQueries queries, CancellationToken cancellationToken)
    {
        if (await TalentForms.ReadAsync(http, reader, antiforgery, cancellationToken) is not { } form)
        {
            return Results.BadRequest();
        }

        var values = TalentForms.Values(form, "reason", "confirmed");
        var result = await commands.UnmarkAsync(roleId, new UnmarkCriticalRole(values["reason"], values["confirmed"] == "true"), Actor.IdOf(http.User)!, cancellationToken);
        return await OutcomeAsync(roleId, http, queries, result, Refused("unmark", values, result, http), cancellationToken);
    }

    private static async Task<IResult> OutcomeAsync(string roleId, HttpContext http, CriticalRoleQueries queries, CommandResult result, TalentFormState refused, CancellationToken cancellationToken)
        => result.Succeeded
            ? new SeeOther($"{RolePath(roleId)}?done=1")
            : await RolePageAsync(roleId, http, queries, false, refused, cancellationToken);

    private static TalentFormState Refused(string form, Dictionary<string, string> values, CommandResult result, HttpContext http)
        => new(form, values, [.. result.Errors.Select(e => T.ErrorText(e, LanguageOf(http), FieldLabel))]);
}
