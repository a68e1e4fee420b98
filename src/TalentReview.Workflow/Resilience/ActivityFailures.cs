using Microsoft.DurableTask;
using TalentReview.Workflow.Storage;

namespace TalentReview.Workflow.Resilience;

/// <summary>
/// Where an activity's exception is sorted: what passes by itself leaves the activity as a
/// <see cref="TransientFailureException"/> (the cause kept inside and in the message), anything else as it is.
/// </summary>
public static class ActivityFailures
{
    /// <summary>The exception to fail the activity with.</summary>
    public static Exception Sort(Exception exception, IEnumerable<IStoreOutageDescriber> describers)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (exception.GetType() == typeof(TransientFailureException))
        {
            return exception;
        }

        if (StoreOutages.Find(describers, exception) is { } outage)
        {
            return new TransientFailureException(StoreOutages.Describe(outage), exception);
        }

        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is TransientFailureException or HttpRequestException or TimeoutException)
            {
                return new TransientFailureException(current.Message, exception);
            }
        }

        return exception;
    }

    /// <summary>True when the failure (or the failure it was caused by, through sub-orchestrations) passes by itself.</summary>
    public static bool IsTransient(TaskFailureDetails? failure)
    {
        for (var current = failure; current is not null; current = current.InnerFailure)
        {
            if (current.ErrorType == typeof(TransientFailureException).FullName)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The first line HR and the logs read: the innermost failure's message.</summary>
    public static string ReasonOf(TaskFailureDetails? failure)
    {
        var innermost = failure;
        while (innermost?.InnerFailure is { } inner)
        {
            innermost = inner;
        }

        return innermost is null ? "Unknown failure." : $"{innermost.ErrorType}: {innermost.ErrorMessage}";
    }
}

/// <summary>Runs an activity and fails it with <see cref="ActivityFailures.Sort"/>'s exception.</summary>
internal sealed class SortingActivity(ITaskActivity inner, IEnumerable<IStoreOutageDescriber> describers) : ITaskActivity
{
    public Type InputType => inner.InputType;

    public Type OutputType => inner.OutputType;

    public async Task<object?> RunAsync(TaskActivityContext context, object? input)
    {
        try
        {
            return await inner.RunAsync(context, input).ConfigureAwait(false);
        }
        catch (Exception exception) when (ActivityFailures.Sort(exception, describers) is var sorted && !ReferenceEquals(sorted, exception))
        {
            throw sorted;
        }
    }
}
