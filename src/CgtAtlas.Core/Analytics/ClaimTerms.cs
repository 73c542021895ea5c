using System.Globalization;
using System.Text.RegularExpressions;
using CgtAtlas.Facts;

namespace CgtAtlas.Analytics;

/// <summary>
/// What a price sentence says about the figure besides its number: whether it is the class's highest or lowest
/// ("最高的约150万元"), and what it is the price of (a dose, a course, a year of treatment).
/// </summary>
internal static partial class PriceTerms
{
    /// <summary>Bases a price can be quoted on; a KB list price is compared only on the same basis.</summary>
    public const string PerDose = "dose", PerCourse = "course", PerYear = "year";

    /// <summary>The claim with <see cref="ClaimInput.Quantifier"/> (max/min) and <see cref="ClaimInput.PriceBasis"/> read from its clause.</summary>
    public static ClaimInput Refine(ClaimInput claim, Fact fact, IReadOnlyList<Fact> facts)
    {
        var clause = ClauseOf(fact);
        var onlyPriceInSentence = facts.Count(f => f.Kind == fact.Kind && f.Paragraph == fact.Paragraph && f.Evidence == fact.Evidence) == 1;
        var scope = onlyPriceInSentence ? fact.Evidence : clause;
        var quantifier = Highest().IsMatch(scope) ? "max" : Lowest().IsMatch(scope) ? "min" : claim.Quantifier;
        return claim with { Quantifier = quantifier, PriceBasis = BasisIn(clause) };
    }

    /// <summary>The basis a text names first (per dose, per course, per year), or null: "Price is per dose (about … a course)" is per dose.</summary>
    public static string? BasisIn(string? text) =>
        text is null ? null
        : new[] { (Basis: PerCourse, Match: Course().Match(text)), (Basis: PerYear, Match: Year().Match(text)), (Basis: PerDose, Match: Dose().Match(text)) }
            .Where(b => b.Match.Success).OrderBy(b => b.Match.Index).Select(b => b.Basis).FirstOrDefault();

    /// <summary>The clause (between commas or semicolons) holding the fact's number, else the whole sentence.</summary>
    private static string ClauseOf(Fact fact)
    {
        if (fact.Value is not { } value)
        {
            return fact.Evidence;
        }

        var renderings = new[]
        {
            (value / 10_000).ToString("0.####", CultureInfo.InvariantCulture) + "万",
            (value / 100_000_000).ToString("0.####", CultureInfo.InvariantCulture) + "亿",
            (value / 1_000_000).ToString("0.###", CultureInfo.InvariantCulture) + " million",
            value.ToString("#,0.##", CultureInfo.InvariantCulture),
            value.ToString("0.##", CultureInfo.InvariantCulture),
        };
        foreach (var clause in ClauseBreak().Split(fact.Evidence))
        {
            if (renderings.Any(r => clause.Contains(r, StringComparison.OrdinalIgnoreCase)))
            {
                return clause;
            }
        }

        return fact.Evidence;
    }

    [GeneratedRegex(@"[,，;；、]")]
    private static partial Regex ClauseBreak();

    [GeneratedRegex(@"最高|最贵|highest|most expensive|up to|priciest", RegexOptions.IgnoreCase)]
    private static partial Regex Highest();

    [GeneratedRegex(@"最低|最便宜|lowest|cheapest", RegexOptions.IgnoreCase)]
    private static partial Regex Lowest();

    [GeneratedRegex(@"疗程|療程|per course|a course|full course|course of treatment", RegexOptions.IgnoreCase)]
    private static partial Regex Course();

    [GeneratedRegex(@"每年|首年|年费|per year|a year|annual", RegexOptions.IgnoreCase)]
    private static partial Regex Year();

    [GeneratedRegex(@"单支|單支|每支|单针|單針|每针|每針|per (dose|vial|injection|infusion)|a (dose|vial)", RegexOptions.IgnoreCase)]
    private static partial Regex Dose();
}

/// <summary>The as-of date a sentence states for its figures ("2025年9月…14款", "in September 2025").</summary>
internal static partial class SentenceDates
{
    private static readonly string[] s_months =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    /// <summary>The end of the one month the sentence names; null when it names none or several.</summary>
    public static DateOnly? AsOf(string evidence)
    {
        var months = new HashSet<(int Year, int Month)>();
        foreach (Match m in ChineseMonth().Matches(evidence))
        {
            months.Add((int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture)));
        }

        foreach (Match m in EnglishMonth().Matches(evidence))
        {
            months.Add((int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture), Array.IndexOf(s_months, m.Groups["m"].Value.ToLowerInvariant()) + 1));
        }

        if (months.Count != 1 || months.First() is not { Month: >= 1 and <= 12 } only)
        {
            return null;
        }

        return new DateOnly(only.Year, only.Month, 1).AddMonths(1).AddDays(-1);
    }

    [GeneratedRegex(@"(?<y>20\d\d)\s*年\s*(?<m>1[0-2]|0?[1-9])\s*月")]
    private static partial Regex ChineseMonth();

    [GeneratedRegex(@"\b(?<m>January|February|March|April|May|June|July|August|September|October|November|December)\s+(?<y>20\d\d)\b", RegexOptions.IgnoreCase)]
    private static partial Regex EnglishMonth();
}
