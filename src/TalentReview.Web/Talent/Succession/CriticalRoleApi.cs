using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TalentReview.Domain.Talent.Succession;
using TalentReview.Web.Hr;
using TalentReview.Web.Hr.Export;
using TalentReview.Web.RateLimiting;
using TalentReview.Web.Security;
using TalentReview.Workflow.Talent.Succession;

namespace TalentReview.Web.Talent.Succession;

/// <summary>
/// The HR API for critical roles (<c>/api/talent/critical-roles</c>): HR changes, leadership reads.
/// Roles are addressed by an id derived from the position, employees only in bodies: no personal data in addresses.
/// </summary>
internal static class CriticalRoleApi
{
    public const string Path = "/api/talent/critical-roles";
    public const string ExportPath = Path + "/export";
    public const string CoveragePath = "/api/talent/succession-coverage";

    public static void MapCriticalRoleApi(this IEndpointRouteBuilder routes)
    {
        var roles = routes.MapGroup(Path).RequireAuthorization(Roles.Leadership).WithTags("Succession");
        roles.MapGet("/", ListAsync).WithSummary("Every critical role with its incumbent, risk and impact of loss, successors and bench strength, the least covered first.");
        roles.MapGet("/{roleId}", GetAsync).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A critical role with its successors, the successors the latest calibration suggests, its version (for a change) and its history.");
        roles.MapPost("/", MarkAsync).RequireAuthorization(Roles.HrAdmin).ProducesValidationProblem()
            .WithSummary("Mark the role an employee holds on the latest roster (department, job title, level) as critical, with the risk and impact of losing them (low, medium, high).");
        roles.MapPut("/{roleId}", ChangeAsync).RequireAuthorization(Roles.HrAdmin).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Change a role's title, risk and impact; 'version' is the one read (409 when someone changed it since).");
        roles.MapPost("/{roleId}/successors", NominateAsync).RequireAuthorization(Roles.HrAdmin).ProducesValidationProblem()
            .WithSummary("Confirm a successor (or change their readiness): readyNow, inOneToTwoYears or inThreeYearsOrMore. Nobody succeeds themselves.");
        roles.MapPost("/{roleId}/successors/remove", RemoveAsync).RequireAuthorization(Roles.HrAdmin).ProducesValidationProblem()
            .WithSummary("Take someone off a role's bench, with the reason (kept in the role's history).");
        roles.MapPost("/{roleId}/unmark", UnmarkAsync).RequireAuthorization(Roles.HrAdmin).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The role is no longer critical: with the reason and 'confirmed': true. Its successors' nominations are closed (kept in its history), and it leaves the list; marking it again starts afresh.");
        roles.MapGet("/export", ExportAsync).RequireRequestLimit(RequestLimit.Export)
            .WithSummary("The critical roles with their successors as XLSX, labelled in the reader's language (lang=nl|fr|en or the browser's).");
        routes.MapGet(CoveragePath, CoverageAsync).RequireAuthorization(Roles.Leadership).WithTags("Succession")
            .WithSummary("The share of critical roles with a successor ready now.");
    }

    private static async Task<IResult> ListAsync(CriticalRoleQueries queries, CancellationToken cancellationToken)
        => Results.Ok((await queries.ListAsync(cancellationToken)).Select(RoleBody.Of));

    private static async Task<IResult> GetAsync(string roleId, CriticalRoleQueries queries, CancellationToken cancellationToken)
        => await queries.GetAsync(roleId, cancellationToken) is { } view
            ? Results.Ok(new RoleDetailBody(RoleBody.Of(view.Role), view.Version, view.CalibrationCycleName, [.. view.Suggestions.Select(SuggestionBody.Of)], view.History))
            : Problems.Field("roleId", "notFound", "No such critical role.", StatusCodes.Status404NotFound);

