using System.Globalization;
using System.Text;
using System.Text.Json;
using DurableTask.Core.Exceptions;
using Microsoft.Data.Sqlite;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using TalentReview.Durable.Embedded.History;

namespace TalentReview.Durable.Embedded.Persistence;

/// <summary>
/// The engine's durable state in SQLite (a file, or an in-memory database for tests): instances,
/// their histories, their inboxes (including timers, which are messages that become visible at
/// their due time) and the activity calls waiting to run. One connection serializes all access;
/// callers batch many steps into one transaction, which is what makes the engine fast.
/// </summary>
internal sealed class EngineStore : IDisposable
{
    private static readonly string ActiveStatuses =
        $"({(int)OrchestrationRuntimeStatus.Pending}, {(int)OrchestrationRuntimeStatus.Running}, {(int)OrchestrationRuntimeStatus.Suspended})";
    private static readonly JsonSerializerOptions Json = EngineJson.Options;

    private readonly SqliteConnection _connection;
    private readonly PreparedCommands _commands;
    private readonly Lock _gate = new();
    private readonly SnapshotReader? _reader;
    private readonly RecentMessages _recent = new();
    private readonly List<(long Sequence, OutgoingMessage Message)> _resultsWritten = [];
    private SqliteTransaction? _transaction;

    // Activity calls and messages are numbered here rather than by SQLite, so a fan-out inserts them many rows per
    // statement (RETURNING gives no order) and its results are known by number. Numbers are never reused, as
    // AUTOINCREMENT would not reuse them, so a late result never deletes a newer call.
    private long _lastActivitySequence;
    private long _lastMessageSequence;

    public EngineStore(string? databasePath)
    {
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = databasePath ?? ":memory:",
            Mode = databasePath is null ? SqliteOpenMode.Memory : SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        };
        _connection = new SqliteConnection(builder.ToString());
        _connection.Open();
        _commands = new PreparedCommands(_connection);
        Execute("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA temp_store=MEMORY; PRAGMA cache_size=-32768;");
        Execute("""
            CREATE TABLE IF NOT EXISTS instances(
                id TEXT PRIMARY KEY, name TEXT NOT NULL, execution_id TEXT NOT NULL, status INTEGER NOT NULL,
                created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, input TEXT, output TEXT, custom_status TEXT,
                failure TEXT, parent_id TEXT, history_length INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID;
            CREATE INDEX IF NOT EXISTS instances_by_parent ON instances(parent_id) WHERE parent_id IS NOT NULL;
            CREATE TABLE IF NOT EXISTS history(instance_id TEXT NOT NULL, seq INTEGER NOT NULL, body TEXT NOT NULL, PRIMARY KEY(instance_id, seq)) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS inbox(seq INTEGER PRIMARY KEY AUTOINCREMENT, instance_id TEXT NOT NULL, visible_at INTEGER, body TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS inbox_by_instance ON inbox(instance_id, seq);
            CREATE INDEX IF NOT EXISTS inbox_by_due_time ON inbox(visible_at) WHERE visible_at IS NOT NULL;
            CREATE TABLE IF NOT EXISTS activities(seq INTEGER PRIMARY KEY AUTOINCREMENT, instance_id TEXT NOT NULL, body TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS activities_by_instance ON activities(instance_id);
            """);
        if (databasePath is not null)
        {
            _reader = new SnapshotReader(builder.ToString());
        }

