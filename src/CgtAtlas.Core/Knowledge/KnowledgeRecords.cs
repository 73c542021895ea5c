namespace CgtAtlas.Knowledge;

/// <summary>How much of a stored date is known; the stored date is the first day of the known period.</summary>
public enum DatePrecision
{
    /// <summary>The exact day.</summary>
    Day,

    /// <summary>The month (stored as its first day).</summary>
    Month,

    /// <summary>The quarter (stored as its first day).</summary>
    Quarter,

    /// <summary>The year (stored as 1 January).</summary>
    Year,
}

/// <summary>Helpers for <see cref="DatePrecision"/>.</summary>
public static class DatePrecisions
{
    /// <summary>Parses <c>day</c>, <c>month</c>, <c>quarter</c> or <c>year</c>.</summary>
    public static bool TryParse(string? text, out DatePrecision precision)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "day": precision = DatePrecision.Day; return true;
            case "month": precision = DatePrecision.Month; return true;
            case "quarter": precision = DatePrecision.Quarter; return true;
            case "year": precision = DatePrecision.Year; return true;
            default: precision = DatePrecision.Day; return false;
        }
    }

    /// <summary>The last day of the period that starts at <paramref name="start"/>.</summary>
    public static DateOnly PeriodEnd(DateOnly start, DatePrecision precision) => precision switch
    {
        DatePrecision.Month => start.AddMonths(1).AddDays(-1),
        DatePrecision.Quarter => start.AddMonths(3).AddDays(-1),
        DatePrecision.Year => start.AddYears(1).AddDays(-1),
        _ => start,
    };

    /// <summary>The lower-case name used in the CSV files and in JSON.</summary>
    public static string ToCode(this DatePrecision precision) => precision.ToString().ToLowerInvariant();
}

/// <summary>One row of <c>products.csv</c>: the first approval of one product by one agency.</summary>
public sealed record ProductApproval
{
    /// <summary>Row id, e.g. <c>nmpa-axi-cel</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The product, the same across agencies (e.g. <c>axicabtagene-ciloleucel</c>).</summary>
    public required string ProductKey { get; init; }

    /// <summary>NMPA, FDA or EMA.</summary>
    public required string Agency { get; init; }

    /// <summary>Chinese generic name (通用名).</summary>
    public string? GenericNameZh { get; init; }

    /// <summary>English generic name (INN when there is one).</summary>
    public string? GenericNameEn { get; init; }

    /// <summary>Chinese brand.</summary>
    public string? BrandZh { get; init; }

    /// <summary>English brand.</summary>
    public string? BrandEn { get; init; }

    /// <summary>Code names (separated by <c>; </c> in the file).</summary>
    public IReadOnlyList<string> CodeNames { get; init; } = [];

    /// <summary>Chinese sponsor names.</summary>
    public IReadOnlyList<string> SponsorsZh { get; init; } = [];

    /// <summary>English sponsor names.</summary>
    public IReadOnlyList<string> SponsorsEn { get; init; } = [];

    /// <summary>Canonical modality (CAR-T, gene therapy, small nucleic acid …).</summary>
    public required string Modality { get; init; }

    /// <summary>Free-text detail of the modality.</summary>
    public string? ModalityDetail { get; init; }

    /// <summary>Molecular target.</summary>
    public string? Target { get; init; }

    /// <summary>First approved indication.</summary>
    public string? FirstIndication { get; init; }

    /// <summary>Approval date: the first day of the known period.</summary>
    public required DateOnly ApprovalDate { get; init; }

    /// <summary>How much of <see cref="ApprovalDate"/> is known.</summary>
    public required DatePrecision ApprovalDatePrecision { get; init; }

    /// <summary>full or conditional.</summary>
    public required string ApprovalType { get; init; }

    /// <summary>Public list price, when one was found.</summary>
    public decimal? ListPrice { get; init; }

