using TalentReview.Durable;
using Dt = Microsoft.DurableTask;
using DtClient = Microsoft.DurableTask.Client;

namespace TalentReview.Functions.Durable;

/// <summary>Converts our durable model's options, statuses and failures to Microsoft.DurableTask's and back.</summary>
public static class DurableTaskMapping
{
    public static Dt.TaskOptions? ToTaskOptions(TaskOptions? options) => options switch
    {
        null => null,
        SubOrchestrationOptions sub => new Dt.SubOrchestrationOptions(ToRetryOptions(sub.Retry), sub.InstanceId),
        _ => new Dt.TaskOptions(ToRetryOptions(options.Retry)),
    };

    public static TaskFailureDetails ToFailureDetails(Dt.TaskFailureDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        return new(
            details.ErrorType,
            details.ErrorMessage,
            details.StackTrace,
            details.InnerFailure is null ? null : ToFailureDetails(details.InnerFailure));
    }

    public static OrchestrationMetadata ToMetadata(DtClient.OrchestrationMetadata metadata)
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

    public static OrchestrationRuntimeStatus ToStatus(DtClient.OrchestrationRuntimeStatus status) => status switch
    {
        DtClient.OrchestrationRuntimeStatus.Running => OrchestrationRuntimeStatus.Running,
        DtClient.OrchestrationRuntimeStatus.Completed => OrchestrationRuntimeStatus.Completed,
        DtClient.OrchestrationRuntimeStatus.ContinuedAsNew => OrchestrationRuntimeStatus.ContinuedAsNew,
        DtClient.OrchestrationRuntimeStatus.Failed => OrchestrationRuntimeStatus.Failed,
        DtClient.OrchestrationRuntimeStatus.Canceled => OrchestrationRuntimeStatus.Canceled,
        DtClient.OrchestrationRuntimeStatus.Terminated => OrchestrationRuntimeStatus.Terminated,
        DtClient.OrchestrationRuntimeStatus.Pending => OrchestrationRuntimeStatus.Pending,
        DtClient.OrchestrationRuntimeStatus.Suspended => OrchestrationRuntimeStatus.Suspended,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown orchestration status."),
    };

    public static DtClient.OrchestrationRuntimeStatus ToStatus(OrchestrationRuntimeStatus status) => status switch
    {
        OrchestrationRuntimeStatus.Running => DtClient.OrchestrationRuntimeStatus.Running,
        OrchestrationRuntimeStatus.Completed => DtClient.OrchestrationRuntimeStatus.Completed,
        OrchestrationRuntimeStatus.ContinuedAsNew => DtClient.OrchestrationRuntimeStatus.ContinuedAsNew,
        OrchestrationRuntimeStatus.Failed => DtClient.OrchestrationRuntimeStatus.Failed,
        OrchestrationRuntimeStatus.Canceled => DtClient.OrchestrationRuntimeStatus.Canceled,
        OrchestrationRuntimeStatus.Terminated => DtClient.OrchestrationRuntimeStatus.Terminated,
        OrchestrationRuntimeStatus.Pending => DtClient.OrchestrationRuntimeStatus.Pending,
        OrchestrationRuntimeStatus.Suspended => DtClient.OrchestrationRuntimeStatus.Suspended,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown orchestration status."),
    };

    private static Dt.TaskRetryOptions? ToRetryOptions(RetryPolicy? policy) => policy is null
        ? null
        : new Dt.TaskRetryOptions(new Dt.RetryPolicy(policy.MaxNumberOfAttempts, policy.FirstRetryInterval, policy.BackoffCoefficient, policy.MaxRetryInterval));
}
