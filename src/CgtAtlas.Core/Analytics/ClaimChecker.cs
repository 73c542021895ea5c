using System.Globalization;
using CgtAtlas.Knowledge;

namespace CgtAtlas.Analytics;

/// <summary>Kinds of quantitative claim the checker understands.</summary>
public static class ClaimKinds
{
    /// <summary>"China has approved 14 CGT products" (agency or region, optional modality, optional window).</summary>
    public const string ApprovalCount = "approval_count";

    /// <summary>"阿基仑赛 was approved in June 2021" (subject = product name; <see cref="ClaimInput.DateValue"/>).</summary>
    public const string ApprovalDate = "approval_date";

    /// <summary>"奕凯达 costs 1.2 million yuan" (subject = product) or "CAR-T costs over one million" (modality).</summary>
    public const string Price = "price";

    /// <summary>"about 2,000 CGT trials worldwide".</summary>
    public const string TrialCount = "trial_count";

    /// <summary>"China has more than half of CGT trials".</summary>
    public const string TrialShare = "trial_share";

    /// <summary>Any other reported figure, matched to statistics.csv by <see cref="ClaimInput.Metric"/>.</summary>
    public const string Statistic = "statistic";
}

/// <summary>
/// One quantitative claim as the fact extractor hands it over. Only <see cref="Kind"/> is required; what else is
/// needed depends on the kind (see <see cref="ClaimKinds"/>).
/// </summary>
public sealed record ClaimInput
{
    /// <summary>One of <see cref="ClaimKinds"/>.</summary>
    public required string Kind { get; init; }

    /// <summary>The claimed number (count, price, percentage).</summary>
    public decimal? Value { get; init; }

    /// <summary>Unit: products, trials, percent, or a currency code (CNY, USD …) for prices.</summary>
    public string? Unit { get; init; }

    /// <summary>exact, approx, over, at_least or under.</summary>
    public Qualifier Qualifier { get; init; } = Qualifier.Exact;

    /// <summary>Modality named by the claim (any surface form: CAR-T, 小核酸 …); null = all CGT.</summary>
    public string? Modality { get; init; }

    /// <summary>Agency (NMPA, FDA, EMA).</summary>
    public string? Agency { get; init; }

    /// <summary>Region (China, US, EU, global …) when no agency is named.</summary>
    public string? Region { get; init; }

    /// <summary>The as-of date of the claim; null = the document's date.</summary>
    public DateOnly? Date { get; init; }

    /// <summary>Paragraph number the claim comes from.</summary>
    public int? Paragraph { get; init; }

    /// <summary>The sentence quoted as evidence.</summary>
    public string? Evidence { get; init; }

    /// <summary>The named product (for approval dates and prices).</summary>
    public string? Subject { get; init; }

    /// <summary>The claimed date (approval_date claims).</summary>
    public DateOnly? DateValue { get; init; }

    /// <summary>Precision of <see cref="DateValue"/>.</summary>
    public DatePrecision DatePrecision { get; init; } = DatePrecision.Day;

    /// <summary>"In the last N years" windows of approval counts.</summary>
    public int? WindowYears { get; init; }

    /// <summary>all, every or most, for class price claims.</summary>
    public string? Quantifier { get; init; }

    /// <summary>statistics.csv metric (statistic claims), optional for trial claims.</summary>
    public string? Metric { get; init; }

    /// <summary>What the counted things are, as the text says ("new-drug IND applications", "CGT trials").</summary>
    public string? Scope { get; init; }

    /// <summary>What a price is for: dose, course or year (see <c>PriceTerms</c>); null = not stated.</summary>
    public string? PriceBasis { get; init; }

    /// <summary>Why the claim cannot be pinned to a knowledge-base figure (its class is unknown …); such a claim is unverifiable.</summary>
    public string? Unresolved { get; init; }
}

/// <summary>The outcome for one claim.</summary>
public sealed record ClaimVerdict
{
    /// <summary>Paragraph number.</summary>
    public int? Paragraph { get; init; }

    /// <summary>Evidence sentence.</summary>
    public string? Evidence { get; init; }

    /// <summary>Claim kind.</summary>
    public required string Kind { get; init; }

    /// <summary>The claim, as a readable value ("14", "over 50 percent", "2021-06").</summary>
    public required string Claimed { get; init; }

