using System.Globalization;
using CgtAtlas.Text;

namespace CgtAtlas.Knowledge;

/// <summary>
/// The curated knowledge base (<c>data/knowledge/*.csv</c>): products and their approvals, companies, regulators,
/// policies, reported statistics and bilingual aliases. Loaded and validated once; immutable afterwards.
/// Counting rules are in <c>docs/knowledge.md</c> and implemented by <see cref="Analytics.ApprovalStatistics"/>.
/// </summary>
public sealed class KnowledgeBase
{
    /// <summary>The canonical modality names shared with trial classification and fact extraction.</summary>
    public static readonly IReadOnlyList<string> CanonicalModalities =
    [
        "CAR-T", "TCR-T", "TIL", "CAR-NK", "stem cell", "cell therapy", "gene therapy", "gene editing", "small nucleic acid", "mRNA",
        "oncolytic virus", "tissue engineering",
    ];

    /// <summary>The agencies that have product rows.</summary>
    public static readonly IReadOnlyList<string> Agencies = ["NMPA", "FDA", "EMA"];

    private static readonly Lazy<KnowledgeBase> s_default = new(() =>
        Load(Path.Combine(TextServices.DefaultDataDirectory, "knowledge"), TextServices.Default.Analyzer));

    private readonly Dictionary<string, Company> _companies;
    private readonly Dictionary<string, Regulator> _regulators;
    private readonly ILookup<string, ProductApproval> _byProductKey;

    private KnowledgeBase(string directory, IReadOnlyList<ProductApproval> products, IReadOnlyList<Company> companies,
        IReadOnlyList<Regulator> regulators, IReadOnlyList<Policy> policies, IReadOnlyList<ReportedStatistic> statistics,
        IReadOnlyList<Alias> aliases, TextAnalyzer analyzer)
    {
        Directory = directory;
        Products = products;
        Companies = companies;
        Regulators = regulators;
        Policies = policies;
        Statistics = statistics;
        Aliases = aliases;
        _companies = companies.ToDictionary(c => c.Key, StringComparer.Ordinal);
        _regulators = regulators.ToDictionary(r => r.Code, StringComparer.OrdinalIgnoreCase);
        _byProductKey = products.ToLookup(p => p.ProductKey, StringComparer.Ordinal);
        AliasIndex = AliasIndex.Build(this, analyzer);
    }

    /// <summary>The knowledge base loaded from <see cref="TextServices.DefaultDataDirectory"/>/knowledge (once per process).</summary>
    public static KnowledgeBase Default => s_default.Value;

    /// <summary>The folder the files were read from.</summary>
    public string Directory { get; }

    /// <summary>Every product × agency row, in file order.</summary>
    public IReadOnlyList<ProductApproval> Products { get; }

    /// <summary>Companies.</summary>
    public IReadOnlyList<Company> Companies { get; }

    /// <summary>Regulators and sub-bodies.</summary>
    public IReadOnlyList<Regulator> Regulators { get; }

    /// <summary>Policies, guidance and procedures.</summary>
    public IReadOnlyList<Policy> Policies { get; }

    /// <summary>Reported aggregate figures.</summary>
    public IReadOnlyList<ReportedStatistic> Statistics { get; }

    /// <summary>The alias rows of <c>aliases.csv</c>.</summary>
    public IReadOnlyList<Alias> Aliases { get; }

    /// <summary>Name → entity lookup and scanning over text, in both languages.</summary>
    public AliasIndex AliasIndex { get; }

    /// <summary>The approvals of one product (one row per agency).</summary>
    public IEnumerable<ProductApproval> ApprovalsOf(string productKey) => _byProductKey[productKey];

    /// <summary>Whether a product key exists.</summary>
    public bool HasProduct(string productKey) => _byProductKey.Contains(productKey);

    /// <summary>A company by key, or null.</summary>
    public Company? FindCompany(string key) => _companies.GetValueOrDefault(key);

