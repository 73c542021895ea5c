using System.Globalization;
using System.Text.RegularExpressions;
using CgtAtlas.Facts;
using CgtAtlas.Knowledge;

namespace CgtAtlas.Analytics;

/// <summary>
/// Turns extracted facts into the claims the <see cref="ClaimChecker"/> can verify: approval counts, approval events
/// (dates of named products), prices of named products or classes, trial counts and trial shares. Other facts (deal
/// sizes, growth rates) have no knowledge-base counterpart and are not claims.
/// </summary>
public static partial class FactClaims
{
    /// <summary>The checkable claims among <paramref name="facts"/>, in document order.</summary>
    /// <param name="facts">Facts of one document.</param>
    /// <param name="namesModality">Whether a sentence names a modality (any alias); a count whose sentence names none
    /// counts all CGT products, whatever modality an earlier sentence named. Null: trust the extractor.</param>
    public static IReadOnlyList<ClaimInput> From(IReadOnlyList<Fact> facts, Func<string, string, bool>? namesModality = null)
    {
        var claims = new List<ClaimInput>();
        var groupTotals = facts.Where(f => f.GroupId is not null && f.Value is not null)
            .GroupBy(f => f.GroupId!.Value)
            .ToDictionary(g => g.Key, g => g.Max(f => f.Value!.Value));
        foreach (var fact in facts)
        {
            if (ToClaim(fact) is not { } claim)
            {
                continue;
            }

            // A window phrase (近三年 / in the past three years) belongs to the number it stands next to, not to every
            // number of the sentence; the total and the windowed subtotal of a breakdown count all CGT products,
            // whatever modality the last part named.
            if (IsBackReference(fact))
            {
                // "Nine of the 14" / "14款中": the 14 refers back to a total stated before; checking it again with the
                // sentence's window would misjudge it.
                continue;
            }

            var window = WindowFor(fact, facts);
            var isTotal = fact.GroupId is { } group && fact.Value == groupTotals.GetValueOrDefault(group);
            var isPart = fact.GroupId is not null && !isTotal && window is null;
            var modality = claim.Modality;
            string? unresolved = null;
            if (fact.Target is not null && claim.Kind is ClaimKinds.ApprovalCount or ClaimKinds.TrialCount or ClaimKinds.TrialShare)
            {
                // "BCMA CAR-T 3款" counts one antigen's products, which the knowledge base does not total.
                unresolved = $"the count is limited to {fact.Target} products";
            }
            else if (fact.GroupId is not null && !isPart)
            {
                modality = null;
            }
            else if (claim.Kind == ClaimKinds.ApprovalCount && isPart && modality is null)
            {
                // A part of a breakdown is a count of its own class; compared with the total it would always disagree.
                unresolved = "a part of a breakdown whose class could not be determined";
            }
            else if (claim.Kind == ClaimKinds.ApprovalCount && fact.GroupId is null && window is null && modality is null
                && !AllCgtWords().IsMatch(fact.Evidence))
            {
                // "国内获批的三款产品": neither the extractor nor the sentence says what was counted.
                unresolved = "the sentence does not say which class of product it counts";
            }
            else if (!isPart && modality is not null && namesModality is not null && !namesModality(fact.Evidence, modality))
            {
                // The extractor carried the class over from context: "国内获批的三款产品" after a siRNA heading. A sentence
                // that says CGT outright, or a windowed subtotal ("Nine of the 14 … in the past three years"), counts all
                // products; any other count's class is unknown. Other kinds count all CGT, as before.
                var countsAll = claim.Kind != ClaimKinds.ApprovalCount || window is not null || AllCgtWords().IsMatch(fact.Evidence);
                unresolved = countsAll ? null : $"the sentence does not name the class counted (the context suggests {modality})";
                modality = null;
            }

            if (claim.Kind == ClaimKinds.Price)
            {
                claim = PriceTerms.Refine(claim, fact, facts);
            }

            var date = claim.Date;
            if (date is null && claim.Kind is ClaimKinds.ApprovalCount or ClaimKinds.TrialCount or ClaimKinds.TrialShare)
            {
                // A count is as of the date its sentence gives ("2025年9月蓝皮书统计的14款"), not of a later publication.
                date = SentenceDates.AsOf(fact.Evidence);
            }

            claims.Add(claim with { WindowYears = window, Modality = modality, Unresolved = unresolved, Date = date });
        }

        return claims;
    }

