using System.CommandLine;

namespace CgtAtlas.Cli.Commands;

/// <summary><c>cgt stats [--check]</c>: library counts, and an integrity check on request.</summary>
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
}