    /// <summary>A regulator by code, or null.</summary>
    public Regulator? FindRegulator(string code) => _regulators.GetValueOrDefault(code);

    /// <summary>A display name for an entity (English / Chinese).</summary>
    public string DisplayName(EntityRef entity) => entity.Type switch
    {
        EntityType.Product => ApprovalsOf(entity.Id).Select(p => Join(p.GenericNameEn, p.GenericNameZh)).FirstOrDefault() ?? entity.Id,
        EntityType.Company => FindCompany(entity.Id) is { } c ? Join(c.NameEn, c.NameZh) : entity.Id,
        _ => FindRegulator(entity.Id) is { } r ? Join(r.NameEn, r.NameZh) : entity.Id,
    };

    /// <summary>
    /// The aliases as glossary entries (kind <c>product</c>, <c>company</c> or <c>regulator</c>; canonical = the English
    /// name), so search can expand 奕凯达 to Yescarta and axicabtagene ciloleucel. Feed them to <see cref="Glossary.Build"/>
    /// after the curated glossary entries (first entry wins on a shared alias).
    /// </summary>
    public IReadOnlyList<GlossaryEntry> ToGlossaryEntries() => Aliases
        .GroupBy(a => new EntityRef(a.EntityType, a.EntityId))
        .Select(g => new GlossaryEntry(
            DisplayName(g.Key).Split(" / ")[0],
            g.Key.Type.ToString().ToLowerInvariant(),
            g.Select(a => a.Name).Distinct(StringComparer.OrdinalIgnoreCase).ToList()))
        .ToList();

    private static string Join(string? en, string? zh) => string.Join(" / ", new[] { en, zh }.Where(s => !string.IsNullOrEmpty(s)));

    /// <summary>Loads and validates every file in <paramref name="directory"/>.</summary>
    /// <exception cref="KnowledgeDataException">A file is missing or a row is invalid; every problem is listed with file and line.</exception>
    public static KnowledgeBase Load(string directory, TextAnalyzer analyzer)
    {
        if (!System.IO.Directory.Exists(directory))
        {
            throw new KnowledgeDataException($"knowledge folder not found at '{directory}' (set CGT_DATA_DIR or rebuild)");
        }

        var errors = new List<string>();
        var products = LoadProducts(directory, errors);
        var companies = LoadCompanies(directory, errors);
        var regulators = LoadRegulators(directory, errors);
        var policies = LoadPolicies(directory, errors);
        var statistics = LoadStatistics(directory, errors);
        var aliases = LoadAliases(directory, errors, products, companies, regulators);
        if (errors.Count > 0)
        {
            throw new KnowledgeDataException(errors);
        }

        return new KnowledgeBase(directory, products, companies, regulators, policies, statistics, aliases, analyzer);
    }

    private static CsvTable? Open(string directory, string file, IReadOnlyList<string> required, List<string> errors)
    {
        var path = Path.Combine(directory, file);
        if (!File.Exists(path))
        {
            errors.Add($"{file}: file not found in {directory}");
            return null;
        }

        CsvTable table;
        try
        {
            table = CsvTable.Read(path);
        }
        catch (Exception ex) when (ex is IOException or FormatException or InvalidDataException or CsvHelper.CsvFormatException)
        {
            errors.Add($"{file}: cannot be read as CSV: {ex.Message}");
            return null;
        }

        var missing = required.Where(c => !table.HasColumn(c)).ToList();
        if (missing.Count > 0)
        {
            errors.Add($"{file}:1: missing column(s) {string.Join(", ", missing)}");
            return null;
        }

        return table;
    }

    private sealed class RowCheck(CsvTable table, CsvTableRow row, List<string> errors)
    {
        public string? Opt(string column) => table.Get(row, column);

        public string Req(string column)
        {
            var value = table.Get(row, column);
            if (value is null)
            {
                Fail($"{column} is empty");
            }

            return value ?? string.Empty;
        }

