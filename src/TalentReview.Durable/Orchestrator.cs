namespace TalentReview.Durable;

/// <summary>
/// A durable orchestration with typed input and output, mirroring Microsoft.DurableTask's
/// <c>TaskOrchestrator&lt;TInput, TOutput&gt;</c>. Implementations must be deterministic: they touch
/// only the context (time, guids, timers, events, activities) and never do I/O themselves.
/// The orchestration's name is its class name (use <c>nameof</c> when calling it).
/// </summary>
public abstract class Orchestrator<TInput, TOutput> : IOrchestrator
{
    public abstract Task<TOutput> RunAsync(OrchestrationContext context, TInput input);

    Type IOrchestrator.InputType => typeof(TInput);

    Type IOrchestrator.OutputType => typeof(TOutput);

    async Task<object?> IOrchestrator.RunAsync(OrchestrationContext context, object? input)
        => await RunAsync(context, (TInput)input!).ConfigureAwait(true);
}

/// <summary>Untyped view of an orchestrator, used by engines and adapters.</summary>
public interface IOrchestrator
{
    Type InputType { get; }

    Type OutputType { get; }

    Task<object?> RunAsync(OrchestrationContext context, object? input);
}
