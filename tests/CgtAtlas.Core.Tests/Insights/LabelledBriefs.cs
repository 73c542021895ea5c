using System.Globalization;
using System.Text;
using System.Text.Json;
using CgtAtlas.Documents;

namespace CgtAtlas.Core.Tests.Insights;

/// <summary>One labelled document of <c>tests/data/briefs</c>: paragraphs and the expected section of its key sentences.</summary>
internal sealed record LabelledBrief(
    string Name,
    string Title,
    DateOnly? Published,
    IReadOnlyList<Paragraph> Paragraphs,
    bool TooLittle,
    IReadOnlyList<(string Text, string Section)> Sentences);

internal static class LabelledBriefs
{
    public static string DataRoot() => Path.Combine(TestPaths.TestData, "briefs");

    /// <summary>Loads every labelled document; text is NFKC-normalised as ingest stores it.</summary>
    public static IReadOnlyList<LabelledBrief> Load(string? subfolder = null)
    {
        var result = new List<LabelledBrief>();
        var folder = subfolder is null ? DataRoot() : Path.Combine(DataRoot(), subfolder);
        foreach (var file in Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            using var json = JsonDocument.Parse(File.ReadAllText(file));
            var root = json.RootElement;
            var number = 0;
            var paragraphs = root.GetProperty("paragraphs").EnumerateArray()
                .Select(p => Nfkc(p.GetString()!))
                .Select(t => new Paragraph(++number, t, t.Any(c => c is >= '\u4e00' and <= '\u9fff') ? Language.Zh : Language.En))
                .ToList();
            var sentences = root.GetProperty("sentences").EnumerateArray()
                .Select(s => (Nfkc(s.GetProperty("text").GetString()!), s.GetProperty("section").GetString()!))
                .ToList();
            result.Add(new LabelledBrief(
                Path.GetFileNameWithoutExtension(file),
                Nfkc(root.GetProperty("title").GetString()!),
                root.TryGetProperty("published", out var p) ? DateOnly.Parse(p.GetString()!, CultureInfo.InvariantCulture) : null,
                paragraphs,
                root.TryGetProperty("tooLittle", out var t) && t.GetBoolean(),
                sentences));
        }

        return result;
    }

    private static string Nfkc(string text) => text.Normalize(NormalizationForm.FormKC);
}
