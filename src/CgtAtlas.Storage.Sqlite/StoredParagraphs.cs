using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using CgtAtlas.Documents;

namespace CgtAtlas.Storage.Sqlite;

/// <summary>
/// The stored form of a document's paragraphs: one JSON array per document, <c>[[n, "language", "text"], …]</c> in
/// reading order, in one row of <c>document_paragraphs</c>. One row per document instead of one per paragraph made
/// the writing thread of ingest shorter (see docs/benchmarks.md); JSON keeps the rows readable from SQL (the
/// <c>paragraphs</c> view unpacks them with <c>json_each</c>).
/// </summary>
internal static class StoredParagraphs
{
    // Han and other non-ASCII text is written as UTF-8, not \u escapes: half the bytes for Chinese, and SQLite's JSON
    // functions read it the same way. Quotes, backslashes and control characters are still escaped.
    private static readonly JsonWriterOptions s_writerOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    /// <summary>UTF-8 JSON of <paramref name="paragraphs"/>, bound as the bytes of a TEXT value.</summary>
    public static byte[] Encode(IReadOnlyList<Paragraph> paragraphs)
    {
        var buffer = new ArrayBufferWriter<byte>(paragraphs.Sum(p => p.Text.Length) * 3 + 16 * paragraphs.Count + 2);
        using (var writer = new Utf8JsonWriter(buffer, s_writerOptions))
        {
            writer.WriteStartArray();
            foreach (var paragraph in paragraphs)
            {
                writer.WriteStartArray();
                writer.WriteNumberValue(paragraph.Number);
                writer.WriteStringValue(paragraph.Language.ToCode());
                writer.WriteStringValue(paragraph.Text);
                writer.WriteEndArray();
            }

            writer.WriteEndArray();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Reads what <see cref="Encode"/> wrote.</summary>
    /// <exception cref="InvalidDataException">The value is not a paragraphs array.</exception>
    public static List<Paragraph> Decode(ReadOnlySpan<byte> json)
    {
        var result = new List<Paragraph>();
        try
        {
            var reader = new Utf8JsonReader(json);
            Expect(ref reader, JsonTokenType.StartArray);
            while (true)
            {
                Read(ref reader);
                if (reader.TokenType == JsonTokenType.EndArray)
                {
                    break;
                }

                Is(ref reader, JsonTokenType.StartArray);
                Expect(ref reader, JsonTokenType.Number);
                var number = reader.GetInt32();
                Expect(ref reader, JsonTokenType.String);
                var language = SqliteLibraryStore.ParseLanguage(reader.GetString()!);
                Expect(ref reader, JsonTokenType.String);
                var text = reader.GetString()!;
                Expect(ref reader, JsonTokenType.EndArray);
                result.Add(new Paragraph(number, text, language));
            }

            if (reader.Read())
            {
                throw new InvalidDataException("stored paragraphs: data after the array");
            }
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException)
        {
            throw new InvalidDataException("stored paragraphs: " + ex.Message, ex);
        }

        return result;
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type)
    {
        Read(ref reader);
        Is(ref reader, type);
    }

    private static void Read(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            throw new InvalidDataException("stored paragraphs: value ends early");
        }
    }

    private static void Is(ref Utf8JsonReader reader, JsonTokenType type)
    {
        if (reader.TokenType != type)
        {
            throw new InvalidDataException($"stored paragraphs: expected {type}, found {reader.TokenType}");
        }
    }
}
