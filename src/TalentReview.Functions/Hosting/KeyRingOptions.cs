namespace TalentReview.Functions.Hosting;

/// <summary>Where the data-protection key ring lives (section <c>DataProtection</c>).</summary>
public sealed class KeyRingOptions
{
    public const string Section = "DataProtection";

    /// <summary>The key ring's blob in Azure, reached with the managed identity.</summary>
    public Uri? BlobUri { get; set; }

    /// <summary>Client id of a user-assigned managed identity; without it DefaultAzureCredential is used.</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>A storage connection string instead (Azurite when the app runs on a workstation).</summary>
    public string? ConnectionString { get; set; }

    public string Container { get; set; } = "dataprotection";

    public string BlobName { get; set; } = "keys.xml";

    public bool IsSet => BlobUri is not null || !string.IsNullOrWhiteSpace(ConnectionString);
}