        public DateOnly Date(string column)
        {
            var text = Req(column);
            if (text.Length > 0 && !DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                Fail($"{column} '{text}' is not a date (yyyy-MM-dd)");
                return default;
            }

            return text.Length == 0 ? default : DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        public DatePrecision Precision(string column)
        {
            var text = Req(column);
            if (text.Length > 0 && !DatePrecisions.TryParse(text, out _))
            {
                Fail($"{column} '{text}' must be day, month, quarter or year");
            }

            DatePrecisions.TryParse(text, out var precision);
            return precision;
        }

        public void Fail(string message) => errors.Add($"{table.FileName}:{row.Line}: {message}");
    }

    private static IReadOnlyList<string> SplitList(string? value) =>
        value is null ? [] : value.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    private static List<ProductApproval> LoadProducts(string directory, List<string> errors)
    {
        var table = Open(directory, "products.csv", ["id", "product_key", "agency", "modality", "approval_date", "approval_date_precision",
            "approval_type", "counts_as_cgt", "source_url"], errors);
        var list = new List<ProductApproval>();
        if (table is null)
        {
            return list;
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        var keys = new HashSet<(string, string)>();
        foreach (var row in table.Rows)
        {
            var c = new RowCheck(table, row, errors);
            var id = c.Req("id");
            var key = c.Req("product_key");
            var agency = c.Req("agency");
            var modality = c.Req("modality");
            var date = c.Date("approval_date");
            var precision = c.Precision("approval_date_precision");
            var type = c.Req("approval_type");
            var cgt = c.Req("counts_as_cgt");
            var source = c.Req("source_url");
            if (id.Length > 0 && !ids.Add(id))
            {
                c.Fail($"duplicate id '{id}'");
            }

            if (agency.Length > 0 && !Agencies.Contains(agency))
            {
                c.Fail($"agency '{agency}' must be one of {string.Join(", ", Agencies)}");
            }

            if (key.Length > 0 && agency.Length > 0 && !keys.Add((key, agency)))
            {
                c.Fail($"product_key '{key}' already has a {agency} row (one row per product per agency)");
            }

            if (modality.Length > 0 && !CanonicalModalities.Contains(modality))
            {
                c.Fail($"modality '{modality}' is not canonical ({string.Join(", ", CanonicalModalities)})");
            }

            if (type.Length > 0 && type is not ("full" or "conditional"))
            {
                c.Fail($"approval_type '{type}' must be full or conditional");
            }

            if (cgt.Length > 0 && cgt is not ("true" or "false"))
            {
                c.Fail($"counts_as_cgt '{cgt}' must be true or false");
            }

            if (date != default && precision != DatePrecision.Day && date != PeriodStart(date, precision))
            {
                c.Fail($"approval_date {date:yyyy-MM-dd} is not the first day of its {precision.ToCode()}");
            }

            decimal? price = null;
            if (c.Opt("list_price") is { } priceText)
            {
                if (decimal.TryParse(priceText, NumberStyles.Number, CultureInfo.InvariantCulture, out var p))
                {
                    price = p;
                }
                else
                {
                    c.Fail($"list_price '{priceText}' is not a number");
                }

                if (c.Opt("list_price_currency") is null)
                {
                    c.Fail("list_price has no list_price_currency");
                }
            }

            list.Add(new ProductApproval
            {
                Id = id,
                ProductKey = key,
                Agency = agency,
                GenericNameZh = c.Opt("generic_name_zh"),
                GenericNameEn = c.Opt("generic_name_en"),
                BrandZh = c.Opt("brand_zh"),
                BrandEn = c.Opt("brand_en"),
                CodeNames = SplitList(c.Opt("code_name")),
                SponsorsZh = SplitList(c.Opt("sponsor_zh")),
                SponsorsEn = SplitList(c.Opt("sponsor_en")),
                Modality = modality,
                ModalityDetail = c.Opt("modality_detail"),
                Target = c.Opt("target"),
                FirstIndication = c.Opt("first_indication"),
                ApprovalDate = date,
                ApprovalDatePrecision = precision,
                ApprovalType = type,
                ListPrice = price,
                ListPriceCurrency = c.Opt("list_price_currency"),
                CountsAsCgt = cgt == "true",
                SourceUrl = source,
                CheckedOn = c.Opt("checked_on"),
                Confidence = c.Opt("confidence"),
                Note = c.Opt("note"),
                Line = row.Line,
            });
        }

        return list;
    }

    private static DateOnly PeriodStart(DateOnly date, DatePrecision precision) => precision switch
    {
        DatePrecision.Month => new DateOnly(date.Year, date.Month, 1),
        DatePrecision.Quarter => new DateOnly(date.Year, ((date.Month - 1) / 3 * 3) + 1, 1),
        DatePrecision.Year => new DateOnly(date.Year, 1, 1),
        _ => date,
    };

    private static List<Company> LoadCompanies(string directory, List<string> errors)
    {
        var table = Open(directory, "companies.csv", ["company_key", "name_zh", "name_en", "source_url"], errors);
        var list = new List<Company>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in table?.Rows ?? [])
        {
            var c = new RowCheck(table!, row, errors);
            var key = c.Req("company_key");
            if (key.Length > 0 && !keys.Add(key))
            {
                c.Fail($"duplicate company_key '{key}'");
            }

            if (c.Opt("name_zh") is null && c.Opt("name_en") is null)
            {
                c.Fail("company has neither name_zh nor name_en");
            }

            list.Add(new Company(key, c.Opt("name_zh"), c.Opt("name_en"), c.Opt("country"), c.Req("source_url"), c.Opt("checked_on"), row.Line));
        }

        return list;
    }

