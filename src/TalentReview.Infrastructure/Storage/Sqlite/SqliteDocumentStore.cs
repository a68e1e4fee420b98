using System.Text.Json;
using Microsoft.Data.Sqlite;
using TalentReview.Workflow.Storage;

namespace TalentReview.Infrastructure.Storage.Sqlite;

/// <summary>
/// <see cref="IDocumentStore"/> in one SQLite file (WAL). Every operation is a single statement on a
/// pooled connection (writes made together: one transaction), so it is atomic on its own and safe with any number of concurrent writers:
/// SQLite serialises them, and the busy timeout makes a writer wait for the lock instead of failing.
/// The ETag is a fresh value per write, never reused, so a deleted and re-created document cannot
/// satisfy an old ETag.
/// </summary>
public sealed class SqliteDocumentStore : IDocumentStore
{
    private const int BusyTimeoutSeconds = 30;

    /// <summary>The one document property with an index of its own: participants are looked up by manager.</summary>
    private const string ManagerIdProperty = "managerId";

    private readonly string _connectionString;
    private readonly string _path;
    private readonly Lock _schemaGate = new();
    private Task? _schema;

    public SqliteDocumentStore(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = BusyTimeoutSeconds,
        }.ToString();
        _path = path;
    }

    public async Task<StoredDocument<T>?> ReadAsync<T>(DocumentKey key, CancellationToken cancellationToken = default)
    {
        DocumentRules.Validate(key);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, "SELECT json, etag FROM documents WHERE partition = $partition AND id = $id", key);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new StoredDocument<T>(key, Deserialize<T>(reader.GetString(0)), reader.GetString(1))
            : null;
    }

    public async Task<string> CreateAsync<T>(DocumentKey key, string kind, T value, CancellationToken cancellationToken = default)
    {
        DocumentRules.Validate(key);
        var etag = NewETag();
        var written = await ExecuteAsync(
            "INSERT INTO documents (partition, id, kind, json, etag) VALUES ($partition, $id, $kind, $json, $etag) ON CONFLICT DO NOTHING",
            key, kind, value, etag, cancellationToken).ConfigureAwait(false);
        return written == 1 ? etag : throw new DocumentConflictException(key, $"Document {key} already exists.");
    }

    public async Task<string> ReplaceAsync<T>(DocumentKey key, string kind, T value, string ifMatchETag, CancellationToken cancellationToken = default)
    {
        DocumentRules.Validate(key);
        ArgumentException.ThrowIfNullOrEmpty(ifMatchETag);
        var etag = NewETag();
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(
            connection,
            "UPDATE documents SET kind = $kind, json = $json, etag = $etag WHERE partition = $partition AND id = $id AND etag = $ifMatch",
            key);
        AddDocument(command, kind, value, etag);
        command.Parameters.AddWithValue("$ifMatch", ifMatchETag);
        if (await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1)
        {
            return etag;
        }

        throw new DocumentConflictException(key, $"Document {key} was changed by another writer or no longer exists.");
    }

    public async Task<string> UpsertAsync<T>(DocumentKey key, string kind, T value, CancellationToken cancellationToken = default)
    {
        DocumentRules.Validate(key);
        var etag = NewETag();
        await ExecuteAsync(
            """
            INSERT INTO documents (partition, id, kind, json, etag) VALUES ($partition, $id, $kind, $json, $etag)
            ON CONFLICT (partition, id) DO UPDATE SET kind = excluded.kind, json = excluded.json, etag = excluded.etag
            """,
            key, kind, value, etag, cancellationToken).ConfigureAwait(false);
        return etag;
    }

    public async Task<IReadOnlyList<string>> WriteTogetherAsync(string partition, IReadOnlyList<DocumentWrite> writes, CancellationToken cancellationToken = default)
    {
        DocumentRules.ValidateWrites(partition, writes);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);

        // IMMEDIATE takes the write lock first, so no other writer can slip in between the checks and the writes.
        await using var transaction = connection.BeginTransaction(deferred: false);
        var etags = new List<string>(writes.Count);
        foreach (var write in writes)
        {
            var etag = NewETag();
            await using var command = Command(
                connection,
                write.IsCreate
                    ? "INSERT INTO documents (partition, id, kind, json, etag) VALUES ($partition, $id, $kind, $json, $etag) ON CONFLICT DO NOTHING"
                    : "UPDATE documents SET kind = $kind, json = $json, etag = $etag WHERE partition = $partition AND id = $id AND etag = $ifMatch",
                write.Key);
            command.Transaction = transaction;
            AddDocument(command, write.Kind, write.Value, etag);
            if (!write.IsCreate)
            {
                command.Parameters.AddWithValue("$ifMatch", write.IfMatchETag);
            }

            if (await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) != 1)
            {
                // Disposing the transaction uncommitted rolls back what this call wrote so far.
                throw new DocumentConflictException(write.Key, $"Document {write.Key} {(write.IsCreate ? "already exists" : "was changed by another writer or no longer exists")}; nothing was written.");
            }

            etags.Add(etag);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return etags;
    }

    public async Task<bool> DeleteAsync(DocumentKey key, CancellationToken cancellationToken = default)
    {
        DocumentRules.Validate(key);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, "DELETE FROM documents WHERE partition = $partition AND id = $id", key);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    public async Task<DocumentPage<T>> QueryAsync<T>(DocumentQuery query, CancellationToken cancellationToken = default)
    {
        DocumentRules.ValidateQuery(query);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        // Documents by manager (team pages, manager emails) are found through their own index: without
        // statistics the planner would rather walk the whole partition in id order.
        var byManager = query.WhereEquals?.ContainsKey(ManagerIdProperty) == true || query.WhereAnyOf?.ContainsKey(ManagerIdProperty) == true;
        var sql = $"SELECT id, json, etag FROM documents{(byManager ? " INDEXED BY documents_by_manager" : string.Empty)} WHERE partition = $partition AND kind = $kind";
        command.Parameters.AddWithValue("$partition", query.Partition);
        command.Parameters.AddWithValue("$kind", query.Kind);
        if (query.AfterId is not null)
        {
            sql += " AND id > $after";
            command.Parameters.AddWithValue("$after", query.AfterId);
        }

        var index = 0;
        foreach (var (property, value) in query.WhereEquals ?? new Dictionary<string, string>())
        {
            // Property names were checked to be plain identifiers; values are parameters.
            sql += $" AND json_extract(json, '$.{property}') = $p{index}";
            command.Parameters.AddWithValue($"$p{index++}", value);
        }

        foreach (var (property, values) in query.WhereAnyOf ?? new Dictionary<string, IReadOnlyList<string>>())
        {
            var names = new List<string>(values.Count);
            foreach (var value in values)
            {
                names.Add($"$p{index}");
                command.Parameters.AddWithValue($"$p{index++}", value);
            }

            sql += $" AND json_extract(json, '$.{property}') IN ({string.Join(", ", names)})";
        }

        // One more than a page tells whether there is a next page.
        command.CommandText = sql + " ORDER BY id LIMIT $limit";
        command.Parameters.AddWithValue("$limit", query.PageSize + 1);

        var items = new List<StoredDocument<T>>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (items.Count == query.PageSize)
            {
                return new DocumentPage<T>(items, items[^1].Key.Id);
            }

            items.Add(new StoredDocument<T>(new DocumentKey(query.Partition, reader.GetString(0)), Deserialize<T>(reader.GetString(1)), reader.GetString(2)));
        }

        return new DocumentPage<T>(items, null);
    }

    public async Task<int> DeletePartitionAsync(string partition, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(partition);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM documents WHERE partition = $partition";
        command.Parameters.AddWithValue("$partition", partition);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<int> ExecuteAsync<T>(string sql, DocumentKey key, string kind, T value, string etag, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, sql, key);
        AddDocument(command, kind, value, etag);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await SchemaAsync().ConfigureAwait(false);
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);

            // Per connection, cheap: WAL with NORMAL syncs at checkpoints instead of every commit
            // (a power cut can lose the last commits, never corrupt the file).
            await using var pragma = connection.CreateCommand();
            pragma.CommandText = $"PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = {BusyTimeoutSeconds * 1000};";
            await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The schema, created once; a failed attempt (a full or read-only disk) is tried again by the next call.</summary>
    private Task SchemaAsync()
    {
        lock (_schemaGate)
        {
            if (_schema is null || _schema.IsFaulted || _schema.IsCanceled)
            {
                _schema = CreateSchemaAsync(_path);
            }

            return _schema;
        }
    }

    private async Task CreateSchemaAsync(string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        await using var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync().ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            PRAGMA busy_timeout = {BusyTimeoutSeconds * 1000};
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS documents (
                partition TEXT NOT NULL,
                id TEXT NOT NULL,
                kind TEXT NOT NULL,
                json TEXT NOT NULL,
                etag TEXT NOT NULL,
                PRIMARY KEY (partition, id)
            ) WITHOUT ROWID;
            CREATE INDEX IF NOT EXISTS documents_by_kind ON documents (partition, kind, id);
            CREATE INDEX IF NOT EXISTS documents_by_manager ON documents (partition, kind, json_extract(json, '$.{ManagerIdProperty}'));
            """;
        await command.ExecuteNonQueryAsync().ConfigureAwait(false);

        // On a full disk the script can end without its table; then this fails and the next call tries again.
        command.CommandText = "SELECT count(*) FROM documents WHERE 0";
        await command.ExecuteScalarAsync().ConfigureAwait(false);
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, DocumentKey key)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$partition", key.Partition);
        command.Parameters.AddWithValue("$id", key.Id);
        return command;
    }

    private static void AddDocument<T>(SqliteCommand command, string kind, T value, string etag)
    {
        ArgumentException.ThrowIfNullOrEmpty(kind);
        command.Parameters.AddWithValue("$kind", kind);
        command.Parameters.AddWithValue("$json", JsonSerializer.Serialize(value, DocumentJson.Options));
        command.Parameters.AddWithValue("$etag", etag);
    }

    private static string NewETag() => $"\"{Guid.NewGuid():N}\"";

    private static T Deserialize<T>(string json) => JsonSerializer.Deserialize<T>(json, DocumentJson.Options)!;
}
