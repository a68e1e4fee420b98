using System.Buffers;
using System.Text;
using System.Text.Json;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using TalentReview.Durable.Embedded.History;

namespace TalentReview.Durable.Embedded.Persistence;

/// <summary>The stored row of one orchestration instance.</summary>
internal sealed record InstanceRow(
    string InstanceId,
    string Name,
    string ExecutionId,
    OrchestrationRuntimeStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastUpdatedAt,
    string? Input,
    string? Output,
    string? CustomStatus,
    TaskFailureDetails? Failure,
    string? ParentInstanceId,
    int HistoryLength)
{
    public bool IsActive => Status is OrchestrationRuntimeStatus.Pending or OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Suspended;

    /// <summary>
    /// The instance as Durable Functions reports it: inputs, outputs, custom status and failure details
    /// only when asked for (with the converter that reads them).
    /// </summary>
    public OrchestrationMetadata ToMetadata(DataConverter? withPayloads) => new(Name, InstanceId)
    {
        RuntimeStatus = Status,
        CreatedAt = CreatedAt,
        LastUpdatedAt = LastUpdatedAt,
        SerializedInput = withPayloads is null ? null : Input,
        SerializedOutput = withPayloads is null ? null : Output,
        SerializedCustomStatus = withPayloads is null ? null : CustomStatus,
        FailureDetails = withPayloads is null ? null : Failure,
        DataConverter = withPayloads,
    };
}

/// <summary>A message read from an inbox; <paramref name="EventBody"/> is the stored form of its event when it is known already.</summary>
internal sealed record StoredMessage(long Sequence, InboxMessage Message, string? EventBody = null);

/// <summary>An instance with work: its row and the messages that are ready for it.</summary>
internal sealed record InstanceWork(string InstanceId, InstanceRow? Row, IReadOnlyList<StoredMessage> Messages);

/// <summary>An activity call waiting to run (stored until its result is recorded).</summary>
internal sealed record ActivityRequest(string ExecutionId, int TaskId, string Name, string? Input);

internal sealed record ActivityWorkItem(long Sequence, string InstanceId, ActivityRequest Request);

internal sealed record ActivityOutcome(ActivityWorkItem Item, HistoryEvent Result)
{
    /// <summary>The result as a message to its orchestration.</summary>
    public OutgoingMessage Message { get; } = new(Item.InstanceId, new(Result, Item.Request.ExecutionId));
}

internal sealed record OutgoingMessage(string InstanceId, InboxMessage Message, DateTimeOffset? VisibleAt = null)
{
    private static readonly JsonEncodedText EventProperty = JsonEncodedText.Encode(JsonNamingPolicy.CamelCase.ConvertName(nameof(InboxMessage.Event)));
    private static readonly JsonEncodedText ExecutionIdProperty = JsonEncodedText.Encode(JsonNamingPolicy.CamelCase.ConvertName(nameof(InboxMessage.ExecutionId)));

    private string? _eventBody;
    private string? _body;

    /// <summary>The stored form of the event alone: also the history row it becomes, so it is serialized only once.</summary>
    public string EventBody => _eventBody ??= JsonSerializer.Serialize(Message.Event, EngineJson.Options);

    /// <summary>
    /// The stored form, serialized once by whoever asks first. Workers and activity runners ask
    /// before they hand work to the single committer thread, so serialization runs in parallel.
    /// </summary>
    public string Body => _body ??= Compose();

    // The InboxMessage as JsonSerializer writes it, around the event's stored form.
    private string Compose()
    {
        var buffer = new ArrayBufferWriter<byte>(EventBody.Length + 64);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WritePropertyName(EventProperty);
            writer.WriteRawValue(EventBody, skipInputValidation: true);
            writer.WriteString(ExecutionIdProperty, Message.ExecutionId);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}

internal sealed record ChildStart(string InstanceId, string Name, string? Input, ParentInstance Parent);

/// <summary>The new state of an instance row after a step.</summary>
internal sealed record InstanceUpdate(
    OrchestrationRuntimeStatus Status,
    string? Output,
    TaskFailureDetails? Failure,
    bool CustomStatusChanged,
    string? CustomStatus,
    int HistoryLength,
    string? NewExecutionId = null,
    string? NewInput = null);

/// <summary>Everything one episode of one instance changes; committed atomically with the other steps of its batch.</summary>
internal sealed class InstanceStep(string instanceId)
{
    public string InstanceId { get; } = instanceId;

