namespace CgtAtlas.Insights;

/// <summary>A one-screen summary of one document: sections of cited bullets, in the fixed section order.</summary>
/// <param name="Title">The document title.</param>
/// <param name="Language">The language the brief is written in: <c>en</c> or <c>zh</c>.</param>
/// <param name="Sections">Sections that have content, in <see cref="BriefSections.Order"/>.</param>
/// <param name="Note">Why there are no sections (too little to summarise); null for a normal brief.</param>
public sealed record Brief(string Title, string Language, IReadOnlyList<BriefSection> Sections, string? Note = null);

/// <summary>One section of a brief.</summary>
/// <param name="Key">Stable key (<c>core-insights</c>, <c>industry-overview</c> …).</param>
/// <param name="Title">Title in the brief's language.</param>
/// <param name="Bullets">Ranked, deduplicated, verified bullets.</param>
public sealed record BriefSection(string Key, string Title, IReadOnlyList<BriefBullet> Bullets);

/// <summary>One bullet: text (without the citation markers) and what supports it.</summary>
/// <param name="Text">The bullet text, without any mark.</param>
/// <param name="Citations">Paragraph numbers (1-based) that support every number and claim of the bullet, ascending.</param>
/// <param name="Facts">Indexes into the document's fact list (<see cref="Facts.FactExtractor.Extract"/> order) the bullet was rendered from.</param>
/// <param name="SourceLanguage"><c>zh</c> or <c>en</c> for a source sentence quoted in another language than the brief's; null otherwise.</param>
public sealed record BriefBullet(string Text, IReadOnlyList<int> Citations, IReadOnlyList<int> Facts, string? SourceLanguage = null)
{
    /// <summary>The text as people read it: a quote in the other language ends with its mark, <c>… (zh)</c> (not part of the JSON shape).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string MarkedText => SourceLanguage is null ? Text : $"{Text} ({SourceLanguage})";

    /// <summary>The marked text followed by its citations, e.g. <c>… [2][4]</c> (not part of the JSON shape).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string CitedText => Citations.Count == 0 ? MarkedText : MarkedText + " " + string.Concat(Citations.Select(c => $"[{c}]"));
}

/// <summary>The section keys, their order and their titles in both languages.</summary>
public static class BriefSections
{
    /// <summary>What the document is about and its main claims (1–2 bullets).</summary>
    public const string CoreInsights = "core-insights";

    /// <summary>Size and shape of the field: products, trials, shares.</summary>
    public const string IndustryOverview = "industry-overview";

    /// <summary>Regulators, guidance, review pathways, reimbursement rules.</summary>
    public const string PolicyRegulatory = "policy-regulatory";

    /// <summary>Trials, data, platforms, technology.</summary>
    public const string ClinicalDevelopment = "clinical-development";

    /// <summary>Prices, access, deals, funding, competition, manufacturing cost.</summary>
    public const string MarketDynamics = "market-dynamics";

    /// <summary>Forecasts, expectations, next frontiers.</summary>
    public const string FutureProspects = "future-prospects";

    /// <summary>The fixed order sections appear in.</summary>
    public static IReadOnlyList<string> Order { get; } =
        [CoreInsights, IndustryOverview, PolicyRegulatory, ClinicalDevelopment, MarketDynamics, FutureProspects];

    /// <summary>The section title in <paramref name="language"/> (<c>zh</c> gives Chinese, anything else English).</summary>
    public static string Title(string key, string language) => (key, language == "zh") switch
    {
        (CoreInsights, true) => "核心观点",
        (IndustryOverview, true) => "行业概况",
        (PolicyRegulatory, true) => "政策与监管环境",
        (ClinicalDevelopment, true) => "临床开发与创新",
        (MarketDynamics, true) => "市场动态与挑战",
        (FutureProspects, true) => "未来展望",
        (CoreInsights, false) => "Core Insights",
        (IndustryOverview, false) => "Industry Overview",
        (PolicyRegulatory, false) => "Policy and Regulatory Environment",
        (ClinicalDevelopment, false) => "Clinical Development and Innovation",
        (MarketDynamics, false) => "Market Dynamics and Challenges",
        (FutureProspects, false) => "Future Prospects",
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, "unknown section key"),
    };
}

/// <summary>How the composer classified one sentence (or table row) of a document.</summary>
/// <param name="Paragraph">The paragraph number.</param>
/// <param name="Text">The sentence, without list markers.</param>
/// <param name="Section">The body section key, or null when nothing points anywhere.</param>
/// <param name="Score">Cue and fact weight of that section.</param>
/// <param name="CoreScore">Weight of thesis cues (本文, 标志着, overall, marks …) used to pick Core Insights.</param>
public sealed record ClassifiedSentence(int Paragraph, string Text, string? Section, double Score, double CoreScore);