    private static async Task<IResult> MarkAsync(MarkCriticalRole body, ClaimsPrincipal user, CriticalRoleCommands commands, CancellationToken cancellationToken)
    {
        var result = await commands.MarkAsync(body, Actor.IdOf(user)!, cancellationToken);
        return result.Succeeded ? Results.Created($"{Path}/{result.Value}", new { roleId = result.Value }) : Problems.From(result);
    }

    private static async Task<IResult> ChangeAsync(string roleId, ChangeCriticalRole body, ClaimsPrincipal user, CriticalRoleCommands commands, CancellationToken cancellationToken)
    {
        var result = await commands.ChangeAsync(roleId, body, Actor.IdOf(user)!, cancellationToken);
        return result.Succeeded ? Results.NoContent() : Problems.From(result);
    }

    private static async Task<IResult> NominateAsync(string roleId, NominateSuccessor body, ClaimsPrincipal user, CriticalRoleCommands commands, CancellationToken cancellationToken)
    {
        var result = await commands.NominateAsync(roleId, body, Actor.IdOf(user)!, cancellationToken);
        return result.Succeeded ? Results.NoContent() : Problems.From(result);
    }

    private static async Task<IResult> RemoveAsync(string roleId, RemoveSuccessor body, ClaimsPrincipal user, CriticalRoleCommands commands, CancellationToken cancellationToken)
    {
        var result = await commands.RemoveSuccessorAsync(roleId, body, Actor.IdOf(user)!, cancellationToken);
        return result.Succeeded ? Results.NoContent() : Problems.From(result);
    }

    private static async Task<IResult> UnmarkAsync(string roleId, UnmarkCriticalRole body, ClaimsPrincipal user, CriticalRoleCommands commands, CancellationToken cancellationToken)
    {
        var result = await commands.UnmarkAsync(roleId, body, Actor.IdOf(user)!, cancellationToken);
        return result.Succeeded ? Results.NoContent() : Problems.From(result);
    }

    private static async Task<IResult> ExportAsync(HttpRequest request, CriticalRoleQueries queries, CancellationToken cancellationToken)
    {
        var language = ReaderPreferences.Of(request).Language;
        var table = await CriticalRolesExport.BuildAsync(queries, language, cancellationToken);
        return Results.File(XlsxExportWriter.Write([table]), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "talentreview-critical-roles.xlsx");
    }

    private static async Task<IResult> CoverageAsync(SuccessionCoverageQuery coverage, CancellationToken cancellationToken)
        => Results.Ok(await coverage.GetAsync(cancellationToken));

    private sealed record RoleBody(
        string RoleId, string Title, string Department, string Level, string IncumbentId, string IncumbentName, LossLevel RiskOfLoss, LossLevel ImpactOfLoss,
        IReadOnlyList<Successor> Successors, BenchStrength Bench, BenchRating BenchRating, bool NobodyReadyNow, RoleUnmarking? Unmarked, IReadOnlyList<Successor> ClosedNominations)
    {
        public static RoleBody Of(CriticalRole role) => new(
            role.RoleId, role.Title, role.Department, role.Level, role.IncumbentId, role.IncumbentName, role.RiskOfLoss, role.ImpactOfLoss,
            role.Successors, role.Bench, role.Bench.Rating, role.Bench.NobodyReadyNow, role.Unmarked, role.ClosedSuccessors ?? []);
    }

    private sealed record SuggestionBody(string EmployeeId, string Name, string Department, string JobTitle, string Box, string? Aspiration, SuccessorReadiness Readiness, bool SameDepartment)
    {
        public static SuggestionBody Of(SuggestedSuccessor s) => new(
            s.Talent.EmployeeId, s.Talent.Name, s.Talent.Department, s.Talent.JobTitle, s.Talent.Box.ToString(), s.Talent.Aspiration?.ToString(), s.Readiness, s.SameDepartment);
    }

    private sealed record RoleDetailBody(RoleBody Role, string Version, string? CalibrationCycleName, IReadOnlyList<SuggestionBody> Suggestions, IReadOnlyList<TalentAuditDocument> History);
}
