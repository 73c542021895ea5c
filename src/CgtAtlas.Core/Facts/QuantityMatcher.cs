using System.Globalization;
using System.Text.RegularExpressions;

namespace CgtAtlas.Facts;

/// <summary>Units a quantity can carry (see the labelling conventions).</summary>
internal static class Units
{
    public const string Count = "count";
    public const string Patients = "patients";
    public const string Percent = "percent";
    public const string PercentagePoints = "percentage_points";
    public const string Fold = "fold";
    public const string Days = "days";
    public const string WorkingDays = "working_days";
    public const string Weeks = "weeks";
    public const string Months = "months";
    public const string Years = "years";
    public const string Hours = "hours";

    /// <summary>人: patients or people (employees …), decided later from the clause.</summary>
    public const string Persons = "persons";

    public static bool IsMoney(string? unit) => unit is "CNY" or "USD" or "EUR" or "HKD" or "JPY" or "GBP";

    public static bool IsTime(string? unit) => unit is Days or WorkingDays or Weeks or Months or Years or Hours;
}

/// <summary>A number found in text with its unit and qualifier, or the reason it is not a quantity.</summary>
internal sealed class Quantity
{
    /// <summary>Start of the whole mention (currency prefix included).</summary>
    public int Start { get; set; }

    /// <summary>Start of the number itself.</summary>
    public int NumberStart { get; set; }

    /// <summary>End of the number itself (before any scale or unit).</summary>
    public int NumberEnd { get; set; }

    /// <summary>End of the whole mention (unit and suffix qualifier included).</summary>
    public int End { get; set; }

    public double Value { get; set; }

    public double Scale { get; set; } = 1;

    public string? Unit { get; set; }

    public bool ExplicitUnit { get; set; }

    public string Qualifier { get; set; } = "exact";

    public bool ExplicitQualifier { get; set; }

    /// <summary>一 / one used as an article ("一个疗程", "one of"): a fact only inside a breakdown list.</summary>
    public bool ArticleOne { get; set; }

    /// <summary>Why this is not a quantity (identifier, ordinal, age, vague …); null when it is one.</summary>
    public string? Skip { get; set; }

    /// <summary>The counter or noun right after the number (项, 件, patients …), to help pick the kind.</summary>
    public string Counter { get; set; } = string.Empty;

    public override string ToString() => $"{Value} {Unit} {Qualifier}{(Skip is null ? string.Empty : " skip:" + Skip)}";
}

/// <summary>
/// Finds numbers and reads the unit, scale and qualifier around them. It also recognises what looks like a number
/// but is not a quantity (identifiers such as CD19 or CLDN18.2, phases, drug classes, ordinals, ages, list markers,
/// vague amounts such as 数十) so that the extractor can ignore them.
/// </summary>
internal static class QuantityMatcher
{
    private const string CnDigits = "零〇一二两三四五六七八九十百千";

    private static readonly Regex Core = Rx.Make(@"(?<pct>百分之(?<pv>\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百点]+))"
        + @"|(?<frac>(?<den>\d+|[一二两三四五六七八九十百]+)分之(?<num>\d+|[一二两三四五六七八九十]+))"
        + @"|(?<half>一半|半数|过半|近半|大半)"
        + @"|(?<dbl>翻番|翻倍|翻了一番|翻一番|\b(?i:doubled)\b)"
        + @"|(?<enfrac>\b(?i:(?:a|one)[- ]third|two[- ]thirds|(?:a|one)[- ]quarter|three[- ]quarters|half)\b(?!-))"
        + @"|(?<ar>(?<![A-Za-z0-9]|[0-9][.,])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)"
        + $@"|(?<cn>[{CnDigits}]+[万亿]?)"
        + @"|(?<en>\b(?i:(?:" + string.Join('|', NumberParser.EnglishNumberWords.Where(w => w != "zero"))
        + @")(?:-(?:one|two|three|four|five|six|seven|eight|nine))?(?:\s+hundred)?)\b)");

