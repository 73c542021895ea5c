using System.Text.RegularExpressions;
using static CgtAtlas.Facts.Rx;

namespace CgtAtlas.Facts;

/// <summary>
/// Finds numbers and reads the unit, scale and qualifier around them. It also recognises what looks like a number
/// but is not a quantity (identifiers such as CD19 or CLDN18.2, phases, drug classes, ordinals, ages, list markers,
/// vague amounts such as 数十) so that the extractor can ignore them.
/// </summary>
internal static partial class QuantityMatcher
{
    private const string CnDigits = "零〇一二两三四五六七八九十百千";

    // The English number words NumberParser reads, "zero" left out (no amount is written that way).
    private const string EnglishNumbers = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen"
        + "|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety";

    [GeneratedRegex(
        """(?<pct>百分之(?<pv>\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百点]+))"""
        + """|(?<frac>(?<den>\d+|[一二两三四五六七八九十百]+)分之(?<num>\d+|[一二两三四五六七八九十]+))"""
        + $$"""|(?<ratio>{{B}}(?<rn>\d+|(?i:one|two|three|four))\s+(?:in|out of)\s+(?<rd>\d+|(?i:two|three|four|five|six|seven|eight|nine|ten)){{B}})"""
        + """|(?<half>一半|半数|过半|近半|大半)"""
        + $$"""|(?<dbl>翻番|翻倍|翻了一番|翻一番|{{B}}(?i:doubled|tripled|quadrupled|(?:two|three|four|five|six|seven|eight|nine|ten)fold){{B}})"""
        + $$"""|(?<enfrac>{{B}}(?i:(?:a|one)[- ]third|two[- ]thirds|(?:a|one)[- ]quarter|three[- ]quarters|half){{B}}(?!-))"""
        + """|(?<ar>(?:(?<=RMB|USD|CNY|EUR|HKD)|(?<![A-Za-z0-9]|[0-9][.,]))(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)"""
        + $$"""|(?<cn>[{{CnDigits}}]+[万亿]?)"""
        + $$"""|(?<en>{{B}}(?i:(?:{{EnglishNumbers}})(?:-(?:one|two|three|four|five|six|seven|eight|nine))?(?:\s+hundred)?){{B}})""",
        RegexOptions.CultureInvariant)]
    private static partial Regex Core { get; }

    [GeneratedRegex("""^(?:万亿|千亿|百亿|十亿|千万|百万|十万|万|亿|千)""", RegexOptions.CultureInvariant)]
    private static partial Regex CnScale { get; }
    [GeneratedRegex($$"""^\s*(?i:(trillion|billion|million|thousand|bn|mn|mln|tn){{B}}|(m|k|b){{B}})""", RegexOptions.CultureInvariant)]
    private static partial Regex EnScale { get; }
    [GeneratedRegex("""^(?:元人民币|人民币|元|美元|欧元|港元|日元|英镑)""", RegexOptions.CultureInvariant)]
    private static partial Regex CnCurrency { get; }
    [GeneratedRegex($$"""^\s*(?i:(yuan|RMB|renminbi|CNY)|(US dollars|dollars?|USD)|(euros?|EUR)){{B}}""", RegexOptions.CultureInvariant)]
    private static partial Regex EnCurrencySuffix { get; }
    [GeneratedRegex("""(?:(US\$|USD|\$)|(RMB|CNY|¥|人民币)|(€|EUR)|(HK\$))\s*$""", RegexOptions.CultureInvariant)]
    private static partial Regex CurrencyPrefix { get; }

    private static readonly (Regex Pattern, string Unit)[] UnitPatterns =
    [
        (PercentUnit, Units.Percent),
        (PercentagePointUnit, Units.PercentagePoints),
        (FoldUnit, Units.Fold),
        (WorkingDayUnit, Units.WorkingDays),
        (DayUnit, Units.Days),
        (WeekUnit, Units.Weeks),
        (MonthUnit, Units.Months),
        (YearUnit, Units.Years),
        (HourUnit, Units.Hours),
        (PatientUnit, Units.Patients),
        (PersonUnit, Units.Persons),
        (CountUnit, Units.Count),
    ];

    [GeneratedRegex($$"""^\s*(?:%|(?i:percent|per cent|pct){{B}})""", RegexOptions.CultureInvariant)]
    private static partial Regex PercentUnit { get; }

