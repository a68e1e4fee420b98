using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TalentReview.Web.Hr;
using TalentReview.Web.Hr.Export;
using TalentReview.Web.RateLimiting;
using TalentReview.Web.Security;
using TalentReview.Workflow.Talent.Pools;

namespace TalentReview.Web.Talent.Pools;

/// <summary>The HR API for talent pools (<c>/api/talent/pools</c>): HR changes, leadership reads.</summary>
internal static class PoolApi
{
    public const string Path = "/api/talent/pools";
    public const string ExportPath = Path + "/export";

    public static void MapPoolApi(this IEndpointRouteBuilder routes)
    {
        var pools = routes.MapGroup(Path).RequireAuthorization(Roles.Leadership).WithTags("Talent pools");
        pools.MapGet("/", ListAsync).WithSummary("Every talent pool with its criteria and members.");
        pools.MapGet("/{poolId}", GetAsync).ProducesProblem(StatusCodes.Status404NotFound).WithSummary("A talent pool with its members, the people HR took out and its history.");
        pools.MapPost("/", CreateAsync).RequireAuthorization(Roles.HrAdmin).ProducesValidationProblem()
            .WithSummary("Create a pool: a name, an optional description and criteria (boxes, aspirations, readiness; at least one).");
        pools.MapPost("/{poolId}/fill", FillAsync).RequireAuthorization(Roles.HrAdmin).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Fill the pool from the latest released cycle; members HR added stay, people HR removed stay out.");
        pools.MapPost("/{poolId}/members", AddAsync).RequireAuthorization(Roles.HrAdmin).ProducesValidationProblem().WithSummary("Add someone to the pool, with the reason.");
        pools.MapPost("/{poolId}/members/remove", RemoveAsync).RequireAuthorization(Roles.HrAdmin).ProducesValidationProblem().WithSummary("Take someone out of the pool, with the reason.");
        pools.MapGet("/export", ExportAsync).RequireRequestLimit(RequestLimit.Export)
            .WithSummary("Every pool's members as XLSX, labelled in the reader's language (lang=nl|fr|en or the browser's).");
    }

    private static async Task<IResult> ListAsync(TalentPoolQueries queries, CancellationToken cancellationToken)
        => Results.Ok(await queries.ListAsync(cancellationToken));

    private static async Task<IResult> GetAsync(string poolId, TalentPoolQueries queries, CancellationToken cancellationToken)
        => await queries.GetAsync(poolId, cancellationToken) is { } view
            ? Results.Ok(view)
            : Problems.Field("poolId", "notFound", "No such talent pool.", StatusCodes.Status404NotFound);

    private static async Task<IResult> CreateAsync(CreateTalentPool body, ClaimsPrincipal user, TalentPoolCommands commands, CancellationToken cancellationToken)
    {
        var result = await commands.CreateAsync(body, Actor.IdOf(user)!, cancellationToken);
        return result.Succeeded ? Results.Created($"{Path}/{result.Value}", new { poolId = result.Value }) : Problems.From(result);
    }

    private static async Task<IResult> FillAsync(string poolId, ClaimsPrincipal user, TalentPoolCommands commands, CancellationToken cancellationToken)
    {
        var result = await commands.FillAsync(poolId, Actor.IdOf(user)!, cancellationToken);
        return result.Succeeded ? Results.Ok(new { members = result.Value }) : Problems.From(result);
    }

    private static async Task<IResult> AddAsync(string poolId, ChangePoolMember body, ClaimsPrincipal user, TalentPoolCommands commands, CancellationToken cancellationToken)
    {
        var result = await commands.AddMemberAsync(poolId, body, Actor.IdOf(user)!, cancellationToken);
        return result.Succeeded ? Results.NoContent() : Problems.From(result);
    }

    private static async Task<IResult> RemoveAsync(string poolId, ChangePoolMember body, ClaimsPrincipal user, TalentPoolCommands commands, CancellationToken cancellationToken)
    {
        var result = await commands.RemoveMemberAsync(poolId, body, Actor.IdOf(user)!, cancellationToken);
        return result.Succeeded ? Results.NoContent() : Problems.From(result);
    }

    private static async Task<IResult> ExportAsync(HttpRequest request, TalentPoolQueries queries, CancellationToken cancellationToken)
    {
        var language = ReaderPreferences.Of(request).Language;
        var table = PoolsExport.Build(await queries.ListAsync(cancellationToken), language);
        return Results.File(XlsxExportWriter.Write([table]), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "talentreview-talent-pools.xlsx");
    }
}
