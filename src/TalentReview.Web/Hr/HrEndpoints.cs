using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TalentReview.Domain.Planning;
using TalentReview.Domain.Rosters;
using TalentReview.Web.Hr.Export;
using TalentReview.Web.RateLimiting;
using TalentReview.Web.Security;
using TalentReview.Workflow.Privacy;
using TalentReview.Workflow.Storage;
using TalentReview.Workflow.UseCases;

namespace TalentReview.Web.Hr;

/// <summary>The HR API (<c>/api/cycles</c>): JSON in and out, problem details on errors, HR admins only.</summary>
internal static class HrEndpoints
{
    private const string IdempotencyKeyHeader = "Idempotency-Key";
    private const int MaxIdempotencyKeyLength = 200;

    public static void MapHrApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet(HrApiPaths.RosterTemplate, RosterTemplateFile).RequireAuthorization(Roles.HrAdmin).WithTags("Cycles")
            .WithSummary("A roster CSV template: the header and one example employee (separator=semicolon|comma, else from the reader's language).");
        var cycles = routes.MapGroup("/api/cycles").RequireAuthorization(Roles.HrAdmin).WithTags("Cycles");
        cycles.MapPost("/", LaunchAsync)
            .Accepts<LaunchCycleBody>("application/json", "multipart/form-data", "text/csv")
            .Produces<LaunchCycleResponse>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .RequireRequestLimit(RequestLimit.Launch)
            .WithSummary("Launch a cycle from a plan (or the default plan) and a roster (JSON or CSV); limited per person (429 with Retry-After).")
            .WithDescription("""
                Three ways to send the roster: application/json with 'roster' (an array of employees) or 'rosterCsv' (CSV text);
                multipart/form-data with a 'settings' JSON part and a 'roster' file (CSV, Excel .xlsx or JSON); or a bare text/csv body, the
                default plan's settings then in query parameters: name, start (yyyy-MM-dd), optional cycleId, previousCycleId and
                hrCalibrators, and hr and leadership as comma-separated roster employee ids (ids only: no names or email addresses in URLs).
                A rejected roster is a problem listing every line and field.
                An Idempotency-Key header (or a cycleId) makes the launch safe to send again: the same key from the same person
                names the same cycle, so a repeat (after a lost answer or a crash mid-launch) resumes that launch and never makes a second cycle.
                """);
        cycles.MapGet("/", ListAsync).WithSummary("List cycles, newest id order, with key-set paging.");
        cycles.MapGet("/{cycleId}", StatusAsync).ProducesProblem(StatusCodes.Status404NotFound).WithSummary("A cycle's status with progress per step and per calibration group.");
        cycles.MapPost("/{cycleId}/deadlines", ExtendDeadlineAsync).ProducesValidationProblem().WithSummary("Move a step's deadline later.");
        cycles.MapPost("/{cycleId}/reassignments", ReassignAsync).ProducesValidationProblem().WithSummary("Move an employee's review to a new manager.");
        cycles.MapPost("/{cycleId}/nudges", NudgeAsync)
            .Produces<NudgeResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Nudge one person now: an employee about their self-assessment (employeeId), or a manager about their reports' input (managerId).")
            .WithDescription("""
                One email with the pending step, its deadline in the organisation's zone and a freshly signed link. Refused (409) when the step
                was already submitted or has closed, or when no report of the manager waits for input. An Idempotency-Key header makes the request
                safe to send again: the same key sends one email (status alreadySent); without it, every request is a new nudge.
                """);
        cycles.MapPost("/{cycleId}/resume", ResumeAsync).ProducesValidationProblem()
            .WithSummary("Resume a cycle that cannot go on: run its stalled step again once the cause is fixed, or start its workflow when a launch was cut short.");
        cycles.MapPost("/{cycleId}/cancel", CancelAsync).ProducesValidationProblem().WithSummary("Cancel a running cycle.");
        cycles.MapPost("/{cycleId}/release/managers", ReleaseToManagersAsync).ProducesValidationProblem()
            .WithSummary("Release the final outcomes to managers (and the leadership summary to leadership); employees follow when the plan's conversation window ends. Refused while any group's decisions are not final.");
        cycles.MapPost("/{cycleId}/release/employees", ReleaseToEmployeesAsync).ProducesValidationProblem()
            .WithSummary("Release the outcomes to employees now, after the managers, before the conversation window ends.");
        cycles.MapGet("/{cycleId}/export", ExportAsync)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .RequireRequestLimit(RequestLimit.Export)
            .WithSummary("Export the results and calibration moves as XLSX (format=xlsx) or CSV (format=csv, table=results|moves; separator=semicolon|comma), labelled in the reader's language (lang=nl|fr|en or the browser's); limited per person (429 with Retry-After).");
        cycles.MapDelete("/{cycleId}", PurgeAsync)
            .Produces<PurgeResponse>()
            .Produces<PurgeResponse>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Delete everything a cancelled or released cycle stored (202: running follow-ups were stopped; repeat the call to finish).");
    }

    private static async Task<IResult> LaunchAsync(HttpRequest request, ClaimsPrincipal user, LaunchRequestReader reader, CycleCommands commands, CancellationToken cancellationToken)
    {
        var (input, problem) = await reader.ReadAsync(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (!input!.Roster.Succeeded)
        {
            return Problems.Roster(input.Roster.Problems);
        }

        var body = input.Body;
        CyclePlan plan;
        if (body.Plan is { } given)
        {
            plan = given;
        }
        else if (string.IsNullOrWhiteSpace(body.Name) || body.Start is null)
        {
            return Problems.Validation([
                .. string.IsNullOrWhiteSpace(body.Name) ? [new Domain.ValidationError("name", "required", "Give the cycle a name, or a full plan.")] : Array.Empty<Domain.ValidationError>(),
                .. body.Start is null ? [new Domain.ValidationError("start", "required", "Give the start date (yyyy-MM-dd), or a full plan.")] : Array.Empty<Domain.ValidationError>(),
            ]);
        }
        else
        {
            // Unless told otherwise, the cycle's HR contacts facilitate every group.
            plan = CyclePlan.Default(body.Name, body.Start.Value, input.Roster.Roster!, body.HrCalibrators ?? [.. (body.Hr ?? []).Select(h => h.Id)]);
        }

        var (time, timeErrors) = OrganisationTimeInput.Read(body.TimeZone, body.WorkingHour, plan.Time);
        if (timeErrors.Count > 0)
        {
            return Problems.Validation(timeErrors);
        }

        plan = plan with { Time = time };

        // The launch checks the plan with the dates and contacts, so every problem comes back in one answer.
        var launchedBy = Actor.IdOf(user) ?? string.Empty;
        var cycleId = body.CycleId;
        if (cycleId is null && request.Headers[IdempotencyKeyHeader].ToString() is { Length: > 0 } key)
        {
            if (key.Length > MaxIdempotencyKeyLength)
            {
                return Problems.Field(IdempotencyKeyHeader, "tooLong", $"An Idempotency-Key has at most {MaxIdempotencyKeyLength} characters.");
            }

            cycleId = CycleCommands.CycleIdFor(launchedBy, key);
        }

        var result = await commands.LaunchCycleAsync(
            new LaunchCycleRequest(plan, input.Roster.Roster!, body.Hr ?? [], body.Leadership ?? [], launchedBy, cycleId, body.PreviousCycleId),
            cancellationToken);
        return result.Succeeded
            ? Results.Accepted($"/api/cycles/{result.Value}", new LaunchCycleResponse(result.Value!, result.Status == CommandStatus.AlreadyDone ? "alreadyLaunched" : "launched"))
            : Problems.From(result);
    }

    private static IResult RosterTemplateFile(HttpRequest request)
        => Results.File(RosterTemplate.Csv(ReaderPreferences.Of(request).Separator), "text/csv; charset=utf-8", RosterTemplate.FileName);

    private static async Task<IResult> ListAsync(CycleQueries queries, string? after, int? pageSize, CancellationToken cancellationToken)
        => Results.Ok(await queries.ListCyclesAsync(after, pageSize ?? 50, cancellationToken));

    private static async Task<IResult> StatusAsync(string cycleId, CycleQueries queries, CancellationToken cancellationToken)
        => await queries.GetCycleStatusAsync(cycleId, cancellationToken) is { } status
            ? Results.Ok(status)
            : Problems.From(CommandResult.NotFound(nameof(cycleId), "No such cycle."));

    private static async Task<IResult> ExtendDeadlineAsync(string cycleId, ExtendDeadlineBody body, ClaimsPrincipal user, CycleCommands commands, CancellationToken cancellationToken)
    {
        if (body.Step is null || body.NewDeadline is null)
        {
            return Problems.Validation([
                .. body.Step is null ? [new Domain.ValidationError("step", "required", "Name the step (SelfAssessment, ManagerInput, Calibration, Decisions, Release).")] : Array.Empty<Domain.ValidationError>(),
                .. body.NewDeadline is null ? [new Domain.ValidationError("newDeadline", "required", "Give the new deadline (yyyy-MM-dd).")] : Array.Empty<Domain.ValidationError>(),
            ]);
        }

        var result = await commands.ExtendDeadlineAsync(cycleId, body.Step.Value, body.NewDeadline.Value, Actor.IdOf(user)!, cancellationToken);
        return result.Succeeded ? Results.NoContent() : Problems.From(result);
    }

    private static async Task<IResult> ReassignAsync(string cycleId, ReassignManagerBody body, ClaimsPrincipal user, CycleCommands commands, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(body.EmployeeId) || string.IsNullOrWhiteSpace(body.NewManagerId))
        {
            return Problems.Validation([
                .. string.IsNullOrWhiteSpace(body.EmployeeId) ? [new Domain.ValidationError("employeeId", "required", "Name the employee whose review moves.")] : Array.Empty<Domain.ValidationError>(),
                .. string.IsNullOrWhiteSpace(body.NewManagerId) ? [new Domain.ValidationError("newManagerId", "required", "Name the new manager.")] : Array.Empty<Domain.ValidationError>(),
            ]);
        }

        var result = await commands.ReassignManagerAsync(cycleId, body.EmployeeId, body.NewManagerId, Actor.IdOf(user)!, cancellationToken);
        return result.Succeeded ? Results.NoContent() : Problems.From(result);
    }

    private static async Task<IResult> NudgeAsync(string cycleId, NudgeBody body, HttpRequest request, ClaimsPrincipal user, NudgeCommands commands, CancellationToken cancellationToken)
    {
        var (employeeId, managerId) = (body.EmployeeId?.Trim(), body.ManagerId?.Trim());
        if (string.IsNullOrEmpty(employeeId) == string.IsNullOrEmpty(managerId))
        {
            return Problems.Field("employeeId", "oneTarget", "Name either the employee (employeeId) or the manager (managerId) to nudge.");
        }

        var key = request.Headers[IdempotencyKeyHeader].ToString();
        var result = await commands.NudgeAsync(
            cycleId,
            string.IsNullOrEmpty(employeeId) ? NudgeTarget.Manager : NudgeTarget.Person,
            string.IsNullOrEmpty(employeeId) ? managerId! : employeeId,
            key.Length > 0 ? key : Guid.NewGuid().ToString("N"),
            Actor.IdOf(user)!,
            cancellationToken);
        return result.Succeeded
            ? Results.Ok(new NudgeResponse(result.Status == CommandStatus.AlreadyDone ? "alreadySent" : "sent"))
            : Problems.From(result);
    }

    private static async Task<IResult> ResumeAsync(string cycleId, ClaimsPrincipal user, CycleCommands commands, CancellationToken cancellationToken)
    {
        var result = await commands.ResumeCycleAsync(cycleId, Actor.IdOf(user)!, cancellationToken);
        return result.Succeeded ? Results.Accepted($"/api/cycles/{cycleId}") : Problems.From(result);
    }

    private static async Task<IResult> CancelAsync(string cycleId, CancelCycleBody body, ClaimsPrincipal user, CycleCommands commands, CancellationToken cancellationToken)
    {
        var result = await commands.CancelCycleAsync(cycleId, body.Reason ?? string.Empty, Actor.IdOf(user)!, cancellationToken);
        return result.Succeeded ? Results.NoContent() : Problems.From(result);
    }

    private static async Task<IResult> ReleaseToManagersAsync(string cycleId, ClaimsPrincipal user, ReleaseCommands commands, CancellationToken cancellationToken)
    {
        var result = await commands.ReleaseToManagersAsync(cycleId, Actor.IdOf(user)!, cancellationToken);
        return result.Succeeded ? Results.NoContent() : Problems.From(result);
    }

    private static async Task<IResult> ReleaseToEmployeesAsync(string cycleId, ClaimsPrincipal user, ReleaseCommands commands, CancellationToken cancellationToken)
    {
        var result = await commands.ReleaseToEmployeesAsync(cycleId, Actor.IdOf(user)!, cancellationToken);
        return result.Succeeded ? Results.NoContent() : Problems.From(result);
    }

    /// <summary>
    /// XLSX (typed cells, two sheets: results and calibration moves) or CSV (one table: <c>table=results|moves</c>);
    /// labels in the reader's language (<c>lang</c> or the browser's), CSV separator per <see cref="ReaderPreferences"/>.
    /// </summary>
    private static async Task<IResult> ExportAsync(string cycleId, string? format, string? table, HttpRequest request, CycleQueries queries, CycleResultsExport export, CancellationToken cancellationToken)
    {
        var kind = (format ?? "csv").ToUpperInvariant();
        if (kind is not ("CSV" or "XLSX"))
        {
            return Problems.Field("format", "unknownFormat", "Choose format=csv or format=xlsx.");
        }

        var sheet = (table ?? "results").ToUpperInvariant();
        if (sheet is not ("RESULTS" or "MOVES"))
        {
            return Problems.Field("table", "unknownTable", "Choose table=results or table=moves.");
        }

        if (await queries.GetCycleStatusAsync(cycleId, cancellationToken) is null)
        {
            return Problems.From(CommandResult.NotFound(nameof(cycleId), "No such cycle."));
        }

        var reader = ReaderPreferences.Of(request);
        var tables = await export.BuildAsync(cycleId, reader.Language, cancellationToken);
        return kind == "CSV"
            ? Results.File(CsvExportWriter.Write(tables[sheet == "RESULTS" ? 0 : 1], reader.Separator), "text/csv; charset=utf-8", $"talentreview-{cycleId}-{sheet.ToLowerInvariant()}.csv")
            : Results.File(XlsxExportWriter.Write(tables), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"talentreview-{cycleId}.xlsx");
    }

    /// <summary>The retention purge, on request; 202 when follow-ups still running were stopped and the call must be repeated to finish.</summary>
    private static async Task<IResult> PurgeAsync(string cycleId, RetentionService retention, CancellationToken cancellationToken)
    {
        var result = await retention.PurgeEndedCycleAsync(cycleId, cancellationToken);
        if (result.Value is not { } purge)
        {
            return Problems.From(result);
        }

        var response = new PurgeResponse(purge.CycleId, purge.DeletedDocuments, purge.PurgedInstances, Finished: !purge.Deferred);
        return purge.Deferred ? Results.Accepted(value: response) : Results.Ok(response);
    }
}