    private static List<Regulator> LoadRegulators(string directory, List<string> errors)
    {
        var table = Open(directory, "regulators.csv", ["code", "name_zh", "name_en"], errors);
        var list = new List<Regulator>();
        foreach (var row in table?.Rows ?? [])
        {
            var c = new RowCheck(table!, row, errors);
            list.Add(new Regulator(c.Req("code"), c.Opt("name_zh"), c.Opt("name_en"), c.Opt("country"), c.Opt("parent"), c.Opt("url"), row.Line));
        }

        var codes = list.Select(r => r.Code).ToHashSet(StringComparer.Ordinal);
        foreach (var regulator in list.Where(r => r.Parent is not null && !codes.Contains(r.Parent)))
        {
            errors.Add($"regulators.csv:{regulator.Line}: parent '{regulator.Parent}' is not a regulator code");
        }

        return list;
    }

    private static List<Policy> LoadPolicies(string directory, List<string> errors)
    {
        var table = Open(directory, "policies.csv", ["id", "agency", "date", "date_precision", "kind", "source_url"], errors);
        var list = new List<Policy>();
        foreach (var row in table?.Rows ?? [])
        {
            var c = new RowCheck(table!, row, errors);
            list.Add(new Policy(c.Req("id"), c.Req("agency"), c.Date("date"), c.Precision("date_precision"), c.Opt("title_zh"), c.Opt("title_en"),
                c.Req("kind"), c.Opt("summary_en"), c.Req("source_url"), c.Opt("checked_on"), c.Opt("confidence"), row.Line));
        }

        return list;
    }