    [GeneratedRegex($$"""^\s*(?:个百分点|(?i:percentage points?|pp){{B}})""", RegexOptions.CultureInvariant)]
    private static partial Regex PercentagePointUnit { get; }

    [GeneratedRegex($$"""^(?:倍|-?(?i:fold){{B}}|\s+(?i:fold){{B}}|x{{B}})""", RegexOptions.CultureInvariant)]
    private static partial Regex FoldUnit { get; }

    [GeneratedRegex($$"""^(?:个)?(?:多)?工作日|^(?:-|\s+)(?i:(?:working|business)[- ]days?){{B}}""", RegexOptions.CultureInvariant)]
    private static partial Regex WorkingDayUnit { get; }

    [GeneratedRegex($$"""^(?:个)?(?:自然日|日|天)|^(?:-|\s+)(?i:(?:calendar[- ])?days?){{B}}""", RegexOptions.CultureInvariant)]
    private static partial Regex DayUnit { get; }

    [GeneratedRegex($$"""^(?:个)?(?:周|星期)|^(?:-|\s+)(?i:weeks?){{B}}""", RegexOptions.CultureInvariant)]
    private static partial Regex WeekUnit { get; }

    [GeneratedRegex($$"""^(?:个多?月)|^(?:-|\s+)(?i:months?){{B}}""", RegexOptions.CultureInvariant)]
    private static partial Regex MonthUnit { get; }

    [GeneratedRegex($$"""^(?:个)?年(?![代度])|^(?:-|\s+)(?i:years?){{B}}(?![- ]old)""", RegexOptions.CultureInvariant)]
    private static partial Regex YearUnit { get; }

    [GeneratedRegex($$"""^(?:个)?小时|^(?:-|\s+)(?i:hours?){{B}}""", RegexOptions.CultureInvariant)]
    private static partial Regex HourUnit { get; }

    [GeneratedRegex($$"""^(?:名|例|位)?(?:患者|病人|受试者|病例)|^例|^\s+(?:[A-Za-z0-9-]+\s+){0,2}?(?i:patients|subjects|participants){{B}}""", RegexOptions.CultureInvariant)]
    private static partial Regex PatientUnit { get; }

    [GeneratedRegex("""^人(?!次)""", RegexOptions.CultureInvariant)]
    private static partial Regex PersonUnit { get; }

    [GeneratedRegex("""^(?:个品种|个项目|项目|项|件|款|个|家|起|批次|批|种|份|支|所|座|条|位|台|笔|只|人次|名|次|剂)""", RegexOptions.CultureInvariant)]
    private static partial Regex CountUnit { get; }

    // Counters that turn a number into an identifier, ordinal, date part or age rather than an amount.
    [GeneratedRegex($$"""^(?:期|类|号|线|代|级|型|岁|周岁|届|楼|层|室|月|时|点|分(?!之)|秒|度|\s*(?:-|\s)(?i:years?[- ]old|year-old){{B}}|(?i:st|nd|rd|th){{B}}|\s*(?:mg|kg|g|ml|mL|L|μg|µg|ug|ng|pg|IU|U|copies|cells|cm|mm|km|ft|feet|square|sq\.?|acres?|°C|°F|kDa|bp|kb|nm|vg|MOI){{B}}|\s*/\s*(?:kg|m2|mL))""", RegexOptions.CultureInvariant)]
    private static partial Regex NotAmountSuffix { get; }

    [GeneratedRegex("""(?:^|[;。:!?])\s*(?:[•·\-\*]\s*)?(?:\(\d{1,2}\)|\d{1,2}[.)、](?!\d))|\(\d{1,2}\)""", RegexOptions.CultureInvariant)]
    private static partial Regex ListMarker { get; }
    [GeneratedRegex($$"""\+\d[\d \-()]{6,}\d|{{B}}\d{3}[ -]\d{3}[ -]\d{4}{{B}}|{{B}}0\d{2,3}-\d{7,8}{{B}}|(?<!\d)1[3-9]\d{9}(?!\d)|{{B}}400-?\d{3}-?\d{4}{{B}}|(?:电话|热线|传真|手机|(?i:tel|phone|fax))[::\s]*[\d\-+() ]{5,}""", RegexOptions.CultureInvariant)]
    private static partial Regex Phone { get; }

