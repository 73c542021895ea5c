using System.Text.RegularExpressions;
using static CgtAtlas.Facts.Rx;

namespace CgtAtlas.Facts;

/// <summary>An event found in a sentence: what happened, to which product, by which company.</summary>
internal readonly record struct EventMatch(string Kind, string? Product, string? Company);

/// <summary>
/// Recognises the three value-less fact kinds: a named product approved (批准…上市, "FDA approved X", "X gets NMPA
/// nod"), a policy issued (a titled guidance, draft or notice), and a platform launched. A product must be named:
/// "14款CGT产品获批上市" is an approval count, not an approval event.
/// </summary>
internal static partial class EventMatcher
{
    private const string CnName = @"[\p{IsCJKUnifiedIdeographs}A-Za-z0-9\-]";
    private const string Cap = @"[A-Z][A-Za-z0-9&.\-]*";

    [GeneratedRegex("""批准(?<body>[^,。;:]{2,60}?)(?:附条件)?上市""", RegexOptions.CultureInvariant)]
    private static partial Regex CnApproveListing { get; }
    [GeneratedRegex($$"""(?<prod>{{CnName}}{2,20}?(?:注射液|注射剂|胶囊|片|颗粒|混悬液))(?:\([^)]*\))?(?:于[^,。;]{1,15}?)?(?:正式|已|已经|近日|今日)?(?:附条件)?(?:获批|获得批准)""", RegexOptions.CultureInvariant)]
    private static partial Regex CnApprovedProduct { get; }
    [GeneratedRegex("""\d|款|个|种|项|^(?:该|本|其|多|相关)|(?:产品|药物|疗法|药品)$""", RegexOptions.CultureInvariant)]
    private static partial Regex GenericProduct { get; }

    [GeneratedRegex($$"""(?i){{B}}approv[A-Za-z]*|{{B}}nod{{B}}|authori[sz][A-Za-z]*|{{B}}clearance{{B}}""", RegexOptions.CultureInvariant)]
    private static partial Regex EnApprovalCue { get; }
    [GeneratedRegex($$"""{{B}}approved\s+(?<prod>[A-Z][A-Za-z0-9\-]+|[a-z]+(?:cel|vec|sen|siran|mab|ran){{B}})""", RegexOptions.CultureInvariant)]
    private static partial Regex EnApprovedX { get; }
    [GeneratedRegex($$"""(?i:{{B}}(?:won|wins|received|receives|granted|grants|gets|got|secured|secures|obtained|earned|earns){{B}})[^.;]{0,60}?{{B}}(?:approval|authori[sz]ation|clearance|nod)\s+(?:for|of|to)\s+(?<prod>[A-Z][A-Za-z0-9\-]+|[a-z]+(?:cel|vec|sen|siran|mab|ran){{B}})""", RegexOptions.CultureInvariant)]
    private static partial Regex EnApprovalForX { get; }
    [GeneratedRegex($$"""(?<co>{{Cap}}(?:\s+{{Cap}})*)(?:'s|')\s+(?<prod>[A-Za-z][A-Za-z0-9\-]+)(?:\s*\([^)]*\))?\s+(?:gets|got|receives|received|wins|won|secures|secured|obtains|obtained|earns|earned|granted){{B}}""", RegexOptions.CultureInvariant)]
    private static partial Regex EnPossessive { get; }
    [GeneratedRegex($$"""(?:(?<co>{{Cap}}(?:\s+{{Cap}})*)(?:'s|')\s+)?(?<prod>[A-Z][A-Za-z0-9\-]+|[a-z]+(?:cel|vec|sen|siran|mab|ran){{B}})(?:\s*\([^)]*\))?\s+(?:was|has been|had been|is|were)\s+(?:[A-Za-z]+ly\s+)?(?:approved|cleared|authori[sz]ed){{B}}""", RegexOptions.CultureInvariant)]
    private static partial Regex EnPassive { get; }
    [GeneratedRegex("""^(?:\d{1,2}[.)]\s*)?(?<prod>[A-Z][A-Za-z0-9\-]+(?:\s+[a-z][A-Za-z0-9\-]+)?)\s*\((?<inn>[^)]*)\)""", RegexOptions.CultureInvariant)]
    private static partial Regex EnLeadingName { get; }
    [GeneratedRegex($$"""\)\s*,\s*(?<co>{{Cap}}(?:\s+{{Cap}})*)(?:'s|')\s""", RegexOptions.CultureInvariant)]
    private static partial Regex EnCompanyAfterParen { get; }
    [GeneratedRegex($$"""(?<co>{{Cap}}(?:\s+{{Cap}})*)\s+(?:won|wins|received|receives|gets|got|secured|obtained){{B}}""", RegexOptions.CultureInvariant)]
    private static partial Regex EnCompanyWon { get; }
    [GeneratedRegex("""\)\s*,\s*(?<co>[^—–()]+?)\s*[—–]\s*(?i:approved)""", RegexOptions.CultureInvariant)]
    private static partial Regex EnCompanyDash { get; }

