using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TalentReview.Domain;
using TalentReview.Domain.Planning;
using TalentReview.Web.Html;
using TalentReview.Web.Localization;
using TalentReview.Web.Security;
using TalentReview.Workflow.Storage;
using TalentReview.Workflow.UseCases;
using T = TalentReview.Web.Hr.Console.ConsoleTexts;

namespace TalentReview.Web.Hr.Console;

/// <summary>
/// <c>/hr/cycles/{cycleId}</c>: HR follows and steers a cycle in the browser. GET only reads; every action is a
/// POST with an anti-forgery token that runs the same use case as the HR API, then redirects back (303).
/// </summary>
internal static class HrConsoleEndpoints
{
    private const string Route = "/hr/cycles/{cycleId:maxlength(40)}";

    public static string PathOf(string cycleId) => $"/hr/cycles/{Uri.EscapeDataString(cycleId)}";

    public static void MapHrConsole(this IEndpointRouteBuilder routes)
    {
        var console = routes.MapGroup(Route).RequireAuthorization(Roles.HrAdmin).ExcludeFromDescription();
        console.MapGet("/", ShowAsync);
        console.MapPost("/deadline", ExtendDeadlineAsync);
        console.MapPost("/reassign", ReassignAsync);
        console.MapPost("/nudge", NudgeAsync);
        console.MapPost("/cancel", CancelAsync);
        console.MapPost("/resume", ResumeAsync);
        console.MapPost("/release/managers", ReleaseToManagersAsync);
        console.MapPost("/release/employees", ReleaseToEmployeesAsync);
    }

    private static Language LanguageOf(HttpContext http) => ReaderPreferences.Of(http.Request).Language;

    private static async Task<IResult> ShowAsync(string cycleId, string? done, HttpContext http, CycleQueries queries, CancellationToken cancellationToken)
        => await PageAsync(cycleId, http, queries, done, null, cancellationToken);

