using System.CommandLine;
using System.Globalization;
using CgtAtlas.Knowledge;
using Spectre.Console;

namespace CgtAtlas.Cli.Commands;

/// <summary><c>cgt entities ID [--json]</c>: products, companies and regulators named in a stored document.</summary>
internal static class EntitiesCommand
{
    public static Command Create(CliConsole console)
    {
        var id = new Argument<long>("id") { Description = "Document id (from search or ingest)" };
        var json = CliOptions.Json();
        var command = new Command("entities", "Products, companies and regulators mentioned in a document, linked to the knowledge base") { id, json };
        command.SetAction(parse =>
        {
            if (!LibraryOpener.TryOpenDocument(parse.GetValue(CliOptions.Db)!, parse.GetValue(id), console.Error, out var library, out var document))
            {
                library?.Dispose();
                return ExitCodes.PartialFailure;
            }

            using var owned = library;

            var kb = KnowledgeCli.Load(console);
            if (kb is null)
            {
                return ExitCodes.PartialFailure;
            }

            var mentions = new EntityLinker(kb, library.Text.Segmenter).Link(document.Paragraphs);
            if (parse.GetValue(json))
            {
                JsonOutput.Write(console.Output, new
                {
                    id = document.Id,
                    title = document.Title,
                    entities = mentions.Select(m => new
                    {
                        type = m.Type.ToString().ToLowerInvariant(),
                        id = m.Id,
                        name = m.Name,
                        paragraphs = m.Paragraphs,
                        surfaces = m.Surfaces,
                        mentions = m.Mentions,
                        records = m.Records,
                    }),
                });
                return ExitCodes.Success;
            }

            console.Ansi.MarkupLine($"[bold]{Markup.Escape(document.Title)}[/] (#{document.Id}): {mentions.Count} entit{(mentions.Count == 1 ? "y" : "ies")}");
            if (mentions.Count == 0)
            {
                return ExitCodes.Success;
            }

            var table = new Table().Border(TableBorder.Rounded);
            foreach (var column in new[] { "Type", "KB id", "Name", "As written", "Paragraphs", "Records" })
            {
                table.AddColumn(column);
            }

            foreach (var m in mentions)
            {
                table.AddRow(m.Type.ToString().ToLowerInvariant(), Markup.Escape(m.Id), Markup.Escape(m.Name), Markup.Escape(string.Join(", ", m.Surfaces)),
                    string.Join(", ", m.Paragraphs.Select(p => p.ToString(CultureInfo.InvariantCulture))), Markup.Escape(string.Join(", ", m.Records)));
            }

            console.Ansi.Write(table);
            return ExitCodes.Success;
        });
        return command;
    }
}
