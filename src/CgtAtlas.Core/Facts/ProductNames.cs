using CgtAtlas.Knowledge;
using CgtAtlas.Text;

namespace CgtAtlas.Facts;

/// <summary>A product name found in a text: where it is written and the product it names.</summary>
internal readonly record struct ProductMention(int Start, int End, string Surface, string ProductKey);

/// <summary>
/// The product names of the curated knowledge base (generic and brand names in both languages and the curated
/// aliases), each keyed to its product. Brand names such as 源瑞达 or Kymriah follow no naming pattern the extractor
/// could guess, so a price sentence that names only them would otherwise leave its product empty. Immutable.
/// </summary>
internal sealed class ProductNames
{
    private static readonly Lazy<ProductNames> s_shipped = new(() =>
        Load(Path.Combine(TextServices.DefaultDataDirectory, "knowledge")));

    // By first letter (case-folded), longest first, so "阿基仑赛注射液" wins over a shorter alias inside it: one pass over
    // the text looks up only the names that can start at each character.
    private readonly Dictionary<char, (string Name, string Key)[]> _byFirst;

    private ProductNames((string Name, string Key)[] names) =>
        _byFirst = names.GroupBy(n => char.ToLowerInvariant(n.Name[0]))
            .ToDictionary(g => g.Key, g => g.OrderByDescending(n => n.Name.Length).ThenBy(n => n.Name, StringComparer.Ordinal).ToArray());

    /// <summary>The names of the knowledge base shipped with the program; empty when its folder is missing.</summary>
    public static ProductNames Shipped => s_shipped.Value;

    /// <summary>Names from <c>products.csv</c> and the product rows of <c>aliases.csv</c> in <paramref name="directory"/>.</summary>
    public static ProductNames Load(string directory)
    {
        var names = new List<(string, string)>();
        var products = Path.Combine(directory, "products.csv");
        if (File.Exists(products))
        {
            var table = CsvTable.Read(products);
            foreach (var row in table.Rows)
            {
                if (table.Get(row, "product_key") is not { } key)
                {
                    continue;
                }

                foreach (var column in new[] { "generic_name_zh", "generic_name_en", "brand_zh", "brand_en" })
                {
                    if (table.Get(row, column) is { } name)
                    {
                        names.Add((name, key));
                    }
                }
            }
        }

        var aliases = Path.Combine(directory, "aliases.csv");
        if (File.Exists(aliases))
        {
            var table = CsvTable.Read(aliases);
            foreach (var row in table.Rows)
            {
                if (table.Get(row, "entity_type") == "product" && table.Get(row, "entity_id") is { } key && table.Get(row, "alias") is { } name)
                {
                    names.Add((name, key));
                }
            }
        }

        // Names shorter than three characters (codes, abbreviations) would match inside unrelated words.
        return new ProductNames(names.Where(n => n.Item1.Length >= 3).Distinct().ToArray());
    }

    /// <summary>Product names in <paramref name="text"/>, in reading order, without overlaps.</summary>
    public List<ProductMention> FindAll(string text)
    {
        var found = new List<ProductMention>();
        for (var at = 0; at < text.Length; at++)
        {
            if (!_byFirst.TryGetValue(char.ToLowerInvariant(text[at]), out var candidates))
            {
                continue;
            }

            foreach (var (name, key) in candidates)
            {
                var end = at + name.Length;
                if (end <= text.Length && text.AsSpan(at, name.Length).Equals(name, StringComparison.OrdinalIgnoreCase) && StandsAlone(text, at, end))
                {
                    found.Add(new ProductMention(at, end, text[at..end], key));
                    at = end - 1;
                    break;
                }
            }
        }

        return found;
    }

    // A Latin name must be a word of its own, not the inside of a longer one.
    private static bool StandsAlone(string text, int start, int end) =>
        !(char.IsAsciiLetter(text[start]) && start > 0 && char.IsAsciiLetterOrDigit(text[start - 1]))
        && !(char.IsAsciiLetter(text[end - 1]) && end < text.Length && char.IsAsciiLetterOrDigit(text[end]));
}
