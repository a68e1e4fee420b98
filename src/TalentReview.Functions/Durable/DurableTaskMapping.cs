using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Our = TalentReview.Durable;

namespace TalentReview.Functions.Durable;

/// <summary>
/// Converts our durable model's options, statuses and failures to Microsoft.DurableTask's and back.
/// Microsoft's types are named without a namespace on purpose: some moved between
/// Microsoft.DurableTask and Microsoft.DurableTask.Client across releases.
/// </summary>
public static class DurableTaskMapping
{
    public static TaskOptions? ToTaskOptions(Our.TaskOptions? options) => options switch
    {
        null => null,
        Our.SubOrchestrationOptions sub => new SubOrchestrationOptions(ToRetryOptions(sub.Retry), sub.InstanceId),
        _ => new TaskOptions(ToRetryOptions(options.Retry)),
    };

    public static Our.TaskFailureDetails ToFailureDetails(TaskFailureDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        return new(
            details.ErrorType,
            details.ErrorMessage,
            details.StackTrace,
            details.InnerFailure is null ? null : ToFailureDetails(details.InnerFailure));
    }

    public static Our.OrchestrationMetadata ToMetadata(OrchestrationMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        return new(metadata.Name, metadata.InstanceId)
        {
            RuntimeStatus = ToStatus(metadata.RuntimeStatus),
            CreatedAt = metadata.CreatedAt,
            LastUpdatedAt = metadata.LastUpdatedAt,
            SerializedInput = metadata.SerializedInput,
            SerializedOutput = metadata.SerializedOutput,
            SerializedCustomStatus = metadata.SerializedCustomStatus,
            FailureDetails = metadata.FailureDetails is null ? null : ToFailureDetails(metadata.FailureDetails),
        };
    }

    // Durable Task marks ContinuedAsNew and Canceled obsolete (never reported); our model keeps them
    // for parity with OrchestrationRuntimeStatus, so the mapping names them.
#pragma warning disable CS0618
    public static Our.OrchestrationRuntimeStatus ToStatus(OrchestrationRuntimeStatus status) => status switch
    {
        OrchestrationRuntimeStatus.Running => Our.OrchestrationRuntimeStatus.Running,
        OrchestrationRuntimeStatus.Completed => Our.OrchestrationRuntimeStatus.Completed,
        OrchestrationRuntimeStatus.ContinuedAsNew => Our.OrchestrationRuntimeStatus.ContinuedAsNew,
        OrchestrationRuntimeStatus.Failed => Our.OrchestrationRuntimeStatus.Failed,
        OrchestrationRuntimeStatus.Canceled => Our.OrchestrationRuntimeStatus.Canceled,
        OrchestrationRuntimeStatus.Terminated => Our.OrchestrationRuntimeStatus.Terminated,
        OrchestrationRuntimeStatus.Pending => Our.OrchestrationRuntimeStatus.Pending,
        OrchestrationRuntimeStatus.Suspended => Our.OrchestrationRuntimeStatus.Suspended,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown orchestration status."),
    };

    public static OrchestrationRuntimeStatus ToStatus(Our.OrchestrationRuntimeStatus status) => status switch
    {
        Our.OrchestrationRuntimeStatus.Running => OrchestrationRuntimeStatus.Running,
        Our.OrchestrationRuntimeStatus.Completed => OrchestrationRuntimeStatus.Completed,
        Our.OrchestrationRuntimeStatus.ContinuedAsNew => OrchestrationRuntimeStatus.ContinuedAsNew,
        Our.OrchestrationRuntimeStatus.Failed => OrchestrationRuntimeStatus.Failed,
        Our.OrchestrationRuntimeStatus.Canceled => OrchestrationRuntimeStatus.Canceled,
        Our.OrchestrationRuntimeStatus.Terminated => OrchestrationRuntimeStatus.Terminated,
        Our.OrchestrationRuntimeStatus.Pending => OrchestrationRuntimeStatus.Pending,
        Our.OrchestrationRuntimeStatus.Suspended => OrchestrationRuntimeStatus.Suspended,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown orchestration status."),
    };
#pragma warning restore CS0618

    private static TaskRetryOptions? ToRetryOptions(Our.RetryPolicy? policy) => policy is null
        ? null
        : new TaskRetryOptions(new RetryPolicy(policy.MaxNumberOfAttempts, policy.FirstRetryInterval, policy.BackoffCoefficient, policy.MaxRetryInterval));
}
