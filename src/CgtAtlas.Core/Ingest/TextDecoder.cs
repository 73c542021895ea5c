using System.Text;
using UtfUnknown;

namespace CgtAtlas.Ingest;

/// <summary>
/// Decodes text files in the encodings Chinese and English sources use: a BOM wins; then strict UTF-8; then a
/// declared charset (HTML meta); then statistical detection (UTF.Unknown). GBK and GB2312 are decoded as GB18030,
/// their superset, so no character is lost to a narrower table. Binary data and undecodable bytes are refused with
/// a message rather than stored as mojibake.
/// </summary>
public static class TextDecoder
{
    static TextDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static readonly UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Decodes <paramref name="bytes"/>.</summary>
    /// <param name="bytes">The file content.</param>
    /// <param name="declaredCharset">A charset the container declares (HTML meta, XML prolog), or null.</param>
    /// <exception cref="UnreadableDocumentException">Binary data, or bytes invalid in every plausible encoding.</exception>
    public static DecodedText Decode(ReadOnlySpan<byte> bytes, string? declaredCharset = null)
    {
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
        {
            return new DecodedText(DecodeUtf8Strict(bytes[3..]), "utf-8");
        }

        if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
        {
            return new DecodedText(DecodeStrict(new UnicodeEncoding(false, false, true), bytes[2..], "UTF-16LE"), "utf-16le");
        }

        if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
        {
            return new DecodedText(DecodeStrict(new UnicodeEncoding(true, false, true), bytes[2..], "UTF-16BE"), "utf-16be");
        }

        var nulIndex = bytes.IndexOf((byte)0);
        if (nulIndex >= 0)
        {
            // UTF-16 without a BOM shows NULs in every other byte of ASCII text; anything else with NULs is binary.
            if (LooksLikeUtf16(bytes, out var bigEndian))
            {
                var utf16 = new UnicodeEncoding(bigEndian, false, true);
                return new DecodedText(DecodeStrict(utf16, bytes, "UTF-16"), bigEndian ? "utf-16be" : "utf-16le");
            }

            throw new UnreadableDocumentException($"looks like binary data, not text (NUL byte at offset {nulIndex})");
        }

        if (IsValidUtf8(bytes))
        {
            return new DecodedText(s_strictUtf8.GetString(bytes), "utf-8");
        }

        var candidates = new List<string>();
        if (Normalise(declaredCharset) is { } declared)
        {
            candidates.Add(declared);
        }

        var detected = CharsetDetector.DetectFromBytes(bytes.ToArray()).Detected;
        if (detected?.EncodingName is { } detectedName && Normalise(detectedName) is { } normalised && normalised != "utf-8")
        {
            candidates.Add(normalised);
        }

        // Chinese sources without a declaration are usually GB18030-compatible; try it before giving up.
        candidates.Add("gb18030");
        candidates.Add("big5");

        foreach (var name in candidates.Distinct(StringComparer.Ordinal))
        {
            Encoding encoding;
            try
            {
                encoding = Encoding.GetEncoding(name, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
            }
            catch (ArgumentException)
            {
                continue;
            }

            try
            {
                var text = encoding.GetString(bytes);
                if (!LooksLikeBinary(text))
                {
                    return new DecodedText(text, encoding.WebName);
                }
            }
            catch (DecoderFallbackException)
            {
                // Not this encoding: try the next candidate.
            }
        }

        var firstBad = FirstInvalidUtf8Offset(bytes);
        throw new UnreadableDocumentException(
            $"invalid byte sequences: not valid UTF-8 (first bad byte at offset {firstBad}) nor GB18030/Big5" +
            (declaredCharset is null ? string.Empty : $" nor the declared charset '{declaredCharset}'") +
            "; convert the file to UTF-8 and ingest it again");
    }

    /// <summary>Maps charset labels to .NET encoding names (GBK/GB2312 → GB18030; unknown → null).</summary>
    public static string? Normalise(string? charset)
    {
        if (string.IsNullOrWhiteSpace(charset))
        {
            return null;
        }

        var name = charset.Trim().Trim('"', '\'').ToLowerInvariant();
        return name switch
        {
            "utf8" or "utf-8" => "utf-8",
            "gbk" or "gb2312" or "gb-2312" or "gb18030" or "cp936" or "x-gbk" or "euc-cn" or "hz-gb-2312" => "gb18030",
            "big5" or "big5-hkscs" or "cp950" => "big5",
            "utf-16" or "utf-16le" => "utf-16",
            "utf-16be" => "utf-16BE",
            "ascii" or "us-ascii" => "utf-8",
            _ => name,
        };
    }

    private static string DecodeUtf8Strict(ReadOnlySpan<byte> bytes)
    {
        try
        {
            return s_strictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new UnreadableDocumentException(
                $"invalid byte sequences: has a UTF-8 byte-order mark but invalid UTF-8 at offset {FirstInvalidUtf8Offset(bytes) + 3}");
        }
    }

    private static string DecodeStrict(Encoding encoding, ReadOnlySpan<byte> bytes, string label)
    {
        try
        {
            return encoding.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new UnreadableDocumentException($"invalid byte sequences for {label}");
        }
    }

    private static bool IsValidUtf8(ReadOnlySpan<byte> bytes) => System.Text.Unicode.Utf8.IsValid(bytes);

    private static int FirstInvalidUtf8Offset(ReadOnlySpan<byte> bytes)
    {
        var status = System.Text.Unicode.Utf8.ToUtf16(bytes, new char[bytes.Length + 1], out var read, out _, replaceInvalidSequences: false);
        return status == System.Buffers.OperationStatus.Done ? -1 : read;
    }

    private static bool LooksLikeUtf16(ReadOnlySpan<byte> bytes, out bool bigEndian)
    {
        var sample = bytes[..Math.Min(bytes.Length, 4096)];
        int evenNul = 0, oddNul = 0;
        for (var i = 0; i < sample.Length; i++)
        {
            if (sample[i] == 0)
            {
                if (i % 2 == 0)
                {
                    evenNul++;
                }
                else
                {
                    oddNul++;
                }
            }
        }

        var pairs = sample.Length / 2;
        bigEndian = evenNul > oddNul;
        // UTF-16 text has NULs almost only on one side; random binary has them on both.
        return sample.Length % 2 == 0 && pairs > 0 && Math.Max(evenNul, oddNul) > pairs / 4 && Math.Min(evenNul, oddNul) == 0;
    }

    /// <summary>True when decoded text is mostly control characters (binary decoded as a single-byte code page).</summary>
    private static bool LooksLikeBinary(string text)
    {
        var control = 0;
        foreach (var c in text)
        {
            if (char.IsControl(c) && c is not ('\n' or '\r' or '\t' or '\f'))
            {
                control++;
            }
        }

        return text.Length > 0 && control > text.Length / 50;
    }

    /// <summary>Checks decoded text for signs of binary content that slipped through (e.g. random bytes valid as GB18030).</summary>
    /// <exception cref="UnreadableDocumentException">The text is mostly unprintable.</exception>
    public static void EnsurePrintable(string text)
    {
        if (LooksLikeBinary(text))
        {
            throw new UnreadableDocumentException("looks like binary data, not text (too many control characters)");
        }
    }
}
