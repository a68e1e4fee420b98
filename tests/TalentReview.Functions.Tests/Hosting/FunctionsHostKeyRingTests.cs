using Azure.Storage.Blobs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TalentReview.Functions.Hosting;

namespace TalentReview.Functions.Tests.Hosting;

/// <summary>The Functions host's registrations put the key ring where configuration says.</summary>
public sealed class FunctionsHostKeyRingTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string Purpose = "TalentReview.Tests.SignIn";

    [Fact]
    public async Task With_a_connection_string_hosts_share_their_keys_through_the_blob()
    {
        var container = "keys-" + Guid.NewGuid().ToString("N");
        KeyValuePair<string, string?>[] settings =
        [
            new("DataProtection:ConnectionString", azurite.ConnectionString),
            new("DataProtection:Container", container),
        ];
        await using var first = FunctionsTestHost.Build(settings);
        await using var second = FunctionsTestHost.Build(settings);

        var token = Protector(first).Protect("reviewer:42");

        Assert.Equal("reviewer:42", Protector(second).Unprotect(token));
        var blob = new BlobClient(azurite.ConnectionString, container, "keys.xml");
        var storedKeyIds = new BlobKeyRing(blob).GetAllElements().Select(k => Guid.Parse((string)k.Attribute("id")!));
        var usedKeyIds = first.Services.GetRequiredService<IKeyManager>().GetAllKeys().Select(k => k.KeyId);
        Assert.Equal(usedKeyIds.Order(), storedKeyIds.Order());
    }

    [Fact]
    public async Task Without_a_key_ring_setting_the_host_starts_and_protects_for_its_own_lifetime()
    {
        await using var host = FunctionsTestHost.Build();

        Assert.IsNotType<BlobKeyRing>(host.Services.GetRequiredService<IOptions<KeyManagementOptions>>().Value.XmlRepository);
        var protector = Protector(host);
        Assert.Equal("reviewer:42", protector.Unprotect(protector.Protect("reviewer:42")));
    }

    private static IDataProtector Protector(WebApplication host)
        => host.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose);
}