    /// <summary>The knowledge-base or reported value, or null when none applies.</summary>
    public string? Known { get; init; }

    /// <summary>agrees, disagrees or unverifiable.</summary>
    public required string Verdict { get; init; }

    /// <summary>Record ids behind the known value (products.csv ids, statistics.csv ids).</summary>
    public IReadOnlyList<string> Records { get; init; } = [];

    /// <summary>The as-of date used.</summary>
    public DateOnly? AsOf { get; init; }

    /// <summary>Why (tolerance applied, scope mismatch, uncertain dates …).</summary>
    public string? Note { get; init; }
}

/// <summary>
/// Checks quantitative claims against the knowledge base as of the document's date, with the tolerances of
/// docs/knowledge.md §5: approx ±5 % of the claimed value (±10 % for prices), "over X" agrees when known &gt; X, "at least" ≥, "under" &lt;,
/// bare counts must match exactly. Reported statistics carry their own qualifier, so a reported "over 3,200" supports
/// "over 3,000" but cannot confirm "exactly 3,200".
/// </summary>
public sealed class ClaimChecker
{
    /// <summary>Relative tolerance of approximate figures.</summary>
    public const decimal ApproxTolerance = 0.05m;

    /// <summary>Relative tolerance of approximate prices: "约150万元" is a rounded list price, often converted or discounted.</summary>
    public const decimal PriceApproxTolerance = 0.10m;

    /// <summary>How far (days) a statistic's as-of date may be from the claim's date.</summary>
    public const int StatisticWindowDays = 31;

    /// <summary>
    /// A report contradicts a claim only when their dates match: within this many days of the claim's as-of date
    /// (its document's date when it states none), or anywhere in the month-wide window when the claim states its own date.
    /// </summary>
    public const int SameDateDays = 7;

    /// <summary>Verdict strings.</summary>
    public const string Agrees = "agrees", Disagrees = "disagrees", Unverifiable = "unverifiable";

    private readonly KnowledgeBase _kb;
    private readonly TrialClassifier? _modalities;

    /// <summary>Creates a checker; <paramref name="modalities"/> (optional) maps free modality words to canonical names.</summary>
    public ClaimChecker(KnowledgeBase kb, TrialClassifier? modalities = null)
    {
        _kb = kb;
        _modalities = modalities;
    }

    /// <summary>Checks every claim; claims without a date use <paramref name="documentDate"/>.</summary>
    public IReadOnlyList<ClaimVerdict> Check(IEnumerable<ClaimInput> claims, DateOnly? documentDate) =>
        claims.Select(c => Check(c, documentDate)).ToList();

    /// <summary>Checks one claim.</summary>
    public ClaimVerdict Check(ClaimInput claim, DateOnly? documentDate)
    {
        var asOf = claim.Date ?? documentDate;
        if (claim.Unresolved is { } why)
        {
            return Result(claim, Describe(claim), null, Unverifiable, [], asOf, why);
        }

        var verdict = claim.Kind switch
        {
            ClaimKinds.ApprovalCount => ApprovalCount(claim, asOf, documentDate),
            ClaimKinds.ApprovalDate => ApprovalDate(claim),
            ClaimKinds.Price => Price(claim),
            ClaimKinds.TrialCount or ClaimKinds.TrialShare or ClaimKinds.Statistic => Statistic(claim, asOf),
            _ => Result(claim, Describe(claim), null, Unverifiable, [], asOf, $"unknown claim kind '{claim.Kind}'"),
        };
        return verdict with { AsOf = verdict.AsOf ?? asOf };
    }

    // ---- approval counts -------------------------------------------------------------------------------------------

