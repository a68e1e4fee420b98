using Azure.Core;
using Azure.Identity;
using Azure.Security.KeyVault.Certificates;
using Azure.Storage.Blobs;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace TalentReview.Functions.Hosting;

public static class KeyRingRegistration
{
    /// <summary>
    /// Keeps the data-protection keys (antiforgery tokens, sign-in cookies) in a blob when one is configured,
    /// so they hold across instances and restarts; without one they live as long as the process. With a Key
    /// Vault certificate configured (always in Azure) every key is stored encrypted with it; without one
    /// (Azurite on a workstation) data protection logs that keys are stored unencrypted.
    /// The certificates are loaded here, once, at startup: an instance that cannot read them does not start,
    /// rather than write keys nobody else can open.
    /// </summary>
    /// <param name="certificates">Where the certificates come from; Key Vault, as configured, when null.</param>
    public static IServiceCollection AddTalentReviewKeyRing(this IServiceCollection services, IConfiguration configuration, IKeyRingCertificateSource? certificates = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var ring = configuration.GetSection(KeyRingOptions.Section).Get<KeyRingOptions>() ?? new KeyRingOptions();
        var problems = ring.Problems().ToList();
        if (problems.Count > 0)
        {
            throw new OptionsValidationException(KeyRingOptions.Section, typeof(KeyRingOptions), problems);
        }

        if (ring.IsSet)
        {
            services.AddOptions<KeyManagementOptions>().Configure(keys => keys.XmlRepository = new BlobKeyRing(KeyRingBlob(ring)));
        }

        if (ring.IsProtected)
        {
            certificates ??= new KeyVaultKeyRingCertificates(new CertificateClient(ring.KeyVaultUri, Credential(ring)), ring.CertificateName!);
            var loaded = certificates.LoadAsync(CancellationToken.None).GetAwaiter().GetResult();
            services.AddDataProtection()
                .ProtectKeysWithCertificate(loaded.Current)
                .UnprotectKeysWithAnyCertificate([.. loaded.Decrypting]);
        }

        return services;
    }

    private static BlobClient KeyRingBlob(KeyRingOptions ring)
    {
        if (ring.BlobUri is { } uri)
        {
            return new BlobClient(uri, Credential(ring));
        }

        var container = new BlobContainerClient(ring.ConnectionString, ring.Container);
        container.CreateIfNotExists();
        return container.GetBlobClient(ring.BlobName);
    }

    private static TokenCredential Credential(KeyRingOptions ring)
        => string.IsNullOrWhiteSpace(ring.ManagedIdentityClientId)
            ? new DefaultAzureCredential()
            : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(ring.ManagedIdentityClientId));
}
