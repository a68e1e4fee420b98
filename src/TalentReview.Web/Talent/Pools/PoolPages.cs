using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TalentReview.Domain;
using TalentReview.Domain.Forms;
using TalentReview.Domain.NineBox;
using TalentReview.Web.Hr;
using TalentReview.Web.Html;
using TalentReview.Web.Localization;
using TalentReview.Web.Security;
using TalentReview.Web.Talent.Succession;
using TalentReview.Workflow.Talent.Pools;
using TalentReview.Workflow.UseCases;
using T = TalentReview.Web.Talent.Pools.PoolTexts;

namespace TalentReview.Web.Talent.Pools;

/// <summary>
/// <c>/hr/talent/pools</c>: HR names pools, fills them from the latest calibration and reviews them; leadership reads.
/// GET only reads; changes are POSTs with an anti-forgery token, HR only, then back to the page (303).
/// </summary>
internal static class PoolPages
{
    public static void MapPoolPages(this IEndpointRouteBuilder routes)
    {
        var pages = routes.MapGroup(PoolPaths.List).RequireAuthorization(Roles.Leadership).ExcludeFromDescription();
        pages.MapGet("/", ListAsync);
        pages.MapGet("/{poolId:maxlength(40)}", PoolAsync);
        pages.MapPost("/", CreateAsync).RequireAuthorization(Roles.HrAdmin);
        pages.MapPost("/{poolId:maxlength(40)}/fill", FillAsync).RequireAuthorization(Roles.HrAdmin);
        pages.MapPost("/{poolId:maxlength(40)}/members", AddAsync).RequireAuthorization(Roles.HrAdmin);
        pages.MapPost("/{poolId:maxlength(40)}/members/remove", RemoveAsync).RequireAuthorization(Roles.HrAdmin);
    }

    private static Phrase? FieldLabel(string field) => field switch
    {
        "name" => T.Name,
        "description" => T.Description,
        "boxes" => T.Boxes,
        "aspirations" => T.Aspirations,
        "readiness" => T.Readiness,
        "employeeId" => T.EmployeeId,
        "reason" => T.Reason,
        _ => null,
    };

    private static Language LanguageOf(HttpContext http) => ReaderPreferences.Of(http.Request).Language;

    private static bool CanChange(HttpContext http) => http.User.IsInRole(Roles.HrAdmin);

    private static Task<IResult> ListAsync(HttpContext http, TalentPoolQueries queries, CancellationToken cancellationToken)
        => ListPageAsync(http, queries, null, cancellationToken);

