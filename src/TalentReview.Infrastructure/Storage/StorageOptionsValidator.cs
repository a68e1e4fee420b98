using System.Net;
using Microsoft.Extensions.Options;

namespace TalentReview.Infrastructure.Storage;

/// <summary>Checks the settings of the chosen provider only, and says which setting is wrong.</summary>
internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        var failures = options.Provider switch
        {
            StorageProvider.Sqlite => ValidateSqlite(options),
            StorageProvider.Cosmos => ValidateCosmos(options),
            StorageProvider.InMemory => [],
            _ => [$"Storage:Provider '{options.Provider}' is not one of Sqlite, Cosmos, InMemory."],
        };
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static List<string> ValidateSqlite(StorageOptions options)
        => string.IsNullOrWhiteSpace(options.Sqlite.Path) ? ["Storage:Sqlite:Path is required."] : [];

    private static List<string> ValidateCosmos(StorageOptions options)
    {
        var cosmos = options.Cosmos;
        var failures = new List<string>();
        var endpoint = cosmos.ResolveEndpoint();
        if (endpoint is null)
        {
            failures.Add("Storage:Cosmos needs an AccountEndpoint, or a ConnectionString with AccountEndpoint=...");
        }

        if (string.IsNullOrWhiteSpace(cosmos.DatabaseName) || string.IsNullOrWhiteSpace(cosmos.ContainerName))
        {
            failures.Add("Storage:Cosmos:DatabaseName and Storage:Cosmos:ContainerName must not be empty.");
        }

        if (cosmos.MaxRetryAttemptsOnRateLimitedRequests < 0 || cosmos.MaxRetryWaitTimeOnRateLimitedRequests < TimeSpan.Zero)
        {
            failures.Add("Storage:Cosmos retry settings must not be negative.");
        }

        if (cosmos.AcceptSelfSignedCertificate && endpoint is not null && !IsThisMachine(endpoint))
        {
            failures.Add("Storage:Cosmos:AcceptSelfSignedCertificate is only allowed for an endpoint on this machine (localhost or a loopback address).");
        }

        return failures;
    }

    private static bool IsThisMachine(Uri endpoint)
        => endpoint.IsLoopback || (IPAddress.TryParse(endpoint.Host, out var address) && IPAddress.IsLoopback(address));
}