    private static readonly HashSet<string> NotProducts = new(StringComparer.OrdinalIgnoreCase)
    {
        "The", "A", "An", "In", "On", "It", "Its", "This", "That", "These", "China", "US", "FDA", "NMPA", "EMA", "CDE", "CBER",
        "National", "Center", "Food", "Administration", "Together", "Also", "January", "February", "March", "April", "May",
        "June", "July", "August", "September", "October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul",
        "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Phase", "First", "Under", "After", "Before", "However",
    };

    [GeneratedRegex("""
        《(?<t>[^》]+)》|“(?<t>[^”]+)”|"(?<t>[^"]+)"
        """, RegexOptions.CultureInvariant)]
    private static partial Regex Title { get; }
    [GeneratedRegex($$"""指导原则|征求意见稿|指引|办法|规定|通知|意见|规范|指南|条例|(?i:guidance|guideline|draft|{{B}}rules?{{B}}|regulation|framework)""", RegexOptions.CultureInvariant)]
    private static partial Regex PolicyNoun { get; }
    [GeneratedRegex($$"""发布|印发|出台|颁布|公布|发文|(?i:{{B}}issu[A-Za-z]*|publish[A-Za-z]*|releas[A-Za-z]*|finaliz[A-Za-z]*|unveil[A-Za-z]*|propos[A-Za-z]*)""", RegexOptions.CultureInvariant)]
    private static partial Regex PolicyVerb { get; }

    [GeneratedRegex($$"""平台|(?i:{{B}}platform{{B}})""", RegexOptions.CultureInvariant)]
    private static partial Regex PlatformNoun { get; }
    [GeneratedRegex("""发布|推出|上线|亮相|(?i:launch[A-Za-z]*|unveil[A-Za-z]*|introduc[A-Za-z]*|debut[A-Za-z]*)""", RegexOptions.CultureInvariant)]
    private static partial Regex PlatformVerb { get; }
    [GeneratedRegex("""平台(?<p>[A-Za-z][A-Za-z0-9\-]*)|(?i:platform)[,:\s]+(?:called\s+|named\s+)?(?<p>[A-Z][A-Za-z0-9\-]+)|(?<p>[A-Z][A-Za-z0-9\-]+)(?:™|®)?\s+(?i:platform)""", RegexOptions.CultureInvariant)]
    private static partial Regex PlatformName { get; }
    [GeneratedRegex("""^(?:[^,]*,)?(?<co>[\p{IsCJKUnifiedIdeographs}A-Za-z0-9]{2,20}?)(?:宣布|正式|今日|近日)?(?:发布|推出|上线)""", RegexOptions.CultureInvariant)]
    private static partial Regex CnCompanyBeforeVerb { get; }

    /// <summary>The event a sentence reports, if any (a sentence reports at most one event of each kind).</summary>
    public static IEnumerable<EventMatch> Find(string sentence, bool hasAgency)
    {
        if (Approval(sentence) is { } approval)
        {
            yield return approval;
        }

        if (Policy(sentence, hasAgency) is { } policy)
        {
            yield return policy;
        }

        if (Platform(sentence) is { } platform)
        {
            yield return platform;
        }
    }

    private static EventMatch? Approval(string s)
    {
        if (CnApproveListing.Match(s) is { Success: true } cn)
        {
            var body = cn.Groups["body"].Value;
            var cut = body.LastIndexOf('的');
            // "…注射液新适应症上市申请": the product, not the supplemental indication.
            var product = IndicationSuffix.Replace(StripParen(cut >= 0 ? body[(cut + 1)..] : body), string.Empty);
            string? company = cut >= 0 ? FilingVerbSuffix.Replace(body[..cut], string.Empty) : null;
            if (product.Length is > 1 and <= 30 && !GenericProduct.IsMatch(product))
            {
                return new EventMatch(FactKinds.ApprovalEvent, product, NullIfEmpty(company));
            }
        }

        if (CnApprovedProduct.Match(s) is { Success: true } cp)
        {
            // "复星凯特的阿基仑赛注射液": the owner is written before 的.
            var name = cp.Groups["prod"].Value;
            var cut = name.LastIndexOf('的');
            var product = cut >= 0 ? name[(cut + 1)..] : name;
            if (product.Length > 3 && !GenericProduct.IsMatch(product))
            {
                return new EventMatch(FactKinds.ApprovalEvent, product, cut > 0 ? name[..cut] : null);
            }
        }

        if (!EnApprovalCue.IsMatch(s))
        {
            return null;
        }

        string? prod = null;
        string? co = null;
        foreach (var pattern in new[] { EnPossessive, EnPassive, EnApprovedX, EnApprovalForX, EnLeadingName })
        {
            var m = pattern.Match(s);
            if (!m.Success || NotProducts.Contains(m.Groups["prod"].Value.Split(' ')[0]) || IsModalityName(m.Groups["prod"].Value))
            {
                continue;
            }

            prod = m.Groups["prod"].Value;
            co = m.Groups["co"].Success ? m.Groups["co"].Value : null;
            break;
        }

        if (prod is null)
        {
            return null;
        }

        co ??= EnCompanyDash.Match(s) is { Success: true } dash ? dash.Groups["co"].Value.Split(" and ")[0].Trim()
            : EnCompanyAfterParen.Match(s) is { Success: true } ap ? ap.Groups["co"].Value
            : EnCompanyWon.Match(s) is { Success: true } won && !NotProducts.Contains(won.Groups["co"].Value) ? won.Groups["co"].Value
            : null;
        return new EventMatch(FactKinds.ApprovalEvent, prod, co);
    }