    private ClaimVerdict ApprovalCount(ClaimInput claim, DateOnly? asOf, DateOnly? documentDate)
    {
        if (claim.Value is not { } value)
        {
            return Result(claim, Describe(claim), null, Unverifiable, [], asOf, "the claim has no number");
        }

        if (asOf is not { } date)
        {
            return Result(claim, Describe(claim), null, Unverifiable, [], null, "neither the claim nor the document has a date");
        }

        var agency = AgencyOf(claim);
        if (agency == "global" && claim.Modality is { } named && !IsAllCgt(named))
        {
            // The KB counts a class per agency, and the worldwide figure it holds is for all CGT: "about 23 siRNA drugs
            // worldwide" has nothing to be compared with.
            return Result(claim, Describe(claim), null, Unverifiable, [], asOf, $"no worldwide count of {named} in the knowledge base");
        }

        if (agency == "global")
        {
            // The KB holds NMPA, FDA and EMA only: a worldwide count can only be compared with a reported figure.
            return Statistic(claim with { Metric = claim.Metric ?? "cgt_products_approved" }, asOf);
        }

        string? modality = null;
        if (claim.Modality is { } modalityText && !IsAllCgt(modalityText))
        {
            modality = CanonicalModality(modalityText);
            if (modality is null)
            {
                return Result(claim, Describe(claim), null, Unverifiable, [], asOf, $"modality '{modalityText}' is not one the knowledge base counts");
            }
        }

        var query = new ApprovalQuery { Agency = agency, Modality = modality, AsOf = date, RecentYears = claim.WindowYears ?? 3 };
        var report = ApprovalStatistics.Compute(_kb, query);
        var group = claim.WindowYears is null ? report.Total : report.Recent;
        var note = new List<string>
        {
            $"{agency ?? "NMPA+FDA+EMA rows"}, counts_as_cgt=true{(modality is null ? string.Empty : $", modality {modality}")}, approved on or before {date:yyyy-MM-dd}"
                + (claim.WindowYears is { } w ? $", in the {w} years from {report.RecentFrom:yyyy-MM-dd}" : string.Empty),
        };
        if (agency is null)
        {
            note.Add("no agency or region named: rows of all three agencies are counted, a product once per agency");
        }

        var uncertain = report.Uncertain.Where(group.Ids.Contains).ToList();
        if (uncertain.Count > 0)
        {
            note.Add($"approval date known only to a period that contains the as-of date: {string.Join(", ", uncertain)}");
        }

        if (agency == "FDA" && modality is null)
        {
            note.Add("includes CDER oligonucleotides; the FDA CBER list would not");
        }

        if (documentDate is { } published && published != date)
        {
            // The sentence's own date rules; a KB that changed by publication is worth saying, not a contradiction.
            var atPublication = ApprovalStatistics.Compute(_kb, query with { AsOf = published });
            var then = claim.WindowYears is null ? atPublication.Total.Count : atPublication.Recent.Count;
            if (then != group.Count)
            {
                note.Add($"the knowledge base changed between {date:yyyy-MM-dd} and publication ({published:yyyy-MM-dd}): {group.Count} then, {then} at publication");
            }
        }

        var outcome = Compare(value, claim.Qualifier, Interval.Exact(group.Count));
        var known = group.Count.ToString(CultureInfo.InvariantCulture);
        if (modality is null && claim.WindowYears is null)
        {
            known += " (" + string.Join(", ", report.ByModality.Select(m => $"{m.Count} {m.Key}")) + ")";
        }

        return Result(claim, Describe(claim), known, outcome.Verdict, group.Ids, asOf, string.Join("; ", note.Append(outcome.Note).Where(n => n.Length > 0)));
    }

    private string? AgencyOf(ClaimInput claim)
    {
        var text = (claim.Agency ?? claim.Region)?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (_kb.AliasIndex.Resolve(text) is { Type: EntityType.Regulator } regulator)
        {
            // Sub-bodies count under their agency: CDE → NMPA, CBER → FDA, CAT → EMA.
            var code = regulator.Id;
            for (var r = _kb.FindRegulator(code); r is not null && !KnowledgeBase.Agencies.Contains(code) && r.Parent is not null; r = _kb.FindRegulator(code))
            {
                code = r.Parent;
            }

            if (KnowledgeBase.Agencies.Contains(code))
            {
                return code;
            }
        }

        return text.ToLowerInvariant() switch
        {
            "china" or "cn" or "中国" or "我国" or "国内" or "mainland china" or "nmpa" => "NMPA",
            "us" or "usa" or "u.s." or "united states" or "america" or "美国" or "fda" => "FDA",
            "eu" or "europe" or "european union" or "欧洲" or "欧盟" or "ema" => "EMA",
            "global" or "worldwide" or "world" or "全球" or "全世界" or "世界" => "global",
            _ => text.ToUpperInvariant() is var upper && KnowledgeBase.Agencies.Contains(upper) ? upper : "global",
        };
    }

    private static bool IsAllCgt(string modality) =>
        modality.Trim().ToLowerInvariant() is "cgt" or "cell and gene therapy" or "cell and gene therapies" or "细胞与基因治疗" or "细胞和基因治疗"
            or "all" or "";