    private static readonly Regex CnScale = Rx.Make(@"^(?:万亿|千亿|百亿|十亿|千万|百万|十万|万|亿|千)");
    private static readonly Regex EnScale = Rx.Make(@"^\s*(?i:(trillion|billion|million|thousand|bn|mn|mln|tn)\b|(m|k|b)\b)");
    private static readonly Regex CnCurrency = Rx.Make(@"^(?:元人民币|人民币|元|美元|欧元|港元|日元|英镑)");
    private static readonly Regex EnCurrencySuffix = Rx.Make(@"^\s*(?i:(yuan|RMB|renminbi|CNY)|(US dollars|dollars?|USD)|(euros?|EUR))\b");
    private static readonly Regex CurrencyPrefix = Rx.Make(@"(?:(US\$|USD|\$)|(RMB|CNY|¥|人民币)|(€|EUR)|(HK\$))\s*$");

    private static readonly (Regex Pattern, string Unit)[] UnitPatterns =
    [
        (Rx.Make(@"^\s*(?:%|(?i:percent|per cent|pct)\b)"), Units.Percent),
        (Rx.Make(@"^\s*(?:个百分点|(?i:percentage points?|pp)\b)"), Units.PercentagePoints),
        (Rx.Make(@"^(?:倍|-?(?i:fold)\b|\s+(?i:fold)\b|x\b)"), Units.Fold),
        (Rx.Make(@"^(?:个)?(?:多)?工作日|^(?:-|\s+)(?i:(?:working|business)[- ]days?)\b"), Units.WorkingDays),
        (Rx.Make(@"^(?:个)?(?:自然日|日|天)|^(?:-|\s+)(?i:(?:calendar[- ])?days?)\b"), Units.Days),
        (Rx.Make(@"^(?:个)?(?:周|星期)|^(?:-|\s+)(?i:weeks?)\b"), Units.Weeks),
        (Rx.Make(@"^(?:个多?月)|^(?:-|\s+)(?i:months?)\b"), Units.Months),
        (Rx.Make(@"^(?:个)?年(?![代度])|^(?:-|\s+)(?i:years?)\b(?![- ]old)"), Units.Years),
        (Rx.Make(@"^(?:个)?小时|^(?:-|\s+)(?i:hours?)\b"), Units.Hours),
        (Rx.Make(@"^(?:名|例|位)?(?:患者|病人|受试者|病例)|^例|^\s+(?:[\w-]+\s+){0,2}?(?i:patients|subjects|participants)\b"), Units.Patients),
        (Rx.Make(@"^人(?!次)"), Units.Persons),
        (Rx.Make(@"^(?:个品种|个项目|项目|项|件|款|个|家|起|批次|批|种|份|支|所|座|条|位|台|笔|只|人次|名|次|剂)"), Units.Count),
    ];

    // Counters that turn a number into an identifier, ordinal, date part or age rather than an amount.
    private static readonly Regex NotAmountSuffix = Rx.Make(@"^(?:期|类|号|线|代|级|型|岁|周岁|届|楼|层|室|月|时|点|分(?!之)|秒|度|\s*(?:-|\s)(?i:years?[- ]old|year-old)\b|(?i:st|nd|rd|th)\b)");

    private static readonly Regex ListMarker = Rx.Make(@"^\s*(?:[•·\-\*]\s*)?(?:\(\d{1,2}\)|\d{1,2}[.)、](?!\d))");
    private static readonly Regex Phone = Rx.Make(@"\+\d[\d \-()]{6,}\d|\b\d{3}[ -]\d{3}[ -]\d{4}\b");
    private static readonly Regex Address = Rx.Make(@"\b\d+\s+(?:[A-Z][a-z]+\s+)+(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Drive|Lane|Way|Plaza|Park)\b"
        + @"|(?i:\b(?:suite|room|floor|building|unit|no\.|gate|booth|hall)\s*#?\d+\w*)|\b[A-Z]{2,}\d[A-Za-z0-9.-]*|\d+号楼|\d+室");

    private static readonly (string Word, string Qualifier)[] CnPrefixes =
    [
        ("不少于", "at_least"), ("不低于", "at_least"), ("至少", "at_least"), ("最少", "at_least"),
        ("不超过", "at_most"), ("最高", "at_most"), ("最多", "at_most"), ("至多", "at_most"), ("高达", "exact"),
        ("不到", "under"), ("不足", "under"), ("少于", "under"), ("低于", "under"), ("未满", "under"),
        ("超过", "over"), ("超出", "over"), ("多于", "over"), ("高于", "over"), ("逾", "over"), ("超", "over"), ("过", "over"),
        ("大约", "approx"), ("约为", "approx"), ("约", "approx"), ("大概", "approx"), ("将近", "approx"),
        ("接近", "approx"), ("近", "approx"), ("左右", "approx"),
    ];

