using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Xml.Linq;
using Azure.Storage.Blobs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TalentReview.Functions.Hosting;

namespace TalentReview.Functions.Tests.Hosting;

/// <summary>
/// The key ring in a blob (Azurite) encrypted with a certificate, as Key Vault hands it to the app: a
/// self-signed certificate stands in for the vault's, since no Key Vault emulator exists.
/// </summary>
public sealed class KeyRingProtectionTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string Purpose = "TalentReview.Tests.SignIn";
    private static readonly DateTimeOffset CertificatesIssued = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Keys_are_stored_encrypted_for_the_certificate_with_no_key_material_in_clear()
    {
        using var certificate = NewCertificate("CN=TalentReview key ring");
        var container = NewContainer();
        await using var host = Host(container, certificate);

        Protector(host).Protect("reviewer:42");

        var key = Assert.Single(StoredKeys(container));
        Assert.Empty(Named(key, "masterKey"));
        var secret = Assert.Single(Named(key, "encryptedSecret"));
        Assert.StartsWith("Microsoft.AspNetCore.DataProtection.XmlEncryption.EncryptedXmlDecryptor,", (string?)secret.Attribute("decryptorType"), StringComparison.Ordinal);
        Assert.Equal([certificate.Thumbprint], EncryptingCertificates(key));
    }

    [Fact]
    public async Task Without_a_certificate_keys_are_stored_in_clear_which_is_why_Azure_requires_one()
    {
        var container = NewContainer();
        await using var host = FunctionsTestHost.Build(BlobSettings(container));

        Protector(host).Protect("reviewer:42");

        var key = Assert.Single(StoredKeys(container));
        Assert.Single(Named(key, "masterKey"));
        Assert.Empty(Named(key, "encryptedSecret"));
    }

    [Fact]
    public async Task A_second_instance_with_the_same_certificate_unprotects_what_the_first_protected()
    {
        using var certificate = NewCertificate("CN=TalentReview key ring");
        var container = NewContainer();
        await using var first = Host(container, certificate);
        await using var second = Host(container, Reload(certificate));

        var token = Protector(first).Protect("reviewer:42");

        Assert.Equal("reviewer:42", Protector(second).Unprotect(token));
    }

    [Fact]
    public async Task An_instance_with_another_certificate_or_none_cannot_unprotect()
    {
        using var certificate = NewCertificate("CN=TalentReview key ring");
        using var other = NewCertificate("CN=Someone else");
        var container = NewContainer();
        await using var first = Host(container, certificate);
        var token = Protector(first).Protect("reviewer:42");

        await using var withOtherCertificate = Host(container, other);
        await using var withoutCertificate = FunctionsTestHost.Build(BlobSettings(container));

        Assert.ThrowsAny<CryptographicException>(() => Protector(withOtherCertificate).Unprotect(token));
        Assert.ThrowsAny<CryptographicException>(() => Protector(withoutCertificate).Unprotect(token));
    }

    [Fact]
    public async Task After_a_rotation_earlier_tokens_still_open_and_new_keys_are_encrypted_for_the_new_certificate()
    {
        using var before = NewCertificate("CN=TalentReview key ring");
        using var after = NewCertificate("CN=TalentReview key ring");
        var container = NewContainer();
        await using var beforeRotation = Host(container, before);
        var token = Protector(beforeRotation).Protect("reviewer:42");

        // Key Vault now serves a new version; the earlier one stays enabled until its keys have expired.
        await using var afterRotation = Host(container, new KeyRingCertificates(after, [Reload(before)]));
        Assert.Equal("reviewer:42", Protector(afterRotation).Unprotect(token));
        afterRotation.Services.GetRequiredService<IKeyManager>().CreateNewKey(CertificatesIssued, CertificatesIssued.AddDays(90));

        Assert.Equal([before.Thumbprint, after.Thumbprint], StoredKeys(container).SelectMany(EncryptingCertificates));

        // Once the earlier version is disabled, its keys no longer open.
        await using var retired = Host(container, Reload(after));
        Assert.ThrowsAny<CryptographicException>(() => Protector(retired).Unprotect(token));
    }

    [Theory]
    [InlineData("BlobUri", "https://st.blob.core.windows.net/dataprotection/keys.xml", "DataProtection:BlobUri (the key ring in Azure) needs DataProtection:KeyVaultUri and DataProtection:CertificateName")]
    [InlineData("KeyVaultUri", "https://kv.vault.azure.net/", "DataProtection:KeyVaultUri and DataProtection:CertificateName are set together")]
    [InlineData("CertificateName", "dataprotection", "DataProtection:KeyVaultUri and DataProtection:CertificateName are set together")]
    public void Incomplete_settings_stop_the_host_at_startup_naming_what_to_set(string setting, string value, string expected)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([new($"DataProtection:{setting}", value), new("DataProtection:ConnectionString", setting == "BlobUri" ? null : "UseDevelopmentStorage=true")])
            .Build();

        var error = Assert.Throws<OptionsValidationException>(() => new ServiceCollection().AddTalentReviewKeyRing(configuration));

        Assert.Contains(error.Failures, failure => failure.StartsWith(expected, StringComparison.Ordinal));
    }

    private WebApplication Host(string container, X509Certificate2 certificate)
        => Host(container, new KeyRingCertificates(certificate, []));

    private WebApplication Host(string container, KeyRingCertificates certificates)
        => FunctionsTestHost.Build(
            [.. BlobSettings(container), new("DataProtection:KeyVaultUri", "https://kv-test.vault.azure.net/"), new("DataProtection:CertificateName", "dataprotection")],
            new FixedCertificates(certificates));

    private KeyValuePair<string, string?>[] BlobSettings(string container)
        => [new("DataProtection:ConnectionString", azurite.ConnectionString), new("DataProtection:Container", container)];

    private static string NewContainer() => "keys-" + Guid.NewGuid().ToString("N");

    private IReadOnlyCollection<XElement> StoredKeys(string container)
        => new BlobKeyRing(new BlobClient(azurite.ConnectionString, container, "keys.xml")).GetAllElements();

    // The certificates whose public key wrapped the key's secret, as the encrypted XML names them.
    private static IEnumerable<string> EncryptingCertificates(XElement key)
        => Named(key, "X509Certificate")
            .Select(e => X509CertificateLoader.LoadCertificate(Convert.FromBase64String(e.Value)).Thumbprint);

    private static IEnumerable<XElement> Named(XElement key, string localName)
        => key.Descendants().Where(e => e.Name.LocalName == localName);

    private static IDataProtector Protector(WebApplication host)
        => host.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose);

    private static X509Certificate2 NewCertificate(string subject)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest(subject, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var created = request.CreateSelfSigned(CertificatesIssued, CertificatesIssued.AddYears(1));
        return Reload(created);
    }

    // What Key Vault's download gives each instance: its own copy, loaded from PKCS#12 with the private key.
    private static X509Certificate2 Reload(X509Certificate2 certificate)
        => X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), password: null);

    private sealed class FixedCertificates(KeyRingCertificates certificates) : IKeyRingCertificateSource
    {
        public Task<KeyRingCertificates> LoadAsync(CancellationToken cancellationToken) => Task.FromResult(certificates);
    }
}