    private static ClaimInput? ToClaim(Fact fact)
    {
        var value = fact.Value is { } v ? (decimal?)Convert.ToDecimal(v, CultureInfo.InvariantCulture) : null;
        var common = new ClaimInput
        {
            Kind = ClaimKinds.Statistic,
            Value = value,
            Unit = fact.Unit,
            Qualifier = QualifierOf(fact.Qualifier),
            Modality = fact.Modality is "CGT" ? null : fact.Modality,
            Agency = fact.Agency is "CDE" ? "NMPA" : fact.Agency,
            Region = RegionOf(fact.Region),
            Date = AsOfDate(fact.Date),
            Paragraph = fact.Paragraph,
            Evidence = fact.Evidence,
            Subject = fact.Product,
        };

        return fact.Kind switch
        {
            FactKinds.ApprovalCount when value is not null => common with { Kind = ClaimKinds.ApprovalCount },
            FactKinds.ApprovalEvent when fact.Product is not null && ParseDate(fact.Date) is { } date => common with
            {
                Kind = ClaimKinds.ApprovalDate,
                Date = null,
                DateValue = date.Date,
                DatePrecision = date.Precision,
            },
            FactKinds.Price when value is not null && (fact.Product is not null || fact.Modality is not null) => common with
            {
                Kind = ClaimKinds.Price,
                Date = null,
            },
            FactKinds.TrialCount when value is not null => common with { Kind = ClaimKinds.TrialCount, Scope = fact.Evidence },
            FactKinds.Share when value is not null && fact.Unit == "percent" && TrialWords().IsMatch(fact.Evidence) => common with
            {
                Kind = ClaimKinds.TrialShare,
                Scope = fact.Evidence,
            },
            _ => null,
        };
    }

    private static Qualifier QualifierOf(string? qualifier) => qualifier switch
    {
        "approx" => Qualifier.Approx,
        "over" => Qualifier.Over,
        "at_least" => Qualifier.AtLeast,
        "under" or "at_most" => Qualifier.Under,
        _ => Qualifier.Exact,
    };

    private static string? RegionOf(string? region) => region switch
    {
        "CN" => "China",
        "US" => "US",
        "EU" => "EU",
        "global" => "global",
        _ => region,
    };

    /// <summary>An as-of date from a possibly partial ISO date: a month or year means its last day.</summary>
    private static DateOnly? AsOfDate(string? iso) => ParseDate(iso) is { } d
        ? d.Precision switch
        {
            DatePrecision.Month => d.Date.AddMonths(1).AddDays(-1),
            DatePrecision.Year => new DateOnly(d.Date.Year, 12, 31),
            _ => d.Date,
        }
        : null;

    private static (DateOnly Date, DatePrecision Precision)? ParseDate(string? iso)
    {
        if (string.IsNullOrEmpty(iso))
        {
            return null;
        }

        var parts = iso.Split('-');
        if (!int.TryParse(parts[0], CultureInfo.InvariantCulture, out var year) || year is < 1900 or > 2200)
        {
            return null;
        }

        var month = parts.Length > 1 && int.TryParse(parts[1], CultureInfo.InvariantCulture, out var m) && m is >= 1 and <= 12 ? m : 0;
        var day = parts.Length > 2 && int.TryParse(parts[2], CultureInfo.InvariantCulture, out var dd) ? dd : 0;
        if (month == 0)
        {
            return (new DateOnly(year, 1, 1), DatePrecision.Year);
        }

        return day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? (new DateOnly(year, month, day), DatePrecision.Day)
            : (new DateOnly(year, month, 1), DatePrecision.Month);
    }