    private static readonly (string Word, string Qualifier)[] EnPrefixes =
    [
        ("no less than", "at_least"), ("not less than", "at_least"), ("at least", "at_least"), ("a minimum of", "at_least"),
        ("no more than", "at_most"), ("not more than", "at_most"), ("up to", "at_most"), ("within", "at_most"), ("at most", "at_most"),
        ("as many as", "at_most"), ("as much as", "at_most"), ("a maximum of", "at_most"),
        ("less than", "under"), ("fewer than", "under"), ("just under", "under"), ("under", "under"), ("below", "under"),
        ("more than", "over"), ("just over", "over"), ("in excess of", "over"), ("upwards of", "over"), ("over", "over"),
        ("exceeded", "over"), ("exceeding", "over"), ("exceeds", "over"), ("exceed", "over"), ("above", "over"),
        ("approximately", "approx"), ("about", "approx"), ("around", "approx"), ("roughly", "approx"), ("nearly", "approx"),
        ("almost", "approx"), ("close to", "approx"), ("an estimated", "approx"), ("some", "approx"), ("~", "approx"),
    ];

    // Words between a qualifier and its number that do not break the link ("约为", "超过了", "accounting for over").
    private static readonly string[] CnFillers = ["达到", "达", "为", "是", "在", "共计", "共", "累计", "有", "了", "占"];
    private static readonly string[] EnFillers = ["reached", "reach", "is", "was", "are", "were", "be", "at", "of", "for", "to", "by", "the", "a", "total", "totaling"];

    private static readonly Regex TimePeriodPrefix = Rx.Make(@"(?:近|过去|未来|最近|今后|此后|之后|前|后|(?i:\b(?:the\s+)?(?:last|past|next|previous|coming|recent|first|following|over the)))\s*$");

    private static readonly Regex SuffixQualifier = Rx.Make(@"^\s*(?:(以上|及以上|(?i:or more|and above|or above|\+))|(以内|以下|及以下|(?i:or less|or fewer))|(左右|上下))");

    /// <summary>Spans that hold digits but never quantities: dates, times, list markers, phone numbers, addresses.</summary>
    public static bool[] MaskNonQuantities(string text, IEnumerable<DateMention> dates)
    {
        var mask = new bool[text.Length];
        void MarkSpan(int start, int end)
        {
            for (var i = start; i < end && i < mask.Length; i++)
            {
                mask[i] = true;
            }
        }

        foreach (var d in dates)
        {
            MarkSpan(d.Start, d.End);
        }

        if (ListMarker.Match(text) is { Success: true } lm)
        {
            MarkSpan(lm.Index, lm.Index + lm.Length);
        }

        foreach (Match m in Phone.Matches(text))
        {
            MarkSpan(m.Index, m.Index + m.Length);
        }

        foreach (Match m in Address.Matches(text))
        {
            MarkSpan(m.Index, m.Index + m.Length);
        }

        return mask;
    }

    /// <summary>All number mentions in <paramref name="text"/>, including the ones judged not to be quantities.</summary>
    public static List<Quantity> FindAll(string text, bool[] mask)
    {
        var result = new List<Quantity>();
        foreach (Match m in Core.Matches(text))
        {
            if (Enumerable.Range(m.Index, m.Length).Any(i => mask[i]))
            {
                continue;
            }

            var q = Read(text, m);
            if (q is not null)
            {
                result.Add(q);
            }
        }

        LinkRanges(text, result);
        return result;
    }

