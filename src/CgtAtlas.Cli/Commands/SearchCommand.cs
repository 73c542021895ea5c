using System.CommandLine;
using System.Globalization;
using CgtAtlas.Documents;
using CgtAtlas.Search;
using CgtAtlas.Text;
using Spectre.Console;

namespace CgtAtlas.Cli.Commands;

/// <summary><c>cgt search QUERY [--limit N] [--offset N] [--sort relevance|newest] [--json]</c></summary>
internal static class SearchCommand
{
    public static Command Create(CliConsole console)
    {
        var query = new Argument<string[]>("query")
        {
            Description = "Query: words, \"phrases\", OR, NOT/-word, ( ), title:, lang:, collection:, source:, after:, before:",
            Arity = ArgumentArity.OneOrMore,
        };
        var limit = new Option<int>("--limit", "-n") { Description = "Hits per page (1-200)", DefaultValueFactory = _ => 10 };
        var offset = new Option<int>("--offset") { Description = "Hits to skip", DefaultValueFactory = _ => 0 };
        var sort = new Option<SearchSort>("--sort") { Description = "relevance or newest", DefaultValueFactory = _ => SearchSort.Relevance };
        var json = CliOptions.Json();
        var command = new Command("search", "Search the library (Chinese and English, with domain aliases)") { query, limit, offset, sort, json };
        command.SetAction(parse =>
        {
            var request = new SearchRequest
            {
                Query = string.Join(' ', parse.GetValue(query)!),
                Limit = parse.GetValue(limit),
                Offset = parse.GetValue(offset),
                Sort = parse.GetValue(sort),
            };
            var asJson = parse.GetValue(json);
            if (request.Limit is < 1 or > Library.MaxPageSize || request.Offset < 0)
            {
                return Fail(console, asJson, $"--limit must be 1-{Library.MaxPageSize} and --offset 0 or more", ExitCodes.Usage);
            }

            // A Chinese query may be segmented: start loading jieba on the other core while the rest starts up.
            if (ChineseSegmenter.MayNeedDictionary(request.Query))
            {
                TextServices.PrefetchSegmenter();
            }

            // In JSON mode the opener's message is caught and re-sent as a JSON error, so a script reads one format.
            using var openError = new StringWriter(CultureInfo.InvariantCulture);
            using var library = LibraryOpener.TryOpen(parse.GetValue(CliOptions.Db)!, asJson ? openError : console.Error, mustExist: true);
            if (library is null)
            {
                var message = openError.ToString().Trim();
                return asJson ? Fail(console, asJson, message.StartsWith("cgt: ", StringComparison.Ordinal) ? message[5..] : message, ExitCodes.PartialFailure)
                    : ExitCodes.PartialFailure;
            }

            SearchResults results;
            try
            {
                results = library.Search(request);
            }
            catch (QuerySyntaxException ex)
            {
                return Fail(console, asJson, $"invalid query: {ex.Message}", ExitCodes.Usage);
            }

            if (asJson)
            {
                JsonOutput.Write(console.Output, new
                {
                    total = results.Total,
                    totalIsEstimate = results.TotalIsEstimate,
                    rankedBy = results.RankedBy,
                    hits = results.Hits.Select(h => new
                    {
                        id = h.Id,
                        title = h.Title,
                        score = h.Score,
                        // Plain text with only the <mark> highlights: JSON readers escape for their own medium, so no HTML entities.
                        snippet = h.Snippet?.Render("<mark>", "</mark>", text => text),
                        published = h.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                        language = h.Language.ToCode(),
                        source = h.Source,
                        paragraph = h.Snippet?.Paragraph,
                        collapsedCopies = h.CollapsedCopies,
                    }),
                });
                return ExitCodes.Success;
            }

            WriteTable(console, library, request, results);
            return ExitCodes.Success;
        });
        return command;
    }

    // Errors go to stderr either way, as {"error": …} under --json, with the same exit code.
    private static int Fail(CliConsole console, bool asJson, string message, int exitCode)
    {
        if (asJson)
        {
            JsonOutput.Write(console.Error, new { error = message });
        }
        else
        {
            console.Error.WriteLine($"cgt: {message}");
        }

        return exitCode;
    }

    private static void WriteTable(CliConsole console, Library library, SearchRequest request, SearchResults results)
    {
        var ansi = console.Ansi;
        if (results.Total == 0)
        {
            ansi.MarkupLine($"No documents match [bold]{Markup.Escape(request.Query)}[/].");
            return;
        }

        var first = results.Hits.Count == 0 ? 0 : request.Offset + 1;
        var count = results.TotalIsEstimate ? $"about [bold]{results.Total:N0}[/]" : $"[bold]{results.Total}[/]";
        ansi.MarkupLine($"{count} document(s) match; showing {first}–{request.Offset + results.Hits.Count}.");
        if (results.RankedByRecency && request.Sort == SearchSort.Relevance)
        {
            ansi.MarkupLine("[grey]Broad query: newest matches first, title matches on top (add words or filters to rank by relevance).[/]");
        }

        // The document column gets what the ID and score columns, borders and padding leave of the terminal.
        var idWidth = results.Hits.Max(h => h.Id.ToString(CultureInfo.InvariantCulture).Length);
        var columnWidth = Math.Max(20, ansi.Profile.Width - (idWidth + 2) - ("Score".Length + 2) - 4 - 2);
        var table = new Table().Border(TableBorder.Rounded).Expand();
        table.AddColumn(new TableColumn("ID").RightAligned());
        table.AddColumn("Document");
        table.AddColumn(new TableColumn("Score").RightAligned());
        foreach (var hit in results.Hits)
        {
            var title = Highlight(hit.Title, library.TitleHighlights(hit.Title, request.Query));
            var meta = string.Join(" · ", new[] { hit.Source, hit.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), hit.Language.ToCode() }
                .Where(s => !string.IsNullOrEmpty(s)));
            var copies = hit.CollapsedCopies > 0 ? $" [grey](+{hit.CollapsedCopies} similar)[/]" : string.Empty;
            var marker = $"[{hit.Snippet?.Paragraph}] ";
            var snippet = hit.Snippet is null
                ? string.Empty
                : $"\n[grey]{Markup.Escape(marker)}[/]" + string.Join('\n', TerminalWrap.Lines(hit.Snippet, columnWidth - marker.Length, columnWidth)
                    .Select(line => line.Render("[black on yellow]", "[/]", Markup.Escape)));
            table.AddRow(
                new Markup(hit.Id.ToString(CultureInfo.InvariantCulture)),
                new Markup($"[bold]{title}[/]{copies}\n[grey]{Markup.Escape(meta)}[/]{snippet}"),
                // A broad query is ordered by recency with a title tier: its "score" only says which tier a hit is in.
                new Markup(results.RankedByRecency ? (hit.Score > 0 ? "title" : "[grey]body[/]") : hit.Score.ToString("0.00", CultureInfo.InvariantCulture)));
        }

        ansi.Write(table);
        if (request.Offset + results.Hits.Count < results.Total)
        {
            ansi.MarkupLine($"[grey]More: --offset {request.Offset + results.Hits.Count}[/]");
        }
    }

    private static string Highlight(string text, IReadOnlyList<(int Start, int Length)> spans) =>
        new Snippet(0, text, spans).Render("[black on yellow]", "[/]", Markup.Escape);
}