    private static List<ReportedStatistic> LoadStatistics(string directory, List<string> errors)
    {
        var table = Open(directory, "statistics.csv", ["id", "metric", "scope", "value", "unit", "qualifier", "as_of", "source_url"], errors);
        var list = new List<ReportedStatistic>();
        foreach (var row in table?.Rows ?? [])
        {
            var c = new RowCheck(table!, row, errors);
            var valueText = c.Req("value");
            if (!decimal.TryParse(valueText, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) && valueText.Length > 0)
            {
                c.Fail($"value '{valueText}' is not a number");
            }

            var qualifierText = c.Req("qualifier");
            if (!TryParseQualifier(qualifierText, out var qualifier) && qualifierText.Length > 0)
            {
                c.Fail($"qualifier '{qualifierText}' must be exact, approx, over, at_least or under");
            }

            var asOf = c.Opt("as_of");
            if (asOf is not null && !(asOf.Length is 4 or 7 or 10 && DateOnly.TryParseExact(
                    asOf.Length == 4 ? asOf + "-01-01" : asOf.Length == 7 ? asOf + "-01" : asOf, "yyyy-MM-dd", CultureInfo.InvariantCulture,
                    DateTimeStyles.None, out _)))
            {
                c.Fail($"as_of '{asOf}' must be YYYY, YYYY-MM or YYYY-MM-DD");
                asOf = null;
            }

            list.Add(new ReportedStatistic(c.Req("id"), c.Req("metric"), c.Req("scope"), value, c.Req("unit"), qualifier, asOf, c.Req("source_url"),
                c.Opt("checked_on"), c.Opt("note"), row.Line));
        }

        return list;
    }

    /// <summary>Parses a qualifier code (<c>exact</c>, <c>approx</c>, <c>over</c>, <c>at_least</c>, <c>under</c>).</summary>
    public static bool TryParseQualifier(string? text, out Qualifier qualifier)
    {
        switch (text?.Trim().ToLowerInvariant().Replace('-', '_').Replace(' ', '_'))
        {
            case "exact": qualifier = Qualifier.Exact; return true;
            case "approx": qualifier = Qualifier.Approx; return true;
            case "over": qualifier = Qualifier.Over; return true;
            case "at_least": qualifier = Qualifier.AtLeast; return true;
            case "under": qualifier = Qualifier.Under; return true;
            default: qualifier = Qualifier.Exact; return false;
        }
    }

    private static List<Alias> LoadAliases(string directory, List<string> errors, IReadOnlyList<ProductApproval> products,
        IReadOnlyList<Company> companies, IReadOnlyList<Regulator> regulators)
    {
        var table = Open(directory, "aliases.csv", ["entity_type", "entity_id", "alias"], errors);
        var list = new List<Alias>();
        var productKeys = products.Select(p => p.ProductKey).ToHashSet(StringComparer.Ordinal);
        var companyKeys = companies.Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        var regulatorCodes = regulators.Select(p => p.Code).ToHashSet(StringComparer.Ordinal);
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in table?.Rows ?? [])
        {
            var c = new RowCheck(table!, row, errors);
            var typeText = c.Req("entity_type");
            var id = c.Req("entity_id");
            var name = c.Req("alias");
            EntityType? type = typeText switch
            {
                "product" => EntityType.Product,
                "company" => EntityType.Company,
                "regulator" => EntityType.Regulator,
                _ => null,
            };
            if (type is null)
            {
                c.Fail($"entity_type '{typeText}' must be product, company or regulator");
                continue;
            }

            var known = type switch
            {
                EntityType.Product => productKeys.Contains(id),
                EntityType.Company => companyKeys.Contains(id),
                _ => regulatorCodes.Contains(id),
            };
            if (!known && id.Length > 0)
            {
                c.Fail($"alias '{name}' points to unknown {typeText} '{id}'");
            }

            if (name.Length > 0 && seen.TryGetValue(name, out var firstLine))
            {
                c.Fail($"alias '{name}' already defined on line {firstLine} (an alias maps to one entity)");
            }
            else if (name.Length > 0)
            {
                seen[name] = row.Line;
            }

            list.Add(new Alias(type.Value, id, name, c.Opt("language") ?? (name.Any(CharClass.IsHan) ? "zh" : "en"), row.Line));
        }

        return list;
    }
}
