using NSubstitute;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace TalentReview.Workflow.Tests.Support;

/// <summary>Helpers to script an <see cref="TaskOrchestrationContext"/> substitute: events that arrive, and events that never do.</summary>
internal static class ContextFake
{
    public static TaskOrchestrationContext Create(DateTime? now = null)
    {
        var context = Substitute.For<TaskOrchestrationContext>();
        context.CurrentUtcDateTime.Returns(now ?? new DateTime(2026, 1, 5, 8, 0, 0, DateTimeKind.Utc));
        context.CreateTimer(Arg.Any<DateTime>(), Arg.Any<CancellationToken>()).Returns(Never());
        return context;
    }

    /// <summary>The named event arrives with these payloads, one per wait, and then never again.</summary>
    public static void Raises<T>(this TaskOrchestrationContext context, string eventName, params T[] payloads)
    {
        var results = payloads.Select(p => Task.FromResult(p)).Append(Never<T>()).ToArray();
        context.WaitForExternalEvent<T>(eventName, Arg.Any<CancellationToken>()).Returns(results[0], results[1..]);
    }

    public static void NeverRaises<T>(this TaskOrchestrationContext context, string eventName)
        => context.WaitForExternalEvent<T>(eventName, Arg.Any<CancellationToken>()).Returns(_ => Never<T>());

    public static Task Never() => new TaskCompletionSource().Task;

    public static Task<T> Never<T>() => new TaskCompletionSource<T>().Task;
}

/// <summary>The context an engine hands an activity: its name and the calling instance.</summary>
internal static class ActivityContextFake
{
    public static TaskActivityContext For(string name, string instanceId)
    {
        var context = Substitute.For<TaskActivityContext>();
        context.Name.Returns(new TaskName(name));
        context.InstanceId.Returns(instanceId);
        return context;
    }
}
