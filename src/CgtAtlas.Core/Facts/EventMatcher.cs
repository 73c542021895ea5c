using System.Text.RegularExpressions;

namespace CgtAtlas.Facts;

/// <summary>An event found in a sentence: what happened, to which product, by which company.</summary>
internal readonly record struct EventMatch(string Kind, string? Product, string? Company);

/// <summary>
/// Recognises the three value-less fact kinds: a named product approved (批准…上市, "FDA approved X", "X gets NMPA
/// nod"), a policy issued (a titled guidance, draft or notice), and a platform launched. A product must be named:
/// "14款CGT产品获批上市" is an approval count, not an approval event.
/// </summary>
internal static class EventMatcher
{
    private static Regex R(string pattern) => Rx.Make(pattern);

    private const string CnName = @"[\p{IsCJKUnifiedIdeographs}A-Za-z0-9\-]";
    private const string Cap = @"[A-Z][\w&.\-]*";

    private static readonly Regex CnApproveListing = R(@"批准(?<body>[^,。;:]{2,60}?)(?:附条件)?上市");
    private static readonly Regex CnApprovedProduct = R(
        $@"(?<prod>{CnName}{{2,20}}?(?:注射液|注射剂|胶囊|片|颗粒|混悬液))(?:\([^)]*\))?(?:正式|已|已经|近日|今日)?(?:附条件)?(?:获批|获得批准)");
    private static readonly Regex GenericProduct = R(@"\d|款|个|种|项|^(?:该|本|其|多|相关)|(?:产品|药物|疗法|药品)$");

    private static readonly Regex EnApprovalCue = R(@"(?i)\bapprov\w*|\bnod\b|authori[sz]\w*|\bclearance\b");
    private static readonly Regex EnApprovedX = R(@"\bapproved\s+(?<prod>[A-Z][\w\-]+|[a-z]+(?:cel|vec|sen|siran|mab|ran)\b)");
    private static readonly Regex EnApprovalForX = R(@"\bapproval\s+(?:for|of|to)\s+(?<prod>[A-Z][\w\-]+|[a-z]+(?:cel|vec|sen|siran|mab|ran)\b)");
    private static readonly Regex EnPossessive = R(
        $@"(?<co>{Cap}(?:\s+{Cap})*)(?:'s|')\s+(?<prod>[A-Za-z][\w\-]+)(?:\s*\([^)]*\))?\s+(?:gets|got|receives|received|wins|won|secures|secured|obtains|obtained|earns|earned|granted)\b");
    private static readonly Regex EnLeadingName = R(@"^(?:\d{1,2}[.)]\s*)?(?<prod>[A-Z][\w\-]+(?:\s+[a-z][\w\-]+)?)\s*\((?<inn>[^)]*)\)");
    private static readonly Regex EnCompanyAfterParen = R($@"\)\s*,\s*(?<co>{Cap}(?:\s+{Cap})*)(?:'s|')\s");
    private static readonly Regex EnCompanyWon = R($@"(?<co>{Cap}(?:\s+{Cap})*)\s+(?:won|wins|received|receives|gets|got|secured|obtained)\b");
    private static readonly Regex EnCompanyDash = R(@"\)\s*,\s*(?<co>[^—–()]+?)\s*[—–]\s*(?i:approved)");

    private static readonly HashSet<string> NotProducts = new(StringComparer.OrdinalIgnoreCase)
    {
        "The", "A", "An", "In", "On", "It", "Its", "This", "That", "These", "China", "US", "FDA", "NMPA", "EMA", "CDE", "CBER",
        "National", "Center", "Food", "Administration", "Together", "Also", "January", "February", "March", "April", "May",
        "June", "July", "August", "September", "October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul",
        "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Phase", "First", "Under", "After", "Before", "However",
    };

    private static readonly Regex Title = R(@"《(?<t>[^》]+)》|“(?<t>[^”]+)”|""(?<t>[^""]+)""");
    private static readonly Regex PolicyNoun = R(@"指导原则|征求意见稿|指引|办法|规定|通知|意见|规范|指南|条例|(?i:guidance|guideline|draft|\brules?\b|regulation|framework)");
    private static readonly Regex PolicyVerb = R(@"发布|印发|出台|颁布|公布|发文|(?i:\bissu\w*|publish\w*|releas\w*|finaliz\w*|unveil\w*|propos\w*)");

    private static readonly Regex PlatformNoun = R(@"平台|(?i:\bplatform\b)");
    private static readonly Regex PlatformVerb = R(@"发布|推出|上线|亮相|(?i:launch\w*|unveil\w*|introduc\w*|debut\w*)");
    private static readonly Regex PlatformName = R(
        @"平台(?<p>[A-Za-z][\w\-]*)|(?i:platform)[,:\s]+(?:called\s+|named\s+)?(?<p>[A-Z][\w\-]+)|(?<p>[A-Z][\w\-]+)(?:™|®)?\s+(?i:platform)");
    private static readonly Regex CnCompanyBeforeVerb = R(@"^(?:[^,]*,)?(?<co>[\p{IsCJKUnifiedIdeographs}A-Za-z0-9]{2,20}?)(?:宣布|正式|今日|近日)?(?:发布|推出|上线)");

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
            var product = StripParen(cut >= 0 ? body[(cut + 1)..] : body);
            string? company = cut >= 0 ? Regex.Replace(body[..cut], "(?:申报|提交|研发|开发|生产)$", string.Empty) : null;
            if (product.Length is > 1 and <= 30 && !GenericProduct.IsMatch(product))
            {
                return new EventMatch(FactKinds.ApprovalEvent, product, NullIfEmpty(company));
            }
        }

        if (CnApprovedProduct.Match(s) is { Success: true } cp && !GenericProduct.IsMatch(cp.Groups["prod"].Value))
        {
            return new EventMatch(FactKinds.ApprovalEvent, cp.Groups["prod"].Value, null);
        }

        if (!EnApprovalCue.IsMatch(s))
        {
            return null;
        }

        string? prod = null;
        string? co = null;
        foreach (var pattern in new[] { EnPossessive, EnApprovedX, EnApprovalForX, EnLeadingName })
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

        var name = PlatformName.Match(s);
        var company = CnCompanyBeforeVerb.Match(s);
        return new EventMatch(FactKinds.Platform, name.Success ? name.Groups["p"].Value : null,
            company.Success ? company.Groups["co"].Value : null);
    }

    private static readonly Regex EnSubject = R(
        $@"^(?:[\w-]+-based\s+)?(?<co>{Cap}(?:\s+{Cap})*)\s+(?:has|had|have|raised|raises|closed|completed|licensed|licenses|signed|entered|secured|announced|agreed|struck|inked|won)\b");
    private static readonly Regex CnSubject = R(
        @"(?:企业|公司|药企|生物|^)(?<co>[\p{IsCJKUnifiedIdeographs}A-Za-z]{2,8}?)(?:宣布|近日|今日|已)?(?:完成|获得|达成|签署|与)");
    private static readonly Regex LeadingName = R(@"^(?:\d{1,2}[.)]\s*)?(?<p>[A-Z][\w\-]+)(?=\s*[,(])");

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

    private static readonly Regex ModalityName = R(
        @"^(?i:CAR-?T|CAR-?NK|TCR-?T|TIL|CGT|gene|cell|stem|mRNA|siRNA|ASO|RNA|CRISPR|oncolytic|AAV|lentivir\w*)s?$");

    private static string StripParen(string s) => Regex.Replace(s, @"\([^)]*\)", string.Empty).Trim();

    private static string? NullIfEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