    private static Quantity? Read(string text, Match m)
    {
        var q = new Quantity { Start = m.Index, NumberStart = m.Index, NumberEnd = m.Index + m.Length, End = m.Index + m.Length };
        var before = text[..m.Index];

        // Fractions and words that carry their own unit.
        if (m.Groups["pct"].Success)
        {
            if (!NumberParser.TryParse(m.Groups["pv"].Value.Replace('点', '.'), out var v))
            {
                return null;
            }

            q.Value = v;
            q.Unit = Units.Percent;
            q.ExplicitUnit = true;
        }
        else if (m.Groups["frac"].Success)
        {
            if (!NumberParser.TryParse(m.Groups["den"].Value, out var den) || !NumberParser.TryParse(m.Groups["num"].Value, out var num) || den == 0)
            {
                return null;
            }

            q.Value = Math.Round(num / den * 100, 2);
            q.Unit = Units.Percent;
            q.ExplicitUnit = true;
        }
        else if (m.Groups["half"].Success)
        {
            q.Value = 50;
            q.Unit = Units.Percent;
            q.ExplicitUnit = true;
            if (m.Value == "过半")
            {
                SetQualifier(q, "over");
            }
            else if (m.Value == "近半")
            {
                SetQualifier(q, "approx");
            }
        }
        else if (m.Groups["dbl"].Success)
        {
            q.Value = 2;
            q.Unit = Units.Fold;
            q.ExplicitUnit = true;
        }
        else if (m.Groups["enfrac"].Success)
        {
            var w = m.Value.ToLowerInvariant();
            q.Value = w.Contains("third", StringComparison.Ordinal) ? (w.StartsWith("two", StringComparison.Ordinal) ? 66.67 : 33.33)
                : w.Contains("quarter", StringComparison.Ordinal) ? (w.StartsWith("three", StringComparison.Ordinal) ? 75 : 25) : 50;
            q.Unit = Units.Percent;
            q.ExplicitUnit = true;
        }
        else
        {
            var core = m.Value;
            var isCn = m.Groups["cn"].Success;
            var isEn = m.Groups["en"].Success;
            if (isCn && core.Length > 1 && core.AsSpan().IndexOfAny("十百千万亿") < 0)
            {
                // 一一, 二〇二五: digit strings are years or words, not amounts.
                return Skipped(q, "digits");
            }

            if (isCn && core is "千" or "万" or "亿" or "百" && !before.EndsWith('上'))
            {
                return Skipped(q, "bare-unit");
            }

            if (!NumberParser.TryParse(core, out var v))
            {
                return null;
            }

            q.Value = v;
            q.ArticleOne = v == 1 && (core == "一" || core.Equals("one", StringComparison.OrdinalIgnoreCase));

            // Identifiers and ordinals: CD19, AAV9, SOD1-ALS, 第四, Phase 3, No. 5.
            var prev = before.Length > 0 ? before[^1] : ' ';
            if (char.IsAsciiLetter(prev) || (prev == '-' && before.Length > 1 && char.IsAsciiLetter(before[^2])))
            {
                return Skipped(q, "identifier");
            }

            if (Rx.Make(@"(?:第|数|几|若干|星期|周)$|(?i:\b(?:phase|stage|grade|type|no\.|number|version|gen)\s*)$").IsMatch(before))
            {
                return Skipped(q, "ordinal-or-vague");
            }

            if (m.Groups["ar"].Success && q.NumberEnd < text.Length && char.IsAsciiLetter(text[q.NumberEnd])
                && !Rx.Make(@"^(?:x\b|(?:bn|mn|m|k|b)\b)").IsMatch(text[q.NumberEnd..]))
            {
                return Skipped(q, "identifier");
            }

            if (isEn && Rx.Make(@"^\s+(?:of\s+(?:the|its|our|these|those|them)\b)").IsMatch(text[q.NumberEnd..]) && q.ArticleOne)
            {
                return Skipped(q, "one-of");
            }

            ReadScaleAndUnit(text, q, isCn);
        }

        ReadSuffixQualifier(text, q);
        ReadPrefix(text, q);

        if (q.Skip is null && Units.IsTime(q.Unit) && TimePeriodPrefix.IsMatch(text[..q.Start]))
        {
            q.Skip = "period";
        }

        return q;
    }

