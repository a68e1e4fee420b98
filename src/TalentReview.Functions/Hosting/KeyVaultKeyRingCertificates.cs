using System.Security.Cryptography.X509Certificates;
using Azure.Security.KeyVault.Certificates;

namespace TalentReview.Functions.Hosting;

/// <summary>
/// Downloads the key ring's certificate from Key Vault with its private key: the current version, and every
/// other enabled version so keys encrypted before a rotation still open. Disabling a version in Key Vault
/// retires it.
/// </summary>
public sealed class KeyVaultKeyRingCertificates(CertificateClient vault, string certificateName) : IKeyRingCertificateSource
{
    public async Task<KeyRingCertificates> LoadAsync(CancellationToken cancellationToken)
    {
        X509Certificate2 current = await vault.DownloadCertificateAsync(certificateName, cancellationToken: cancellationToken).ConfigureAwait(false);
        var currentThumbprint = current.GetCertHash();
        var previous = new List<X509Certificate2>();
        await foreach (var version in vault.GetPropertiesOfCertificateVersionsAsync(certificateName, cancellationToken).ConfigureAwait(false))
        {
            // A version still being created has no certificate yet; it cannot have encrypted anything.
            if (version.Enabled == true && version.X509Thumbprint is { Length: > 0 } thumbprint && !thumbprint.AsSpan().SequenceEqual(currentThumbprint))
            {
                previous.Add(await vault.DownloadCertificateAsync(certificateName, version.Version, cancellationToken).ConfigureAwait(false));
            }
        }

        return new KeyRingCertificates(current, previous);
    }
}