    // Doses and titres in scientific notation (1.1×10^14 vg/kg, 2×10⁶ cells/kg) are not counts.
    [GeneratedRegex($$"""{{B}}\d+:\d+{{B}}|{{B}}\d+\+\d+{{B}}|\d+(?:\.\d+)?\s*[×xX*]\s*10\s*(?:\^|e|E)?\s*[-−]?\d+(?:\s*(?:vg|cells?|个细胞|CAR\+?)\S*)?|{{B}}\d+(?:\.\d+)?[eE][-+]?\d+{{B}}""", RegexOptions.CultureInvariant)]
    private static partial Regex Scientific { get; }

    // "5年生存率", "12-month PFS": a landmark time point, not a duration.
    [GeneratedRegex($$"""^(?:的)?(?:总生存|无进展|无事件|无病|无复发|生存|缓解|随访率|(?i:\s*(?:overall\s+)?survival|\s*progression-free|\s*event-free|\s*disease-free|\s*relapse-free|\s*(?:PFS|OS|EFS|DFS|RFS|DOR){{B}}|\s*landmark))""", RegexOptions.CultureInvariant)]
    private static partial Regex Landmark { get; }
    [GeneratedRegex($$"""{{B}}\d+\s+(?:[A-Z][a-z]+\s+)+(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Drive|Lane|Way|Plaza|Park){{B}}|(?i:{{B}}(?:suite|room|floor|building|unit|no\.|gate|booth|hall)\s*#?\d+[A-Za-z]*)|{{B}}(?!(?:RMB|USD|CNY|EUR|HKD)\d)[A-Z]{2,}\d[A-Za-z0-9.-]*|\d+号楼|\d+室""", RegexOptions.CultureInvariant)]
    private static partial Regex Address { get; }

