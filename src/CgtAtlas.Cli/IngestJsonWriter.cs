using System.Text;
using System.Text.Json;
using CgtAtlas.Documents;
using CgtAtlas.Ingest;

namespace CgtAtlas.Cli;

/// <summary>
/// Writes the <c>cgt ingest --json</c> report while the run goes on: each stored document is written as it is stored,
/// so a run over a million files holds no per-document list. The document shape is the same as a one-shot report.
/// </summary>
internal sealed class IngestJsonWriter : IDisposable
{
    private readonly TextWriter _output;
    private readonly MemoryStream _buffer = new();
    private readonly Utf8JsonWriter _json;

    public IngestJsonWriter(TextWriter output)
    {
        _output = output;
        _json = new Utf8JsonWriter(_buffer, new JsonWriterOptions { Indented = true, Encoder = JsonOutput.Options.Encoder });
        _json.WriteStartObject();
        _json.WriteStartArray("documents");
    }

    public void Document(IngestedDocument d)
    {
        JsonSerializer.Serialize(_json, new
        {
            id = d.Id,
            path = d.Path,
            title = d.Title,
            language = d.Language.ToCode(),
            paragraphs = d.Paragraphs,
            nearDuplicateOf = d.NearDuplicateOf,
        }, JsonOutput.Options);
        Drain();
    }

    public void Finish(IngestReport report)
    {
        _json.WriteEndArray();
        _json.WritePropertyName("duplicates");
        JsonSerializer.Serialize(_json, report.Duplicates.Select(d => new { path = d.Path, duplicateOf = d.DuplicateOf }), JsonOutput.Options);
        _json.WritePropertyName("failed");
        JsonSerializer.Serialize(_json, report.Failed.Select(f => new { path = f.Path, error = f.Error }), JsonOutput.Options);
        _json.WriteBoolean("cancelled", report.Cancelled);
        _json.WriteEndObject();
        Drain();
        _output.WriteLine();
    }

    public void Dispose()
    {
        _json.Dispose();
        _buffer.Dispose();
    }

    private void Drain()
    {
        _json.Flush();
        _output.Write(Encoding.UTF8.GetString(_buffer.GetBuffer(), 0, (int)_buffer.Length));
        _buffer.SetLength(0);
    }
}
