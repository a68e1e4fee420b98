using Microsoft.Data.Sqlite;
using TalentReview.Infrastructure.Storage.Sqlite;
using TalentReview.Workflow.Storage;

namespace TalentReview.Infrastructure.Tests.Storage;

public sealed class SqliteDocumentStoreContractTests : DocumentStoreContract, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("talentreview-store-").FullName;

    public SqliteDocumentStoreContractTests() => Store = new SqliteDocumentStore(Path.Combine(_folder, "nested", "store.db"));

    protected override IDocumentStore Store { get; }

    [Fact]
    public async Task Documents_survive_a_new_store_on_the_same_file()
    {
        var path = Path.Combine(_folder, "reopened.db");
        var key = new DocumentKey("cycle1", "note");
        var etag = await new SqliteDocumentStore(path).CreateAsync(key, "note", new Note("kept"), TestContext.Current.CancellationToken);

        var read = await new SqliteDocumentStore(path).ReadAsync<Note>(key, TestContext.Current.CancellationToken);

        Assert.Equal("kept", read!.Value.Title);
        Assert.Equal(etag, read.ETag);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
