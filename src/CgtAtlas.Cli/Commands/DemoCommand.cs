using System.CommandLine;
using CgtAtlas.Documents;
using CgtAtlas.Ingest;
using CgtAtlas.Knowledge;
using CgtAtlas.Search;
using CgtAtlas.Storage.Sqlite;
using CgtAtlas.Text;
using Spectre.Console;

namespace CgtAtlas.Cli.Commands;

/// <summary><c>cgt demo</c>: builds a fresh demo library from <c>samples/corpus</c> and runs example searches.</summary>
internal static class DemoCommand
{
    private const string DefaultDemoDb = "cgtatlas-demo.db";

    private static readonly string[] s_queries = ["溶瘤病毒 OR oncolytic", "CAR-T 价格", "NMPA approval", "基因治疗 血友病"];

    public static Command Create(CliConsole console)
    {
        var samples = new Option<string?>("--samples") { Description = "Folder of sample documents (default: samples/corpus of this repository)" };
        var noServe = new Option<bool>("--no-serve") { Description = "Stop after the example searches instead of opening the web workspace" };
        var urls = new Option<string>("--urls") { Description = "Where the workspace listens", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var command = new Command("demo", "Create a demo library from the bundled samples, run example searches, then open the web workspace")
        {
            samples, noServe, urls,
        };
        command.SetAction(parse =>
        {
            var corpus = parse.GetValue(samples) ?? FindSamples("corpus");
            if (corpus is null || !Directory.Exists(corpus))
            {
                console.Error.WriteLine("cgt: cannot find samples/corpus; run from the repository root or pass --samples FOLDER");
                return ExitCodes.Usage;
            }

            // The demo never writes into the user's own library unless --db is given explicitly.
            var explicitDb = parse.GetResult(CliOptions.Db) is { Implicit: false };
            var db = explicitDb ? parse.GetValue(CliOptions.Db)! : DefaultDemoDb;
            if (!explicitDb)
            {
                foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
                {
                    File.Delete(db + suffix);
                }
            }

            using var library = LibraryOpener.TryOpen(db, console.Error, mustExist: false);
            if (library is null)
            {
                return ExitCodes.PartialFailure;
            }

            var ansi = console.Ansi;
            ansi.MarkupLine($"Building the demo library [bold]{Markup.Escape(db)}[/] from [bold]{Markup.Escape(corpus)}[/] …");
            IngestReport report;
            int tags;
            using (var tagging = AutoTagging.Start(console.Error))
            {
                report = library.Ingest([corpus], new IngestOptions { Collections = ["Demo"] }, onStored: tagging.Post);
                tags = tagging.Finish(library, db);
            }

            ansi.MarkupLine($"Stored [green]{report.Stored}[/] documents " +
                $"({report.NearDuplicates} near-duplicates linked{IngestCommand.Regrouped(report)}), " +
                $"[yellow]{report.Duplicates.Count}[/] exact duplicate(s) skipped, [red]{report.Failed.Count}[/] failed; {tags} product/company tags added.");
            foreach (var failed in report.Failed)
            {
                ansi.MarkupLine($"  [red]failed[/] {Markup.Escape(failed.Path)}: {Markup.Escape(failed.Error)}");
            }

            if (FindSamples("ctgov") is { } studies && KnowledgeCli.Load(console) is { } kb)
            {
                var trials = new CtgovImporter(new TrialClassifier(TextServices.Default, kb)).ParsePaths([studies]);
                using (var store = SqliteTrialStore.Open(db))
                {
                    store.Upsert(trials.Trials);
                }

                ansi.MarkupLine($"Imported [green]{trials.Trials.Count}[/] ClinicalTrials.gov records from [bold]{Markup.Escape(studies)}[/] " +
                    $"({trials.Trials.Count(t => t.IsCgt)} CGT) for the trials dashboard.");
            }

            foreach (var query in s_queries)
            {
                var results = library.Search(new SearchRequest { Query = query, Limit = 3 });
                ansi.WriteLine();
                ansi.Write(new Rule($"cgt search \"{Markup.Escape(query)}\" — {results.Total} match(es)").LeftJustified());
                foreach (var hit in results.Hits)
                {
                    ansi.MarkupLine($"[bold]{hit.Id}[/] {Markup.Escape(hit.Title)} [grey]{hit.Published:yyyy-MM-dd} · {hit.Language.ToCode()}[/]");
                    if (hit.Snippet is { } snippet)
                    {
                        ansi.MarkupLine($"    [grey][[{snippet.Paragraph}]][/] " + snippet.Render("[black on yellow]", "[/]", Markup.Escape));
                    }
                }
            }

            ansi.WriteLine();
            ansi.MarkupLine($"Try: [bold]./cgt --db {Markup.Escape(db)} search \"溶瘤病毒 OR oncolytic\"[/]  ·  " +
                $"[bold]./cgt --db {Markup.Escape(db)} brief 1[/]  ·  [bold]./cgt --db {Markup.Escape(db)} check 1[/]");
            if (parse.GetValue(noServe))
            {
                return ExitCodes.Success;
            }

            library.Dispose();
            ansi.MarkupLine($"Opening the web workspace on [bold]{Markup.Escape(parse.GetValue(urls)!)}[/] — open it in a browser.");
            return ServeCommand.Serve(console, db, parse.GetValue(urls)!);
        });
        return command;
    }

    private static string? FindSamples(string folder)
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "samples", folder);
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
