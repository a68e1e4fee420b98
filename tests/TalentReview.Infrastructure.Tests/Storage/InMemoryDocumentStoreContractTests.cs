using TalentReview.Workflow.Storage;

namespace TalentReview.Infrastructure.Tests.Storage;

public sealed class InMemoryDocumentStoreContractTests : DocumentStoreContract
{
    protected override IDocumentStore Store { get; } = new InMemoryDocumentStore();
}