    private static void ReadScaleAndUnit(string text, Quantity q, bool isCn)
    {
        var pos = q.NumberEnd;
        string Rest() => text[pos..];

        // 30余项, 200多家: "more than" written after the number.
        if (pos < text.Length && text[pos] is '余' or '多' && pos + 1 < text.Length && !char.IsWhiteSpace(text[pos + 1]))
        {
            SetQualifier(q, "over");
            pos++;
        }

        // Currency written before the number ($, US$, RMB).
        string? currency = null;
        var prefix = CurrencyPrefix.Match(text[..q.NumberStart]);
        if (prefix.Success)
        {
            currency = prefix.Groups[1].Success ? "USD" : prefix.Groups[2].Success ? "CNY" : prefix.Groups[3].Success ? "EUR" : "HKD";
            q.Start = prefix.Index;
        }

        // Scale: 万/亿 (Chinese) or million/billion (English; m/k/b only next to a currency).
        var cnScale = CnScale.Match(Rest());
        if (cnScale.Success && !isCn)
        {
            var after = Rest()[cnScale.Length..];
            if (CnCurrency.IsMatch(after) || UnitPatterns.Any(u => u.Pattern.IsMatch(after)) || after.Length == 0 || !IsCjk(after[0]))
            {
                q.Scale = NumberParser.ScaleOf(cnScale.Value) ?? 1;
                pos += cnScale.Length;
            }
        }
        else if (EnScale.Match(Rest()) is { Success: true } en && (en.Groups[1].Success || currency is not null))
        {
            q.Scale = NumberParser.ScaleOf(en.Groups[1].Success ? en.Groups[1].Value : en.Groups[2].Value) ?? 1;
            pos += en.Length;
        }

        q.Value *= q.Scale;

        if (CnCurrency.Match(Rest()) is { Success: true } cnCur)
        {
            currency = cnCur.Value switch
            {
                "美元" => "USD",
                "欧元" => "EUR",
                "港元" => "HKD",
                "日元" => "JPY",
                "英镑" => "GBP",
                _ => "CNY",
            };
            pos += cnCur.Length;
        }
        else if (EnCurrencySuffix.Match(Rest()) is { Success: true } enCur)
        {
            currency = enCur.Groups[1].Success ? "CNY" : enCur.Groups[2].Success ? "USD" : "EUR";
            pos += enCur.Length;
        }

        if (currency is not null)
        {
            q.Unit = currency;
            q.ExplicitUnit = true;
            q.End = pos;
            q.ArticleOne = false;
            return;
        }

        if (q.Scale > 1)
        {
            // "1.2万名患者", "3 million patients": scale without currency, the unit follows.
            q.ArticleOne = false;
        }

        if (NotAmountSuffix.Match(Rest()) is { Success: true } notAmount)
        {
            var s = notAmount.Value.Trim();
            q.Skip = s is "岁" or "周岁" || s.Contains("old", StringComparison.OrdinalIgnoreCase) ? "age" : "identifier-suffix";
            q.End = pos + notAmount.Length;
            return;
        }

        foreach (var (pattern, unit) in UnitPatterns)
        {
            var um = pattern.Match(Rest());
            if (!um.Success)
            {
                continue;
            }

            if (unit == Units.Percent || unit == Units.PercentagePoints || unit == Units.Fold)
            {
                q.ArticleOne = false;
            }

            q.Unit = unit;
            q.ExplicitUnit = true;
            q.Counter = um.Value.Trim();
            q.End = pos + um.Length;
            return;
        }

        // 三成, 7成: tenths as percent.
        if (Rest().StartsWith('成') && q.Value <= 10)
        {
            q.Value *= 10;
            q.Unit = Units.Percent;
            q.ExplicitUnit = true;
            q.ArticleOne = false;
            q.End = pos + 1;
            return;
        }

        // No unit: an English bare number ("approximately 2,000", "35 in phase 3") counts; a Chinese number needs a counter.
        var next = pos < text.Length ? text[pos] : ' ';
        if (isCn || IsCjk(next))
        {
            q.Skip = "no-counter";
        }
        else
        {
            q.Unit = Units.Count;
            var noun = Rx.Make(@"^\s+((?:[\w-]+\s+){0,3}?[\w-]+)").Match(Rest());
            q.Counter = noun.Success ? noun.Groups[1].Value : string.Empty;
        }

        q.End = pos;
    }

    private static void ReadSuffixQualifier(string text, Quantity q)
    {
        var sm = SuffixQualifier.Match(text[q.End..]);
        if (!sm.Success || q.Skip is not null)
        {
            return;
        }

        SetQualifier(q, sm.Groups[1].Success ? "at_least" : sm.Groups[2].Success ? "at_most" : "approx");
        q.End += sm.Length;
    }

    private static void ReadPrefix(string text, Quantity q)
    {
        var before = text[..q.Start].TrimEnd();

        // 上百例, 上千家: "upwards of a hundred".
        if (before.EndsWith('上') && text.Length > q.NumberStart && text[q.NumberStart] is '百' or '千' or '万')
        {
            SetQualifier(q, "over", overwrite: false);
            q.Start--;
            return;
        }

        // Strip filler words, then look for a qualifier; stop at the first word that is neither.
        var probe = before;
        for (var step = 0; step < 3; step++)
        {
            var hit = FindQualifier(probe);
            if (hit is { } h)
            {
                if (!q.ExplicitQualifier)
                {
                    SetQualifier(q, h.Qualifier);
                }

                return;
            }

            var stripped = StripFiller(probe);
            if (stripped.Length == probe.Length)
            {
                break;
            }

            probe = stripped.TrimEnd();
        }

        // 约占…的两成: the approximation sits on the verb.
        var clauseStart = Math.Max(before.LastIndexOfAny([',', '。', ';', ':']), 0);
        if (!q.ExplicitQualifier && before[clauseStart..].Contains("约占", StringComparison.Ordinal))
        {
            SetQualifier(q, "approx");
        }
    }

