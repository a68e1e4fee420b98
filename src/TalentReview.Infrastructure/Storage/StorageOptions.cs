using TalentReview.Infrastructure.Storage.Cosmos;

namespace TalentReview.Infrastructure.Storage;

/// <summary>Where documents are kept. Bound from the "Storage" configuration section.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    public SqliteStorageOptions Sqlite { get; set; } = new();

    public CosmosStorageOptions Cosmos { get; set; } = new();
}

public enum StorageProvider
{
    /// <summary>The embedded default: one SQLite file.</summary>
    Sqlite,

    /// <summary>Azure Cosmos DB (production).</summary>
    Cosmos,

    /// <summary>Process memory only: tests and throw-away simulations.</summary>
    InMemory,
}

public sealed class SqliteStorageOptions
{
    /// <summary>The database file; its folder is created when missing.</summary>
    public string Path { get; set; } = System.IO.Path.Combine("data", "talentreview-store.db");
}
