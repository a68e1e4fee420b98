using NSubstitute;
using TalentReview.Durable;

namespace TalentReview.Workflow.Tests.Support;

/// <summary>Helpers to script an <see cref="OrchestrationContext"/> substitute: events that arrive, and events that never do.</summary>
internal static class ContextFake
{
    public static OrchestrationContext Create(DateTime? now = null)
    {
        var context = Substitute.For<OrchestrationContext>();
        context.CurrentUtcDateTime.Returns(now ?? new DateTime(2026, 1, 5, 8, 0, 0, DateTimeKind.Utc));
        context.CreateTimer(Arg.Any<DateTime>(), Arg.Any<CancellationToken>()).Returns(Never());
        return context;
    }

    /// <summary>The named event arrives with these payloads, one per wait, and then never again.</summary>
    public static void Raises<T>(this OrchestrationContext context, string eventName, params T[] payloads)
    {
        var results = payloads.Select(p => Task.FromResult(p)).Append(Never<T>()).ToArray();
        context.WaitForExternalEvent<T>(eventName, Arg.Any<CancellationToken>()).Returns(results[0], results[1..]);
    }

    public static void NeverRaises<T>(this OrchestrationContext context, string eventName)
        => context.WaitForExternalEvent<T>(eventName, Arg.Any<CancellationToken>()).Returns(_ => Never<T>());

    public static Task Never() => new TaskCompletionSource().Task;

    public static Task<T> Never<T>() => new TaskCompletionSource<T>().Task;
}