    private static async Task<IResult> PageAsync(string cycleId, HttpContext http, CycleQueries queries, string? done, ConsoleFormState? refused, CancellationToken cancellationToken)
    {
        var language = LanguageOf(http);
        if (await queries.GetCycleStatusAsync(cycleId, cancellationToken) is not { } status)
        {
            return new HtmlPage(language, T.NotFound[language], H.Html($"<p>{T.NotFound[language]}</p>"), StatusCodes.Status404NotFound);
        }

        return new HtmlPage(
            language,
            T.Title.Format(language, status.Name),
            // One request key per page shown: a double click posts the same key, and the email goes once.
            CycleConsolePage.Render(AntiforgeryField.For(http), status, language, done, refused, Guid.NewGuid().ToString("N")),
            refused is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }

    private static async Task<IResult> ExtendDeadlineAsync(string cycleId, HttpContext http, BoundedFormReader reader, IAntiforgery antiforgery, CycleQueries queries, CycleCommands commands, CancellationToken cancellationToken)
    {
        var (form, rejection) = await ReadAsync(http, reader, antiforgery, cancellationToken);
        if (form is null)
        {
            return rejection!;
        }

        var values = Values(form, "step", "newDeadline");
        var errors = new List<string>();
        if (!Enum.TryParse<StepKind>(values["step"], out var step) || !Enum.IsDefined(step))
        {
            errors.Add("Choose the step whose deadline moves.");
        }

        if (!DateOnly.TryParseExact(values["newDeadline"], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var deadline))
        {
            errors.Add("Give the new deadline as a date.");
        }

        var result = errors.Count == 0 ? await commands.ExtendDeadlineAsync(cycleId, step, deadline, Actor.IdOf(http.User)!, cancellationToken) : null;
        return await OutcomeAsync(cycleId, http, queries, "deadline", values, errors, result, cancellationToken);
    }

    private static async Task<IResult> ReassignAsync(string cycleId, HttpContext http, BoundedFormReader reader, IAntiforgery antiforgery, CycleQueries queries, CycleCommands commands, CancellationToken cancellationToken)
    {
        var (form, rejection) = await ReadAsync(http, reader, antiforgery, cancellationToken);
        if (form is null)
        {
            return rejection!;
        }

        var values = Values(form, "employeeId", "newManagerId");
        var errors = new List<string>();
        if (values["employeeId"].Length == 0)
        {
            errors.Add("Choose the employee whose review moves.");
        }

        if (values["newManagerId"].Length == 0)
        {
            errors.Add("Give the new manager's employee id.");
        }

        var result = errors.Count == 0 ? await commands.ReassignManagerAsync(cycleId, values["employeeId"], values["newManagerId"], Actor.IdOf(http.User)!, cancellationToken) : null;
        return await OutcomeAsync(cycleId, http, queries, "reassign", values, errors, result, cancellationToken);
    }

    private static async Task<IResult> NudgeAsync(string cycleId, HttpContext http, BoundedFormReader reader, IAntiforgery antiforgery, CycleQueries queries, NudgeCommands commands, CancellationToken cancellationToken)
    {
        var (form, rejection) = await ReadAsync(http, reader, antiforgery, cancellationToken);
        if (form is null)
        {
            return rejection!;
        }

        var values = Values(form, "target", "personId", "requestKey");
        if (!Enum.TryParse<NudgeTarget>(values["target"], out var target) || !Enum.IsDefined(target) || values["personId"].Length == 0)
        {
            return Results.BadRequest();
        }

        var result = await commands.NudgeAsync(cycleId, target, values["personId"], values["requestKey"], Actor.IdOf(http.User)!, cancellationToken);
        var language = LanguageOf(http);
        List<string> reasons = [.. result.Errors.Select(e => e.Code switch
        {
            NudgeCommands.AlreadySubmittedCode => T.NudgeAlreadySubmitted[language],
            NudgeCommands.StepClosedCode => T.NudgeStepClosed[language],
            NudgeCommands.NothingPendingCode => T.NudgeNothingPending[language],
            NudgeCommands.NotOpenYetCode => T.NudgeNotOpenYet[language],
            _ => e.Message,
        })];
        return await OutcomeAsync(cycleId, http, queries, "nudge", values, reasons, result, cancellationToken);
    }

    private static async Task<IResult> CancelAsync(string cycleId, HttpContext http, BoundedFormReader reader, IAntiforgery antiforgery, CycleQueries queries, CycleCommands commands, CancellationToken cancellationToken)
    {
        var (form, rejection) = await ReadAsync(http, reader, antiforgery, cancellationToken);
        if (form is null)
        {
            return rejection!;
        }

        var values = Values(form, "reason");
        var errors = new List<string>();
        if (form["confirm"] != "yes")
        {
            errors.Add(T.MustConfirm[LanguageOf(http)]);
        }

        var result = errors.Count == 0 ? await commands.CancelCycleAsync(cycleId, values["reason"], Actor.IdOf(http.User)!, cancellationToken) : null;
        return await OutcomeAsync(cycleId, http, queries, "cancel", values, errors, result, cancellationToken);
    }

    private static async Task<IResult> ResumeAsync(string cycleId, HttpContext http, BoundedFormReader reader, IAntiforgery antiforgery, CycleQueries queries, CycleCommands commands, CancellationToken cancellationToken)
    {
        var (form, rejection) = await ReadAsync(http, reader, antiforgery, cancellationToken);
        if (form is null)
        {
            return rejection!;
        }

        // Replacing a failed workflow is confirmed, as a cancel is; a retry or a launch resumed needs no confirmation.
        if (form["confirm"] != "yes" && (await queries.GetCycleStatusAsync(cycleId, cancellationToken))?.State == CycleState.Failed)
        {
            return await OutcomeAsync(cycleId, http, queries, "resume", [], [T.MustConfirmResume[LanguageOf(http)]], null, cancellationToken);
        }

        var result = await commands.ResumeCycleAsync(cycleId, Actor.IdOf(http.User)!, cancellationToken);
        return await OutcomeAsync(cycleId, http, queries, "resume", [], [], result, cancellationToken);
    }

    private static async Task<IResult> ReleaseToManagersAsync(string cycleId, HttpContext http, BoundedFormReader reader, IAntiforgery antiforgery, CycleQueries queries, ReleaseCommands commands, CancellationToken cancellationToken)
    {
        var (form, rejection) = await ReadAsync(http, reader, antiforgery, cancellationToken);
        if (form is null)
        {
            return rejection!;
        }

        var result = await commands.ReleaseToManagersAsync(cycleId, Actor.IdOf(http.User)!, cancellationToken);
        return await OutcomeAsync(cycleId, http, queries, "release-managers", [], Localised(result, http), result, cancellationToken);
    }

    private static async Task<IResult> ReleaseToEmployeesAsync(string cycleId, HttpContext http, BoundedFormReader reader, IAntiforgery antiforgery, CycleQueries queries, ReleaseCommands commands, CancellationToken cancellationToken)
    {
        var (form, rejection) = await ReadAsync(http, reader, antiforgery, cancellationToken);
        if (form is null)
        {
            return rejection!;
        }

        var result = await commands.ReleaseToEmployeesAsync(cycleId, Actor.IdOf(http.User)!, cancellationToken);
        return await OutcomeAsync(cycleId, http, queries, "release-employees", [], Localised(result, http), result, cancellationToken);
    }

    /// <summary>The groups not final, in the reader's language (the page names them again); other refusals as the use case says them.</summary>
    private static List<string> Localised(CommandResult result, HttpContext http)
        => result.Errors.Any(e => e.Code == ReleaseCommands.NotFinalCode) ? [T.ReleaseRefused[LanguageOf(http)]] : [];

    private static async Task<(IFormCollection? Form, IResult? Rejection)> ReadAsync(HttpContext http, BoundedFormReader reader, IAntiforgery antiforgery, CancellationToken cancellationToken)
    {
        var read = await reader.ReadAsync(http.Request, cancellationToken);
        if (read.Form is null || !await antiforgery.IsRequestValidAsync(http))
        {
            return (null, Results.BadRequest());
        }

        return (read.Form, null);
    }

    private static Dictionary<string, string> Values(IFormCollection form, params string[] fields)
        => fields.ToDictionary(f => f, f => form[f].ToString().Trim(), StringComparer.Ordinal);

    /// <summary>Done: back to the page (303, so a reload does not post again). Refused: the page again with the reasons and what was typed.</summary>
    private static async Task<IResult> OutcomeAsync(
        string cycleId, HttpContext http, CycleQueries queries, string action, Dictionary<string, string> values, List<string> errors, CommandResult? result, CancellationToken cancellationToken)
    {
        if (result is { Succeeded: true })
        {
            return new SeeOther($"{PathOf(cycleId)}?done={action}");
        }

        if (errors.Count == 0)
        {
            errors.AddRange(result?.Errors.Select(e => e.Message) ?? []);
        }
        return await PageAsync(cycleId, http, queries, null, new ConsoleFormState(action, values, errors), cancellationToken);
    }

    private sealed class SeeOther(string location) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
            httpContext.Response.Headers.Location = location;
            return Task.CompletedTask;
        }
    }
}