        _lastActivitySequence = LastSequence("activities");
        _lastMessageSequence = LastSequence("inbox");
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _commands.Dispose();
            _connection.Dispose();
        }

        _reader?.Dispose();
    }

    // ---- engine side ----

    /// <summary>Instances with visible messages and all stored activity calls: the work to resume after a restart.</summary>
    public (List<string> ReadyInstances, List<ActivityWorkItem> Activities) Recover()
    {
        lock (_gate)
        {
            var ready = new List<string>();
            using (var reader = Command("SELECT DISTINCT instance_id FROM inbox WHERE visible_at IS NULL").ExecuteReader())
            {
                while (reader.Read())
                {
                    ready.Add(reader.GetString(0));
                }
            }

            var activities = new List<ActivityWorkItem>();
            using (var reader = Command("SELECT seq, instance_id, body FROM activities ORDER BY seq").ExecuteReader())
            {
                while (reader.Read())
                {
                    activities.Add(new(reader.GetInt64(0), reader.GetString(1), JsonSerializer.Deserialize<ActivityRequest>(reader.GetString(2), Json)!));
                }
            }

            return (ready, activities);
        }
    }

    /// <summary>
    /// The rows of the instances and their visible messages, at most <paramref name="maxMessages"/> each
    /// (one more, so the caller knows more are waiting). An execution that has not started yet gets all
    /// of its messages: its start may come after events that were waiting for it.
    /// </summary>
    public List<InstanceWork> LoadWork(IReadOnlyList<string> instanceIds, int maxMessages)
    {
        var rows = new Dictionary<string, InstanceRow>(instanceIds.Count, StringComparer.Ordinal);
        var bodies = new List<List<(long Sequence, string Body)>>(instanceIds.Count);
        Read(command =>
        {
            // All rows in one statement; the messages per instance, so that each read stops at its limit in the index.
            var read = command($"SELECT {InstanceColumns} FROM instances WHERE id IN (SELECT value FROM json_each($ids))");
            read.Parameters.AddWithValue("$ids", JsonSerializer.Serialize(instanceIds, Json));
            foreach (var row in ReadInstances(read))
            {
                rows[row.InstanceId] = row;
            }

            foreach (var id in instanceIds)
            {
                var messages = new List<(long, string)>();
                var inbox = command("SELECT seq, body FROM inbox WHERE instance_id = $id AND visible_at IS NULL ORDER BY seq LIMIT $limit");
                inbox.Parameters.AddWithValue("$id", id);
                inbox.Parameters.AddWithValue("$limit", rows.GetValueOrDefault(id) is { IsActive: true, HistoryLength: > 0 } ? maxMessages + 1 : -1);
                using (var reader = inbox.ExecuteReader())
                {
                    while (reader.Read())
                    {
                        messages.Add((reader.GetInt64(0), reader.GetString(1)));
                    }
                }

                bodies.Add(messages);
            }
        });

        // Parsed outside the lock: other workers need the connection meanwhile.
        var work = new List<InstanceWork>(instanceIds.Count);
        for (var i = 0; i < instanceIds.Count; i++)
        {
            var messages = bodies[i].ConvertAll(m => _recent.Take(m.Sequence) is { } known
                ? new StoredMessage(m.Sequence, known.Message, known.EventBody)
                : new StoredMessage(m.Sequence, JsonSerializer.Deserialize<InboxMessage>(m.Body, Json)!));
            work.Add(new(instanceIds[i], rows.GetValueOrDefault(instanceIds[i]), messages));
        }

        return work;
    }

    public List<HistoryEvent> LoadHistory(string instanceId)
    {
        var bodies = new List<string>();
        Read(command =>
        {
            var read = command("SELECT body FROM history WHERE instance_id = $id ORDER BY seq");
            read.Parameters.AddWithValue("$id", instanceId);
            using var reader = read.ExecuteReader();
            while (reader.Read())
            {
                bodies.Add(reader.GetString(0));
            }
        });

        return bodies.ConvertAll(body => JsonSerializer.Deserialize<HistoryEvent>(body, Json)!);
    }

    /// <summary>Runs the workers' reads on the snapshot reader of a file database, else on the one connection.</summary>
    private void Read(Action<Func<string, SqliteCommand>> read)
    {
        if (_reader is not null)
        {
            _reader.Read(read);
            return;
        }

        lock (_gate)
        {
            read(Command);
        }
    }

    /// <summary>
    /// Lets the database grow no further than it is (<c>true</c>), as a full disk would, or grow again (<c>false</c>):
    /// for tests of what a full disk does to the engine.
    /// </summary>
    internal void SimulateFullDisk(bool full)
    {
        lock (_gate)
        {
            Execute(full ? "PRAGMA max_page_count = 1;" : "PRAGMA max_page_count = 1073741823;");
        }
    }

    /// <summary>Commits episodes of instances, activity results and clients' writes in one transaction.</summary>
    public CommitOutcome Commit(IReadOnlyList<InstanceStep> steps, IReadOnlyList<ActivityOutcome> results, IReadOnlyList<ClientWrite> writes, DateTimeOffset now)
    {
        lock (_gate)
        {
            var outcome = new CommitOutcome();
            _resultsWritten.Clear();
            InTransaction(() =>
            {
                foreach (var step in steps)
                {
                    Apply(step, now, outcome);
                }

                if (results.Count > 0)
                {
                    RecordResults(results, outcome);
                }

                foreach (var write in writes)
                {
                    switch (write)
                    {
                        case StartInstanceWrite start:
                            Start(start, outcome);
                            break;
                        case DeliveryWrite delivery:
                            Deliver(delivery, outcome);
                            break;
                    }
                }
            });
            _recent.Add(_resultsWritten);
            return outcome;
        }
    }

    /// <summary>Makes every message due by <paramref name="now"/> visible; returns the instances that got work.</summary>
    public HashSet<string> ReleaseDueMessages(DateTimeOffset now)
    {
        lock (_gate)
        {
            var ready = new HashSet<string>(StringComparer.Ordinal);
            var command = Command("UPDATE inbox SET visible_at = NULL WHERE visible_at IS NOT NULL AND visible_at <= $now RETURNING instance_id");
            command.Parameters.AddWithValue("$now", now.UtcTicks);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                ready.Add(reader.GetString(0));
            }

            return ready;
        }
    }

    public DateTimeOffset? NextDueTime()
    {
        lock (_gate)
        {
            var value = Command("SELECT MIN(visible_at) FROM inbox WHERE visible_at IS NOT NULL").ExecuteScalar();
            return value is long ticks ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;
        }
    }

    public int HistoryLength(string instanceId)
    {
        lock (_gate)
        {
            var command = Command("SELECT history_length FROM instances WHERE id = $id");
            command.Parameters.AddWithValue("$id", instanceId);
            return command.ExecuteScalar() is long length ? (int)length : 0;
        }
    }

    // ---- client side ----

    /// <summary>
    /// Starts an instance. An existing instance of that id is replaced, unless it is in one of the
    /// dedupe statuses: then nothing is written and the write says why, as Durable Functions refuses it.
    /// </summary>
    private void Start(StartInstanceWrite start, CommitOutcome outcome)
    {
        if (ReadStatus(start.InstanceId) is { } existing && start.DedupeStatuses.Contains(existing))
        {
            start.RefusedBecause = existing;
            return;
        }

        var now = start.RequestedAt;
        var executionId = Guid.NewGuid().ToString("N");
        ReplaceInstance(start.InstanceId, start.Name, executionId, start.Input, parentId: null, now);
        var started = new ExecutionStarted(start.Name, executionId, start.Input, Parent: null) { Timestamp = now.UtcDateTime };
        InsertMessage(new(start.InstanceId, new(started), start.StartAt > now ? start.StartAt : null), outcome);
    }

    /// <summary>Queues a message for an instance that is still active; the write records the status found (none: no such instance).</summary>
    private void Deliver(DeliveryWrite delivery, CommitOutcome outcome)
    {
        delivery.FoundStatus = ReadStatus(delivery.InstanceId);
        if (delivery.FoundStatus is { } status && IsActiveStatus(status))
        {
            InsertMessage(new(delivery.InstanceId, new(delivery.Message)), outcome);
        }
    }

    public InstanceRow? GetInstance(string instanceId)
    {
        lock (_gate)
        {
            return ReadInstance(instanceId);
        }
    }

    public (List<InstanceRow> Rows, string? ContinuationToken) Query(OrchestrationQuery query)
    {
        var sql = new StringBuilder("SELECT ").Append(InstanceColumns).Append(" FROM instances WHERE id > $after");
        var parameters = new List<(string Name, object Value)> { ("$after", query.ContinuationToken ?? string.Empty) };
        AppendFilters(sql, parameters, query.Statuses, query.InstanceIdPrefix, query.CreatedFrom, query.CreatedTo);
        sql.Append(" ORDER BY id LIMIT $limit");
        var pageSize = Math.Max(1, query.PageSize);
        parameters.Add(("$limit", pageSize + 1));
        lock (_gate)
        {
            var command = Command(sql.ToString());
            foreach (var (name, value) in parameters)
            {
                command.Parameters.AddWithValue(name, value);
            }

            var rows = ReadInstances(command);
            return rows.Count > pageSize ? (rows[..pageSize], rows[pageSize - 1].InstanceId) : (rows, null);
        }
    }

    /// <summary>Deletes ended instances; returns how many.</summary>
    public int Purge(IEnumerable<string> instanceIds)
    {
        lock (_gate)
        {
            var purged = 0;
            InTransaction(() =>
            {
                var pending = new Stack<string>(instanceIds);
                while (pending.TryPop(out var id))
                {
                    if (ReadInstance(id) is not { IsActive: false })
                    {
                        continue;
                    }

DeleteInstanceData(id, includingRow: true);
                    purged++;
                }
            });
            return purged;
        }
    }

    public List<string> FindPurgeable(PurgeInstancesFilter filter)
    {
        var sql = new StringBuilder("SELECT id FROM instances WHERE status NOT IN ").Append(ActiveStatuses);
        var parameters = new List<(string Name, object Value)>();
        AppendFilters(sql, parameters, filter.Statuses, prefix: null, filter.CreatedFrom, filter.CreatedTo);
        lock (_gate)
        {
            var command = Command(sql.ToString());
            foreach (var (name, value) in parameters)
            {
                command.Parameters.AddWithValue(name, value);
            }

            var ids = new List<string>();
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                ids.Add(reader.GetString(0));
            }

            return ids;
        }
    }

    // ---- internals ----

    private const string InstanceColumns = "id, name, execution_id, status, created_at, updated_at, input, output, custom_status, failure, parent_id, history_length";

    private static void AppendFilters(
        StringBuilder sql,
        List<(string Name, object Value)> parameters,
        IEnumerable<OrchestrationRuntimeStatus>? statuses,
        string? prefix,
        DateTimeOffset? createdFrom,
        DateTimeOffset? createdTo)
    {
        if (statuses?.ToList() is { Count: > 0 } statusList)
        {
            sql.Append(" AND status IN (").AppendJoin(", ", statusList.Select(s => ((int)s).ToString(CultureInfo.InvariantCulture))).Append(')');
        }

        if (!string.IsNullOrEmpty(prefix))
        {
            sql.Append(" AND id >= $prefix AND id < $prefixEnd");
            parameters.Add(("$prefix", prefix));
            parameters.Add(("$prefixEnd", prefix + char.MaxValue));
        }

        if (createdFrom is { } from)
        {
            sql.Append(" AND created_at >= $from");
            parameters.Add(("$from", from.UtcTicks));
        }

        if (createdTo is { } to)
        {
            sql.Append(" AND created_at <= $to");
            parameters.Add(("$to", to.UtcTicks));
        }
    }

    private void Apply(InstanceStep step, DateTimeOffset now, CommitOutcome outcome)
    {
        step.Serialize();
        if (step.ConsumedMessages.Count == 1)
        {
            var delete = Command("DELETE FROM inbox WHERE seq = $seq");
            delete.Parameters.AddWithValue("$seq", step.ConsumedMessages[0]);
            delete.ExecuteNonQuery();
        }
        else if (step.ConsumedMessages.Count > 1)
        {
            // One statement for a fan-out's hundreds of results rather than one each.
            var delete = Command("DELETE FROM inbox WHERE seq IN (SELECT value FROM json_each($seqs))");
            delete.Parameters.AddWithValue("$seqs", JsonSerializer.Serialize(step.ConsumedMessages, Json));
            delete.ExecuteNonQuery();
        }

        if (step.ResetHistory)
        {
            var reset = Command("DELETE FROM history WHERE instance_id = $id");
            reset.Parameters.AddWithValue("$id", step.InstanceId);
            reset.ExecuteNonQuery();
        }

        for (var first = 0; first < step.NewHistory.Count; first += RowsPerInsert)
        {
            var rows = Math.Min(RowsPerInsert, step.NewHistory.Count - first);
            var insert = Command(HistoryInserts[rows - 1]);
            insert.Parameters.AddWithValue("$id", step.InstanceId);
            insert.Parameters.AddWithValue("$first", step.HistoryBase + first);
            for (var i = 0; i < rows; i++)
            {
                insert.Parameters.AddWithValue(BodyParameters[i], step.NewHistoryBodies[first + i]);
            }

            insert.ExecuteNonQuery();
        }

        if (step.Update is { } update)
        {
            var command = Command("""
                UPDATE instances SET status = $status, output = $output, failure = $failure, updated_at = $now, history_length = $length,
                    custom_status = CASE WHEN $customChanged THEN $custom ELSE custom_status END,
                    execution_id = coalesce($execution, execution_id),
                    input = CASE WHEN $execution IS NULL THEN input ELSE $input END
                WHERE id = $id
                """);
            command.Parameters.AddWithValue("$id", step.InstanceId);
            command.Parameters.AddWithValue("$status", (int)update.Status);
            command.Parameters.AddWithValue("$output", Nullable(update.Output));
            command.Parameters.AddWithValue("$failure", Nullable(update.Failure is null ? null : JsonSerializer.Serialize(update.Failure, Json)));
            command.Parameters.AddWithValue("$now", now.UtcTicks);
            command.Parameters.AddWithValue("$length", update.HistoryLength);
            command.Parameters.AddWithValue("$customChanged", update.CustomStatusChanged);
            command.Parameters.AddWithValue("$custom", Nullable(update.CustomStatus));
            command.Parameters.AddWithValue("$execution", Nullable(update.NewExecutionId));
            command.Parameters.AddWithValue("$input", Nullable(update.NewInput));
            command.ExecuteNonQuery();
        }

        for (var first = 0; first < step.Activities.Count; first += RowsPerInsert)
        {
            var rows = Math.Min(RowsPerInsert, step.Activities.Count - first);
            var insert = Command(ActivityInserts[rows - 1]);
            insert.Parameters.AddWithValue("$id", step.InstanceId);
            insert.Parameters.AddWithValue("$first", _lastActivitySequence + 1);
            for (var i = 0; i < rows; i++)
            {
                insert.Parameters.AddWithValue(BodyParameters[i], step.ActivityBodies[first + i]);
                outcome.Activities.Add(new(++_lastActivitySequence, step.InstanceId, step.Activities[first + i]));
            }

            insert.ExecuteNonQuery();
        }

        foreach (var message in step.Messages)
        {
            InsertMessage(message, outcome);
        }

        foreach (var sent in step.SentEvents)
        {
            if (ReadStatus(sent.InstanceId) is null)
            {
                outcome.DroppedEvents.Add(sent);
            }
            else
            {
                InsertMessage(sent, outcome);
            }
        }

        foreach (var child in step.ChildStarts)
        {
            StartChild(child, now, outcome);
        }
    }

    // Several rows per statement (history of an episode, the calls and results of a fan-out): each statement and each
    // bound value has a fixed cost, so the rows' consecutive sequence numbers are one value, $first, plus an offset.
    private const int RowsPerInsert = 64;

    private static readonly string[] BodyParameters = [.. Enumerable.Range(0, RowsPerInsert).Select(i => $"$body{i}")];

    private static readonly string[] InstanceParameters = [.. Enumerable.Range(0, RowsPerInsert).Select(i => $"$id{i}")];

    private static readonly string[] HistoryInserts = MultiRowInserts("history(instance_id, seq, body)", i => $"($id, $first + {i}, $body{i})");

    private static readonly string[] ActivityInserts = MultiRowInserts("activities(seq, instance_id, body)", i => $"($first + {i}, $id, $body{i})");

    private static readonly string[] MessageInserts = MultiRowInserts("inbox(seq, instance_id, visible_at, body)", i => $"($first + {i}, $id{i}, NULL, $body{i})");

    private static string[] MultiRowInserts(string into, Func<int, string> row)
        => [.. Enumerable.Range(1, RowsPerInsert).Select(rows => $"INSERT INTO {into} VALUES " + string.Join(", ", Enumerable.Range(0, rows).Select(row)))];

    private void StartChild(ChildStart child, DateTimeOffset now, CommitOutcome outcome)
    {
        if (ReadStatus(child.InstanceId) is { } status && IsActiveStatus(status))
        {
            var failure = TaskFailureDetails.FromException(new OrchestrationAlreadyExistsException($"An orchestration with id '{child.InstanceId}' already exists."));
            var failed = new SubOrchestrationFailed(child.Parent.TaskId, failure) { Timestamp = now.UtcDateTime };
            InsertMessage(new(child.Parent.InstanceId, new(failed, child.Parent.ExecutionId)), outcome);
            return;
        }

        var executionId = Guid.NewGuid().ToString("N");
        ReplaceInstance(child.InstanceId, child.Name, executionId, child.Input, child.Parent.InstanceId, now);
        var started = new ExecutionStarted(child.Name, executionId, child.Input, child.Parent) { Timestamp = now.UtcDateTime };
        InsertMessage(new(child.InstanceId, new(started)), outcome);
    }

    private void ReplaceInstance(string instanceId, string name, string executionId, string? input, string? parentId, DateTimeOffset now)
    {
        DeleteInstanceData(instanceId, includingRow: false);
        var command = Command($"INSERT OR REPLACE INTO instances({InstanceColumns}) VALUES ($id, $name, $execution, $status, $now, $now, $input, NULL, NULL, NULL, $parent, 0)");
        command.Parameters.AddWithValue("$id", instanceId);
        command.Parameters.AddWithValue("$name", name);
        command.Parameters.AddWithValue("$execution", executionId);
        command.Parameters.AddWithValue("$status", (int)OrchestrationRuntimeStatus.Pending);
        command.Parameters.AddWithValue("$now", now.UtcTicks);
        command.Parameters.AddWithValue("$input", Nullable(input));
        command.Parameters.AddWithValue("$parent", Nullable(parentId));
        command.ExecuteNonQuery();
    }

    private void DeleteInstanceData(string instanceId, bool includingRow)
    {
        foreach (var sql in new[] { "DELETE FROM history WHERE instance_id = $id", "DELETE FROM inbox WHERE instance_id = $id", "DELETE FROM activities WHERE instance_id = $id" })
        {
            var command = Command(sql);
            command.Parameters.AddWithValue("$id", instanceId);
            command.ExecuteNonQuery();
        }

        if (includingRow)
        {
            var command = Command("DELETE FROM instances WHERE id = $id");
            command.Parameters.AddWithValue("$id", instanceId);
            command.ExecuteNonQuery();
        }
    }

    /// <summary>Deletes the calls and queues their results, a few statements for hundreds of results rather than two each.</summary>
    private void RecordResults(IReadOnlyList<ActivityOutcome> results, CommitOutcome outcome)
    {
        // A result whose call is gone (instance purged or restarted) is dropped with it.
        var delete = Command("DELETE FROM activities WHERE seq IN (SELECT value FROM json_each($seqs)) RETURNING seq");
        delete.Parameters.AddWithValue("$seqs", JsonSerializer.Serialize(results.Select(r => r.Item.Sequence), Json));
        var calls = new HashSet<long>();
        using (var reader = delete.ExecuteReader())
        {
            while (reader.Read())
            {
                calls.Add(reader.GetInt64(0));
            }
        }

        var messages = results.Where(r => calls.Remove(r.Item.Sequence)).Select(r => r.Message).ToList();
        for (var first = 0; first < messages.Count; first += RowsPerInsert)
        {
            var rows = Math.Min(RowsPerInsert, messages.Count - first);
            var insert = Command(MessageInserts[rows - 1]);
            insert.Parameters.AddWithValue("$first", _lastMessageSequence + 1);
            for (var i = 0; i < rows; i++)
            {
                var message = messages[first + i];
                _resultsWritten.Add((++_lastMessageSequence, message));
                insert.Parameters.AddWithValue(InstanceParameters[i], message.InstanceId);
                insert.Parameters.AddWithValue(BodyParameters[i], message.Body);
                outcome.ReadyInstances.Add(message.InstanceId);
            }

            insert.ExecuteNonQuery();
        }
    }

    private void InsertMessage(OutgoingMessage message, CommitOutcome outcome)
    {
        var command = Command("INSERT INTO inbox(seq, instance_id, visible_at, body) VALUES ($seq, $id, $visible, $body)");
        command.Parameters.AddWithValue("$seq", ++_lastMessageSequence);
        command.Parameters.AddWithValue("$id", message.InstanceId);
        command.Parameters.AddWithValue("$visible", message.VisibleAt is { } at ? at.UtcTicks : DBNull.Value);
        command.Parameters.AddWithValue("$body", message.Body);
        command.ExecuteNonQuery();
        if (message.VisibleAt is { } dueAt)
        {
            outcome.AddTimer(dueAt);
        }
        else
        {
            outcome.ReadyInstances.Add(message.InstanceId);
        }
    }

    private OrchestrationRuntimeStatus? ReadStatus(string instanceId)
    {
        var command = Command("SELECT status FROM instances WHERE id = $id");
        command.Parameters.AddWithValue("$id", instanceId);
        return command.ExecuteScalar() is long status ? (OrchestrationRuntimeStatus)status : null;
    }

    private InstanceRow? ReadInstance(string instanceId)
    {
        var command = Command($"SELECT {InstanceColumns} FROM instances WHERE id = $id");
        command.Parameters.AddWithValue("$id", instanceId);
        return ReadInstances(command).FirstOrDefault();
    }

    private static List<InstanceRow> ReadInstances(SqliteCommand command)
    {
        var rows = new List<InstanceRow>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            rows.Add(new(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2),
                (OrchestrationRuntimeStatus)reader.GetInt32(3),
                new DateTimeOffset(reader.GetInt64(4), TimeSpan.Zero),
                new DateTimeOffset(reader.GetInt64(5), TimeSpan.Zero),
                reader.IsDBNull(6) ? null : reader.GetString(6),
                reader.IsDBNull(7) ? null : reader.GetString(7),
                reader.IsDBNull(8) ? null : reader.GetString(8),
                reader.IsDBNull(9) ? null : JsonSerializer.Deserialize<TaskFailureDetails>(reader.GetString(9), Json),
                reader.IsDBNull(10) ? null : reader.GetString(10),
                reader.GetInt32(11)));
        }

        return rows;
    }

    private long LastSequence(string table)
    {
        var command = Command($"SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = '{table}'), 0), coalesce((SELECT max(seq) FROM {table}), 0))");
        return (long)command.ExecuteScalar()!;
    }

    private static bool IsActiveStatus(OrchestrationRuntimeStatus status)
        => status is OrchestrationRuntimeStatus.Pending or OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Suspended;

    private static object Nullable(string? value) => value is null ? DBNull.Value : value;

    private void InTransaction(Action work)
    {
        _transaction = _connection.BeginTransaction();
        try
        {
            work();
            _transaction.Commit();
        }
        finally
        {
            _transaction.Dispose();
            _transaction = null;
        }
    }

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
#pragma warning disable CA2100 // Constant schema text from this class; no input reaches it.
        command.CommandText = sql;
