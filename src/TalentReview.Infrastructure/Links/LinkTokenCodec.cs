using System.Buffers.Binary;
using System.Text;
using TalentReview.Workflow.Links;

namespace TalentReview.Infrastructure.Links;

/// <summary>
/// A token's layout. A header (format version, key id as length-prefixed UTF-8) and the claims in a
/// compact binary layout: cycle, subject, recipient (each length-prefixed UTF-8), step, expiry (Unix
/// seconds) and nonce. Binary rather than JSON keeps links short enough for mail clients that wrap
/// long lines. Version 2 seals the claims (<see cref="SealedLinkSigner"/>); version 1, still read
/// until its links expire, carried them readable after the header.
/// </summary>
internal static class LinkTokenCodec
{
    public const byte SignedVersion = 1;

    public const byte SealedVersion = 2;

    public const int MaxFieldBytes = byte.MaxValue;

    public static byte[] Header(byte version, string keyId)
    {
        using var buffer = new MemoryStream(16);
        buffer.WriteByte(version);
        WriteField(buffer, keyId, nameof(keyId));
        return buffer.ToArray();
    }

    /// <summary>Reads a header from untrusted input; <paramref name="length"/> is where what follows it starts.</summary>
    public static bool TryReadHeader(ReadOnlySpan<byte> token, out byte version, out string keyId, out int length)
    {
        var reader = new Reader(token);
        keyId = "";
        var read = reader.TryByte(out version) && reader.TryField(out keyId);
        length = token.Length - reader.Remaining;
        return read;
    }

    public static byte[] EncodeClaims(LinkClaims claims)
    {
        using var buffer = new MemoryStream(64);
        WriteField(buffer, claims.CycleId, nameof(claims.CycleId));
        WriteField(buffer, claims.SubjectId, nameof(claims.SubjectId));
        WriteField(buffer, claims.RecipientId, nameof(claims.RecipientId));
        buffer.WriteByte(checked((byte)claims.Step));
        Span<byte> expiry = stackalloc byte[sizeof(long)];
        BinaryPrimitives.WriteInt64BigEndian(expiry, claims.ExpiresAt.ToUnixTimeSeconds());
        buffer.Write(expiry);
        WriteField(buffer, claims.Nonce, nameof(claims.Nonce));
        return buffer.ToArray();
    }

    /// <summary>Reads claims from untrusted input: every length is checked, nothing throws.</summary>
    public static bool TryDecodeClaims(ReadOnlySpan<byte> encoded, out LinkClaims? claims)
    {
        claims = null;
        var reader = new Reader(encoded);
        if (!reader.TryField(out var cycleId)
            || !reader.TryField(out var subjectId)
            || !reader.TryField(out var recipientId)
            || !reader.TryByte(out var step) || !Enum.IsDefined((LinkStep)step)
            || !reader.TryInt64(out var expiresAt) || expiresAt < 0 || expiresAt > DateTimeOffset.MaxValue.ToUnixTimeSeconds()
            || !reader.TryField(out var nonce)
            || !reader.AtEnd)
        {
            return false;
        }

        claims = new LinkClaims(cycleId, subjectId, recipientId, (LinkStep)step, DateTimeOffset.FromUnixTimeSeconds(expiresAt), nonce);
        return true;
    }

    private static void WriteField(MemoryStream buffer, string value, string field)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        if (bytes.Length > MaxFieldBytes)
        {
            throw new ArgumentException($"A link's {field} is at most {MaxFieldBytes} bytes.", field);
        }

        buffer.WriteByte((byte)bytes.Length);
        buffer.Write(bytes);
    }

    private ref struct Reader(ReadOnlySpan<byte> data)
    {
        private ReadOnlySpan<byte> _rest = data;

        public readonly bool AtEnd => _rest.IsEmpty;

        public readonly int Remaining => _rest.Length;

        public bool TryByte(out byte value)
        {
            value = 0;
            if (_rest.IsEmpty)
            {
                return false;
            }

            value = _rest[0];
            _rest = _rest[1..];
            return true;
        }

        public bool TryInt64(out long value)
        {
            value = 0;
            if (_rest.Length < sizeof(long))
            {
                return false;
            }

            value = BinaryPrimitives.ReadInt64BigEndian(_rest);
            _rest = _rest[sizeof(long)..];
            return true;
        }

        public bool TryField(out string value)
        {
            value = "";
            if (!TryByte(out var length) || _rest.Length < length)
            {
                return false;
            }

            try
            {
                value = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(_rest[..length]);
            }
            catch (DecoderFallbackException)
            {
                return false;
            }

            _rest = _rest[length..];
            return true;
        }
    }
}