    private static (string Word, string Qualifier)? FindQualifier(string before)
    {
        foreach (var (word, qual) in CnPrefixes)
        {
            if (before.EndsWith(word, StringComparison.Ordinal))
            {
                // 过 alone only as 过半-like use; avoid 经过/通过/超过 handled above.
                if (word == "过" && before.Length > 1 && before[^2] is '通' or '经' or '超' or '不')
                {
                    continue;
                }

                if (word == "近" && before.Length > 1 && before[^2] is '最' or '附')
                {
                    continue;
                }

                return (word, qual);
            }
        }

        var lower = before.ToLowerInvariant();
        foreach (var (word, qual) in EnPrefixes)
        {
            if (lower.EndsWith(word, StringComparison.Ordinal)
                && (lower.Length == word.Length || !char.IsAsciiLetter(lower[^(word.Length + 1)]) || word == "~"))
            {
                return (word, qual);
            }
        }

        return null;
    }

    private static string StripFiller(string before)
    {
        foreach (var f in CnFillers)
        {
            if (before.EndsWith(f, StringComparison.Ordinal))
            {
                return before[..^f.Length];
            }
        }

        var lower = before.ToLowerInvariant();
        foreach (var f in EnFillers)
        {
            if (lower.EndsWith(" " + f, StringComparison.Ordinal) || lower == f)
            {
                return before[..^f.Length];
            }
        }

        return before;
    }

    /// <summary>
    /// "10 to 20 products", "3至21岁", "1-2亿元": the first number takes the unit and scale of the second, and the pair
    /// becomes at_least / at_most unless it is a change ("由60压缩至30", "from 10 to 20").
    /// </summary>
    private static void LinkRanges(string text, List<Quantity> all)
    {
        for (var i = 0; i + 1 < all.Count; i++)
        {
            var a = all[i];
            var b = all[i + 1];
            var aEnd = a.ExplicitUnit ? a.End : a.NumberEnd;
            if (aEnd > b.Start)
            {
                continue;
            }

            var between = text[aEnd..b.Start];
            if (a.Skip is not null && b.Skip is null && between is "-" or "/" or "–")
            {
                // Phase 1/2, CD19-22: the second half of an identifier pair is not an amount either.
                b.Skip = a.Skip;
                continue;
            }

            if (!Rx.Make(@"^\s*(?:至|到|~|～|-|–|—|(?i:to))\s*$").IsMatch(between))
            {
                continue;
            }

            if (!a.ExplicitUnit)
            {
                if (b.Skip is not null)
                {
                    a.Skip = b.Skip;
                    continue;
                }

                a.Value *= b.Scale;
                a.Unit = b.Unit;
                a.Counter = b.Counter;
                a.Skip = null;
                a.ArticleOne = false;
            }
            else if (a.Unit != b.Unit)
            {
                continue;
            }

            var lead = text[..a.Start].TrimEnd();
            if (Rx.Make(@"(?:由|从|(?i:\bfrom|\bbetween))$").IsMatch(lead))
            {
                continue;
            }

            if (!a.ExplicitQualifier)
            {
                a.Qualifier = "at_least";
            }

            if (!b.ExplicitQualifier)
            {
                b.Qualifier = "at_most";
            }
        }
    }

    private static void SetQualifier(Quantity q, string qualifier, bool overwrite = true)
    {
        if (q.ExplicitQualifier && !overwrite)
        {
            return;
        }

        q.Qualifier = qualifier;
        q.ExplicitQualifier = true;
    }

    private static Quantity Skipped(Quantity q, string reason)
    {
        q.Skip = reason;
        return q;
    }

    private static bool IsCjk(char c) => c is >= '\u4e00' and <= '\u9fff' or >= '\u3400' and <= '\u4dbf';

    /// <summary>Formats a value for messages (invariant culture).</summary>
    public static string Format(double v) => v.ToString("0.####", CultureInfo.InvariantCulture);
}
