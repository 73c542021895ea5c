using System.CommandLine;
using System.Globalization;
using CgtAtlas.Documents;
using Spectre.Console;

namespace CgtAtlas.Cli.Commands;

/// <summary><c>cgt show ID [--json]</c>: metadata and numbered paragraphs.</summary>
internal static class ShowCommand
{
    public static Command Create(CliConsole console)
    {
        var id = new Argument<long>("id") { Description = "Document id (from ingest or search)" };
        var json = CliOptions.Json();
        var command = new Command("show", "Show a document's metadata and numbered paragraphs") { id, json };
        command.SetAction(parse =>
        {
            if (!LibraryOpener.TryOpenDocument(parse.GetValue(CliOptions.Db)!, parse.GetValue(id), console.Error, out var library, out var document))
            {
                library?.Dispose();
                return ExitCodes.PartialFailure;
            }

            using var owned = library;

            if (parse.GetValue(json))
            {
                JsonOutput.Write(console.Output, ToJson(document));
                return ExitCodes.Success;
            }

            var ansi = console.Ansi;
            ansi.Write(new Rule($"[bold]{Markup.Escape(document.Title)}[/]").LeftJustified());
            var grid = new Grid().AddColumn().AddColumn();
            void Row(string key, string? value)
            {
                if (!string.IsNullOrEmpty(value))
                {
                    grid.AddRow(new Markup($"[grey]{key}[/]"), new Spectre.Console.Text(value));
                }
            }

            Row("id", document.Id.ToString(CultureInfo.InvariantCulture));
            Row("source", document.Source);
            Row("published", document.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            Row("language", document.Language.ToCode());
            Row("url", document.Url);
            Row("collections", string.Join(", ", document.Collections));
            Row("file", document.OriginPath);
            Row("format", document.Format);
            Row("ingested", document.IngestedAt.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture));
            Row("near-duplicate of", document.NearDuplicateOf?.ToString(CultureInfo.InvariantCulture));
            ansi.Write(grid);
            ansi.WriteLine();
            foreach (var paragraph in document.Paragraphs)
            {
                ansi.MarkupLine($"[grey][[{paragraph.Number}]][/] {Markup.Escape(paragraph.Text)}");
                ansi.WriteLine();
            }

            return ExitCodes.Success;
        });
        return command;
    }

    public static object ToJson(StoredDocument document) => new
    {
        id = document.Id,
        title = document.Title,
        source = document.Source,
        url = document.Url,
        published = document.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        language = document.Language.ToCode(),
        format = document.Format,
        collections = document.Collections,
        path = document.OriginPath,
        contentHash = document.ContentHash,
        ingestedAt = document.IngestedAt,
        nearDuplicateOf = document.NearDuplicateOf,
        paragraphs = document.Paragraphs.Select(p => new { n = p.Number, text = p.Text, language = p.Language.ToCode() }),
    };
}
