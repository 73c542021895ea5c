using System.Globalization;
using System.Text.RegularExpressions;
using static CgtAtlas.Facts.Rx;

namespace CgtAtlas.Facts;

/// <summary>How a date was written, which decides what it can date: an as-of point, an event, or a year.</summary>
internal enum DateKind
{
    /// <summary>A year alone (2024年, in 2024, last year).</summary>
    Year,

    /// <summary>A month (2024年7月, September 2024).</summary>
    Month,

    /// <summary>A full day (11月7日, November 8, 2024).</summary>
    Day,

    /// <summary>A cut-off (截至6月底, mid-2025, by the end of 2025, Q3 2023, 上半年).</summary>
    AsOf,
}

/// <summary>A date found in text, already resolved to ISO (possibly partial).</summary>
internal readonly record struct DateMention(int Start, int End, string Iso, DateKind Kind);

/// <summary>
/// Finds dates and years so that (1) their digits are never read as quantities and (2) facts get an as-of, event or
/// year date. Dates without a year take the publication year, or the year before when that would put them in the future.
/// </summary>
internal static partial class DateResolver
{
    private const string Months = "January|February|March|April|May|June|July|August|September|October|November|December|"
        + "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec";

    [GeneratedRegex("""(?:(\d{4})年|(今年|去年))?(\d{1,2})月(?:底|末|末期)""", RegexOptions.CultureInvariant)]
    private static partial Regex CnAsOfMonthEnd { get; }
    [GeneratedRegex("""(?:(\d{4})年|(今年|去年|本年))(年底|年末|底|末|年中|上半年|下半年|前三季度|第([一二三四1-4])季度|([一二三四1-4])季度)""", RegexOptions.CultureInvariant)]
    private static partial Regex CnAsOfYearPart { get; }
    [GeneratedRegex("""截[至止](\d{4})年中""", RegexOptions.CultureInvariant)]
    private static partial Regex CnAsOfMidYear { get; }
    [GeneratedRegex("""(?:(\d{4})年)?(\d{1,2})月(\d{1,2})[日号]""", RegexOptions.CultureInvariant)]
    private static partial Regex CnDay { get; }
    [GeneratedRegex("""(\d{4})年(\d{1,2})月(?:份)?""", RegexOptions.CultureInvariant)]
    private static partial Regex CnMonth { get; }
    [GeneratedRegex("""(?<![个\d])(\d{1,2})月(?:份|初|中旬|上旬|下旬)?(?![\d])""", RegexOptions.CultureInvariant)]
    private static partial Regex CnBareMonth { get; }
    [GeneratedRegex("""(\d{4})\s*年(?:度)?|(今年|去年|本年度|明年)""", RegexOptions.CultureInvariant)]
    private static partial Regex CnYear { get; }
    [GeneratedRegex("""\d{4}\s*[-–—~至到]\s*\d{4}\s*年?""", RegexOptions.CultureInvariant)]
    private static partial Regex CnYearRange { get; }

    [GeneratedRegex($$"""{{B}}({{Months}})\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s*(\d{4}))?{{B}}""", RegexOptions.CultureInvariant)]
    private static partial Regex EnDay { get; }
    // "18 October", "2nd August 2024": British order, day first; without a year it is still a date, never a count.
    [GeneratedRegex($$"""(?<![\d.,$]){{B}}(\d{1,2})(?:st|nd|rd|th)?\s+({{Months}}){{B}}\.?(?:,?\s*(\d{4}){{B}})?""", RegexOptions.CultureInvariant)]
    private static partial Regex EnDayFirst { get; }
    [GeneratedRegex($$"""{{B}}({{Months}})\.?,?\s+(\d{4}){{B}}""", RegexOptions.CultureInvariant)]
    private static partial Regex EnMonth { get; }
    [GeneratedRegex($$"""{{B}}(?i:mid)-?\s*(\d{4}){{B}}""", RegexOptions.CultureInvariant)]
    private static partial Regex EnMid { get; }
    [GeneratedRegex($$"""(?i){{B}}(?:(?:the\s+)?end\s+of\s+(\d{4})|year[- ]end\s+(\d{4})|(\d{4})\s+year[- ]end){{B}}""", RegexOptions.CultureInvariant)]
    private static partial Regex EnYearEnd { get; }
    [GeneratedRegex($$"""{{B}}(?:Q([1-4])\s*(\d{4})|(\d{4})\s*Q([1-4])){{B}}""", RegexOptions.CultureInvariant)]
    private static partial Regex EnQuarter { get; }
    [GeneratedRegex($$"""(?i){{B}}(?:the\s+)?(first|second|third|fourth)\s+quarter\s+(?:of\s+)?(\d{4}){{B}}""", RegexOptions.CultureInvariant)]
    private static partial Regex EnQuarterWords { get; }
    [GeneratedRegex($$"""(?i){{B}}(?:(?:the\s+)?(first|second)\s+half\s+of\s+(\d{4})|H([12])\s*(\d{4})){{B}}""", RegexOptions.CultureInvariant)]
    private static partial Regex EnHalf { get; }
    [GeneratedRegex($$"""(?<![\d.,$]){{B}}(19\d{2}|20\d{2}){{B}}(?![\d,.]\d)|(?i:{{B}}(last year|this year|next year){{B}})""", RegexOptions.CultureInvariant)]
    private static partial Regex EnYear { get; }
    [GeneratedRegex($$"""^(?:patients|trials|studies|products|therapies|companies|applications|INDs){{B}}""", RegexOptions.CultureInvariant)]
    private static partial Regex CountNoun { get; }
    [GeneratedRegex($$"""{{B}}\d{1,2}:\d{2}{{B}}""", RegexOptions.CultureInvariant)]
    private static partial Regex ClockTime { get; }

