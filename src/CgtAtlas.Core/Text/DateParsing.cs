using System.Globalization;
using System.Text.RegularExpressions;

namespace CgtAtlas.Text;

/// <summary>Parses dates as they appear in Chinese and English CGT documents and metadata.</summary>
public static partial class DateParsing
{
    /// <summary>Parses one date value: ISO (2025-06-30, 2025/6/30, 2025-06-30T08:00:00+08:00), Chinese (2025年6月30日),
    /// RFC-822 and common English forms (June 30, 2025; 30 June 2025).</summary>
    public static DateOnly? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = TextNormalizer.Normalize(value).Trim();
        var chinese = ChineseDate().Match(text);
        if (chinese.Success)
        {
            return Make(chinese.Groups["y"].Value, chinese.Groups["m"].Value, chinese.Groups["d"].Value);
        }

        var iso = IsoDate().Match(text);
        if (iso.Success)
        {
            return Make(iso.Groups["y"].Value, iso.Groups["m"].Value, iso.Groups["d"].Value);
        }

        string[] formats = ["MMMM d, yyyy", "MMM d, yyyy", "d MMMM yyyy", "d MMM yyyy", "ddd, d MMM yyyy HH:mm:ss zzz", "ddd, dd MMM yyyy HH:mm:ss zzz"];
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var dto))
        {
            return DateOnly.FromDateTime(dto.Date);
        }

        if (DateTime.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var dt))
        {
            return DateOnly.FromDateTime(dt);
        }

        return null;
    }

    /// <summary>Finds the first full date (year, month, day) inside running text, Chinese or ISO.</summary>
    public static DateOnly? FindInText(string text)
    {
        var chinese = ChineseDate().Match(text);
        var iso = IsoDate().Match(text);
        var first = (chinese.Success, iso.Success) switch
        {
            (true, true) => chinese.Index <= iso.Index ? chinese : iso,
            (true, false) => chinese,
            (false, true) => iso,
            _ => null,
        };
        return first is null ? null : Make(first.Groups["y"].Value, first.Groups["m"].Value, first.Groups["d"].Value);
    }

    /// <summary>
    /// Parses a date bound of a query filter: <c>2025-01-01</c>, <c>2025-01</c> or <c>2025</c>. A partial date means its
    /// first day for <c>after:</c> and its last day for <c>before:</c>.
    /// </summary>
    public static DateOnly? ParseBound(string value, bool endOfPeriod)
    {
        var full = Parse(value);
        if (full is not null && IsoDate().IsMatch(value))
        {
            return full;
        }

        var month = YearMonth().Match(value);
        if (month.Success && int.TryParse(month.Groups["y"].Value, out var y) && int.TryParse(month.Groups["m"].Value, out var m)
            && m is >= 1 and <= 12 && y is >= 1900 and <= 2200)
        {
            var start = new DateOnly(y, m, 1);
            return endOfPeriod ? start.AddMonths(1).AddDays(-1) : start;
        }

        if (value.Length == 4 && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1900 and <= 2200)
        {
            return endOfPeriod ? new DateOnly(year, 12, 31) : new DateOnly(year, 1, 1);
        }

        return full;
    }

    private static DateOnly? Make(string y, string m, string d)
    {
        if (int.TryParse(y, out var year) && int.TryParse(m, out var month) && int.TryParse(d, out var day)
            && year is >= 1900 and <= 2200 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month))
        {
            return new DateOnly(year, month, day);
        }

        return null;
    }

    [GeneratedRegex(@"(?<y>(19|20|21)\d{2})\s*年\s*(?<m>\d{1,2})\s*月\s*(?<d>\d{1,2})\s*[日号]")]
    private static partial Regex ChineseDate();

    [GeneratedRegex(@"(?<!\d)(?<y>(19|20|21)\d{2})[-/.](?<m>\d{1,2})[-/.](?<d>\d{1,2})(?!\d)")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"^(?<y>\d{4})[-/.](?<m>\d{1,2})$")]
    private static partial Regex YearMonth();
}
