namespace CgtAtlas.Facts;

/// <summary>
/// One typed statement taken from a paragraph: a quantity (trial count, share, price …) or an event
/// (approval, policy, platform) with the context needed to compare it across documents.
/// </summary>
/// <param name="Kind">What the statement is about: <c>trial_count</c>, <c>share</c>, <c>approval_event</c> … (see <see cref="FactKinds"/>).</param>
/// <param name="Value">The number in base units (1.2亿元 → 120000000); null for events.</param>
/// <param name="Unit"><c>count</c>, <c>patients</c>, <c>percent</c>, <c>fold</c>, <c>days</c>, <c>working_days</c>, <c>CNY</c>, <c>USD</c> …; null for events.</param>
/// <param name="Qualifier"><c>exact</c>, <c>approx</c>, <c>over</c>, <c>at_least</c>, <c>under</c> or <c>at_most</c>; null for events.</param>
/// <param name="Modality">Canonical modality (<c>CAR-T</c>, <c>gene therapy</c>, <c>CGT</c> …), the most specific one named.</param>
/// <param name="Region"><c>CN</c>, <c>global</c>, <c>US</c>, <c>EU</c> or <c>JP</c>.</param>
/// <param name="Agency"><c>NMPA</c>, <c>CDE</c>, <c>FDA</c>, <c>EMA</c>, <c>NHSA</c> or <c>NHC</c>.</param>
/// <param name="Product">Named product (approval events, prices) or document title (policies).</param>
/// <param name="Company">Named company, when the statement names one.</param>
/// <param name="Date">ISO date, possibly partial (<c>2025-06-30</c>, <c>2024-09</c>, <c>2024</c>): as-of, event or year.</param>
/// <param name="Paragraph">The paragraph number the fact comes from.</param>
/// <param name="Evidence">The clause or sentence the fact was read from: an exact substring of the paragraph.</param>
/// <param name="GroupId">Shared by the total and the parts of one breakdown sentence; null otherwise.</param>
/// <param name="Target">The antigen a count or price is limited to ("BCMA CAR-T 3款" counts BCMA products only), or null.</param>
public sealed record Fact(
    string Kind,
    double? Value,
    string? Unit,
    string? Qualifier,
    string? Modality,
    string? Region,
    string? Agency,
    string? Product,
    string? Company,
    string? Date,
    int Paragraph,
    string Evidence,
    int? GroupId,
    string? Target = null);

/// <summary>The fact kinds the extractor produces.</summary>
public static class FactKinds
{
    /// <summary>Number of clinical trials or studies.</summary>
    public const string TrialCount = "trial_count";

    /// <summary>A part of a whole (percent, 成, half, fractions).</summary>
    public const string Share = "share";

    /// <summary>Number of approved products.</summary>
    public const string ApprovalCount = "approval_count";

    /// <summary>A named product approved by a regulator (value null).</summary>
    public const string ApprovalEvent = "approval_event";

    /// <summary>Number of IND/NDA/BLA applications, INDs cleared or implied-approved.</summary>
    public const string ApplicationCount = "application_count";

    /// <summary>A regulatory review clock.</summary>
    public const string ReviewTime = "review_time";

    /// <summary>A price per treatment, dose or course.</summary>
    public const string Price = "price";

    /// <summary>The value of a licensing, partnership or M&amp;A deal.</summary>
    public const string DealValue = "deal_value";

    /// <summary>A change rate, fold change or doubling (declines negative).</summary>
    public const string Growth = "growth";

    /// <summary>A guidance, rule or draft issued by an agency (value null).</summary>
    public const string Policy = "policy";

    /// <summary>A technology platform launched by a company (value null).</summary>
    public const string Platform = "platform";

    /// <summary>A projected figure.</summary>
    public const string Forecast = "forecast";

    /// <summary>Number of patients.</summary>
    public const string PatientCount = "patient_count";

    /// <summary>The size of a market in money.</summary>
    public const string MarketSize = "market_size";

    /// <summary>Money raised by a company.</summary>
    public const string Funding = "funding";

    /// <summary>Sales or revenue.</summary>
    public const string Revenue = "revenue";

    /// <summary>Response, remission or survival figures.</summary>
    public const string Efficacy = "efficacy";

    /// <summary>A length of time that is not a review clock (follow-up, manufacturing, comment periods).</summary>
    public const string Duration = "duration";

    /// <summary>Any other quantity about the field (companies, hospitals, deals, pipelines, employees).</summary>
    public const string Quantity = "quantity";
}
