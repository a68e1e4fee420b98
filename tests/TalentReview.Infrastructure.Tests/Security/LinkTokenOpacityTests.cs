using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using TalentReview.Infrastructure.Links;
using TalentReview.Infrastructure.Tests.Links;
using TalentReview.Workflow.Links;

namespace TalentReview.Infrastructure.Tests.Security;

/// <summary>A link says nothing about whom, which cycle or which step it is for; old signed links keep working until they expire.</summary>
public sealed class LinkTokenOpacityTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly string Key = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
    private static readonly LinkClaims Claims = new("c20260105review", "E1042", "M0007", LinkStep.ManagerInput, Now.AddDays(14), "team");

    /// <summary>Every way the text could show up in a token: its bytes, its base64 at each alignment, hex.</summary>
    private static IEnumerable<string> ReadableForms(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        yield return text;
        yield return Convert.ToHexString(bytes);
        for (var shift = 0; shift < 3; shift++)
        {
            // Base64 of the text placed at each offset modulo 3, without the characters that depend on its neighbours.
            var padded = Base64Url.EncodeToString([.. new byte[shift], .. bytes]);
            var start = (shift * 4 + 2) / 3;
            var end = padded.Length - 2;
            if (end > start)
            {
                yield return padded[start..end];
            }
        }
    }

    [Theory]
    [InlineData("E1042")]
    [InlineData("M0007")]
    [InlineData("c20260105review")]
    [InlineData("team")]
    public void A_token_does_not_contain_the_claims_in_any_readable_form(string secret)
    {
        var token = SealedLinkSignerTests.Signer(("k1", Key)).CreateToken(Claims);
        var bytes = Encoding.Latin1.GetString(Base64Url.DecodeFromChars(token));

        foreach (var form in ReadableForms(secret))
        {
            Assert.DoesNotContain(form, token, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(form, bytes, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void The_readable_forms_would_find_the_claims_in_an_old_signed_token()
    {
        var legacy = LegacyToken(Claims, "k1", Key);

        Assert.Contains(ReadableForms("E1042"), form => legacy.Contains(form, StringComparison.Ordinal));
    }

    [Fact]
    public void Tokens_for_different_steps_of_the_same_person_share_nothing_but_the_header()
    {
        var signer = SealedLinkSignerTests.Signer(("k1", Key));
        var first = Base64Url.DecodeFromChars(signer.CreateToken(Claims));
        var second = Base64Url.DecodeFromChars(signer.CreateToken(Claims with { Step = LinkStep.SelfAssessment }));

        var header = 2 + "k1".Length;
        Assert.Equal(first[..header], second[..header]);
        Assert.NotEqual(first.AsSpan(header, 12).ToArray(), second.AsSpan(header, 12).ToArray());
        Assert.True(first.Skip(header).Zip(second.Skip(header)).Count(p => p.First == p.Second) < first.Length / 4);
    }

    [Fact]
    public void The_same_claims_give_the_same_link_so_a_repeated_email_carries_the_same_link()
    {
        var signer = SealedLinkSignerTests.Signer(("k1", Key));

        Assert.Equal(signer.CreateToken(Claims), signer.CreateToken(Claims));
    }

    [Fact]
    public void A_sealed_token_expires_at_its_expiry_and_still_says_whose_it_was()
    {
        var signer = SealedLinkSignerTests.Signer(("k1", Key));
        var token = signer.CreateToken(Claims);

        Assert.True(signer.Verify(token, Claims.ExpiresAt.AddSeconds(-1)).IsValid);
        var expired = signer.Verify(token, Claims.ExpiresAt);
        Assert.Equal(LinkRejection.Expired, expired.Rejection);
        Assert.Equal(Claims, expired.Claims);
    }

    [Fact]
    public void An_old_signed_link_keeps_working_until_it_expires()
    {
        var signer = SealedLinkSignerTests.Signer(("k1", Key));
        var legacy = LegacyToken(Claims, "k1", Key);

        var valid = signer.Verify(legacy, Now);
        var expired = signer.Verify(legacy, Claims.ExpiresAt.AddSeconds(1));

        Assert.True(valid.IsValid);
        Assert.Equal(Claims, valid.Claims);
        Assert.Equal(LinkRejection.Expired, expired.Rejection);
    }

    [Fact]
    public void An_old_signed_link_with_changed_claims_is_a_bad_signature()
    {
        var signer = SealedLinkSignerTests.Signer(("k1", Key));
        var bytes = Base64Url.DecodeFromChars(LegacyToken(Claims, "k1", Key));
        var subject = Encoding.UTF8.GetBytes("E1042");
        bytes[bytes.AsSpan().IndexOf(subject) + 4] = (byte)'3';

        Assert.Equal(LinkRejection.BadSignature, signer.Verify(Base64Url.EncodeToString(bytes), Now).Rejection);
    }

    /// <summary>A version 1 token as links were made before they were sealed: header, readable claims, HMAC-SHA256.</summary>
    private static string LegacyToken(LinkClaims claims, string keyId, string key)
    {
        var payload = new List<byte> { 1 };
        void Field(string value)
        {
            var bytes = Encoding.UTF8.GetBytes(value);
            payload.Add((byte)bytes.Length);
            payload.AddRange(bytes);
        }

        Field(keyId);
        Field(claims.CycleId);
        Field(claims.SubjectId);
        Field(claims.RecipientId);
        payload.Add((byte)claims.Step);
        var expiry = new byte[8];
        BinaryPrimitives.WriteInt64BigEndian(expiry, claims.ExpiresAt.ToUnixTimeSeconds());
        payload.AddRange(expiry);
        Field(claims.Nonce);
        var mac = HMACSHA256.HashData(Convert.FromBase64String(key), payload.ToArray());
        return Base64Url.EncodeToString([.. payload, .. mac]);
    }
}