    public List<long> ConsumedMessages { get; } = [];

    public bool ResetHistory { get; set; }

    /// <summary>Number of history events already stored; new events are numbered from here.</summary>
    public int HistoryBase { get; set; }

    public List<HistoryEvent> NewHistory { get; } = [];

    public InstanceUpdate? Update { get; set; }

    public List<ActivityRequest> Activities { get; } = [];

    /// <summary>Messages to instances that exist for sure (this one, its parent).</summary>
    public List<OutgoingMessage> Messages { get; } = [];

    /// <summary>Events sent to other instances; dropped if the target does not exist, as in Durable Task.</summary>
    public List<OutgoingMessage> SentEvents { get; } = [];

    public List<ChildStart> ChildStarts { get; } = [];

    /// <summary>Stored forms of new history events known already (results as they came in), so they are not serialized again.</summary>
    public Dictionary<HistoryEvent, string> KnownBodies { get; } = new(ReferenceEqualityComparer.Instance);

    /// <summary>Stored forms of <see cref="NewHistory"/>, filled by <see cref="Serialize"/>.</summary>
    public List<string> NewHistoryBodies { get; } = [];

    /// <summary>Stored forms of <see cref="Activities"/>, filled by <see cref="Serialize"/>.</summary>
    public List<string> ActivityBodies { get; } = [];

    /// <summary>Serializes everything the commit writes, so the committer only binds text. Idempotent.</summary>
    public void Serialize()
    {
        for (var i = NewHistoryBodies.Count; i < NewHistory.Count; i++)
        {
            NewHistoryBodies.Add(KnownBodies.TryGetValue(NewHistory[i], out var known) ? known : JsonSerializer.Serialize(NewHistory[i], EngineJson.Options));
        }

        for (var i = ActivityBodies.Count; i < Activities.Count; i++)
        {
            ActivityBodies.Add(JsonSerializer.Serialize(Activities[i], EngineJson.Options));
        }

        foreach (var message in Messages.Concat(SentEvents))
        {
            _ = message.Body;
        }
    }
}

/// <summary>What a commit made ready, so the engine can dispatch it.</summary>
internal sealed class CommitOutcome
{
    public HashSet<string> ReadyInstances { get; } = new(StringComparer.Ordinal);

    public List<ActivityWorkItem> Activities { get; } = [];

    public DateTimeOffset? EarliestTimer { get; set; }

    public List<OutgoingMessage> DroppedEvents { get; } = [];

    public void AddTimer(DateTimeOffset dueAt)
    {
        if (EarliestTimer is null || dueAt < EarliestTimer)
        {
            EarliestTimer = dueAt;
        }
    }
}

/// <summary>
/// A client's call that writes (a start, an event, a termination), committed with the engine's own
/// writes. The store records what it found; the caller hears of it once the commit is durable.
/// </summary>
internal abstract class ClientWrite(string instanceId)
{
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string InstanceId { get; } = instanceId;

    public Task Done => _done.Task;

    public void Acknowledge() => _done.TrySetResult();

    public void Fail(Exception error) => _done.TrySetException(error);
}

internal sealed class StartInstanceWrite(
    string instanceId, string name, string? input, DateTimeOffset requestedAt, DateTimeOffset? startAt, IReadOnlySet<OrchestrationRuntimeStatus> dedupeStatuses)
    : ClientWrite(instanceId)
{
    /// <summary>When the client asked: the time the start carries, whenever the commit runs.</summary>
    public DateTimeOffset RequestedAt { get; } = requestedAt;

    public string Name { get; } = name;

    public string? Input { get; } = input;

    public DateTimeOffset? StartAt { get; } = startAt;

    public IReadOnlySet<OrchestrationRuntimeStatus> DedupeStatuses { get; } = dedupeStatuses;

    /// <summary>Set by the store when an existing instance in one of the dedupe statuses refused the start.</summary>
    public OrchestrationRuntimeStatus? RefusedBecause { get; set; }
}

/// <summary>A message for an instance, delivered only while it is active (Durable Functions refuses events to ended instances).</summary>
internal sealed class DeliveryWrite(string instanceId, HistoryEvent message) : ClientWrite(instanceId)
{
    public HistoryEvent Message { get; } = message;

    /// <summary>Set by the store: the instance's status when the message came; null if there was no such instance.</summary>
    public OrchestrationRuntimeStatus? FoundStatus { get; set; }
}
