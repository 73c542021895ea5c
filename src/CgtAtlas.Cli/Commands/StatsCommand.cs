using System.CommandLine;
using System.Globalization;
using CgtAtlas.Analytics;
using CgtAtlas.Knowledge;
using CgtAtlas.Storage.Sqlite;
using Spectre.Console;

namespace CgtAtlas.Cli.Commands;

/// <summary><c>cgt info [--check]</c>: library counts, and an integrity check on request; <c>cgt stats approvals|trials</c>: landscape analytics.</summary>
internal static class StatsCommand
{
    public static Command Create(CliConsole console)
    {
        var check = new Option<bool>("--check") { Description = "Also verify database, index and paragraph integrity" };
        var json = CliOptions.Json();
        var command = new Command("info", "Library counts (and --check: integrity)") { check, json };
        command.SetAction(parse =>
        {
            using var library = LibraryOpener.TryOpen(parse.GetValue(CliOptions.Db)!, console.Error, mustExist: true);
            if (library is null)
            {
                return ExitCodes.PartialFailure;
            }

            var stats = library.Store.GetStatistics();
            var problems = parse.GetValue(check) ? library.Store.CheckIntegrity() : [];
            if (parse.GetValue(json))
            {
                JsonOutput.Write(console.Output, new
                {
                    documents = stats.Documents,
                    paragraphs = stats.Paragraphs,
                    collections = stats.Collections,
                    nearDuplicates = stats.NearDuplicates,
                    schemaVersion = stats.SchemaVersion,
                    analyzerVersion = stats.AnalyzerVersion,
                    integrity = parse.GetValue(check) ? problems : null,
                });
            }
            else
            {
                console.Output.WriteLine($"{stats.Documents} documents, {stats.Paragraphs} paragraphs, {stats.Collections} collections, " +
                    $"{stats.NearDuplicates} near-duplicates (schema {stats.SchemaVersion}, analyzer {stats.AnalyzerVersion})");
                if (parse.GetValue(check))
                {
                    console.Output.WriteLine(problems.Count == 0 ? "integrity: ok" : "integrity problems:\n  " + string.Join("\n  ", problems));
                }
            }

            return problems.Count == 0 ? ExitCodes.Success : ExitCodes.PartialFailure;
        });
        return command;
    }

    /// <summary><c>cgt stats approvals|trials</c>.</summary>
    public static Command CreateLandscape(CliConsole console)
    {
        var command = new Command("stats", "Landscape analytics: approvals from the knowledge base, imported trials");
        command.Subcommands.Add(Approvals(console));
        command.Subcommands.Add(Trials(console));
        return command;
    }

    private static Option<string?> ChartOption() => new("--chart") { Description = "Also draw the main table as a bar chart (.svg or .png)" };

