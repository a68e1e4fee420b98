using System.Net;
using Microsoft.Azure.Cosmos;
using TalentReview.Workflow.Storage;

namespace TalentReview.Infrastructure.Storage.Cosmos;

/// <summary>Cosmos DB's answers that mean "not now" rather than "not this": they pass on their own.</summary>
public sealed class CosmosOutageDescriber : IStoreOutageDescriber
{
    public StoreOutage? Describe(Exception exception) => exception is CosmosException cosmos
        ? cosmos.StatusCode switch
        {
            HttpStatusCode.TooManyRequests => StoreOutage.RequestLimit,
            HttpStatusCode.ServiceUnavailable or HttpStatusCode.RequestTimeout or HttpStatusCode.GatewayTimeout or HttpStatusCode.InternalServerError => StoreOutage.NotAnswering,
            _ => null,
        }
        : null;
}
