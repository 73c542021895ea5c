using System.CommandLine;
using CgtAtlas.Documents;
using CgtAtlas.Ingest;
using Spectre.Console;

namespace CgtAtlas.Cli.Commands;

/// <summary><c>cgt ingest PATH... [--collection NAME] [--json]</c></summary>
internal static class IngestCommand
{
    public static Command Create(CliConsole console)
    {
        var paths = new Argument<string[]>("paths") { Description = "Files or folders (recursive)", Arity = ArgumentArity.OneOrMore };
        var collection = new Option<string[]>("--collection", "-c")
        {
            Description = "Put every document in this collection (repeatable)",
            AllowMultipleArgumentsPerToken = false,
        };
        var maxFile = new Option<int>("--max-file-mb") { Description = "Largest file to accept, in MiB", DefaultValueFactory = _ => 64 };
        var json = CliOptions.Json();
        var command = new Command("ingest", "Add documents (txt, md, html, pdf, rss/atom) to the library") { paths, collection, maxFile, json };
        command.SetAction(parse =>
        {
            if (parse.GetValue(maxFile) is < 1 or > 4096)
            {
                console.Error.WriteLine("cgt: --max-file-mb must be between 1 and 4096");
                return ExitCodes.Usage;
            }

            using var library = LibraryOpener.TryOpen(parse.GetValue(CliOptions.Db)!, console.Error, mustExist: false);
            if (library is null)
            {
                return ExitCodes.PartialFailure;
            }

            var options = new IngestOptions
            {
                Collections = (parse.GetValue(collection) ?? []).Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim()).ToList(),
                MaxFileBytes = parse.GetValue(maxFile) * 1024L * 1024L,
            };
            using var cancel = new CancellationTokenSource();
            ConsoleCancelEventHandler onCancel = (_, e) =>
            {
                // Finish the current document and commit: Ctrl-C never leaves half a document.
                e.Cancel = true;
                cancel.Cancel();
            };
            Console.CancelKeyPress += onCancel;
            try
            {
                var inputs = parse.GetValue(paths)!;
                IngestReport report;
                using var tagging = AutoTagging.Start(console.Error);
                if (parse.GetValue(json))
                {
                    using var writer = new IngestJsonWriter(console.Output);
                    report = library.Ingest(inputs, options, null, cancel.Token, d =>
                    {
                        writer.Document(d);
                        tagging.Post(d);
                    });
                    writer.Finish(report);
                }
                else
                {
                    // Only the first rows are shown, so only they are kept: memory stays flat in the number of inputs.
                    var shown = new List<IngestedDocument>();
                    report = RunWithProgress(console, library, inputs, options, cancel.Token, d =>
                    {
                        tagging.Post(d);
                        if (shown.Count < ShownRows)
                        {
                            shown.Add(d with { Content = null });
                        }
                    });
                    WriteSummary(console, report, shown);
                }

                tagging.Finish(library, parse.GetValue(CliOptions.Db)!);
                return report.Cancelled ? ExitCodes.Interrupted : report.Failed.Count > 0 ? ExitCodes.PartialFailure : ExitCodes.Success;
            }
            finally
            {
                Console.CancelKeyPress -= onCancel;
            }
        });
        return command;
    }

    private const int ShownRows = 200;

    private static IngestReport RunWithProgress(CliConsole console, Library library, string[] inputs, IngestOptions options,
        CancellationToken token, Action<IngestedDocument> onStored)
    {
        if (!console.Interactive)
        {
            return library.Ingest(inputs, options, null, token, onStored);
        }

        IngestReport? report = null;
        console.Ansi.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(context =>
            {
                var task = context.AddTask("Ingesting", maxValue: 1);
                report = library.Ingest(inputs, options, new SynchronousProgress<IngestProgress>(p =>
                {
                    task.MaxValue = Math.Max(1, p.Total);
                    task.Value = p.Done;
                    task.Description = $"Ingesting {p.Done}/{p.Total}";
                }), token, onStored);
                task.StopTask();
            });
        return report!;
    }

    private static void WriteSummary(CliConsole console, IngestReport report, IReadOnlyList<IngestedDocument> shown)
    {
        var ansi = console.Ansi;
        if (shown.Count > 0)
        {
            var table = new Table().Border(TableBorder.Rounded).AddColumns("ID", "Title", "Lang", "¶", "Path");
            foreach (var d in shown)
            {
                table.AddRow(d.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    d.NearDuplicateOf is null ? Markup.Escape(d.Title) : $"{Markup.Escape(d.Title)} [grey](near-duplicate of {d.NearDuplicateOf})[/]",
                    d.Language.ToCode(), d.Paragraphs.ToString(System.Globalization.CultureInfo.InvariantCulture), Markup.Escape(d.Path));
            }

            ansi.Write(table);
            if (report.Stored > shown.Count)
            {
                ansi.MarkupLine($"[grey]… and {report.Stored - shown.Count} more[/]");
            }
        }

        foreach (var d in report.Duplicates)
        {
            ansi.MarkupLine($"[yellow]duplicate[/] {Markup.Escape(d.Path)} → already stored as document {d.DuplicateOf}");
        }

        foreach (var f in report.Failed)
        {
            console.Error.WriteLine($"cgt: {f.Path}: {f.Error}");
        }

        ansi.MarkupLine(
            $"Stored [green]{report.Stored}[/] document(s) ({report.NearDuplicates} near-duplicate{Regrouped(report)}), " +
            $"[yellow]{report.Duplicates.Count}[/] duplicate(s), [red]{report.Failed.Count}[/] failed" +
            (report.Cancelled ? " — [red]interrupted[/]: the documents listed are complete; run again to continue." : "."));
    }

    /// <summary>"; N earlier copies now point to more original ones" when a group got a new head, else nothing.</summary>
    internal static string Regrouped(IngestReport report) => report.Regrouped switch
    {
        0 => string.Empty,
        1 => "; 1 earlier copy now points to a more original one",
        var n => $"; {n} earlier copies now point to more original ones",
    };

    /// <summary>Reports on the calling thread (Progress&lt;T&gt; posts to the thread pool and can arrive after the bar stops).</summary>
    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
