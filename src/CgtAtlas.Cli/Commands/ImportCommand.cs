using System.CommandLine;
using CgtAtlas.Knowledge;
using CgtAtlas.Storage.Sqlite;
using CgtAtlas.Text;
using Spectre.Console;

namespace CgtAtlas.Cli.Commands;

/// <summary><c>cgt import ctgov PATH... [--json]</c>: ClinicalTrials.gov API v2 JSON into the library's trial tables.</summary>
internal static class ImportCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("import", "Import registry data into the library");
        command.Subcommands.Add(Ctgov(console));
        return command;
    }

    private static Command Ctgov(CliConsole console)
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Study JSON files, `studies` page files or folders of them (API v2)",
            Arity = ArgumentArity.OneOrMore,
        };
        var json = CliOptions.Json();
        var command = new Command("ctgov", "Import ClinicalTrials.gov API v2 study JSON (single studies, pages, folders); classify CGT modality")
        {
            paths, json,
        };
        command.SetAction(parse =>
        {
            var kb = KnowledgeCli.Load(console);
            if (kb is null)
            {
                return ExitCodes.PartialFailure;
            }

            var importer = new CtgovImporter(new TrialClassifier(TextServices.Default, kb));
            var result = importer.ParsePaths(parse.GetValue(paths)!);
            var db = parse.GetValue(CliOptions.Db)!;
            var added = 0;
            if (result.Trials.Count > 0)
            {
                try
                {
                    using var store = SqliteTrialStore.Open(db);
                    added = store.Upsert(result.Trials);
                }
                catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
                {
                    console.Error.WriteLine($"cgt: cannot write to library '{db}': {ex.Message}");
                    return ExitCodes.PartialFailure;
                }
            }

            foreach (var error in result.Errors)
            {
                console.Error.WriteLine($"cgt: {error}");
            }

            foreach (var note in result.Notes)
            {
                console.Error.WriteLine($"cgt: note: {note}");
            }

            if (parse.GetValue(json))
            {
                JsonOutput.Write(console.Output, new
                {
                    imported = result.Trials.Count,
                    added,
                    updated = result.Trials.Count - added,
                    cgt = result.Trials.Count(t => t.IsCgt),
                    trials = result.Trials.Select(t => new
                    {
                        nctId = t.NctId,
                        title = t.Title,
                        isCgt = t.IsCgt,
                        modality = t.Modality,
                        evidence = t.ModalityEvidence,
                        countries = t.Countries,
                        phases = t.Phases,
                        status = t.OverallStatus,
                        startDate = t.StartDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                        startPrecision = t.StartDatePrecision?.ToCode(),
                        sponsor = t.LeadSponsor,
                        path = t.SourcePath,
                    }),
                    failed = result.Errors.Select(e => new { path = e.Path, index = e.Index, nctId = e.NctId, reason = e.Reason }),
                    notes = result.Notes,
                });
            }
            else
            {
                var table = new Table().Border(TableBorder.Rounded);
                foreach (var column in new[] { "NCT id", "Title", "CGT", "Modality", "Countries", "Phase", "Start" })
                {
                    table.AddColumn(column);
                }

                foreach (var t in result.Trials)
                {
                    table.AddRow(t.NctId, Markup.Escape(t.Title.Length > 70 ? t.Title[..69] + "…" : t.Title), t.IsCgt ? "yes" : "no",
                        Markup.Escape(t.Modality ?? string.Empty), Markup.Escape(string.Join(", ", t.Countries)), Markup.Escape(t.PhaseLabel),
                        t.StartDate is { } d ? KnowledgeCli.FormatDate(d, t.StartDatePrecision ?? DatePrecision.Day) : string.Empty);
                }

                if (result.Trials.Count > 0)
                {
                    console.Ansi.Write(table);
                }

                console.Ansi.MarkupLine($"{result.Trials.Count} trial(s) imported ({added} new, {result.Trials.Count(t => t.IsCgt)} CGT), {result.Errors.Count} failed.");
            }

            return result.Errors.Count > 0 ? ExitCodes.PartialFailure : ExitCodes.Success;
        });
        return command;
    }
}