    private string? CanonicalModality(string text)
    {
        var exact = KnowledgeBase.CanonicalModalities.FirstOrDefault(m => string.Equals(m, text.Trim(), StringComparison.OrdinalIgnoreCase));
        if (exact is not null)
        {
            return exact;
        }

        return _modalities?.Signals(text).OrderBy(s => TrialClassifier.Precedence.IndexOf(s.Modality)).Select(s => s.Modality).FirstOrDefault();
    }

    // ---- approval dates --------------------------------------------------------------------------------------------

    private ClaimVerdict ApprovalDate(ClaimInput claim)
    {
        var claimed = claim.DateValue is { } d ? FormatDate(d, claim.DatePrecision) : "(no date)";
        if (claim.Subject is null || _kb.AliasIndex.Resolve(claim.Subject) is not { Type: EntityType.Product } product)
        {
            return Result(claim, claimed, null, Unverifiable, [], null, $"product '{claim.Subject}' is not in the knowledge base");
        }

        var approvals = _kb.ApprovalsOf(product.Id).ToList();
        var agency = AgencyOf(claim);
        if (agency is not null and not "global")
        {
            approvals = approvals.Where(a => a.Agency == agency).ToList();
        }

        if (approvals.Count == 0)
        {
            return Result(claim, claimed, null, Unverifiable, [], null, $"no {agency} approval of {product.Id} in the knowledge base");
        }

        if (claim.DateValue is not { } date)
        {
            return Result(claim, claimed, null, Unverifiable, approvals.Select(a => a.Id).ToList(), null, "the claim has no date");
        }

        // Without an agency, the claim agrees with any agency's first approval ("approved in 2017" for Kymriah).
        var claimFrom = date;
        var claimTo = DatePrecisions.PeriodEnd(date, claim.DatePrecision);
        var best = approvals.OrderBy(a => Distance(a, claimFrom, claimTo)).First();
        var knownFrom = best.ApprovalDate;
        var knownTo = best.ApprovalPeriodEnd;
        string verdict;
        string note;
        if (knownFrom >= claimFrom && knownTo <= claimTo)
        {
            verdict = Agrees;
            note = "the known date lies within the claimed period";
        }
        else if (knownTo < claimFrom || knownFrom > claimTo)
        {
            verdict = Disagrees;
            note = "the known date lies outside the claimed period";
        }
        else
        {
            verdict = Unverifiable;
            note = $"the knowledge base knows the date only to the {best.ApprovalDatePrecision.ToCode()}";
        }

        return Result(claim, claimed, $"{FormatDate(best.ApprovalDate, best.ApprovalDatePrecision)} ({best.Agency})", verdict, [best.Id], null, note);
    }

    private static int Distance(ProductApproval a, DateOnly from, DateOnly to) =>
        a.ApprovalPeriodEnd < from ? from.DayNumber - a.ApprovalPeriodEnd.DayNumber
        : a.ApprovalDate > to ? a.ApprovalDate.DayNumber - to.DayNumber : 0;

