using System.Net;
using Microsoft.Azure.Cosmos;
using NSubstitute;
using TalentReview.Infrastructure.Storage.Cosmos;
using TalentReview.Workflow.Storage;

namespace TalentReview.Infrastructure.Tests.Storage;

/// <summary>
/// How the adapter maps Cosmos DB status codes, on a substituted container: the cases the local
/// test server cannot show (a real 404 on a point read, throttling that outlasts the SDK's retries).
/// </summary>
public sealed class CosmosDocumentStoreStatusTests
{
    private static readonly DocumentKey Key = new("cycle1", "participant:e1");

    private readonly Container _container = Substitute.For<Container>();

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Read_answered_with_404_returns_null()
    {
        _container.ReadItemStreamAsync(Key.Id, Arg.Any<PartitionKey>(), Arg.Any<ItemRequestOptions>(), Arg.Any<CancellationToken>())
            .Returns(new ResponseMessage(HttpStatusCode.NotFound));

        Assert.Null(await Store().ReadAsync<object>(Key, Cancellation));
    }

    [Fact]
    public async Task Read_answered_with_500_fails_instead_of_passing_for_missing()
    {
        _container.ReadItemStreamAsync(Key.Id, Arg.Any<PartitionKey>(), Arg.Any<ItemRequestOptions>(), Arg.Any<CancellationToken>())
            .Returns(new ResponseMessage(HttpStatusCode.InternalServerError));

        await Assert.ThrowsAsync<CosmosException>(() => Store().ReadAsync<object>(Key, Cancellation));
    }

    [Fact]
    public async Task Create_answered_with_409_throws_a_conflict()
    {
        _container.CreateItemStreamAsync(Arg.Any<Stream>(), Arg.Any<PartitionKey>(), Arg.Any<ItemRequestOptions>(), Arg.Any<CancellationToken>())
            .Returns(new ResponseMessage(HttpStatusCode.Conflict));

        var conflict = await Assert.ThrowsAsync<DocumentConflictException>(() => Store().CreateAsync(Key, "participant", new { name = "x" }, Cancellation));
        Assert.Equal(Key, conflict.Key);
    }

    [Theory]
    [InlineData(HttpStatusCode.PreconditionFailed)]
    [InlineData(HttpStatusCode.NotFound)]
    public async Task Replace_answered_with_412_or_404_throws_a_conflict(HttpStatusCode status)
    {
        _container.ReplaceItemStreamAsync(Arg.Any<Stream>(), Key.Id, Arg.Any<PartitionKey>(), Arg.Any<ItemRequestOptions>(), Arg.Any<CancellationToken>())
            .Returns(new ResponseMessage(status));

        await Assert.ThrowsAsync<DocumentConflictException>(() => Store().ReplaceAsync(Key, "participant", new { name = "x" }, "\"etag-1\"", Cancellation));
    }

    [Fact]
    public async Task Replace_sends_the_etag_as_if_match_and_asks_for_no_response_body()
    {
        var response = new ResponseMessage(HttpStatusCode.OK);
        response.Headers.Add("etag", "\"etag-2\"");
        _container.ReplaceItemStreamAsync(Arg.Any<Stream>(), Key.Id, Arg.Any<PartitionKey>(), Arg.Any<ItemRequestOptions>(), Arg.Any<CancellationToken>())
            .Returns(response);

        var etag = await Store().ReplaceAsync(Key, "participant", new { name = "x" }, "\"etag-1\"", Cancellation);

        Assert.Equal("\"etag-2\"", etag);
        await _container.Received(1).ReplaceItemStreamAsync(
            Arg.Any<Stream>(), Key.Id, new PartitionKey(Key.Partition),
            Arg.Is<ItemRequestOptions>(o => o.IfMatchEtag == "\"etag-1\"" && o.EnableContentResponseOnWrite == false),
            Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Throttling_that_outlasts_the_sdk_retries_surfaces_as_a_cosmos_exception()
    {
        _container.UpsertItemStreamAsync(Arg.Any<Stream>(), Arg.Any<PartitionKey>(), Arg.Any<ItemRequestOptions>(), Arg.Any<CancellationToken>())
            .Returns(new ResponseMessage(HttpStatusCode.TooManyRequests));

        var failure = await Assert.ThrowsAsync<CosmosException>(() => Store().UpsertAsync(Key, "participant", new { name = "x" }, Cancellation));
        Assert.Equal(HttpStatusCode.TooManyRequests, failure.StatusCode);
    }

    [Fact]
    public async Task Delete_answered_with_404_returns_false()
    {
        _container.DeleteItemStreamAsync(Key.Id, Arg.Any<PartitionKey>(), Arg.Any<ItemRequestOptions>(), Arg.Any<CancellationToken>())
            .Returns(new ResponseMessage(HttpStatusCode.NotFound));

        Assert.False(await Store().DeleteAsync(Key, Cancellation));
    }

    [Fact]
    public void Query_text_filters_on_the_partition_and_passes_values_as_parameters()
    {
        var query = new DocumentQuery("cycle1", "participant", new Dictionary<string, string> { ["managerId"] = "m'1" }, AfterId: "participant:e1", PageSize: 50);

        var sql = CosmosDocumentStore.ToSql(query, 51);

        Assert.Equal(
            "SELECT TOP 51 * FROM c WHERE c.partitionKey = @partition AND c.kind = @kind AND c.id > @after AND c[\"value\"][\"managerId\"] = @p0 ORDER BY c.id",
            sql.QueryText);
        Assert.Equal(
            [("@partition", (object)"cycle1"), ("@kind", "participant"), ("@after", "participant:e1"), ("@p0", "m'1")],
            sql.GetQueryParameters().Select(p => (p.Name, p.Value)));
    }

    private CosmosDocumentStore Store() => new(_container);
}