    private static readonly (string Word, string Qualifier)[] CnPrefixes =
    [
        ("不少于", "at_least"), ("不低于", "at_least"), ("至少", "at_least"), ("最少", "at_least"),
        ("不超过", "at_most"), ("最高可达", "at_most"), ("可达", "at_most"), ("最高达", "at_most"), ("最多达", "at_most"), ("最高", "at_most"), ("最多", "at_most"), ("至多", "at_most"), ("高达", "exact"),
        ("不到", "under"), ("不足", "under"), ("少于", "under"), ("低于", "under"), ("未满", "under"),
        ("超过", "over"), ("超出", "over"), ("突破", "over"), ("多于", "over"), ("高于", "over"), ("逾", "over"), ("超", "over"), ("过", "over"),
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
    private static readonly string[] CnFillers = ["达到", "可达", "达", "可", "将", "为", "是", "在", "共计", "共", "累计", "有", "了", "占"];
    private static readonly string[] EnFillers = ["reached", "reach", "is", "was", "are", "were", "be", "at", "of", "for", "to", "by", "the", "a", "total", "totaling"];

    [GeneratedRegex($$"""(?:仅|只有|仅有|唯一|(?i:{{B}}only|{{B}}just|{{B}}exactly))\s*$""", RegexOptions.CultureInvariant)]
    private static partial Regex StressedOne { get; }
    [GeneratedRegex($$"""(?:第|数|几|若干|星期|周|年龄|年满|#)$|(?i:{{B}}(?:phase|stage|grade|type|no\.|number|version|gen|aged?|ages|top|section|article|part|chapter|clause|table|figure|fig\.|page|form|rule|level|cohort|arm|day|week|month|year|cycle|dose level)\s*)$""", RegexOptions.CultureInvariant)]
    private static partial Regex OrdinalLead { get; }
    [GeneratedRegex($$"""^(?:x{{B}}|(?i:bn|mn|m|k|b|fold){{B}})""", RegexOptions.CultureInvariant)]
    private static partial Regex LetterUnit { get; }
    [GeneratedRegex("""(?:RMB|USD|CNY|EUR|HKD|HK|US)\$?$""", RegexOptions.CultureInvariant)]
    private static partial Regex CurrencyCodeLead { get; }
    [GeneratedRegex($$"""^\s+(?:of\s+(?:the|its|our|these|those|them){{B}})""", RegexOptions.CultureInvariant)]
    private static partial Regex OneOf { get; }
    [GeneratedRegex("""^\s*(?:至|到|~|～|-|–|—|(?i:to))\s*$""", RegexOptions.CultureInvariant)]
    private static partial Regex RangeConnector { get; }

    // "40万至50万美元": the first end of a range keeps its scale though a connector, not a unit, follows it.
    [GeneratedRegex("""^\s*(?:至|到|~|～|-|–|—)\s*[\d一二两三四五六七八九十]""", RegexOptions.CultureInvariant)]
    private static partial Regex RangeNext { get; }

    // "10 April 2025": the day of an English date written day first.
    [GeneratedRegex($$"""^\s*(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec){{B}}\.?\s*,?\s*(?:19|20)\d{2}{{B}}""", RegexOptions.CultureInvariant)]
    private static partial Regex MonthAfterDay { get; }

    // "比门槛低1000元", "便宜2万元": a difference from another figure, not an amount in its own right.
    [GeneratedRegex("""比[^,;。]{1,24}?(?:低|高|便宜|贵|少|多)(?:出|了)?$""", RegexOptions.CultureInvariant)]
    private static partial Regex DifferenceLead { get; }

    // "这两个类别", "these two documents": items already named, counted again, not a new amount.
    [GeneratedRegex($$"""(?:这|那)$|(?i:{{B}}(?:these|those)\s+)$""", RegexOptions.CultureInvariant)]
    private static partial Regex Demonstrative { get; }

    // "每年注射两次", "一年两次", "每周2次": how often, not how many.
    [GeneratedRegex("""(?:每|一)(?:年|个?月|周|星期|天|日|季度?)[^,;。\d]{0,6}$""", RegexOptions.CultureInvariant)]
    private static partial Regex FrequencyLead { get; }

    // "three times a year", "2 doses per month", "4次/年", "3 visits annually": a count per period is a frequency.
    [GeneratedRegex($$"""^\s*(?:次\s*/\s*(?:年|月|周|天|日)|(?i:(?:times?|doses?|infusions?|injections?|visits?|sessions?|cycles?)\s+(?:(?:a|an|per|each|every)\s+(?:year|month|week|day|quarter){{B}}|(?:annually|yearly|monthly|weekly|daily|quarterly){{B}})))""", RegexOptions.CultureInvariant)]
    private static partial Regex FrequencyTail { get; }

    // "every 6 months", "每两年", "每3个月": the interval of something recurring, a duration and never a review clock.
    [GeneratedRegex($$"""(?:每(?:隔)?|(?i:{{B}}every|{{B}}once every))\s*$""", RegexOptions.CultureInvariant)]
    private static partial Regex IntervalLead { get; }

    // "一两百元", "三四十家": two neighbouring digits before one scale are a vague amount between them.
    [GeneratedRegex("""^([一二三四五六七八九])([二两三四五六七八九])([十百千万亿]+)$""", RegexOptions.CultureInvariant)]
    private static partial Regex NeighbourDigits { get; }
    [GeneratedRegex($$"""(?:由|从|(?i:{{B}}from|{{B}}between))$""", RegexOptions.CultureInvariant)]
    private static partial Regex ChangeLead { get; }

    [GeneratedRegex($$"""(?i){{B}}(?:of|for|is|was|were|be|been|lasts?|lasted|takes?|took|reached|exceeding)\s+over$""", RegexOptions.CultureInvariant)]
    private static partial Regex OverAsMore { get; }

    [GeneratedRegex("""^-\d*[A-Z]""", RegexOptions.CultureInvariant)]
    private static partial Regex HyphenCode { get; }

    [GeneratedRegex("""^\s*(?:/|、|,|或|和|(?i:or|and))\s*$""", RegexOptions.CultureInvariant)]
    private static partial Regex IdentifierJoin { get; }

    [GeneratedRegex($$"""(?:近|过去|未来|最近|今后|此后|之后|前|后|(?i:{{B}}(?:the\s+)?(?:last|past|next|previous|coming|recent|first|following|over the)))\s*$""", RegexOptions.CultureInvariant)]
    private static partial Regex TimePeriodPrefix { get; }

    [GeneratedRegex("""^\s*(?:(以上|及以上|(?i:or more|and above|or above|\+))|(以内|以下|及以下|(?i:or less|or fewer))|(左右|上下))""", RegexOptions.CultureInvariant)]
    private static partial Regex SuffixQualifier { get; }

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

        foreach (Match lm in ListMarker.Matches(text))
        {
            MarkSpan(lm.Index, lm.Index + lm.Length);
        }

        foreach (Match m in Phone.Matches(text))
        {
            MarkSpan(m.Index, m.Index + m.Length);
        }

        foreach (Match m in Scientific.Matches(text))
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
        var before = Tail(text, m.Index);

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
        else if (m.Groups["ratio"].Success)
        {
            // "1 in 5 patients": a share.
            if (!NumberParser.TryParse(m.Groups["rn"].Value, out var rn) || !NumberParser.TryParse(m.Groups["rd"].Value, out var rd) || rd == 0 || rn > rd)
            {
                return null;
            }

            q.Value = Math.Round(rn / rd * 100, 2);
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
            var w = m.Value.ToLowerInvariant();
            q.Value = w.StartsWith("tripled", StringComparison.Ordinal) ? 3
                : w.StartsWith("quadrupled", StringComparison.Ordinal) ? 4
                : w.EndsWith("fold", StringComparison.Ordinal) && NumberParser.TryParseEnglish(w[..^4], out var fold) ? fold
                : 2;
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

            if (isCn && NeighbourDigits.Match(core) is { Success: true } pair
                && NumberParser.TryParse(pair.Groups[1].Value + pair.Groups[3].Value, out var low)
                && NumberParser.TryParse(pair.Groups[2].Value + pair.Groups[3].Value, out var high) && high > low)
            {
                v = (low + high) / 2;
                SetQualifier(q, "approx");
            }

            if (m.Groups["ar"].Success && MonthAfterDay.IsMatch(Head(text, q.NumberEnd)))
            {
                return Skipped(q, "date");
            }

            q.Value = v;
            // "one"/一 is an article unless stressed as a count ("only one", 仅一款).
            q.ArticleOne = v == 1 && (core == "一" || core.Equals("one", StringComparison.OrdinalIgnoreCase))
                && !StressedOne.IsMatch(before);

            // Identifiers and ordinals: CD19, AAV9, SOD1-ALS, IFN-α2b, 第四, Phase 3, No. 5.
            var prev = before.Length > 0 ? before[^1] : ' ';
            if ((char.IsAsciiLetter(prev) && !CurrencyCodeLead.IsMatch(before)) || (prev is (>= 'α' and <= 'ω') or (>= 'Α' and <= 'Ω'))
                || (prev == '-' && before.Length > 1 && char.IsAsciiLetter(before[^2])))
            {
                return Skipped(q, "identifier");
            }

            if (OrdinalLead.IsMatch(before))
            {
                return Skipped(q, "ordinal-or-vague");
            }

            if (Demonstrative.IsMatch(before))
            {
                return Skipped(q, "back-reference");
            }

            if (m.Groups["ar"].Success && HyphenCode.IsMatch(Head(text, q.NumberEnd)))
            {
                // 4-1BB, 10-K, 3-MMC: a code, not an amount ("30-day" stays a duration).
                return Skipped(q, "identifier");
            }

            if (m.Groups["ar"].Success && q.NumberEnd < text.Length && char.IsAsciiLetter(text[q.NumberEnd])
                && !LetterUnit.IsMatch(Head(text, q.NumberEnd)))
            {
                return Skipped(q, "identifier");
            }

            if (isEn && OneOf.IsMatch(Head(text, q.NumberEnd)) && q.ArticleOne)
            {
                return Skipped(q, "one-of");
            }

            ReadScaleAndUnit(text, q, isCn);
        }

        ReadSuffixQualifier(text, q);
        ReadPrefix(text, q);

        if (q.Skip is null && DifferenceLead.IsMatch(Tail(text, q.Start)))
        {
            q.Skip = "difference";
        }

        if (q.Skip is null && q.Unit == Units.Count
            && ((text.AsSpan(q.NumberEnd).TrimStart().StartsWith("次") && FrequencyLead.IsMatch(Tail(text, q.Start)))
                || FrequencyTail.IsMatch(Head(text, q.NumberEnd))))
        {
            q.Skip = "frequency";
        }

        if (q.Skip is null && Units.IsTime(q.Unit) && IntervalLead.IsMatch(Tail(text, q.Start)))
        {
            q.Interval = true;
        }

        if (q.Skip is null && Units.IsTime(q.Unit) && TimePeriodPrefix.IsMatch(Tail(text, q.Start)))
        {
            q.Skip = "period";
        }

        if (q.Skip is null && Units.IsTime(q.Unit) && Landmark.IsMatch(Head(text, q.End)))
        {
            q.Skip = "landmark";
        }

        return q;
    }

