using System.CommandLine;
using CgtAtlas.Insights;
using CgtAtlas.Storage.Sqlite;

namespace CgtAtlas.Cli.Commands;

/// <summary><c>cgt brief ID [--lang en|zh] [--format text|md] [--json]</c>: a one-screen brief with verified citations.</summary>
internal static class BriefCommand
{
    public static Command Create(CliConsole console)
    {
        var id = new Argument<long>("id") { Description = "Document id (from ingest or search)" };
        var lang = new Option<string>("--lang") { Description = "Language of the brief: en (default) or zh", DefaultValueFactory = _ => "en" };
        lang.AcceptOnlyFromAmong("en", "zh");
        var format = new Option<string>("--format") { Description = "text (default) or md", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "md");
        var json = CliOptions.Json();
        var command = new Command("brief", "Summarise a document as sections of bullets citing its paragraphs [n]") { id, lang, format, json };
        command.SetAction(parse =>
        {
            using var library = LibraryOpener.TryOpen(parse.GetValue(CliOptions.Db)!, console.Error, mustExist: true);
            if (library is null)
            {
                return ExitCodes.PartialFailure;
            }

            var brief = library.GetBrief(parse.GetValue(id), parse.GetValue(lang)!);
            if (brief is null)
            {
                console.Error.WriteLine($"cgt: no document with id {parse.GetValue(id)}");
                return ExitCodes.PartialFailure;
            }

            console.Output.Write(parse.GetValue(json) ? BriefRenderer.ToJson(brief) + "\n"
                : parse.GetValue(format) == "md" ? BriefRenderer.ToMarkdown(brief)
                : BriefRenderer.ToText(brief));
            return ExitCodes.Success;
        });
        return command;
    }
}
