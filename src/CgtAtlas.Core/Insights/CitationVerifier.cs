using System.Globalization;
using System.Text.RegularExpressions;
using CgtAtlas.Documents;
using CgtAtlas.Facts;

namespace CgtAtlas.Insights;

/// <summary>
/// Enforces citation integrity: a bullet may be shown only when every citation points to an existing paragraph and
/// every number in the bullet appears, in some notation, in one of the cited paragraphs. Notations are normalised to
/// values: 2,000 = 2000 = 2千 = 两千; 50% = 五成 = 一半 = half = 百分之五十; 120万元 = 1.2 million yuan = 1,200,000.
/// </summary>
public static partial class CitationVerifier
{
    // One number with an optional scale word; percent/成/fractions/halves handled as their own alternatives.
    [GeneratedRegex(
        """(?<pct>百分之(?<pv>[0-9.]+|[零〇一二两三四五六七八九十百点]+))"""
        + """|(?<frac>(?<den>\d+|[一二两三四五六七八九十百]+)分之(?<num>\d+|[一二两三四五六七八九十]+))"""
        + """|(?<half>一半|半数|过半|近半|大半|半壁江山|(?<![A-Za-z])(?i:half)(?![A-Za-z]))"""
        + """|(?<cheng>(?<cv>[一二两三四五六七八九\d])成(?![功为立本员果熟长都]))"""
        + """|(?<enfrac>(?<![A-Za-z])(?i:(?:a|one)[- ]third|two[- ]thirds|(?:a|one)[- ]quarter|three[- ]quarters)(?![A-Za-z]))"""
        + """|(?<ar>(?<![0-9])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)(?<ars>\s*(?:万亿|千亿|百亿|十亿|千万|百万|十万|万|亿|千|(?i:trillion|billion|million|thousand|bn|mn)(?![A-Za-z])))?"""
        + """|(?<cn>[零〇一二两三四五六七八九十百千万亿]+)"""
        + """|(?<en>(?<![A-Za-z])(?i:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred)(?:[- ](?i:one|two|three|four|five|six|seven|eight|nine))?(?:\s+(?i:hundred|thousand|million|billion))?(?![A-Za-z]))""",
        RegexOptions.CultureInvariant)]
    private static partial Regex NumberPattern { get; }

    // Trailing citation markers ("[2][4]") are not numbers of the claim.
    [GeneratedRegex(@"\[\d+\]", RegexOptions.CultureInvariant)]
    private static partial Regex CitationMarker { get; }

    /// <summary>The values of every number written in <paramref name="text"/>, in any notation.</summary>
    /// <param name="text">Bullet or paragraph text.</param>
    /// <param name="lenient">For paragraphs: also add each number without its scale (so a bullet that repeats
    /// "120" from "120万" still matches) and single Chinese digits spelled inside words.</param>
    public static IReadOnlyList<double> Numbers(string text, bool lenient = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        var values = new List<double>();
        foreach (Match m in NumberPattern.Matches(CitationMarker.Replace(text, " ")))
        {
            if (m.Groups["pct"].Success)
            {
                if (NumberParser.TryParse(m.Groups["pv"].Value.Replace('点', '.'), out var p))
                {
                    values.Add(p);
                }
            }
            else if (m.Groups["frac"].Success)
            {
                if (NumberParser.TryParse(m.Groups["den"].Value, out var den) && NumberParser.TryParse(m.Groups["num"].Value, out var num) && den > 0)
                {
                    values.Add(Math.Round(100 * num / den, 2));
                    if (lenient)
                    {
                        values.Add(den);
                        values.Add(num);
                    }
                }
            }
            else if (m.Groups["half"].Success)
            {
                values.Add(50);
            }
            else if (m.Groups["cheng"].Success)
            {
                if (NumberParser.TryParse(m.Groups["cv"].Value, out var c))
                {
                    values.Add(c * 10);
                    if (lenient)
                    {
                        values.Add(c);
                    }
                }
            }
            else if (m.Groups["enfrac"].Success)
            {
                var f = m.Value.ToLowerInvariant();
                values.Add(f.Contains("two", StringComparison.Ordinal) ? 66.67 : f.Contains("three", StringComparison.Ordinal) ? 75 : f.Contains("third", StringComparison.Ordinal) ? 33.33 : 25);
            }
            else if (m.Groups["ar"].Success)
            {
                if (!NumberParser.TryParseArabic(m.Groups["ar"].Value, out var v))
                {
                    continue;
                }

                var scale = m.Groups["ars"].Success ? NumberParser.ScaleOf(m.Groups["ars"].Value.Trim()) ?? 1 : 1;
                values.Add(v * scale);
                if (lenient && scale != 1)
                {
                    values.Add(v);
                }
            }
            else if (m.Groups["cn"].Success || m.Groups["en"].Success)
            {
                if (NumberParser.TryParse(m.Value, out var v))
                {
                    values.Add(v);
                }
            }
        }

        return values;
    }

    /// <summary>True when <paramref name="value"/> is one of <paramref name="candidates"/> (within 0.5 %, as rounding allows).</summary>
    public static bool Contains(IEnumerable<double> candidates, double value) =>
        candidates.Any(c => Math.Abs(c - value) <= Math.Max(0.005 * Math.Abs(value), 0.011));

    /// <summary>
    /// Checks one bullet against the document's paragraphs; returns the problems (empty when the bullet may be shown).
    /// </summary>
    public static IReadOnlyList<string> Check(BriefBullet bullet, IReadOnlyList<Paragraph> paragraphs) =>
        Check(bullet, new ParagraphNumbers(paragraphs));

    /// <summary>The numbers of each paragraph, read once per document (the composer checks many candidate bullets).</summary>
    internal sealed class ParagraphNumbers(IReadOnlyList<Paragraph> paragraphs)
    {
        private readonly Dictionary<int, IReadOnlyList<double>> _numbers = [];
        private readonly Dictionary<int, Paragraph> _byNumber = paragraphs.GroupBy(p => p.Number).ToDictionary(g => g.Key, g => g.First());

        public IReadOnlyList<double>? Of(int number)
        {
            if (!_byNumber.TryGetValue(number, out var paragraph))
            {
                return null;
            }

            if (!_numbers.TryGetValue(number, out var values))
            {
                values = Numbers(paragraph.Text, lenient: true);
                _numbers[number] = values;
            }

            return values;
        }
    }

    internal static IReadOnlyList<string> Check(BriefBullet bullet, ParagraphNumbers paragraphs)
    {
        ArgumentNullException.ThrowIfNull(bullet);
        var problems = new List<string>();
        if (bullet.Citations.Count == 0)
        {
            problems.Add("no citation");
        }

        var cited = new List<double>();
        foreach (var n in bullet.Citations)
        {
            var numbers = paragraphs.Of(n);
            if (numbers is null)
            {
                problems.Add($"citation [{n}] points to no paragraph");
                continue;
            }

            cited.AddRange(numbers);
        }

        foreach (var value in Numbers(bullet.Text))
        {
            if (!Contains(cited, value))
            {
                problems.Add($"number {value.ToString(CultureInfo.InvariantCulture)} is in no cited paragraph");
            }
        }

        return problems;
    }

    /// <summary>True when <see cref="Check(BriefBullet, IReadOnlyList{Paragraph})"/> finds no problem.</summary>
    public static bool IsValid(BriefBullet bullet, IReadOnlyList<Paragraph> paragraphs) => Check(bullet, paragraphs).Count == 0;
}