    private static void ReadScaleAndUnit(string text, Quantity q, bool isCn)
    {
        var pos = q.NumberEnd;
        string Rest() => Head(text, pos);

        // 30余项, 200多家: "more than" written after the number.
        if (pos < text.Length && text[pos] is '余' or '多' && pos + 1 < text.Length && !char.IsWhiteSpace(text[pos + 1]))
        {
            SetQualifier(q, "over");
            pos++;
        }

        // Currency written before the number ($, US$, RMB).
        string? currency = null;
        var prefix = CurrencyPrefix.Match(Tail(text, q.NumberStart));
        var prefixOffset = q.NumberStart - Tail(text, q.NumberStart).Length;
        if (prefix.Success)
        {
            currency = prefix.Groups[1].Success ? "USD" : prefix.Groups[2].Success ? "CNY" : prefix.Groups[3].Success ? "EUR" : "HKD";
            q.Start = prefixOffset + prefix.Index;
        }

        // Scale: 万/亿 (Chinese) or million/billion (English; m/k/b only next to a currency).
        var cnScale = CnScale.Match(Rest());
        if (cnScale.Success && !isCn)
        {
            var after = Rest()[cnScale.Length..];
            if (CnCurrency.IsMatch(after) || UnitPatterns.Any(u => u.Pattern.IsMatch(after)) || after.Length == 0 || !IsCjk(after[0])
                || RangeNext.IsMatch(after))
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
        q.ScaleEnd = pos;

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
        }

        q.End = pos;
    }