    /// <summary>All dates in a text (overlaps resolved: the first, most specific pattern wins).</summary>
    public static List<DateMention> FindAll(string text, DateOnly? published)
    {
        var result = new List<DateMention>();
        var taken = new bool[text.Length];
        var pubYear = published?.Year;

        void Add(Match m, string? iso, DateKind kind)
        {
            if (iso is null || Enumerable.Range(m.Index, m.Length).Any(i => taken[i]))
            {
                return;
            }

            for (var i = m.Index; i < m.Index + m.Length; i++)
            {
                taken[i] = true;
            }

            result.Add(new DateMention(m.Index, m.Index + m.Length, iso, kind));
        }

        foreach (Match m in CnAsOfMonthEnd.Matches(text))
        {
            var year = YearOf(m.Groups[1].Value, m.Groups[2].Value, pubYear);
            var month = int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture);
            year ??= InferYear(month, 28, published);
            Add(m, year is null || month is < 1 or > 12 ? null : Iso(year.Value, month, DateTime.DaysInMonth(year.Value, month)), DateKind.AsOf);
        }

        foreach (Match m in CnAsOfYearPart.Matches(text))
        {
            var year = YearOf(m.Groups[1].Value, m.Groups[2].Value, pubYear);
            if (year is null)
            {
                continue;
            }

            var part = m.Groups[3].Value;
            var quarter = m.Groups[4].Success ? m.Groups[4].Value : m.Groups[5].Success ? m.Groups[5].Value : null;
            string? iso = part switch
            {
                "年中" or "上半年" => Iso(year.Value, 6, 30),
                "前三季度" => Iso(year.Value, 9, 30),
                _ when quarter is not null => QuarterEnd(year.Value, ChineseDigit(quarter)),
                _ => Iso(year.Value, 12, 31),
            };
            Add(m, iso, DateKind.AsOf);
        }

