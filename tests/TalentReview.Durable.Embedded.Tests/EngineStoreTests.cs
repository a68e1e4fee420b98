using System.Globalization;
using TalentReview.Durable.Embedded.History;
using TalentReview.Durable.Embedded.Persistence;

namespace TalentReview.Durable.Embedded.Tests;

/// <summary>
/// The store numbers activity calls and inbox messages itself (so a fan-out writes many rows per statement).
/// A number used once must never come back, or a late result would delete a newer call; and results must read
/// back the same whether they come from the store's stored form or from the objects it keeps after a commit.
/// </summary>
public sealed class EngineStoreTests
{
    private const string InstanceId = "fan-out";
    private const string ExecutionId = "execution-1";
    private static readonly DateTimeOffset Now = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Calls_and_results_are_numbered_after_all_earlier_ones_even_once_those_are_gone_and_the_store_reopens()
    {
        using var database = TempDatabase.Create();
        List<ActivityWorkItem> firstCalls;
        using (var store = new EngineStore(database.Path))
        {
            firstCalls = ScheduleCalls(store, firstTaskId: 0, count: 100);
            store.Commit([], [.. firstCalls.Select(Result)], [], Now);
        }

        using var reopened = new EngineStore(database.Path);
        var stored = reopened.LoadWork([InstanceId], 1_000).Single().Messages;
        AssertResults(stored, firstTaskId: 0, count: 100);
        Consume(reopened, stored);

        var laterCalls = ScheduleCalls(reopened, firstTaskId: 100, count: 3);
        Assert.All(laterCalls, call => Assert.True(call.Sequence > firstCalls.Max(c => c.Sequence)));
        Assert.Equal(laterCalls.Select(c => c.Sequence), reopened.Recover().Activities.Select(a => a.Sequence));

        reopened.Commit([], [.. laterCalls.Select(Result)], [], Now);
        var recent = reopened.LoadWork([InstanceId], 1_000).Single().Messages;
        AssertResults(recent, firstTaskId: 100, count: 3);
        Assert.All(recent, message => Assert.True(message.Sequence > stored.Max(m => m.Sequence)));
    }

    private static List<ActivityWorkItem> ScheduleCalls(EngineStore store, int firstTaskId, int count)
    {
        var step = new InstanceStep(InstanceId);
        step.Activities.AddRange(Enumerable.Range(firstTaskId, count).Select(taskId => new ActivityRequest(ExecutionId, taskId, "Echo", Text(taskId))));
        return store.Commit([step], [], [], Now).Activities;
    }

    private static ActivityOutcome Result(ActivityWorkItem call)
        => new(call, new TaskCompleted(call.Request.TaskId, call.Request.Input) { Timestamp = Now.UtcDateTime });

    private static void Consume(EngineStore store, IEnumerable<StoredMessage> messages)
    {
        var step = new InstanceStep(InstanceId);
        step.ConsumedMessages.AddRange(messages.Select(m => m.Sequence));
        store.Commit([step], [], [], Now);
    }

    /// <summary>The results in the order they were recorded, each for its own call, with its own value.</summary>
    private static void AssertResults(IReadOnlyList<StoredMessage> messages, int firstTaskId, int count)
    {
        Assert.Equal(Enumerable.Range(firstTaskId, count), messages.Select(m => ((TaskCompleted)m.Message.Event).TaskScheduledId));
        Assert.All(messages, m => Assert.Equal(Text(((TaskCompleted)m.Message.Event).TaskScheduledId), ((TaskCompleted)m.Message.Event).Result));
        Assert.All(messages, m => Assert.Equal(ExecutionId, m.Message.ExecutionId));
    }

    private static string Text(int taskId) => taskId.ToString(CultureInfo.InvariantCulture);
}