    private static async Task<IResult> ListPageAsync(HttpContext http, TalentPoolQueries queries, TalentFormState? refused, CancellationToken cancellationToken)
    {
        var language = LanguageOf(http);
        return new HtmlPage(
            language,
            T.Title[language],
            PoolsView.List(await queries.ListAsync(cancellationToken), AntiforgeryField.For(http), CanChange(http), language, refused),
            refused is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }

    private static Task<IResult> PoolAsync(string poolId, string? done, HttpContext http, TalentPoolQueries queries, CancellationToken cancellationToken)
        => PoolPageAsync(poolId, http, queries, done is not null, null, cancellationToken);

    private static async Task<IResult> PoolPageAsync(string poolId, HttpContext http, TalentPoolQueries queries, bool done, TalentFormState? refused, CancellationToken cancellationToken)
    {
        var language = LanguageOf(http);
        if (await queries.GetAsync(poolId, cancellationToken) is not { } view)
        {
            return new HtmlPage(language, T.NotFound[language], H.Html($"<p>{T.NotFound[language]}</p>"), StatusCodes.Status404NotFound);
        }

        return new HtmlPage(
            language,
            T.PoolTitle.Format(language, view.Pool.Name),
            PoolsView.Pool(view, AntiforgeryField.For(http), CanChange(http), language, done, refused),
            refused is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }

    private static async Task<IResult> CreateAsync(HttpContext http, BoundedFormReader reader, IAntiforgery antiforgery, TalentPoolCommands commands, TalentPoolQueries queries, CancellationToken cancellationToken)
    {
        if (await TalentForms.ReadAsync(http, reader, antiforgery, cancellationToken) is not { } form)
        {
            return Results.BadRequest();
        }

        var values = TalentForms.Values(form, "name", "description", "boxes", "aspirations", "readiness");
        var result = await commands.CreateAsync(
            new CreateTalentPool(values["name"], values["description"], Choices<GridBox>(form["boxes"]), Choices<CareerAspiration>(form["aspirations"]), Choices<PromotionReadiness>(form["readiness"])),
            Actor.IdOf(http.User)!,
            cancellationToken);
        return result.Succeeded
            ? new SeeOther($"{PoolPaths.Pool(result.Value!)}?done=create")
            : await ListPageAsync(http, queries, Refused("create", values, result, http), cancellationToken);
    }

    private static async Task<IResult> FillAsync(string poolId, HttpContext http, BoundedFormReader reader, IAntiforgery antiforgery, TalentPoolCommands commands, TalentPoolQueries queries, CancellationToken cancellationToken)
    {
        if (await TalentForms.ReadAsync(http, reader, antiforgery, cancellationToken) is null)
        {
            return Results.BadRequest();
        }

        var result = await commands.FillAsync(poolId, Actor.IdOf(http.User)!, cancellationToken);
        return await OutcomeAsync(poolId, http, queries, result, Refused("fill", [], result, http), cancellationToken);
    }

    private static async Task<IResult> AddAsync(string poolId, HttpContext http, BoundedFormReader reader, IAntiforgery antiforgery, TalentPoolCommands commands, TalentPoolQueries queries, CancellationToken cancellationToken)
    {
        if (await TalentForms.ReadAsync(http, reader, antiforgery, cancellationToken) is not { } form)
        {
            return Results.BadRequest();
        }

        var values = TalentForms.Values(form, "employeeId", "reason");
        var result = await commands.AddMemberAsync(poolId, new ChangePoolMember(values["employeeId"], values["reason"]), Actor.IdOf(http.User)!, cancellationToken);
        return await OutcomeAsync(poolId, http, queries, result, Refused("add", values, result, http), cancellationToken);
    }

    private static async Task<IResult> RemoveAsync(string poolId, HttpContext http, BoundedFormReader reader, IAntiforgery antiforgery, TalentPoolCommands commands, TalentPoolQueries queries, CancellationToken cancellationToken)
    {
        if (await TalentForms.ReadAsync(http, reader, antiforgery, cancellationToken) is not { } form)
        {
            return Results.BadRequest();
        }

        var values = TalentForms.Values(form, "employeeId", "reason");
        var result = await commands.RemoveMemberAsync(poolId, new ChangePoolMember(values["employeeId"], values["reason"]), Actor.IdOf(http.User)!, cancellationToken);
        return await OutcomeAsync(poolId, http, queries, result, Refused("remove", values, result, http), cancellationToken);
    }

    private static async Task<IResult> OutcomeAsync(string poolId, HttpContext http, TalentPoolQueries queries, CommandResult result, TalentFormState refused, CancellationToken cancellationToken)
        => result.Succeeded
            ? new SeeOther($"{PoolPaths.Pool(poolId)}?done=1")
            : await PoolPageAsync(poolId, http, queries, false, refused, cancellationToken);

    /// <summary>The ticked choices; an unknown one is kept as a value the use case refuses, naming it.</summary>
    private static List<TEnum> Choices<TEnum>(Microsoft.Extensions.Primitives.StringValues values)
        where TEnum : struct, Enum
        => [.. values.Select(v => TalentForms.Enum<TEnum>(v ?? string.Empty) ?? (TEnum)(object)(-1))];

    private static TalentFormState Refused(string form, Dictionary<string, string> values, CommandResult result, HttpContext http)
        => new(form, values, [.. result.Errors.Select(e => SuccessionTexts.ErrorText(e, LanguageOf(http), FieldLabel))]);
}
