namespace TalentReview.Workflow.Resilience;

/// <summary>
/// A failure that passes by itself (a store that cannot be used for now, an email provider at its
/// limit or not answering, the network): the workflow waits and tries again for as long as it takes.
/// Activities fail with exactly this type (<see cref="ActivityFailures"/>), so orchestrations know it
/// from its name in the failure details on every engine.
/// </summary>
public class TransientFailureException : Exception
{
    public TransientFailureException()
    {
    }

    public TransientFailureException(string message)
        : base(message)
    {
    }

    public TransientFailureException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