#pragma warning restore CA2100
        command.ExecuteNonQuery();
    }

    private SqliteCommand Command(string sql) => _commands.For(sql, _transaction);

    /// <summary>
    /// A second connection to a file database for the workers' reads. In WAL mode it reads the last
    /// committed state while the committer writes, so loading a batch never waits for a commit (nor
    /// spins for the writer's lock). Each read is one read transaction: one consistent snapshot.
    /// An in-memory database has a single connection, so there the reads share the writer's.
    /// </summary>
    private sealed class SnapshotReader : IDisposable
    {
        private readonly SqliteConnection _connection;
        private readonly PreparedCommands _commands;
        private readonly Lock _gate = new();
        private SqliteTransaction? _transaction;

        public SnapshotReader(string connectionString)
        {
            _connection = new SqliteConnection(connectionString);
            _connection.Open();
            _commands = new PreparedCommands(_connection);
        }

        public void Read(Action<Func<string, SqliteCommand>> read)
        {
            lock (_gate)
            {
                _transaction = _connection.BeginTransaction(deferred: true);
                try
                {
                    read(Command);
                    _transaction.Commit();
                }
                finally
                {
                    _transaction.Dispose();
                    _transaction = null;
                }
            }
        }

        public void Dispose()
        {
            lock (_gate)
            {
                _commands.Dispose();
                _connection.Dispose();
            }
        }

        private SqliteCommand Command(string sql) => _commands.For(sql, _transaction);
    }
}