    private static void ReadSuffixQualifier(string text, Quantity q)
    {
        var sm = SuffixQualifier.Match(Head(text, q.End));
        if (!sm.Success || q.Skip is not null)
        {
            return;
        }

        SetQualifier(q, sm.Groups[1].Success ? "at_least" : sm.Groups[2].Success ? "at_most" : "approx");
        q.End += sm.Length;
    }

    private static void ReadPrefix(string text, Quantity q)
    {
        var before = Tail(text, q.Start).TrimEnd();

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
            if (hit is { Word: "over" } && Units.IsTime(q.Unit) && !OverAsMore.IsMatch(probe))
            {
                // "over 24 weeks" is a span of time ("during"); "follow-up of over 24 months" is a lower bound.
                return;
            }

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
            var aEnd = a.ExplicitUnit ? a.End : Math.Max(a.NumberEnd, a.ScaleEnd);
            if (aEnd > b.Start)
            {
                continue;
            }

            var between = text[aEnd..b.Start];
            if (a.Skip is "ordinal-or-vague" && IdentifierJoin.IsMatch(between))
            {
                // "grade 1 or 2", "Phase 1/2", "第3、4款": the second number continues the first one's series.
                b.Skip = a.Skip;
                continue;
            }

            if (between is "-" or "/" or "–" && (a.Skip is not null and not "no-counter") != (b.Skip is not null and not "no-counter"))
            {
                // Phase 1/2, CD19-22, 1/2期: both halves of an identifier pair are identifiers.
                a.Skip ??= b.Skip;
                b.Skip ??= a.Skip;
                continue;
            }

            if (!RangeConnector.IsMatch(between))
            {
                continue;
            }

            if (a.Skip is not null and not "no-counter")
            {
                // "aged 18 to 65": the range inherits why its first end is not an amount.
                b.Skip = a.Skip;
                continue;
            }

            if (!a.ExplicitUnit)
            {
                if (b.Skip is not null)
                {
                    a.Skip = b.Skip;
                    continue;
                }

                if (a.Scale == 1)
                {
                    // "1-2亿元": the scale written once applies to both ends.
                    a.Value *= b.Scale;
                }

                a.Unit = b.Unit;
                a.Skip = null;
                a.ArticleOne = false;
            }
            else if (a.Unit != b.Unit)
            {
                continue;
            }

            var lead = Tail(text, a.Start).TrimEnd();
            if (ChangeLead.IsMatch(lead))
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

    // Cue words sit next to the number: look at a bounded window, so long paragraphs stay linear.
    private const int Window = 48;

    /// <summary>Up to <see cref="Window"/> characters ending at <paramref name="end"/>.</summary>
    public static string Tail(string text, int end) => text[Math.Max(0, end - Window)..end];

    /// <summary>Up to <see cref="Window"/> characters starting at <paramref name="start"/>.</summary>
    public static string Head(string text, int start) => text[start..Math.Min(text.Length, start + Window)];

    private static bool IsCjk(char c) => c is >= '\u4e00' and <= '\u9fff' or >= '\u3400' and <= '\u4dbf';
}
