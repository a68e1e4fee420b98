using TalentReview.Domain;

namespace TalentReview.Workflow.UseCases;

public enum CommandStatus
{
    Succeeded,

    /// <summary>It had been done before (a repeated submission, a second approval); recorded, nothing changed.</summary>
    AlreadyDone,

    /// <summary>The input is invalid; <see cref="CommandResult.Errors"/> says which field and why.</summary>
    Invalid,

    NotFound,

    /// <summary>The actor may not do this now (not their report, step closed, wrong phase).</summary>
    NotAllowed,
}

/// <summary>The outcome of a use case: a status and, when invalid or refused, every reason by field.</summary>
public record CommandResult(CommandStatus Status, IReadOnlyList<ValidationError> Errors)
{
    public bool Succeeded => Status is CommandStatus.Succeeded or CommandStatus.AlreadyDone;

    /// <summary>Refused because the step, board or decisions it writes to closed: nothing changed.</summary>
    public bool IsStepClosed => Status == CommandStatus.NotAllowed
        && Errors.Any(e => e.Code is SubmissionCommands.StepClosedCode or CalibrationCommands.BoardClosedCode or CalibrationCommands.DecisionsClosedCode);

    public static CommandResult Done { get; } = new(CommandStatus.Succeeded, []);

    public static CommandResult Repeated { get; } = new(CommandStatus.AlreadyDone, []);

    public static CommandResult Invalid(IReadOnlyList<ValidationError> errors) => new(CommandStatus.Invalid, errors);

    public static CommandResult NotFound(string field, string message) => new(CommandStatus.NotFound, [new ValidationError(field, "notFound", message)]);

    public static CommandResult NotAllowed(string field, string code, string message) => new(CommandStatus.NotAllowed, [new ValidationError(field, code, message)]);
}

/// <summary>A command outcome that carries a value when it succeeded.</summary>
public sealed record CommandResult<T>(CommandStatus Status, T? Value, IReadOnlyList<ValidationError> Errors) : CommandResult(Status, Errors)
{
    public static CommandResult<T> From(CommandResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new(result.Status, default, result.Errors);
    }
}