    private static EventMatch? Policy(string s, bool hasAgency)
    {
        if (!PolicyVerb.IsMatch(s) || !PolicyNoun.IsMatch(s))
        {
            return null;
        }

        var title = Title.Match(s);
        if (!title.Success && !hasAgency)
        {
            return null;
        }

        return new EventMatch(FactKinds.Policy, title.Success ? title.Groups["t"].Value : null, null);
    }

    private static EventMatch? Platform(string s)
    {
        if (!PlatformNoun.IsMatch(s) || !PlatformVerb.IsMatch(s))
        {
            return null;
        }

        // A platform fact needs the platform's name; "公布了其CAR-T平台的数据" is not a launch.
        var name = PlatformName.Match(s);
        if (!name.Success)
        {
            return null;
        }

        var company = CnCompanyBeforeVerb.Match(s);
        return new EventMatch(FactKinds.Platform, name.Groups["p"].Value,
            company.Success ? company.Groups["co"].Value : null);
    }

    [GeneratedRegex($$"""^(?:[A-Za-z0-9-]+-based\s+)?(?<co>{{Cap}}(?:\s+{{Cap}})*)\s+(?:has|had|have|raised|raises|closed|completed|licensed|licenses|signed|entered|secured|announced|agreed|struck|inked|won){{B}}""", RegexOptions.CultureInvariant)]
    private static partial Regex EnSubject { get; }
    [GeneratedRegex("""(?:企业|公司|药企|生物|^)(?<co>[\p{IsCJKUnifiedIdeographs}A-Za-z]{2,8}?)(?:宣布|近日|今日|已)?(?:完成|获得|达成|签署|与)""", RegexOptions.CultureInvariant)]
    private static partial Regex CnSubject { get; }
    [GeneratedRegex("""^(?:\d{1,2}[.)]\s*)?(?<p>[A-Z][A-Za-z0-9\-]+)(?=\s*[,(])""", RegexOptions.CultureInvariant)]
    private static partial Regex LeadingName { get; }

    /// <summary>The company a funding or deal sentence is about: its grammatical subject.</summary>
    public static string? SubjectCompany(string sentence)
    {
        if (EnSubject.Match(sentence) is { Success: true } en && !NotProducts.Contains(en.Groups["co"].Value.Split(' ')[0]))
        {
            return en.Groups["co"].Value;
        }

        return CnSubject.Match(sentence) is { Success: true } cn ? cn.Groups["co"].Value : null;
    }

    /// <summary>The product a price sentence is about: an approved product, or a brand name opening the sentence.</summary>
    public static string? SubjectProduct(string sentence)
    {
        if (Approval(sentence) is { Product: { } p })
        {
            return p;
        }

        return LeadingName.Match(sentence) is { Success: true } m && !NotProducts.Contains(m.Groups["p"].Value)
            && !IsModalityName(m.Groups["p"].Value) ? m.Groups["p"].Value : null;
    }

    /// <summary>Where the title of a policy sits in the sentence (its modality is read there first).</summary>
    public static Match TitleIn(string sentence) => Title.Match(sentence);

    // "approved CAR-T products": a modality is not a product name.
    private static bool IsModalityName(string name) => ModalityName.IsMatch(name);

    [GeneratedRegex("""^(?i:CAR-?T|CAR-?NK|TCR-?T|TIL|CGT|gene|cell|stem|mRNA|siRNA|ASO|RNA|CRISPR|oncolytic|AAV|lentivir[A-Za-z]*)s?$""", RegexOptions.CultureInvariant)]
    private static partial Regex ModalityName { get; }

    private static string StripParen(string s) => Parenthesis.Replace(s, string.Empty).Trim();

    [GeneratedRegex(@"\([^)]*\)")]
    private static partial Regex Parenthesis { get; }

    [GeneratedRegex("(?:的)?(?:新适应症|适应症|上市申请|新药上市申请)+$")]
    private static partial Regex IndicationSuffix { get; }

    [GeneratedRegex("(?:申报|提交|研发|开发|生产)$")]
    private static partial Regex FilingVerbSuffix { get; }

    private static string? NullIfEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