    /// <summary>
    /// The window (years) of a count: a window phrase belongs to the count of its sentence whose number stands nearest
    /// to it (within a few characters); failing that, to the smallest count of the sentence ("Nine … in the past three years").
    /// </summary>
    private static int? WindowFor(Fact fact, IReadOnlyList<Fact> facts)
    {
        if (fact.Kind != FactKinds.ApprovalCount || WindowIn(fact.Evidence) is not { } years)
        {
            return null;
        }

        var siblings = facts.Where(f => f.Paragraph == fact.Paragraph && f.Kind == fact.Kind && f.Evidence == fact.Evidence && f.Value is not null).ToList();
        var gaps = siblings.Select(f => (Fact: f, Gap: GapToWindow(f))).Where(x => x.Gap is not null).ToList();
        if (gaps.Count > 0)
        {
            return ReferenceEquals(gaps.MinBy(x => x.Gap)!.Fact, fact) ? years : null;
        }

        return SmallestInSentence(fact, facts) ? years : null;
    }

    /// <summary>Characters between this fact's number and the nearest window phrase, when 12 or fewer.</summary>
    private static int? GapToWindow(Fact fact)
    {
        if (fact.Value is not { } value || value != Math.Floor(value))
        {
            return null;
        }

        int? best = null;

        var digits = ((long)value).ToString(CultureInfo.InvariantCulture);
        var evidence = fact.Evidence;
        foreach (Match match in Window().Matches(evidence))
        {
            for (var at = evidence.IndexOf(digits, StringComparison.Ordinal); at >= 0; at = evidence.IndexOf(digits, at + 1, StringComparison.Ordinal))
            {
                var gap = at < match.Index ? match.Index - (at + digits.Length) : at - (match.Index + match.Length);
                if (gap is >= 0 and <= 12 && (best is null || gap < best))
                {
                    best = gap;
                }
            }
        }

        return best;
    }

    private static bool SmallestInSentence(Fact fact, IReadOnlyList<Fact> facts) =>
        fact.Kind == FactKinds.ApprovalCount && fact.Value is { } value
        && facts.Where(f => f.Paragraph == fact.Paragraph && f.Kind == fact.Kind && f.Evidence == fact.Evidence && f.Value is not null)
            .All(f => f.Value >= value);

    private static int? WindowIn(string evidence) => Window().Match(evidence) is { Success: true } match ? Years(match) : null;

    private static bool IsBackReference(Fact fact)
    {
        if (fact.Value is not { } value || value != Math.Floor(value))
        {
            return false;
        }

        var digits = ((long)value).ToString(CultureInfo.InvariantCulture);
        return BackReference().Matches(fact.Evidence).Any(m => m.Groups["n"].Value == digits);
    }

    [GeneratedRegex(@"\bof\s+(the|these|those)\s+(?<n>\d+)\b|(?<n>\d+)\s*[款个项种家]\s*(产品)?\s*(中|之中|当中)", RegexOptions.IgnoreCase)]
    private static partial Regex BackReference();

    private static int? Years(Match match)
    {
        var text = match.Groups["n"].Value;
        return text switch
        {
            "两" or "二" or "two" => 2,
            "三" or "three" => 3,
            "五" or "five" => 5,
            _ => int.TryParse(text, CultureInfo.InvariantCulture, out var n) ? n : null,
        };
    }

    [GeneratedRegex(@"(近|过去|最近)\s*(?<n>\d+|两|二|三|五)\s*年|(past|last|previous|preceding)\s+(?<n>\d+|two|three|five)\s+years", RegexOptions.IgnoreCase)]
    private static partial Regex Window();

    [GeneratedRegex(@"CGT|细胞与基因治疗|细胞和基因治疗|細胞與基因治療|細胞和基因治療|cell and gene therap", RegexOptions.IgnoreCase)]
    private static partial Regex AllCgtWords();

    [GeneratedRegex(@"临床试验|临床研究|试验|trials?\b|studies\b", RegexOptions.IgnoreCase)]
    private static partial Regex TrialWords();
}
