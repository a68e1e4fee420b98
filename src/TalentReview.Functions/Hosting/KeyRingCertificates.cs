using System.Security.Cryptography.X509Certificates;

namespace TalentReview.Functions.Hosting;

/// <summary>
/// The certificates that protect the key ring at rest: <paramref name="Current"/> encrypts every new key;
/// it and <paramref name="Previous"/> decrypt the keys already stored.
/// </summary>
public sealed record KeyRingCertificates(X509Certificate2 Current, IReadOnlyList<X509Certificate2> Previous)
{
    public IEnumerable<X509Certificate2> Decrypting => [Current, .. Previous];
}

/// <summary>Where the key ring's certificates come from, with their private keys: Key Vault in Azure.</summary>
public interface IKeyRingCertificateSource
{
    Task<KeyRingCertificates> LoadAsync(CancellationToken cancellationToken);
}
