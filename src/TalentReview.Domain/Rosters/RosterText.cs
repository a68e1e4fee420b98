using System.Text;

namespace TalentReview.Domain.Rosters;

/// <summary>
/// Turns a roster file's bytes into text the way HR saves it: UTF-8 with or without BOM, UTF-16 with BOM
/// ("Unicode text"), or Windows-1252 (Excel's "CSV" in Belgium and France). Bytes that are neither are
/// refused, never guessed: a wrong guess would email "Jean-Fran?ois".
/// </summary>
public static class RosterText
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static readonly Encoding StrictWindows1252 = CodePagesEncodingProvider.Instance.GetEncoding(
        1252, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback)!;

    /// <summary>The text, or the reason it cannot be read (a problem on line 1, about the whole file).</summary>
    public static (string? Text, RosterProblem? Problem) Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith("PK\u0003\u0004"u8))
        {
            return Refused("This is a spreadsheet workbook, not CSV text: in Excel, choose File > Save As > CSV (comma or semicolon delimited).");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            var utf16 = bytes[0] == 0xFF ? Encoding.Unicode : Encoding.BigEndianUnicode;
            return bytes.Length % 2 == 0 ? Checked(utf16.GetString(bytes[2..])) : Refused("The file is cut short: a UTF-16 file has an even number of bytes.");
        }

        var body = bytes.StartsWith(Encoding.UTF8.Preamble) ? bytes[3..] : bytes;
        try
        {
            return Checked(StrictUtf8.GetString(body));
        }
        catch (DecoderFallbackException) when (!bytes.StartsWith(Encoding.UTF8.Preamble))
        {
            try
            {
                return Checked(StrictWindows1252.GetString(body));
            }
            catch (DecoderFallbackException)
            {
                return Refused("The file is neither UTF-8 nor Windows-1252 text: save it again as CSV UTF-8.");
            }
        }
        catch (DecoderFallbackException exception)
        {
            return Refused($"The file says it is UTF-8 but byte {exception.Index + 3} is not: save it again as CSV UTF-8.");
        }
    }

    /// <summary>Control characters (other than tab and line breaks) mean binary data or a wrong encoding.</summary>
    private static (string?, RosterProblem?) Checked(string text)
    {
        foreach (var c in text)
        {
            if (char.IsControl(c) && c is not ('\t' or '\r' or '\n'))
            {
                return Refused("The file holds characters that are not text (binary data or an unknown encoding): save it again as CSV UTF-8.");
            }
        }

        return (text, null);
    }

    private static (string?, RosterProblem?) Refused(string message)
        => (null, new RosterProblem(1, string.Empty, RosterProblemCode.UnreadableText, message));
}
