using TalentReview.Infrastructure.Tests.Storage;
using TalentReview.Workflow.Storage;

namespace TalentReview.Web.Tests.Talent;

/// <summary>
/// Critical roles, successors and pools on the real Cosmos SDK against @vercel/cosmosdb-server (its transactional
/// batches run by tests/cosmos-server). A container per test, as each test counts the roles and pools of its store.
/// </summary>
public sealed class CosmosSuccessionUseCaseTests(CosmosServerFixture server) : SuccessionUseCaseTests, IClassFixture<CosmosServerFixture>
{
    private IDocumentStore? _store;

    protected override IDocumentStore Store => _store ?? throw new InvalidOperationException("The store opens when the test starts.");

    protected override async Task OpenStoreAsync()
    {
        Assert.SkipWhen(server.SkipReason is not null, server.SkipReason ?? string.Empty);
        _store = await server.NewStoreAsync("talent");
    }
}
