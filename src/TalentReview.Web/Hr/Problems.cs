using Microsoft.AspNetCore.Http;
using TalentReview.Domain;
using TalentReview.Domain.Rosters;
using TalentReview.Workflow.UseCases;

namespace TalentReview.Web.Hr;

/// <summary>RFC 9457 problem details for the HR API; every problem names the field it is about.</summary>
public static class Problems
{
    public static IResult From(CommandResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Status switch
        {
            CommandStatus.Invalid => Validation(result.Errors),
            CommandStatus.NotFound => Problem(StatusCodes.Status404NotFound, "Not found", result.Errors),
            _ => Problem(StatusCodes.Status409Conflict, "Not possible now", result.Errors),
        };
    }

    public static IResult Validation(IReadOnlyList<ValidationError> errors)
        => Results.ValidationProblem(
            errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
            title: "The request is not valid.",
            extensions: new Dictionary<string, object?> { ["problems"] = errors.Select(e => new { field = e.Field, code = e.Code, message = e.Message }).ToList() });

    public static IResult Field(string field, string code, string message, int status = StatusCodes.Status400BadRequest)
        => status == StatusCodes.Status400BadRequest ? Validation([new ValidationError(field, code, message)]) : Problem(status, message, [new ValidationError(field, code, message)]);

    /// <summary>A rejected roster: every problem with its line and field, nothing imported.</summary>
    public static IResult Roster(IReadOnlyList<RosterProblem> problems)
        => Results.ValidationProblem(
            problems.GroupBy(p => p.Line > 0 ? $"roster[line {p.Line}].{p.Field}" : $"roster.{p.Field}")
                .ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray()),
            title: "The roster has problems; nothing was imported.",
            extensions: new Dictionary<string, object?>
            {
                ["problems"] = problems.Select(p => new { line = p.Line, field = p.Field, code = p.Code.ToString(), message = p.Message }).ToList(),
            });

    private static IResult Problem(int status, string title, IReadOnlyList<ValidationError> errors)
        => Results.Problem(
            statusCode: status,
            title: title,
            detail: string.Join(" ", errors.Select(e => e.Message)),
            extensions: new Dictionary<string, object?> { ["problems"] = errors.Select(e => new { field = e.Field, code = e.Code, message = e.Message }).ToList() });
}
