namespace TalentReview.Durable;

/// <summary>
/// A durable activity with typed input and output, mirroring Microsoft.DurableTask's
/// <c>TaskActivity&lt;TInput, TOutput&gt;</c>. Activities do the I/O; they run at least once, so
/// they must be idempotent. Activities are created per call from the service provider, so they
/// take their dependencies through the constructor.
/// </summary>
public abstract class Activity<TInput, TOutput> : IActivity
{
    public abstract Task<TOutput> RunAsync(ActivityContext context, TInput input);

    Type IActivity.InputType => typeof(TInput);

    Type IActivity.OutputType => typeof(TOutput);

    async Task<object?> IActivity.RunAsync(ActivityContext context, object? input)
        => await RunAsync(context, (TInput)input!).ConfigureAwait(false);
}

/// <summary>Untyped view of an activity, used by engines and adapters.</summary>
public interface IActivity
{
    Type InputType { get; }

    Type OutputType { get; }

    Task<object?> RunAsync(ActivityContext context, object? input);
}

/// <summary>What an activity knows about its invocation (mirrors <c>TaskActivityContext</c>).</summary>
public sealed record ActivityContext(string Name, string InstanceId, CancellationToken CancellationToken = default);

/// <summary>Use as the input or output type of a durable function that has none.</summary>
public readonly record struct Unit
{
    public static Unit Value => default;
}
