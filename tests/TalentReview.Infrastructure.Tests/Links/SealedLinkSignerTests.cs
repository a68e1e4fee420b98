using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TalentReview.Infrastructure.Links;
using TalentReview.Workflow.Links;

namespace TalentReview.Infrastructure.Tests.Links;

public sealed class SealedLinkSignerTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly string KeyA = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private static readonly string KeyB = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));

    private static readonly LinkClaims Claims = new("cycle-2026", "E1042", "M0007", LinkStep.ManagerInput, Now.AddDays(14), "n1");

    [Fact]
    public void Verify_TokenJustCreated_ReturnsTheSameClaims()
    {
        var signer = Signer(("a", KeyA));

        var verification = signer.Verify(signer.CreateToken(Claims), Now);

        Assert.True(verification.IsValid);
        Assert.Equal(Claims, verification.Claims);
    }

    [Fact]
    public void CreateLink_PointsAtThePublicBaseUrlAndCarriesNoPersonalData()
    {
        var signer = Signer(("a", KeyA), baseUrl: "https://review.example.be/app/");
        var claims = Claims with { SubjectId = "E1042", RecipientId = "M0007" };

        var link = signer.CreateLink(claims);

        Assert.StartsWith("https://review.example.be/app/l/", link.AbsoluteUri, StringComparison.Ordinal);
        var token = SealedLinkSigner.TokenFromLink(link)!;
        Assert.True(Base64Url.IsValid(token));
        Assert.DoesNotContain("@", Uri.UnescapeDataString(link.AbsoluteUri), StringComparison.Ordinal);
        Assert.True(signer.Verify(token, Now).IsValid);
    }

    [Fact]
    public void Verify_OneFlippedCharacter_IsRejected()
    {
        var signer = Signer(("a", KeyA));
        var token = signer.CreateToken(Claims);

        foreach (var position in new[] { 5, token.Length / 2, token.Length - 3 })
        {
            var chars = token.ToCharArray();
            chars[position] = chars[position] == 'A' ? 'B' : 'A';

            var verification = signer.Verify(new string(chars), Now);

            Assert.False(verification.IsValid);
            Assert.Contains(verification.Rejection, new[] { LinkRejection.BadSignature, LinkRejection.Malformed, LinkRejection.UnknownKey });
        }
    }

    [Fact]
    public void Verify_ACiphertextOrTagByteChanged_IsABadSignature()
    {
        var signer = Signer(("a", KeyA));
        var bytes = Base64Url.DecodeFromChars(signer.CreateToken(Claims));
        var header = 2 + "a".Length;

        foreach (var position in Enumerable.Range(header, bytes.Length - header))
        {
            var forged = (byte[])bytes.Clone();
            forged[position] ^= 0x01;

            Assert.Equal(LinkRejection.BadSignature, signer.Verify(Base64Url.EncodeToString(forged), Now).Rejection);
        }
    }

    [Fact]
    public void Verify_AKeyIdSwappedInTheHeader_IsRefused()
    {
        var signer = Signer(("a", KeyA), ("b", KeyA));
        var bytes = Base64Url.DecodeFromChars(signer.CreateToken(Claims));
        bytes[2] = (byte)'b';

        Assert.Equal(LinkRejection.BadSignature, signer.Verify(Base64Url.EncodeToString(bytes), Now).Rejection);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a token!")]
    [InlineData("AAAA")]
    [InlineData("AQFhBWN5Y2xl")]
    public void Verify_Garbage_IsMalformed(string token)
    {
        Assert.Equal(LinkRejection.Malformed, Signer(("a", KeyA)).Verify(token, Now).Rejection);
    }

    [Fact]
    public void Verify_AfterExpiry_IsExpiredButStillSaysWhoseLinkItWas()
    {
        var signer = Signer(("a", KeyA));

        var verification = signer.Verify(signer.CreateToken(Claims), Claims.ExpiresAt.AddSeconds(1));

        Assert.Equal(LinkRejection.Expired, verification.Rejection);
        Assert.Equal("M0007", verification.Claims?.RecipientId);
    }

    [Fact]
    public void Verify_SignedWithAKeyThisSignerDoesNotHave_IsUnknownKey()
    {
        var other = Signer(("old", KeyB));

        Assert.Equal(LinkRejection.UnknownKey, Signer(("a", KeyA)).Verify(other.CreateToken(Claims), Now).Rejection);
    }

    [Fact]
    public void Verify_SameKeyIdButDifferentSecret_IsABadSignature()
    {
        var impostor = Signer(("a", KeyB));

        Assert.Equal(LinkRejection.BadSignature, Signer(("a", KeyA)).Verify(impostor.CreateToken(Claims), Now).Rejection);
    }

    [Fact]
    public void Verify_AfterRotation_OldLinksStillVerifyAndNewLinksUseTheNewKey()
    {
        var beforeRotation = Signer(("2025", KeyA));
        var afterRotation = Signer(("2026", KeyB), ("2025", KeyA));
        var oldToken = beforeRotation.CreateToken(Claims);
        var newToken = afterRotation.CreateToken(Claims);

        Assert.True(afterRotation.Verify(oldToken, Now).IsValid);
        Assert.True(afterRotation.Verify(newToken, Now).IsValid);
        Assert.Equal(LinkRejection.UnknownKey, beforeRotation.Verify(newToken, Now).Rejection);
    }

    [Fact]
    public void CreateToken_IdLongerThanAFieldAllows_Throws()
    {
        Assert.Throws<ArgumentException>(() => Signer(("a", KeyA)).CreateToken(Claims with { SubjectId = new string('x', 300) }));
    }

    [Fact]
    public void AddTalentReviewLinks_KeyTooShort_FailsValidation()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Links:PublicBaseUrl"] = "https://review.example.be",
            ["Links:CurrentKeyId"] = "a",
            ["Links:Keys:a"] = Convert.ToBase64String(new byte[16]),
        }).Build();
        using var provider = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddTalentReviewLinks().BuildServiceProvider();

        var failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<ILinkSigner>());

        Assert.Contains("at least 32 bytes", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddTalentReviewLinks_ValidConfiguration_SignsWithTheCurrentKey()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Links:PublicBaseUrl"] = "https://review.example.be",
            ["Links:CurrentKeyId"] = "k2",
            ["Links:Keys:k1"] = KeyA,
            ["Links:Keys:k2"] = KeyB,
        }).Build();
        using var provider = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddTalentReviewLinks().BuildServiceProvider();

        var token = provider.GetRequiredService<ILinkSigner>().CreateToken(Claims);

        Assert.True(Signer(("k2", KeyB)).Verify(token, Now).IsValid);
    }

    internal static SealedLinkSigner Signer((string Id, string Secret) current, params (string Id, string Secret)[] older)
        => Signer(current, "https://review.example.be", older);

    internal static SealedLinkSigner Signer((string Id, string Secret) current, string baseUrl, params (string Id, string Secret)[] older)
    {
        var options = new LinkSigningOptions { PublicBaseUrl = new Uri(baseUrl), CurrentKeyId = current.Id };
        options.Keys[current.Id] = current.Secret;
        foreach (var (id, secret) in older)
        {
            options.Keys[id] = secret;
        }

        return new SealedLinkSigner(Options.Create(options));
    }
}
