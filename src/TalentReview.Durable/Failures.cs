namespace TalentReview.Durable;

/// <summary>Why a task or an orchestration failed (mirrors <c>TaskFailureDetails</c>).</summary>
public sealed record TaskFailureDetails(string ErrorType, string ErrorMessage, string? StackTrace = null, TaskFailureDetails? InnerFailure = null)
{
    public static TaskFailureDetails FromException(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return new(
            exception.GetType().FullName ?? exception.GetType().Name,
            exception.Message,
            exception.StackTrace,
            exception.InnerException is null ? null : FromException(exception.InnerException));
    }

    /// <summary>True if the failure was caused by an exception of type <typeparamref name="T"/> (by name, as it crossed a serialization boundary).</summary>
    public bool IsCausedBy<T>() where T : Exception => ErrorType == typeof(T).FullName;
}

/// <summary>Thrown into the orchestration when an activity or sub-orchestration failed (after its retries).</summary>
public sealed class TaskFailedException : Exception
{
    public TaskFailedException(string taskName, TaskFailureDetails failureDetails)
        : base($"Task '{taskName}' failed: {failureDetails?.ErrorType}: {failureDetails?.ErrorMessage}")
    {
        TaskName = taskName;
        FailureDetails = failureDetails ?? throw new ArgumentNullException(nameof(failureDetails));
    }

    public string TaskName { get; }

    public TaskFailureDetails FailureDetails { get; }
}

/// <summary>Scheduling an instance whose id is already in use by a running instance.</summary>
public sealed class OrchestrationAlreadyExistsException(string instanceId)
    : InvalidOperationException($"An orchestration instance with id '{instanceId}' already exists and is still running.")
{
    public string InstanceId { get; } = instanceId;
}

/// <summary>Addressing an instance that does not exist (e.g. raising an event to it).</summary>
public sealed class OrchestrationNotFoundException(string instanceId)
    : InvalidOperationException($"No orchestration instance with id '{instanceId}' was found.")
{
    public string InstanceId { get; } = instanceId;
}

/// <summary>The orchestration's code no longer matches its recorded history.</summary>
public sealed class NonDeterministicOrchestrationException(string message) : InvalidOperationException(message);
