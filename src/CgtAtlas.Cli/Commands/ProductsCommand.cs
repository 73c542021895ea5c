using System.CommandLine;
using System.Globalization;
using CgtAtlas.Knowledge;
using CgtAtlas.Text;
using Spectre.Console;

namespace CgtAtlas.Cli.Commands;

/// <summary><c>cgt products [--agency NMPA] [--modality CAR-T] [--year 2025] [--all] [--json]</c>: approved products from the knowledge base.</summary>
internal static class ProductsCommand
{
    public static Command Create(CliConsole console)
    {
        var agency = new Option<string?>("--agency") { Description = "NMPA, FDA or EMA (also China, US, EU)" };
        var modality = new Option<string?>("--modality") { Description = "Canonical modality or any alias (CAR-T, 小核酸, siRNA …)" };
        var year = new Option<int?>("--year") { Description = "Approval year" };
        var all = new Option<bool>("--all") { Description = "Include rows that do not count as CGT (cord-blood units, acellular products)" };
        var json = CliOptions.Json();
        var command = new Command("products", "Approved CGT products (first approval per product per agency) from the curated knowledge base")
        {
            agency, modality, year, all, json,
        };
        command.SetAction(parse =>
        {
            var kb = KnowledgeCli.Load(console);
            if (kb is null)
            {
                return ExitCodes.PartialFailure;
            }

            if (!KnowledgeCli.TryAgency(parse.GetValue(agency), console, out var agencyCode)
                || !KnowledgeCli.TryModality(parse.GetValue(modality), console, out var modalityName))
            {
                return ExitCodes.Usage;
            }

            var rows = kb.Products
                .Where(p => agencyCode is null || p.Agency == agencyCode)
                .Where(p => modalityName is null || p.Modality == modalityName)
                .Where(p => parse.GetValue(year) is not { } y || p.ApprovalDate.Year == y)
                .Where(p => parse.GetValue(all) || p.CountsAsCgt)
                .OrderBy(p => p.Agency, StringComparer.Ordinal).ThenBy(p => p.ApprovalDate).ThenBy(p => p.Id, StringComparer.Ordinal)
                .ToList();
            if (parse.GetValue(json))
            {
                JsonOutput.Write(console.Output, new { count = rows.Count, products = rows.Select(KnowledgeCli.ToJson) });
                return ExitCodes.Success;
            }

            if (rows.Count == 0)
            {
                console.Ansi.MarkupLine("No products match.");
                return ExitCodes.Success;
            }

            var table = new Table().Border(TableBorder.Rounded);
            foreach (var column in new[] { "ID", "Name (zh / en)", "Brand", "Sponsor", "Modality", "Target", "Agency", "Approved", "Type", "Price", "Source" })
            {
                table.AddColumn(column);
            }

            foreach (var p in rows)
            {
                table.AddRow(
                    Markup.Escape(p.Id),
                    Markup.Escape(string.Join("\n", new[] { p.GenericNameZh, p.GenericNameEn }.Where(s => s is not null))),
                    Markup.Escape(string.Join(" / ", new[] { p.BrandZh, p.BrandEn }.Where(s => s is not null))),
                    Markup.Escape(string.Join("; ", p.SponsorsEn.Count > 0 ? p.SponsorsEn : p.SponsorsZh)),
                    Markup.Escape(p.Modality),
                    Markup.Escape(p.Target ?? string.Empty),
                    p.Agency,
                    Markup.Escape(KnowledgeCli.FormatDate(p.ApprovalDate, p.ApprovalDatePrecision)),
                    p.ApprovalType,
                    p.ListPrice is { } price ? $"{price.ToString("#,0", CultureInfo.InvariantCulture)} {p.ListPriceCurrency}" : string.Empty,
                    Markup.Escape(Host(p.SourceUrl)));
            }

            console.Ansi.Write(table);
            console.Ansi.MarkupLine($"{rows.Count} product approval(s). Dates are the first day of their precision period (docs/knowledge.md §3).");
            return ExitCodes.Success;
        });
        return command;
    }

    private static string Host(string url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.Host : url;
}

/// <summary>Knowledge-base helpers shared by the products, stats, import and entities commands.</summary>
internal static class KnowledgeCli
{
    public static KnowledgeBase? Load(CliConsole console)
    {
        try
        {
            return KnowledgeBase.Default;
        }
        catch (KnowledgeDataException ex)
        {
            console.Error.WriteLine($"cgt: {ex.Message}");
            return null;
        }
        catch (DirectoryNotFoundException ex)
        {
            console.Error.WriteLine($"cgt: {ex.Message}");
            return null;
        }
    }

    public static bool TryAgency(string? text, CliConsole console, out string? agency)
    {
        agency = text?.Trim().ToUpperInvariant() switch
        {
            null or "" => null,
            "NMPA" or "CHINA" or "CN" or "中国" => "NMPA",
            "FDA" or "US" or "USA" => "FDA",
            "EMA" or "EU" or "EUROPE" => "EMA",
            _ => "?",
        };
        if (agency == "?")
        {
            console.Error.WriteLine($"cgt: --agency must be NMPA, FDA or EMA (got '{text}')");
            return false;
        }

        return true;
    }

    public static bool TryModality(string? text, CliConsole console, out string? modality)
    {
        modality = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        modality = KnowledgeBase.CanonicalModalities.FirstOrDefault(m => string.Equals(m, text.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? new TrialClassifier(TextServices.Default).Signals(text)
                .OrderBy(s => TrialClassifier.Precedence.ToList().IndexOf(s.Modality)).Select(s => s.Modality).FirstOrDefault();
        if (modality is null)
        {
            console.Error.WriteLine($"cgt: unknown modality '{text}'; use one of {string.Join(", ", KnowledgeBase.CanonicalModalities)}");
            return false;
        }

        return true;
    }

    public static string FormatDate(DateOnly date, DatePrecision precision) => precision switch
    {
        DatePrecision.Year => date.ToString("yyyy", CultureInfo.InvariantCulture),
        DatePrecision.Quarter => $"{date.Year}-Q{((date.Month - 1) / 3) + 1}",
        DatePrecision.Month => date.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        _ => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    public static object ToJson(ProductApproval p) => new
    {
        id = p.Id,
        productKey = p.ProductKey,
        agency = p.Agency,
        genericNameZh = p.GenericNameZh,
        genericNameEn = p.GenericNameEn,
        brandZh = p.BrandZh,
        brandEn = p.BrandEn,
        codeNames = p.CodeNames,
        sponsorsZh = p.SponsorsZh,
        sponsorsEn = p.SponsorsEn,
        modality = p.Modality,
        target = p.Target,
        firstIndication = p.FirstIndication,
        approvalDate = p.ApprovalDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        approvalDatePrecision = p.ApprovalDatePrecision.ToCode(),
        approvalType = p.ApprovalType,
        listPrice = p.ListPrice,
        listPriceCurrency = p.ListPriceCurrency,
        countsAsCgt = p.CountsAsCgt,
        confidence = p.Confidence,
        sourceUrl = p.SourceUrl,
    };
}