    private static Command Approvals(CliConsole console)
    {
        var agency = new Option<string?>("--agency") { Description = "NMPA, FDA or EMA (default: all three)" };
        var modality = new Option<string?>("--modality") { Description = "Only this modality" };
        var asOf = new Option<string?>("--as-of") { Description = "Count approvals on or before this date (yyyy-MM-dd; default today)" };
        var recent = new Option<int>("--recent-years") { Description = "Recent window in years (D − N years < date ≤ D)", DefaultValueFactory = _ => 3 };
        var all = new Option<bool>("--all") { Description = "Also count rows with counts_as_cgt=false" };
        var chart = ChartOption();
        var json = CliOptions.Json();
        var command = new Command("approvals", "Approved products by agency, modality and year as of a date, with the products behind each figure")
        {
            agency, modality, asOf, recent, all, chart, json,
        };
        command.SetAction(parse =>
        {
            var date = DateOnly.FromDateTime(DateTime.UtcNow);
            if (parse.GetValue(asOf) is { } asOfText && !DateOnly.TryParseExact(asOfText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
            {
                console.Error.WriteLine($"cgt: --as-of must be a date like 2025-09-16 (got '{asOfText}')");
                return ExitCodes.Usage;
            }

            if (parse.GetValue(recent) is < 0 or > 100)
            {
                console.Error.WriteLine("cgt: --recent-years must be 0-100");
                return ExitCodes.Usage;
            }

            var chartPath = parse.GetValue(chart);
            if (chartPath is not null && !ChartRenderer.IsSupported(chartPath))
            {
                console.Error.WriteLine($"cgt: --chart file must end in .svg or .png (got '{chartPath}')");
                return ExitCodes.Usage;
            }

            if (!KnowledgeCli.TryAgency(parse.GetValue(agency), console, out var agencyCode)
                || !KnowledgeCli.TryModality(parse.GetValue(modality), console, out var modalityName))
            {
                return ExitCodes.Usage;
            }

            var kb = KnowledgeCli.Load(console);
            if (kb is null)
            {
                return ExitCodes.PartialFailure;
            }

            var query = new ApprovalQuery { Agency = agencyCode, Modality = modalityName, AsOf = date, RecentYears = parse.GetValue(recent), CgtOnly = !parse.GetValue(all) };
            var report = ApprovalStatistics.Compute(kb, query);
            var scope = $"{agencyCode ?? "NMPA+FDA+EMA"}{(modalityName is null ? string.Empty : " " + modalityName)}, {(query.CgtOnly ? "counts_as_cgt" : "all rows")}, as of {date:yyyy-MM-dd}";
            if (chartPath is not null)
            {
                var groups = modalityName is null ? report.ByModality : report.ByYear;
                ChartRenderer.Save(chartPath, $"Approvals {scope}", groups.Select(g => (g.Key, (double)g.Count)).ToList(), "products");
            }

            if (parse.GetValue(json))
            {
                JsonOutput.Write(console.Output, new
                {
                    agency = agencyCode,
                    modality = modalityName,
                    asOf = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    cgtOnly = query.CgtOnly,
                    total = report.Total.Count,
                    products = report.Total.Ids,
                    byAgency = report.ByAgency.Select(GroupJson),
                    byModality = report.ByModality.Select(GroupJson),
                    byYear = report.ByYear.Select(GroupJson),
                    recent = new
                    {
                        years = query.RecentYears,
                        from = report.RecentFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                        to = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                        count = report.Recent.Count,
                        products = report.Recent.Ids,
                    },
                    uncertain = report.Uncertain,
                    chart = chartPath,
                });
                return ExitCodes.Success;
            }

            var ansi = console.Ansi;
            ansi.MarkupLine($"[bold]{report.Total.Count}[/] approved product(s): {Markup.Escape(scope)}");
            ansi.Write(GroupTable("Agency", report.ByAgency));
            ansi.Write(GroupTable("Modality", report.ByModality));
            ansi.Write(GroupTable("Year", report.ByYear));
            ansi.MarkupLine($"Recent {query.RecentYears} year(s) ({report.RecentFrom:yyyy-MM-dd} to {date:yyyy-MM-dd}): [bold]{report.Recent.Count}[/] — {Markup.Escape(string.Join(", ", report.Recent.Ids))}");
            if (report.Uncertain.Count > 0)
            {
                ansi.MarkupLine($"[yellow]Counted, but the approval date is known only to a period that contains {date:yyyy-MM-dd}:[/] {Markup.Escape(string.Join(", ", report.Uncertain))}");
            }

            if (chartPath is not null)
            {
                ansi.MarkupLine($"Chart written to {Markup.Escape(chartPath)}");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static object GroupJson(CountGroup g) => new { key = g.Key, count = g.Count, products = g.Ids };

    private static Table GroupTable(string title, IReadOnlyList<CountGroup> groups)
    {
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn(title);
        table.AddColumn(new TableColumn("Count").RightAligned());
        table.AddColumn("Products");
        foreach (var g in groups)
        {
            table.AddRow(Markup.Escape(g.Key), g.Count.ToString(CultureInfo.InvariantCulture), Markup.Escape(string.Join(", ", g.Ids)));
        }

        return table;
    }

    private static Command Trials(CliConsole console)
    {
        var by = new Option<string>("--by") { Description = "Dimensions, comma-separated: country, modality, phase, status, year", DefaultValueFactory = _ => "country,modality" };
        var all = new Option<bool>("--all") { Description = "Count every imported trial, not only CGT trials" };
        var chart = ChartOption();
        var json = CliOptions.Json();
        var command = new Command("trials", "Imported trials: counts and shares by country, modality, phase, status and start year") { by, all, chart, json };
        command.SetAction(parse =>
        {
            var dimensions = new List<string>();
            foreach (var word in parse.GetValue(by)!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (TrialStatistics.NormalizeDimension(word) is not { } dimension)
                {
                    console.Error.WriteLine($"cgt: --by: unknown dimension '{word}' (use {string.Join(", ", TrialStatistics.Dimensions)})");
                    return ExitCodes.Usage;
                }

                dimensions.Add(dimension);
            }

            var chartPath = parse.GetValue(chart);
            if (chartPath is not null && !ChartRenderer.IsSupported(chartPath))
            {
                console.Error.WriteLine($"cgt: --chart file must end in .svg or .png (got '{chartPath}')");
                return ExitCodes.Usage;
            }

            var db = parse.GetValue(CliOptions.Db)!;
            if (!File.Exists(db))
            {
                console.Error.WriteLine($"cgt: no library at '{db}'. Import trials with: cgt --db {db} import ctgov <files or folders>");
                return ExitCodes.PartialFailure;
            }

            IReadOnlyList<ClinicalTrial> trials;
            try
            {
                using var store = SqliteTrialStore.Open(db);
                trials = store.GetAll();
            }
            catch (Exception ex) when (ex is InvalidDataException or IOException or Microsoft.Data.Sqlite.SqliteException)
            {
                console.Error.WriteLine($"cgt: cannot open library '{db}': {ex.Message}");
                return ExitCodes.PartialFailure;
            }

            var report = TrialStatistics.Compute(trials, dimensions.Distinct().ToList(), cgtOnly: !parse.GetValue(all));
            if (chartPath is not null && report.Breakdowns.Count > 0)
            {
                var first = report.Breakdowns[0];
                ChartRenderer.Save(chartPath, $"{(report.CgtOnly ? "CGT trials" : "Trials")} by {first.Dimension} (n = {report.Total})",
                    first.Rows.Select(r => (r.Key, (double)r.Count)).ToList(), "trials");
            }

            if (parse.GetValue(json))
            {
                JsonOutput.Write(console.Output, new
                {
                    total = report.Total,
                    imported = trials.Count,
                    cgtOnly = report.CgtOnly,
                    breakdowns = report.Breakdowns.Select(b => new
                    {
                        dimension = b.Dimension,
                        rows = b.Rows.Select(r => new { key = r.Key, count = r.Count, share = r.Share, trials = r.NctIds }),
                    }),
                    chart = chartPath,
                });
                return ExitCodes.Success;
            }

            var ansi = console.Ansi;
            ansi.MarkupLine($"[bold]{report.Total}[/] {(report.CgtOnly ? "CGT trial(s)" : "trial(s)")} of {trials.Count} imported.");
            foreach (var breakdown in report.Breakdowns)
            {
                var table = new Table().Border(TableBorder.Rounded);
                table.AddColumn(breakdown.Dimension);
                table.AddColumn(new TableColumn("Trials").RightAligned());
                table.AddColumn(new TableColumn("Share").RightAligned());
                table.AddColumn("NCT ids");
                foreach (var row in breakdown.Rows)
                {
                    table.AddRow(Markup.Escape(row.Key), row.Count.ToString(CultureInfo.InvariantCulture),
                        row.Share.ToString("P1", CultureInfo.InvariantCulture), Markup.Escape(string.Join(", ", row.NctIds.Take(8)) + (row.NctIds.Count > 8 ? " …" : string.Empty)));
                }

                ansi.Write(table);
            }

            if (dimensions.Contains("country"))
            {
                ansi.MarkupLine("[grey]A trial with sites in several countries counts once in each, so country shares can add to more than 100 %.[/]");
            }

            if (chartPath is not null)
            {
                ansi.MarkupLine($"Chart written to {Markup.Escape(chartPath)}");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