    private static string FormatDate(DateOnly date, DatePrecision precision) => precision switch
    {
        DatePrecision.Year => date.ToString("yyyy", CultureInfo.InvariantCulture),
        DatePrecision.Quarter => $"{date.Year}-Q{((date.Month - 1) / 3) + 1}",
        DatePrecision.Month => date.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        _ => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    // ---- prices ----------------------------------------------------------------------------------------------------

    private ClaimVerdict Price(ClaimInput claim)
    {
        var claimed = Describe(claim);
        if (claim.Value is not { } value)
        {
            return Result(claim, claimed, null, Unverifiable, [], null, "the claim has no number");
        }

        var currency = NormalizeCurrency(claim.Unit);
        if (claim.Subject is not null)
        {
            if (_kb.AliasIndex.Resolve(claim.Subject) is not { Type: EntityType.Product } product)
            {
                return Result(claim, claimed, null, Unverifiable, [], null, $"product '{claim.Subject}' is not in the knowledge base");
            }

            var agency = AgencyOf(claim);
            var priced = _kb.ApprovalsOf(product.Id).Where(a => a.ListPrice is not null && (agency is null or "global" || a.Agency == agency)).ToList();
            if (priced.Count == 0)
            {
                return Result(claim, claimed, null, Unverifiable, _kb.ApprovalsOf(product.Id).Select(a => a.Id).ToList(), null, "no public list price in the knowledge base");
            }

            if (BasisMismatch(claim, priced) is { } basisNote)
            {
                return Result(claim, claimed, string.Join(", ", priced.Select(p => $"{p.ListPrice:0.##} {p.ListPriceCurrency}")), Unverifiable,
                    priced.Select(p => p.Id).ToList(), null, basisNote);
            }

            var match = priced.FirstOrDefault(p => currency is null || string.Equals(p.ListPriceCurrency, currency, StringComparison.OrdinalIgnoreCase));
            if (match is null)
            {
                return Result(claim, claimed, string.Join(", ", priced.Select(p => $"{p.ListPrice:0.##} {p.ListPriceCurrency}")), Unverifiable,
                    priced.Select(p => p.Id).ToList(), null, $"the claim is in {currency}, the list price in another currency");
            }

            var outcome = Compare(value, claim.Qualifier, Interval.Exact(match.ListPrice!.Value), isCount: false, PriceApproxTolerance);
            return Result(claim, claimed, $"{match.ListPrice:0.##} {match.ListPriceCurrency}", outcome.Verdict, [match.Id], null, outcome.Note);
        }

        // A class claim: "CAR-T costs over one million yuan".
        var modality = claim.Modality is { } m && !IsAllCgt(m) ? CanonicalModality(m) : null;
        var classAgency = AgencyOf(claim);
        var rows = _kb.Products.Where(p => p.ListPrice is not null && p.CountsAsCgt)
            .Where(p => modality is null || p.Modality == modality)
            .Where(p => classAgency is null or "global" || p.Agency == classAgency)
            .Where(p => currency is null || string.Equals(p.ListPriceCurrency, currency, StringComparison.OrdinalIgnoreCase))
            .OrderBy(p => p.ListPrice).ToList();
        if (rows.Count == 0)
        {
            return Result(claim, claimed, null, Unverifiable, [], null, "no priced products of that class in the knowledge base");
        }

        if (BasisMismatch(claim, rows) is { } classBasisNote)
        {
            return Result(claim, claimed, null, Unverifiable, rows.Select(r => r.Id).ToList(), null, classBasisNote);
        }

        var prices = rows.Select(r => r.ListPrice!.Value).ToList();
        var median = prices.Count % 2 == 1 ? prices[prices.Count / 2] : (prices[(prices.Count / 2) - 1] + prices[prices.Count / 2]) / 2;
        var breaking = rows.Where(r => Compare(value, claim.Qualifier, Interval.Exact(r.ListPrice!.Value), isCount: false, PriceApproxTolerance).Verdict != Agrees).ToList();
        var quantifier = claim.Quantifier?.Trim().ToLowerInvariant();
        string verdict;
        string rule;
        var known = $"median {median:0.##} {rows[0].ListPriceCurrency}";
        if (quantifier is "max" or "min")
        {
            // "最高的约150万元" is a claim about the dearest product, not the typical one.
            var extreme = quantifier == "max" ? rows[^1] : rows[0];
            verdict = Compare(value, claim.Qualifier, Interval.Exact(extreme.ListPrice!.Value), isCount: false, PriceApproxTolerance).Verdict;
            rule = $"{(quantifier == "max" ? "highest" : "lowest")} of {rows.Count} priced product(s): {extreme.Id}";
            known = $"{quantifier} {extreme.ListPrice:0.##} {extreme.ListPriceCurrency}";
            return Result(claim, claimed, known, verdict, rows.Select(r => r.Id).ToList(), null, rule);
        }

        if (quantifier is "all" or "every" or "所有" or "全部")
        {
            verdict = breaking.Count == 0 ? Agrees : Disagrees;
            rule = "every priced product must satisfy the claim";
        }
        else if (quantifier is "most" or "大多数" or "多数")
        {
            verdict = rows.Count - breaking.Count > rows.Count / 2.0 ? Agrees : Disagrees;
            rule = "more than half of the priced products must satisfy the claim";
        }
        else
        {
            verdict = Compare(value, claim.Qualifier, Interval.Exact(median), isCount: false, PriceApproxTolerance).Verdict;
            rule = $"median of {rows.Count} priced product(s)";
        }

        var exceptions = breaking.Count == 0 ? string.Empty
            : "; exceptions: " + string.Join(", ", breaking.Select(b => $"{b.GenericNameZh ?? b.GenericNameEn} {b.ListPrice:0.##} {b.ListPriceCurrency} ({b.Id})"));
        return Result(claim, claimed, known, verdict, rows.Select(r => r.Id).ToList(), null, rule + exceptions);
    }

    /// <summary>
    /// A price quoted per course or per year is not a list price quoted per dose: compared only when every KB row has
    /// the same basis. products.csv has no price-unit column: a row's basis is the first one its note names, else a
    /// dose (a one-off infusion for CAR-T).
    /// </summary>
    private static string? BasisMismatch(ClaimInput claim, IReadOnlyList<ProductApproval> rows)
    {
        if (claim.PriceBasis is not { } basis)
        {
            return null;
        }

        var differing = rows.Where(r => (PriceTerms.BasisIn(r.Note) ?? PriceTerms.PerDose) != basis).ToList();
        return differing.Count == 0 ? null
            : $"the claim is a price per {basis}; the list price of {string.Join(", ", differing.Select(r => r.Id))} is not stated per {basis}";
    }

    private static string? NormalizeCurrency(string? unit) => unit?.Trim().ToUpperInvariant() switch
    {
        null or "" => null,
        "CNY" or "RMB" or "YUAN" or "元" or "人民币" or "万元" => "CNY",
        "USD" or "$" or "US$" or "DOLLAR" or "DOLLARS" or "美元" => "USD",
        "EUR" or "€" or "EURO" or "欧元" => "EUR",
        var other => other,
    };

    // ---- reported statistics ---------------------------------------------------------------------------------------

    private ClaimVerdict Statistic(ClaimInput claim, DateOnly? asOf)
    {
        var claimed = Describe(claim);
        if (claim.Value is not { } value)
        {
            return Result(claim, claimed, null, Unverifiable, [], asOf, "the claim has no number");
        }

        var candidates = CandidateStatistics(claim).ToList();
        if (candidates.Count == 0)
        {
            return Result(claim, claimed, null, Unverifiable, [], asOf, "no reported figure for this metric and scope in statistics.csv");
        }

        var dated = candidates
            .Select(s => (Stat: s, Days: asOf is { } d && s.AsOfDate is { } sd ? Math.Abs(d.DayNumber - sd.DayNumber) : (int?)null))
            .OrderBy(p => p.Days ?? int.MaxValue).ToList();
        var (stat, days) = dated[0];
        var known = $"{QualifierWord(stat.Qualifier)}{stat.Value.ToString("0.##", CultureInfo.InvariantCulture)} {stat.Unit}";
        if (days is null)
        {
            return Result(claim, claimed, known, Unverifiable, [stat.Id], asOf,
                stat.AsOfDate is null ? "the reported figure has no as-of date" : "the claim has no date");
        }

        if (days > StatisticWindowDays)
        {
            return Result(claim, claimed, known, Unverifiable, [stat.Id], asOf,
                $"the nearest reported figure is as of {stat.AsOf}, {days} days from {asOf:yyyy-MM-dd} (more than {StatisticWindowDays})");
        }

        if (ScopeMismatch(claim, stat) is { } mismatch)
        {
            return Result(claim, claimed, known, Unverifiable, [stat.Id], asOf, mismatch);
        }

        // Every report in the window is weighed, not only the nearest, so one claim gets one verdict whichever day its
        // document appeared: any report that bears it out agrees; a report that contradicts it is a contradiction
        // only when it is as of the date the claim itself states, otherwise it is another source's figure (context).
        var isCount = claim.Unit is not "percent" and not "%";
        var weighed = dated.Where(p => p.Days <= StatisticWindowDays && ScopeMismatch(claim, p.Stat) is null)
            .Select(p => (p.Stat, p.Days, Outcome: Compare(value, claim.Qualifier, Interval.Of(p.Stat.Value, p.Stat.Qualifier), isCount)))
            .ToList();
        var (chosen, chosenDays, outcome) = weighed.FirstOrDefault(w => w.Outcome.Verdict == Agrees) is { Stat: not null } agreeing ? agreeing : weighed[0];
        var chosenKnown = $"{QualifierWord(chosen.Qualifier)}{chosen.Value.ToString("0.##", CultureInfo.InvariantCulture)} {chosen.Unit}";
        var note = $"reported as of {chosen.AsOf} ({chosen.Scope}); {outcome.Note}".TrimEnd(' ', ';');
        var datesMatch = chosenDays <= SameDateDays || claim.Date is not null;
        if (outcome.Verdict == Disagrees && !datesMatch)
        {
            return Result(claim, claimed, chosenKnown, Unverifiable, [chosen.Id], asOf,
                note + $"; reported {chosenDays} days from the claim's date: another source's figure is context, not a contradiction");
        }

        return Result(claim, claimed, chosenKnown, outcome.Verdict, [chosen.Id], asOf, note);
    }

    private IEnumerable<ReportedStatistic> CandidateStatistics(ClaimInput claim)
    {
        if (claim.Metric is { } metric)
        {
            var region = RegionWord(claim);
            var byMetric = _kb.Statistics.Where(s => string.Equals(s.Metric, metric, StringComparison.OrdinalIgnoreCase)).ToList();
            var inRegion = byMetric.Where(s => region is null || ScopeRegion(s) == region).ToList();
            return inRegion.Count > 0 ? inRegion : byMetric.Where(s => region is null);
        }

        var cell = claim.Modality is { } m && CanonicalModality(m) is "cell therapy" or "stem cell" or "CAR-T";
        var regionName = RegionWord(claim) ?? "global";
        return claim.Kind switch
        {
            ClaimKinds.TrialCount => _kb.Statistics.Where(s => s.Metric is "cgt_clinical_trials" or "trials_underway" or "cgt_trials_registered_in_year"
                && ScopeRegion(s) == regionName),
            ClaimKinds.TrialShare => _kb.Statistics.Where(s => s.Metric == (cell ? "share_of_cell_therapy_trials" : "share_of_cgt_clinical_trials")
                && ScopeRegion(s) == (regionName == "global" ? "China" : regionName)),
            _ => [],
        };
    }

    private string? RegionWord(ClaimInput claim) => AgencyOf(claim) switch
    {
        "NMPA" => "China",
        "FDA" => "US",
        "EMA" => "EU",
        "global" => "global",
        _ => null,
    };

    private static string ScopeRegion(ReportedStatistic s) =>
        s.Scope.StartsWith("China", StringComparison.OrdinalIgnoreCase) ? "China"
        : s.Scope.StartsWith("global", StringComparison.OrdinalIgnoreCase) ? "global"
        : s.Scope;

    /// <summary>A CGT-only figure does not confirm a claim about all new drugs ("765 new-drug IND applications").</summary>
    private static string? ScopeMismatch(ClaimInput claim, ReportedStatistic stat)
    {
        var statIsCgt = stat.Metric.Contains("cgt", StringComparison.OrdinalIgnoreCase) || stat.Scope.Contains("CGT", StringComparison.Ordinal);
        var scope = claim.Scope ?? string.Empty;
        if (statIsCgt && scope.Length > 0 && !MentionsCgt(scope))
        {
            return $"scope mismatch: the claim counts '{scope}', the reported figure {stat.Id} counts CGT only ({stat.Scope})";
        }

        return null;
    }

    private static bool MentionsCgt(string text) =>
        new[] { "cgt", "cell", "gene", "细胞", "基因", "car-t", "atmp", "advanced therap" }.Any(w => text.Contains(w, StringComparison.OrdinalIgnoreCase));

    // ---- comparison ------------------------------------------------------------------------------------------------

    /// <summary>Compares a claimed figure with one known value under the claim's qualifier: agrees, disagrees or unverifiable.</summary>
    public static string CompareValues(decimal claimed, Qualifier qualifier, decimal known, Qualifier knownQualifier = Qualifier.Exact) =>
        Compare(claimed, qualifier, Interval.Of(known, knownQualifier)).Verdict;

    /// <summary>The set of values a figure allows: exact, approx (±5 %), over, at least, under.</summary>
    internal readonly record struct Interval(decimal Low, bool LowInclusive, decimal High, bool HighInclusive)
    {
        public static Interval Exact(decimal value) => new(value, true, value, true);

        public static Interval Of(decimal value, Qualifier qualifier, decimal tolerance = ApproxTolerance) => qualifier switch
        {
            Qualifier.Approx => new(value * (1 - tolerance), true, value * (1 + tolerance), true),
            Qualifier.Over => new(value, false, decimal.MaxValue, true),
            Qualifier.AtLeast => new(value, true, decimal.MaxValue, true),
            Qualifier.Under => new(decimal.MinValue, true, value, false),
            _ => Exact(value),
        };

        public bool IsExact => Low == High;

        public bool Contains(decimal x) => (x > Low || (LowInclusive && x == Low)) && (x < High || (HighInclusive && x == High));

        public bool IsSubsetOf(Interval other) =>
            (Low > other.Low || (Low == other.Low && (other.LowInclusive || !LowInclusive)))
            && (High < other.High || (High == other.High && (other.HighInclusive || !HighInclusive)));

        public bool Overlaps(Interval other)
        {
            var lowBeatsHigh = Low < other.High || (Low == other.High && LowInclusive && other.HighInclusive);
            var otherLowBeatsHigh = other.Low < High || (other.Low == High && other.LowInclusive && HighInclusive);
            return lowBeatsHigh && otherLowBeatsHigh;
        }
    }

    /// <summary>
    /// Compares a claim (value + qualifier) with what is known (an interval). Agrees when every possible known value
    /// satisfies the claim, disagrees when none does, unverifiable otherwise. A bare number next to an approximate
    /// report agrees when within the tolerance (both are round figures).
    /// </summary>
    internal static (string Verdict, string Note) Compare(decimal claimed, Qualifier qualifier, Interval known, bool isCount = true,
        decimal approxTolerance = ApproxTolerance)
    {
        var accept = Interval.Of(claimed, qualifier, approxTolerance);
        var tolerance = qualifier == Qualifier.Approx ? $"approx: ±{approxTolerance:P0} of {claimed:0.##} accepts {accept.Low:0.##}–{accept.High:0.##}"
            : qualifier == Qualifier.Exact ? (isCount ? "exact count must match" : "exact figure must match")
            : $"{qualifier.ToString().ToLowerInvariant()} {claimed:0.##}";
        if (qualifier == Qualifier.Exact && !known.IsExact && known.High != decimal.MaxValue && known.Low != decimal.MinValue)
        {
            // Reported "about R": a bare X agrees when X is within the report's tolerance.
            var mid = (known.Low + known.High) / 2;
            return Math.Abs(mid - claimed) <= mid * ApproxTolerance
                ? (Agrees, $"the reported figure is approximate; {claimed:0.##} is within ±{ApproxTolerance:P0}")
                : (Disagrees, $"the reported figure is approximate and {claimed:0.##} is outside ±{ApproxTolerance:P0}");
        }

        if (qualifier == Qualifier.Exact && (known.High == decimal.MaxValue || known.Low == decimal.MinValue)
            && (known.Contains(claimed) || claimed == known.Low || claimed == known.High))
        {
            // Reported "over 3,200" next to a bare "3,200": the source's bound, quoted loosely; it cannot confirm an exact figure.
            return (Unverifiable, "the reported figure is a bound; it cannot confirm an exact number");
        }

        if (known.IsSubsetOf(accept))
        {
            return (Agrees, tolerance);
        }

        if (!known.Overlaps(accept))
        {
            return (Disagrees, tolerance);
        }

        return (Unverifiable, tolerance + "; the reported figure is a bound that can neither confirm nor refute the claim");
    }

    private static string QualifierWord(Qualifier q) => q switch
    {
        Qualifier.Approx => "about ",
        Qualifier.Over => "over ",
        Qualifier.AtLeast => "at least ",
        Qualifier.Under => "under ",
        _ => string.Empty,
    };

    private static string Describe(ClaimInput claim) =>
        claim.Value is { } v ? $"{QualifierWord(claim.Qualifier)}{v.ToString("0.##", CultureInfo.InvariantCulture)}{(claim.Unit is null ? string.Empty : " " + claim.Unit)}"
            : "(no value)";

    private static ClaimVerdict Result(ClaimInput claim, string claimed, string? known, string verdict, IReadOnlyList<string> records, DateOnly? asOf,
        string? note) => new()
    {
        Paragraph = claim.Paragraph,
        Evidence = claim.Evidence,
        Kind = claim.Kind,
        Claimed = claimed,
        Known = known,
        Verdict = verdict,
        Records = records,
        AsOf = asOf,
        Note = string.IsNullOrWhiteSpace(note) ? null : note,
    };
}
