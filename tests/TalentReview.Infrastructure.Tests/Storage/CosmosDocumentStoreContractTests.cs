using TalentReview.Infrastructure.Storage.Cosmos;
using TalentReview.Workflow.Storage;

namespace TalentReview.Infrastructure.Tests.Storage;

/// <summary>The contract against the real Cosmos SDK talking to @vercel/cosmosdb-server.</summary>
public sealed class CosmosDocumentStoreContractTests(CosmosServerFixture server) : DocumentStoreContract, IClassFixture<CosmosServerFixture>
{
    private readonly CosmosDocumentStore? _store = server.SkipReason is null ? new CosmosDocumentStore(server.Container) : null;

    protected override IDocumentStore Store
    {
        get
        {
            Assert.SkipWhen(server.SkipReason is not null, server.SkipReason ?? string.Empty);
            return _store!;
        }
    }

    // Every operation is an HTTPS round trip to a single-threaded Node server: fewer, still racing, writers.
    protected override int ConcurrentWriters => 8;
}
