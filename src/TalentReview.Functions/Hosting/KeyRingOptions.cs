namespace TalentReview.Functions.Hosting;

/// <summary>
/// Where the data-protection key ring lives (section <c>DataProtection</c>), and the Key Vault certificate
/// that encrypts it at rest.
/// </summary>
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

    /// <summary>The Key Vault holding the certificate whose public key encrypts every key of the ring.</summary>
    public Uri? KeyVaultUri { get; set; }

    /// <summary>
    /// The certificate's name in that vault. Its current version encrypts new keys; every enabled version
    /// decrypts, so a rotated certificate still opens the keys the earlier versions encrypted.
    /// </summary>
    public string? CertificateName { get; set; }

    public bool IsSet => BlobUri is not null || !string.IsNullOrWhiteSpace(ConnectionString);

    public bool IsProtected => KeyVaultUri is not null && !string.IsNullOrWhiteSpace(CertificateName);

    /// <summary>What is wrong with the settings, each naming the setting to fix.</summary>
    public IEnumerable<string> Problems()
    {
        if ((KeyVaultUri is null) != string.IsNullOrWhiteSpace(CertificateName))
        {
            yield return $"{Section}:KeyVaultUri and {Section}:CertificateName are set together: the vault and the name of the certificate that encrypts the key ring.";
        }

        if (IsProtected && !IsSet)
        {
            yield return $"{Section}:KeyVaultUri needs a key ring to protect: set {Section}:BlobUri or {Section}:ConnectionString.";
        }

        if (BlobUri is not null && !IsProtected)
        {
            yield return $"{Section}:BlobUri (the key ring in Azure) needs {Section}:KeyVaultUri and {Section}:CertificateName: in Azure the keys are stored only encrypted with the Key Vault certificate.";
        }
    }
}
