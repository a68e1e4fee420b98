using System.Text.Json;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using TalentReview.Durable;

namespace TalentReview.Functions.Durable;

/// <summary>
/// Runs the registry's orchestrators and activities for the trigger functions, which only name them:
/// the class is looked up by name, created from the container and run through the adapters.
/// Inputs arrive as JSON (the worker serializes with <see cref="DurableJson.Options"/>) and are read
/// into the type the class declares.
/// </summary>
public sealed class DurableDispatcher(DurableRegistry registry)
{
    public async Task<object?> RunOrchestratorAsync(TaskOrchestrationContext context, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(context);
        var orchestrator = (IOrchestrator)ActivatorUtilities.CreateInstance(services, Find(registry.Orchestrators, context.Name.Name));
        var input = Read(context.GetInput<JsonElement?>(), orchestrator.InputType);
        return await orchestrator.RunAsync(new DurableTaskOrchestrationContextAdapter(context), input).ConfigureAwait(true);
    }

    public async Task<object?> RunActivityAsync(string name, string instanceId, JsonElement? input, IServiceProvider services, CancellationToken cancellation)
    {
        var activity = (IActivity)ActivatorUtilities.CreateInstance(services, Find(registry.Activities, name));
        return await activity.RunAsync(new ActivityContext(name, instanceId, cancellation), Read(input, activity.InputType));
    }

    private static Type Find(IReadOnlyDictionary<string, Type> types, string name)
        => types.TryGetValue(name, out var type)
            ? type
            : throw new InvalidOperationException($"'{name}' is not in the TalentReview durable registry.");

    private static object? Read(JsonElement? json, Type type)
        => json is { ValueKind: not (JsonValueKind.Undefined or JsonValueKind.Null) } value
            ? value.Deserialize(type, DurableJson.Options)
            : DurableJson.Deserialize(null, type);
}
