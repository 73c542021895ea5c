using System.CommandLine;
using System.Globalization;
using CgtAtlas.Analytics;
using CgtAtlas.Facts;
using CgtAtlas.Knowledge;
using Spectre.Console;

namespace CgtAtlas.Cli.Commands;

/// <summary><c>cgt check ID [--json]</c>: every checkable number the document claims, against the knowledge base.</summary>
internal static class CheckCommand
{
    public static Command Create(CliConsole console)
    {
        var id = new Argument<long>("id") { Description = "Document id" };
        var json = CliOptions.Json();
        var command = new Command("check", "Check the numbers a document claims against the knowledge base") { id, json };
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

            var facts = new FactExtractor().Extract(document.Paragraphs, document.Published);
            var glossary = library.Text.Glossary;
            var claims = FactClaims.From(facts, (sentence, modality) =>
                (glossary.Find(modality, library.Text.Analyzer)?.Aliases ?? [modality])
                .Any(alias => sentence.Contains(alias, StringComparison.OrdinalIgnoreCase)));
            var verdicts = new ClaimChecker(kb, new TrialClassifier(library.Text, kb)).Check(claims, document.Published);
            if (parse.GetValue(json))
            {
                JsonOutput.Write(console.Output, new { id = document.Id, title = document.Title, claims = verdicts });
                return ExitCodes.Success;
            }

            console.Ansi.MarkupLine($"[bold]{Markup.Escape(document.Title)}[/] (#{document.Id}): {verdicts.Count} checkable claim(s)");
            var table = new Table().Border(TableBorder.Rounded).AddColumns("¶", "Claim", "Claimed", "Known", "Verdict", "Note");
            foreach (var v in verdicts)
            {
                var colour = v.Verdict switch { "agrees" => "green", "disagrees" => "red", _ => "grey" };
                table.AddRow(
                    v.Paragraph?.ToString(CultureInfo.InvariantCulture) ?? "",
                    Markup.Escape(v.Evidence ?? v.Kind),
                    Markup.Escape(v.Claimed),
                    Markup.Escape(v.Known ?? "—"),
                    $"[{colour}]{v.Verdict}[/]",
                    Markup.Escape(v.Note ?? string.Empty));
            }

            console.Ansi.Write(table);
            return ExitCodes.Success;
        });
        return command;
    }
}
