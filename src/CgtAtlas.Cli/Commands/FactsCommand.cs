using System.CommandLine;
using System.Globalization;
using CgtAtlas.Facts;
using Spectre.Console;

namespace CgtAtlas.Cli.Commands;

/// <summary><c>cgt facts ID [--json]</c>: the typed facts of a document, each with its paragraph and evidence.</summary>
internal static class FactsCommand
{
    public static Command Create(CliConsole console)
    {
        var id = new Argument<long>("id") { Description = "Document id (from ingest or search)" };
        var json = CliOptions.Json();
        var command = new Command("facts", "List the typed facts (counts, shares, prices, approvals …) of a document") { id, json };
        command.SetAction(parse =>
        {
            using var library = LibraryOpener.TryOpen(parse.GetValue(CliOptions.Db)!, console.Error, mustExist: true);
            if (library is null)
            {
                return ExitCodes.PartialFailure;
            }

            var facts = library.GetFacts(parse.GetValue(id));
            if (facts is null)
            {
                console.Error.WriteLine($"cgt: no document with id {parse.GetValue(id)}");
                return ExitCodes.PartialFailure;
            }

            if (parse.GetValue(json))
            {
                JsonOutput.Write(console.Output, new { facts = facts.Select(ToJson) });
                return ExitCodes.Success;
            }

            if (facts.Count == 0)
            {
                console.Output.WriteLine("No facts found.");
                return ExitCodes.Success;
            }

            var table = new Table().AddColumns("#", "¶", "kind", "value", "modality", "region", "agency", "date", "evidence");
            for (var i = 0; i < facts.Count; i++)
            {
                var f = facts[i];
                var value = f.Value is null ? f.Product ?? string.Empty
                    : $"{f.Qualifier} {f.Value.Value.ToString("#,0.####", CultureInfo.InvariantCulture)} {f.Unit}";
                table.AddRow(Cell(i.ToString(CultureInfo.InvariantCulture)), Cell(f.Paragraph.ToString(CultureInfo.InvariantCulture)), Cell(f.Kind),
                    Cell(value), Cell(f.Modality), Cell(f.Region), Cell(f.Agency), Cell(f.Date),
                    Cell(f.Evidence.Length > 80 ? f.Evidence[..80] + "…" : f.Evidence));
            }

            console.Ansi.Write(table);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Spectre.Console.Text Cell(string? text) => new(text ?? string.Empty);

    public static object ToJson(Fact f) => new
    {
        kind = f.Kind,
        value = f.Value,
        unit = f.Unit,
        qualifier = f.Qualifier,
        modality = f.Modality,
        region = f.Region,
        agency = f.Agency,
        product = f.Product,
        company = f.Company,
        date = f.Date,
        paragraph = f.Paragraph,
        evidence = f.Evidence,
        target = f.Target,
    };
}
