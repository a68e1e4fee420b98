using Microsoft.Data.Sqlite;
using TalentReview.Workflow.Storage;

namespace TalentReview.Infrastructure.Storage.Sqlite;

/// <summary>
/// SQLite's answers that mean the disk, not the data, is the problem (for the store and the embedded
/// engine alike): they pass once space returns or the file is writable again.
/// </summary>
public sealed class SqliteOutageDescriber : IStoreOutageDescriber
{
    // Primary result codes (the low byte of an extended code): https://sqlite.org/rescode.html
    private const int Busy = 5;
    private const int Locked = 6;
    private const int ReadOnly = 8;
    private const int IoError = 10;
    private const int Full = 13;
    private const int CannotOpen = 14;

    public StoreOutage? Describe(Exception exception) => exception is SqliteException sqlite
        ? (sqlite.SqliteErrorCode & 0xFF) switch
        {
            Full => StoreOutage.DiskFull,
            ReadOnly => StoreOutage.ReadOnly,
            IoError => StoreOutage.DiskError,
            CannotOpen => StoreOutage.CannotOpen,
            Busy or Locked => StoreOutage.Busy,
            _ => null,
        }
        : null;
}