    /// <summary>Currency of <see cref="ListPrice"/> (ISO code).</summary>
    public string? ListPriceCurrency { get; init; }

    /// <summary>Counted as a CGT product under the blue-book definition.</summary>
    public required bool CountsAsCgt { get; init; }

    /// <summary>Source of the row's main fact.</summary>
    public required string SourceUrl { get; init; }

    /// <summary>When the row was checked.</summary>
    public string? CheckedOn { get; init; }

    /// <summary>H, M or L.</summary>
    public string? Confidence { get; init; }

    /// <summary>Notes (which parts come from background knowledge, label expansions …).</summary>
    public string? Note { get; init; }

    /// <summary>Line of the row in its file.</summary>
    public int Line { get; init; }

    /// <summary>Last day the approval could have happened (end of the precision period).</summary>
    public DateOnly ApprovalPeriodEnd => DatePrecisions.PeriodEnd(ApprovalDate, ApprovalDatePrecision);

    /// <summary>The best display name: Chinese generic name for NMPA rows, else the English one.</summary>
    public string DisplayName => (Agency == "NMPA" ? GenericNameZh ?? GenericNameEn : GenericNameEn ?? GenericNameZh) ?? ProductKey;
}

/// <summary>One row of <c>companies.csv</c>.</summary>
public sealed record Company(string Key, string? NameZh, string? NameEn, string? Country, string SourceUrl, string? CheckedOn, int Line);

/// <summary>One row of <c>regulators.csv</c>.</summary>
public sealed record Regulator(string Code, string? NameZh, string? NameEn, string? Country, string? Parent, string? Url, int Line);

/// <summary>One row of <c>policies.csv</c>.</summary>
public sealed record Policy(string Id, string Agency, DateOnly Date, DatePrecision DatePrecision, string? TitleZh, string? TitleEn, string Kind,
    string? SummaryEn, string SourceUrl, string? CheckedOn, string? Confidence, int Line);

/// <summary>How a reported or claimed figure is qualified.</summary>
public enum Qualifier
{
    /// <summary>A bare number.</summary>
    Exact,

    /// <summary>about, 约, nearly …</summary>
    Approx,

    /// <summary>over, more than, 超过 …</summary>
    Over,

    /// <summary>at least, 至少, X+ …</summary>
    AtLeast,

    /// <summary>under, less than, 不到 …</summary>
    Under,
}

/// <summary>One row of <c>statistics.csv</c>: an aggregate figure reported by a source.</summary>
public sealed record ReportedStatistic(string Id, string Metric, string Scope, decimal Value, string Unit, Qualifier Qualifier, string? AsOf,
    string SourceUrl, string? CheckedOn, string? Note, int Line)
{
    /// <summary>The as-of date (first day of the stated period), or null when unknown.</summary>
    public DateOnly? AsOfDate => AsOf is null ? null
        : AsOf.Length == 4 ? new DateOnly(int.Parse(AsOf, System.Globalization.CultureInfo.InvariantCulture), 1, 1)
        : AsOf.Length == 7 ? DateOnly.ParseExact(AsOf + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
        : DateOnly.ParseExact(AsOf, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>Kinds of entity an alias can name.</summary>
public enum EntityType
{
    /// <summary>A product (<see cref="ProductApproval.ProductKey"/>).</summary>
    Product,

    /// <summary>A company (<see cref="Company.Key"/>).</summary>
    Company,

    /// <summary>A regulator (<see cref="Regulator.Code"/>).</summary>
    Regulator,
}

/// <summary>One row of <c>aliases.csv</c>.</summary>
public sealed record Alias(EntityType EntityType, string EntityId, string Name, string Language, int Line);

/// <summary>A reference to a knowledge-base entity.</summary>
public readonly record struct EntityRef(EntityType Type, string Id)
{
    /// <inheritdoc />
    public override string ToString() => $"{Type.ToString().ToLowerInvariant()}:{Id}";
}
