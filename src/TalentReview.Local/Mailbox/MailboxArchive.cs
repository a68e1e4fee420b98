using System.Text.Json;
using Microsoft.Data.Sqlite;
using TalentReview.MailCapture;

namespace TalentReview.Local.Mailbox;

/// <summary>
/// The dev mailbox of record: every email the capture endpoint accepted, kept in a SQLite file in
/// the data folder so the mailbox (and the links in old emails) survive a restart. An email's id
/// is its place in the archive, stable across restarts.
/// </summary>
public sealed class MailboxArchive : IAcceptedMail
{
    public const string FileName = "mailbox.db";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly string connectionString;

    public MailboxArchive(string dataFolder)
    {
        connectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(dataFolder, FileName) }.ToString();
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS email (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                recipient TEXT NOT NULL COLLATE NOCASE,
                body TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS email_recipient ON email (recipient);
            """;
        command.ExecuteNonQuery();
    }

    public void Append(IReadOnlyCollection<CapturedEmail> emails)
    {
        ArgumentNullException.ThrowIfNull(emails);
        if (emails.Count == 0)
        {
            return;
        }

        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO email (recipient, body) VALUES ($recipient, $body)";
        var recipient = command.Parameters.Add("$recipient", SqliteType.Text);
        var body = command.Parameters.Add("$body", SqliteType.Text);
        foreach (var email in emails)
        {
            recipient.Value = email.To.Email;
            body.Value = JsonSerializer.Serialize(email, Json);
            command.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    /// <summary>The emails, oldest first, optionally only those to one address (case-insensitive).</summary>
    public IReadOnlyList<CapturedEmail> List(string? recipient = null)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = string.IsNullOrWhiteSpace(recipient)
            ? "SELECT id, body FROM email ORDER BY id"
            : "SELECT id, body FROM email WHERE recipient = $recipient ORDER BY id";
        command.Parameters.AddWithValue("$recipient", recipient?.Trim() ?? string.Empty);
        return Read(command);
    }

    /// <summary>What the capture endpoint's Email Activity API reports after a restart: the archive, not the process's memory.</summary>
    public IReadOnlyList<CapturedEmail> WithCustomArg(string name, string value, int limit)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, body FROM email WHERE json_extract(body, $path) = $value ORDER BY id LIMIT $limit";
        command.Parameters.AddWithValue("$path", $"$.customArgs.{name}");
        command.Parameters.AddWithValue("$value", value);
        command.Parameters.AddWithValue("$limit", limit);
        return Read(command);
    }

    public CapturedEmail? Find(long id)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, body FROM email WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        return Read(command).FirstOrDefault();
    }

    private static List<CapturedEmail> Read(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        var emails = new List<CapturedEmail>();
        while (reader.Read())
        {
            var email = JsonSerializer.Deserialize<CapturedEmail>(reader.GetString(1), Json)
                ?? throw new InvalidDataException("An archived email could not be read.");
            emails.Add(email with { Id = reader.GetInt64(0) });
        }

        return emails;
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        return connection;
    }
}
