using System.Globalization;
using System.Text;
using System.Text.Json;
using CgtAtlas.Documents;
using CgtAtlas.Facts;

namespace CgtAtlas.Core.Tests.Facts;

/// <summary>An expected fact from a labelled document (omitted keys are null).</summary>
internal sealed record ExpectedFact(int Paragraph, string Kind, double? Value, string? Unit, string? Qualifier, string? Modality,
    string? Region, string? Agency, string? Product, string? Company, string? Date);

/// <summary>One labelled document: its paragraphs (normalised as ingest does), publication date and expected facts.</summary>
internal sealed record LabelledDocument(string Name, IReadOnlyList<Paragraph> Paragraphs, DateOnly? Published, IReadOnlyList<ExpectedFact> Facts);

/// <summary>Loads the labelled documents from the repository (never copied to the output folder).</summary>
internal static class LabelledFacts
{
    public static string DataRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CgtAtlas.slnx")))
        {
            dir = dir.Parent;
        }

        return dir is null
            ? throw new InvalidOperationException("CgtAtlas.slnx not found above " + AppContext.BaseDirectory)
            : Path.Combine(dir.FullName, "tests", "data", "facts");
    }

    public static IReadOnlyList<LabelledDocument> Load(string folder) =>
        Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal).Select(Parse).ToList();

    private static LabelledDocument Parse(string path)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        var root = json.RootElement;
        var paragraphs = root.GetProperty("paragraphs").EnumerateArray()
            .Select((p, i) => Normalise(p.GetString() ?? string.Empty, i + 1)).ToList();
        DateOnly? published = root.TryGetProperty("published", out var pub) && pub.GetString() is { } s
            ? DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture)
            : null;
        var facts = root.GetProperty("facts").EnumerateArray().Select(f => new ExpectedFact(
            f.GetProperty("paragraph").GetInt32(),
            f.GetProperty("kind").GetString()!,
            f.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null,
            Str(f, "unit"), Str(f, "qualifier"), Str(f, "modality"), Str(f, "region"), Str(f, "agency"), Str(f, "product"),
            Str(f, "company"), Str(f, "date"))).ToList();
        return new LabelledDocument(Path.GetFileName(path), paragraphs, published, facts);
    }

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    /// <summary>Paragraphs 1, 2, … of a document written in a test, normalised as ingest does.</summary>
    public static IReadOnlyList<Paragraph> Paragraphs(IEnumerable<string> texts) => texts.Select((p, i) => Normalise(p, i + 1)).ToList();

    /// <summary>NFKC and collapsed whitespace, as the document readers produce; language by script share.</summary>
    public static Paragraph Normalise(string raw, int number)
    {
        var text = string.Join(' ', raw.Normalize(NormalizationForm.FormKC).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        var han = text.Count(c => c is >= '\u4e00' and <= '\u9fff');
        var latin = text.Count(char.IsAsciiLetter);
        var language = han + latin == 0 ? Language.Unknown
            : han > 3 * latin ? Language.Zh
            : latin > 6 * han ? Language.En
            : Language.Mixed;
        return new Paragraph(number, text, language);
    }
}
