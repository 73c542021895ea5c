using System.Globalization;

namespace CgtAtlas.Facts;

/// <summary>
/// Turns the number spellings found in CGT news into values: Arabic digits with thousands separators,
/// Chinese numerals (十四, 两, 一百零五, 3万), English number words (nine, twenty-five) and scale words
/// (万, 亿, million, billion).
/// </summary>
public static class NumberParser
{
    private static readonly Dictionary<char, int> ChineseDigits = new()
    {
        ['零'] = 0, ['〇'] = 0, ['一'] = 1, ['二'] = 2, ['两'] = 2, ['三'] = 3, ['四'] = 4,
        ['五'] = 5, ['六'] = 6, ['七'] = 7, ['八'] = 8, ['九'] = 9,
    };

    private static readonly Dictionary<string, int> EnglishWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["zero"] = 0, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6,
        ["seven"] = 7, ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12,
        ["thirteen"] = 13, ["fourteen"] = 14, ["fifteen"] = 15, ["sixteen"] = 16, ["seventeen"] = 17,
        ["eighteen"] = 18, ["nineteen"] = 19, ["twenty"] = 20, ["thirty"] = 30, ["forty"] = 40,
        ["fifty"] = 50, ["sixty"] = 60, ["seventy"] = 70, ["eighty"] = 80, ["ninety"] = 90,
    };

    /// <summary>Characters that can make up a Chinese numeral (digits and the small/large units).</summary>
    public const string ChineseNumeralChars = "零〇一二两三四五六七八九十百千万亿";

    /// <summary>English number words the parser knows (used to build the matcher's pattern).</summary>
    public static IEnumerable<string> EnglishNumberWords => EnglishWords.Keys;

    /// <summary>Parses Arabic digits, allowing thousands separators (<c>2,000</c>) and a decimal part.</summary>
    public static bool TryParseArabic(string text, out double value) =>
        double.TryParse(text.Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.AllowDecimalPoint,
            CultureInfo.InvariantCulture, out value);

    /// <summary>
    /// Parses a Chinese numeral: 十四 → 14, 两 → 2, 一百零五 → 105, 三万 → 30000, 二〇二五 → 2025
    /// (digit strings without units read digit by digit, as years are written).
    /// </summary>
    public static bool TryParseChinese(string text, out double value)
    {
        value = 0;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var hasUnit = text.AsSpan().IndexOfAny("十百千万亿") >= 0;
        if (!hasUnit)
        {
            // Digit-by-digit form (二〇二五).
            double acc = 0;
            foreach (var c in text)
            {
                if (!ChineseDigits.TryGetValue(c, out var d))
                {
                    return false;
                }

                acc = (acc * 10) + d;
            }

            value = acc;
            return true;
        }

        double total = 0, section = 0, number = 0;
        foreach (var c in text)
        {
            if (ChineseDigits.TryGetValue(c, out var d))
            {
                number = d;
                continue;
            }

            switch (c)
            {
                case '十' or '百' or '千':
                    var unit = c switch { '十' => 10, '百' => 100, _ => 1000 };
                    // 十四 and 百余 omit the leading 一.
                    if (number == 0)
                    {
                        number = 1;
                    }

                    section += number * unit;
                    number = 0;
                    break;
                case '万':
                    section = (section + (number == 0 && section == 0 ? 1 : number)) * 1e4;
                    total += section;
                    section = 0;
                    number = 0;
                    break;
                case '亿':
                    total = (total + section + (number == 0 && section == 0 && total == 0 ? 1 : number)) * 1e8;
                    section = 0;
                    number = 0;
                    break;
                default:
                    return false;
            }
        }

        value = total + section + number;
        return true;
    }

    /// <summary>Parses English number words: <c>nine</c>, <c>Twenty-five</c>, <c>one hundred and five</c>.</summary>
    public static bool TryParseEnglish(string text, out double value)
    {
        value = 0;
        double section = 0;
        var any = false;
        foreach (var raw in text.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries))
        {
            var word = raw.ToLowerInvariant();
            if (word == "and")
            {
                continue;
            }

            if (EnglishWords.TryGetValue(word, out var n))
            {
                section += n;
            }
            else if (word == "hundred")
            {
                section = (section == 0 ? 1 : section) * 100;
            }
            else if (ScaleOf(word) is { } scale)
            {
                value += (section == 0 ? 1 : section) * scale;
                section = 0;
            }
            else
            {
                return false;
            }

            any = true;
        }

        value += section;
        return any;
    }

    /// <summary>The multiplier of a scale word: 万 → 1e4, 亿 → 1e8, 百万 → 1e6, million → 1e6, bn → 1e9 …; null otherwise.</summary>
    public static double? ScaleOf(string word) => word.Trim().ToLowerInvariant() switch
    {
        "千" or "thousand" or "k" => 1e3,
        "万" => 1e4,
        "十万" => 1e5,
        "百万" or "million" or "mn" or "m" or "mln" => 1e6,
        "千万" => 1e7,
        "亿" => 1e8,
        "十亿" or "billion" or "bn" or "b" => 1e9,
        "百亿" => 1e10,
        "千亿" => 1e11,
        "万亿" or "trillion" or "tn" => 1e12,
        _ => null,
    };

    /// <summary>
    /// Parses any supported spelling, with an optional trailing scale word:
    /// <c>1.2亿</c>, <c>十四</c>, <c>2,000</c>, <c>$1.2 billion</c> is not accepted (currency is not a number) but <c>1.2 billion</c> is.
    /// </summary>
    public static bool TryParse(string text, out double value)
    {
        value = 0;
        var t = text.Trim();
        if (t.Length == 0)
        {
            return false;
        }

        // Split off a trailing scale word (亿, 万, million …), longest first.
        double multiplier = 1;
        foreach (var scale in new[] { "万亿", "千亿", "百亿", "十亿", "千万", "百万", "十万", "亿", "万", " trillion", " billion", " million", " thousand" })
        {
            if (t.Length > scale.Length && t.EndsWith(scale, StringComparison.OrdinalIgnoreCase)
                && (char.IsAsciiDigit(t[^(scale.Length + 1)]) || scale[0] == ' '))
            {
                multiplier = ScaleOf(scale)!.Value;
                t = t[..^scale.Length].Trim();
                break;
            }
        }

        if (TryParseArabic(t, out var v) || TryParseChinese(t, out v) || TryParseEnglish(t, out v))
        {
            value = v * multiplier;
            return true;
        }

        return false;
    }
}
