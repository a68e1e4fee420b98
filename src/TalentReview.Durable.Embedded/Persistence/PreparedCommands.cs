using Microsoft.Data.Sqlite;

namespace TalentReview.Durable.Embedded.Persistence;

/// <summary>The prepared commands of one connection, kept by their constant SQL text; values always go in as parameters.</summary>
internal sealed class PreparedCommands(SqliteConnection connection) : IDisposable
{
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

    /// <summary>The command for <paramref name="sql"/>, cleared of earlier parameters and enlisted in <paramref name="transaction"/>.</summary>
    public SqliteCommand For(string sql, SqliteTransaction? transaction)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
#pragma warning disable CA2100 // SQL text is built only from constants of the store; values are parameters.
            command.CommandText = sql;
#pragma warning restore CA2100
            _commands[sql] = command;
        }

        command.Parameters.Clear();
        command.Transaction = transaction;
        return command;
    }

    public void Dispose()
    {
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }

        _commands.Clear();
    }
}
