using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Security.KeyVault.Certificates;
using TalentReview.Functions.Hosting;

namespace TalentReview.Functions.Tests.Hosting;

/// <summary>
/// The download from Key Vault, through the real CertificateClient, against Key Vault's REST answers
/// (no Key Vault emulator exists): which versions come back, with their private keys.
/// </summary>
public sealed class KeyVaultKeyRingCertificatesTests
{
    private const string Vault = "https://kv-test.vault.azure.net";
    private const string Name = "dataprotection-keys";
    private static readonly DateTimeOffset Issued = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_current_version_encrypts_and_the_other_enabled_versions_only_decrypt()
    {
        using var first = NewCertificate();
        using var disabled = NewCertificate();
        using var current = NewCertificate();
        var vault = new FakeKeyVault(
            current: new("v3", current, Enabled: true),
            new("v1", first, Enabled: true),
            new("v2", disabled, Enabled: false),
            new("v3", current, Enabled: true),
            new("v4-pending", Certificate: null, Enabled: true));

        var loaded = await new KeyVaultKeyRingCertificates(vault.Client(), Name).LoadAsync(TestContext.Current.CancellationToken);

        Assert.Equal(current.Thumbprint, loaded.Current.Thumbprint);
        Assert.Equal([first.Thumbprint], loaded.Previous.Select(c => c.Thumbprint));
        Assert.All(loaded.Decrypting, c => Assert.True(c.HasPrivateKey));
    }

    private static X509Certificate2 NewCertificate()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=TalentReview data protection", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var created = request.CreateSelfSigned(Issued, Issued.AddYears(2));
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12), password: null);
    }

    private sealed record Version(string Id, X509Certificate2? Certificate, bool Enabled);

    /// <summary>Answers the few Key Vault requests a certificate download makes, after its authentication challenge.</summary>
    private sealed class FakeKeyVault(Version current, params Version[] versions) : HttpMessageHandler
    {
        public CertificateClient Client()
        {
            var options = new CertificateClientOptions { Transport = new HttpClientTransport(new HttpClient(this)) };
            return new CertificateClient(new Uri(Vault), new FixedToken(), options);
        }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Headers.Authorization is null)
            {
                var challenge = new HttpResponseMessage(HttpStatusCode.Unauthorized);
                challenge.Headers.TryAddWithoutValidation("WWW-Authenticate", "Bearer authorization=\"https://login.microsoftonline.com/tenant\", resource=\"https://vault.azure.net\"");
                return Task.FromResult(challenge);
            }

            var path = request.RequestUri!.AbsolutePath.TrimEnd('/');
            object? body = path switch
            {
                $"/certificates/{Name}" => Bundle(current),
                $"/certificates/{Name}/versions" => new { value = versions.Select(Properties), nextLink = (string?)null },
                _ when path.StartsWith($"/certificates/{Name}/", StringComparison.Ordinal) => Bundle(Find(path)),
                _ when path.StartsWith($"/secrets/{Name}/", StringComparison.Ordinal) => Secret(Find(path)),
                _ => null,
            };
            var response = new HttpResponseMessage(body is null ? HttpStatusCode.NotFound : HttpStatusCode.OK)
            {
                Content = new StringContent(JsonSerializer.Serialize(body ?? new { error = new { code = "NotFound", message = path } }), Encoding.UTF8, "application/json"),
            };
            return Task.FromResult(response);
        }

        private Version Find(string path) => versions.Single(v => v.Id == path[(path.LastIndexOf('/') + 1)..]);

        private static object Properties(Version version) => new
        {
            id = $"{Vault}/certificates/{Name}/{version.Id}",
            x5t = version.Certificate is null ? null : Base64Url(version.Certificate.GetCertHash()),
            attributes = new { enabled = version.Enabled },
        };

        private static object Bundle(Version version) => new
        {
            id = $"{Vault}/certificates/{Name}/{version.Id}",
            kid = $"{Vault}/keys/{Name}/{version.Id}",
            sid = $"{Vault}/secrets/{Name}/{version.Id}",
            x5t = Base64Url(version.Certificate!.GetCertHash()),
            cer = Convert.ToBase64String(version.Certificate.RawData),
            attributes = new { enabled = version.Enabled },
        };

        private static object Secret(Version version) => new
        {
            id = $"{Vault}/secrets/{Name}/{version.Id}",
            value = Convert.ToBase64String(version.Certificate!.Export(X509ContentType.Pkcs12)),
            contentType = "application/x-pkcs12",
            attributes = new { enabled = version.Enabled },
        };

        private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    private sealed class FixedToken : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) => new("token", DateTimeOffset.MaxValue);

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) => new(GetToken(requestContext, cancellationToken));
    }
}
