using System.Security.Cryptography;
using System.Xml.Linq;
using Azure.Storage.Blobs;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;
using TalentReview.Functions.Hosting;

namespace TalentReview.Functions.Tests.Hosting;

/// <summary>The key ring in one blob, against Azurite: what every instance and every restart must find there.</summary>
public sealed class BlobKeyRingTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string Purpose = "TalentReview.Tests.SignIn";

    [Fact]
    public void A_ring_whose_blob_does_not_exist_yet_is_empty()
    {
        var ring = new BlobKeyRing(azurite.NewBlob());

        Assert.Empty(ring.GetAllElements());
    }

    [Fact]
    public void Keys_stored_by_one_instance_are_read_back_whole_by_a_new_instance()
    {
        var blob = azurite.NewBlob();
        var first = new BlobKeyRing(blob);
        first.StoreElement(Key("key-1", "secret one"), "key-1");
        first.StoreElement(Key("key-2", "secret two"), "key-2");

        // A restart, or another instance of the app: a new client on the same blob.
        var restarted = new BlobKeyRing(Reopen(blob));
        var keys = restarted.GetAllElements();

        Assert.Equal(["key-1", "key-2"], keys.Select(k => (string?)k.Attribute("id")));
        Assert.Equal(["secret one", "secret two"], keys.Select(k => k.Element("secret")?.Value));
    }

    [Fact]
    public async Task Two_instances_storing_keys_at_once_lose_none()
    {
        var blob = azurite.NewBlob();
        var rings = new[] { new BlobKeyRing(blob), new BlobKeyRing(Reopen(blob)) };

        using var start = new ManualResetEventSlim();
        var writers = rings
            .SelectMany((ring, r) => Enumerable.Range(0, 10).Select(i => Task.Run(() =>
            {
                start.Wait(TestContext.Current.CancellationToken);
                ring.StoreElement(Key($"ring{r}-key{i}", $"secret {r}.{i}"), $"key {i}");
            })))
            .ToList();
        start.Set();
        await Task.WhenAll(writers);

        var stored = new BlobKeyRing(Reopen(blob)).GetAllElements().Select(k => (string?)k.Attribute("id")).Order().ToList();
        var expected = Enumerable.Range(0, 2).SelectMany(r => Enumerable.Range(0, 10).Select(i => (string?)$"ring{r}-key{i}")).Order().ToList();
        Assert.Equal(expected, stored);
    }

    [Fact]
    public void What_one_instance_protects_another_instance_unprotects()
    {
        var blob = azurite.NewBlob();
        using var first = DataProtectionLikeTheFunctionsHost(blob);
        using var second = DataProtectionLikeTheFunctionsHost(Reopen(blob));

        var token = first.GetDataProtector(Purpose).Protect("reviewer:42");

        Assert.Equal("reviewer:42", second.GetDataProtector(Purpose).Unprotect(token));
        Assert.Single(new BlobKeyRing(Reopen(blob)).GetAllElements(), k => k.Name.LocalName == "key");
    }

    [Fact]
    public async Task Instances_that_start_together_each_unprotect_what_the_other_protects()
    {
        var blob = azurite.NewBlob();
        using var first = DataProtectionLikeTheFunctionsHost(blob);
        using var second = DataProtectionLikeTheFunctionsHost(Reopen(blob));

        // Both find an empty ring and may each create a key; both keys must land in the blob.
        var tokens = await Task.WhenAll(
            Task.Run(() => first.GetDataProtector(Purpose).Protect("from the first")),
            Task.Run(() => second.GetDataProtector(Purpose).Protect("from the second")));

        Assert.Equal("from the first", second.GetDataProtector(Purpose).Unprotect(tokens[0]));
        Assert.Equal("from the second", first.GetDataProtector(Purpose).Unprotect(tokens[1]));
    }

    [Fact]
    public void An_instance_on_another_key_ring_cannot_unprotect()
    {
        using var first = DataProtectionLikeTheFunctionsHost(azurite.NewBlob());
        using var elsewhere = DataProtectionLikeTheFunctionsHost(azurite.NewBlob());

        var token = first.GetDataProtector(Purpose).Protect("reviewer:42");

        Assert.ThrowsAny<CryptographicException>(() => elsewhere.GetDataProtector(Purpose).Unprotect(token));
    }

    // What the Functions host has: the web layer's application name, the ring in the blob.
    private static ServiceProvider DataProtectionLikeTheFunctionsHost(BlobClient blob)
    {
        var services = new ServiceCollection();
        services.AddDataProtection().SetApplicationName("TalentReview");
        services.Configure<KeyManagementOptions>(keys => keys.XmlRepository = new BlobKeyRing(blob));
        return services.BuildServiceProvider();
    }

    private BlobClient Reopen(BlobClient blob) => new(azurite.ConnectionString, blob.BlobContainerName, blob.Name);

    private static XElement Key(string id, string secret) => new("key", new XAttribute("id", id), new XElement("secret", secret));
}