        foreach (Match m in CnAsOfMidYear.Matches(text))
        {
            Add(m, Iso(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), 6, 30), DateKind.AsOf);
        }

        foreach (Match m in EnMid.Matches(text))
        {
            Add(m, Iso(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), 6, 30), DateKind.AsOf);
        }

        foreach (Match m in EnYearEnd.Matches(text))
        {
            var y = m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Success ? m.Groups[2].Value : m.Groups[3].Value;
            Add(m, Iso(int.Parse(y, CultureInfo.InvariantCulture), 12, 31), DateKind.AsOf);
        }

        foreach (Match m in EnQuarter.Matches(text))
        {
            var q = m.Groups[1].Success ? m.Groups[1].Value : m.Groups[4].Value;
            var y = m.Groups[2].Success ? m.Groups[2].Value : m.Groups[3].Value;
            Add(m, QuarterEnd(int.Parse(y, CultureInfo.InvariantCulture), int.Parse(q, CultureInfo.InvariantCulture)), DateKind.AsOf);
        }

        foreach (Match m in EnQuarterWords.Matches(text))
        {
            var q = Array.IndexOf(["first", "second", "third", "fourth"], m.Groups[1].Value.ToLowerInvariant()) + 1;
            Add(m, QuarterEnd(int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture), q), DateKind.AsOf);
        }

        foreach (Match m in EnHalf.Matches(text))
        {
            var first = m.Groups[1].Success ? m.Groups[1].Value.Equals("first", StringComparison.OrdinalIgnoreCase) : m.Groups[3].Value == "1";
            var y = int.Parse(m.Groups[2].Success ? m.Groups[2].Value : m.Groups[4].Value, CultureInfo.InvariantCulture);
            Add(m, first ? Iso(y, 6, 30) : Iso(y, 12, 31), DateKind.AsOf);
        }

        foreach (Match m in CnDay.Matches(text))
        {
            var month = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
            var day = int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture);
            var year = m.Groups[1].Success ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : InferYear(month, day, published);
            Add(m, ValidDay(year, month, day), DateKind.Day);
        }

        foreach (Match m in EnDay.Matches(text))
        {
            var month = MonthNumber(m.Groups[1].Value);
            var day = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
            var year = m.Groups[3].Success ? int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture) : InferYear(month, day, published);
            Add(m, ValidDay(year, month, day), DateKind.Day);
        }

        foreach (Match m in EnDayFirst.Matches(text))
        {
            var month = MonthNumber(m.Groups[2].Value);
            var day = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            var year = m.Groups[3].Success ? int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture) : InferYear(month, day, published);
            Add(m, ValidDay(year, month, day), DateKind.Day);
        }

        foreach (Match m in CnMonth.Matches(text))
        {
            var month = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
            Add(m, month is >= 1 and <= 12 ? $"{m.Groups[1].Value}-{month:00}" : null, DateKind.Month);
        }

        foreach (Match m in EnMonth.Matches(text))
        {
            Add(m, $"{m.Groups[2].Value}-{MonthNumber(m.Groups[1].Value):00}", DateKind.Month);
        }

        foreach (Match m in CnBareMonth.Matches(text))
        {
            var month = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            var year = InferYear(month, 1, published);
            Add(m, month is >= 1 and <= 12 && year is not null ? $"{year}-{month:00}" : month is >= 1 and <= 12 ? $"--{month:00}" : null, DateKind.Month);
        }

        foreach (Match m in CnYearRange.Matches(text))
        {
            Add(m, "range", DateKind.Year);
        }

        foreach (Match m in CnYear.Matches(text))
        {
            var y = m.Groups[1].Success ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : YearOf(null, m.Groups[2].Value, pubYear);
            Add(m, y?.ToString(CultureInfo.InvariantCulture), DateKind.Year);
        }

        foreach (Match m in EnYear.Matches(text))
        {
            int? y = m.Groups[1].Success
                ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)
                : m.Groups[2].Value.ToLowerInvariant() switch
                {
                    "last year" => pubYear - 1,
                    "next year" => pubYear + 1,
                    _ => pubYear,
                };
            if (m.Groups[1].Success && FollowedByCountNoun(text, m.Index + m.Length))
            {
                continue;
            }

            Add(m, y?.ToString(CultureInfo.InvariantCulture), DateKind.Year);
        }

        foreach (Match m in ClockTime.Matches(text))
        {
            Add(m, "time", DateKind.Year);
        }

        result.Sort((a, b) => a.Start.CompareTo(b.Start));
        return result;
    }

    /// <summary>True when a 4-digit number is a count ("2000 trials", "2000项"), not a year.</summary>
    private static bool FollowedByCountNoun(string text, int end)
    {
        var rest = text[end..Math.Min(text.Length, end + 40)].TrimStart();
        return rest.Length > 0 && (rest[0] is '%' or '项' or '件' or '个' or '款' or '人' or '例' or '名' or '家'
            || CountNoun.IsMatch(rest));
    }

    private static int? YearOf(string? digits, string? relative, int? pubYear)
    {
        if (!string.IsNullOrEmpty(digits))
        {
            return int.Parse(digits, CultureInfo.InvariantCulture);
        }

        return relative switch
        {
            "今年" or "本年" or "本年度" => pubYear,
            "去年" => pubYear - 1,
            "明年" => pubYear + 1,
            _ => null,
        };
    }

    private static int? InferYear(int month, int day, DateOnly? published)
    {
        if (published is not { } p)
        {
            return null;
        }

        // A month-day in the future of the publication date refers to last year (a January article about "November 13").
        return month > p.Month || (month == p.Month && day > p.Day + 7) ? p.Year - 1 : p.Year;
    }

    private static string? ValidDay(int? year, int month, int day)
    {
        if (month is < 1 or > 12 || day < 1 || day > 31)
        {
            return null;
        }

        return year is { } y ? (day <= DateTime.DaysInMonth(y, month) ? Iso(y, month, day) : null) : $"--{month:00}-{day:00}";
    }

    private static string Iso(int year, int month, int day) => $"{year:0000}-{month:00}-{day:00}";

    private static string QuarterEnd(int year, int quarter) => quarter switch
    {
        1 => Iso(year, 3, 31),
        2 => Iso(year, 6, 30),
        3 => Iso(year, 9, 30),
        _ => Iso(year, 12, 31),
    };

    private static int ChineseDigit(string s) => s switch
    {
        "一" or "1" => 1,
        "二" or "2" => 2,
        "三" or "3" => 3,
        _ => 4,
    };

    private static int MonthNumber(string name)
    {
        var key = name[..3].ToLowerInvariant();
        return Array.IndexOf(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], key) + 1;
    }

    /// <summary>True when the ISO string is a real date or year (not a masking placeholder).</summary>
    public static bool IsReal(DateMention d) => d.Iso is not ("range" or "time") && !d.Iso.StartsWith('-');
}
