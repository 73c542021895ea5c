using System.CommandLine;
using CgtAtlas.Cli.Commands;

namespace CgtAtlas.Cli;

/// <summary>Builds the command tree and runs it. Usage errors exit 2 with the parser's message.</summary>
public static class CgtApp
{
    /// <summary>Runs the CLI with <paramref name="args"/>, writing to the console.</summary>
    public static int Run(string[] args) => Run(args, Console.Out, Console.Error);

    /// <summary>Runs the CLI with explicit writers (used by tests).</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var root = new RootCommand("CgtAtlas — bilingual library, search and briefs for cell and gene therapy news")
        {
            CliOptions.Db,
        };
        var console = new CliConsole(output, error);
        root.Subcommands.Add(IngestCommand.Create(console));
        root.Subcommands.Add(SearchCommand.Create(console));
        root.Subcommands.Add(ShowCommand.Create(console));
        root.Subcommands.Add(StatsCommand.Create(console));
        root.Subcommands.Add(StatsCommand.CreateLandscape(console));
        root.Subcommands.Add(ProductsCommand.Create(console));
        root.Subcommands.Add(ImportCommand.Create(console));
        root.Subcommands.Add(EntitiesCommand.Create(console));
        root.Subcommands.Add(CheckCommand.Create(console));
        root.Subcommands.Add(DemoCommand.Create(console));
        root.Subcommands.Add(ServeCommand.Create(console));
        root.Subcommands.Add(BriefCommand.Create(console));
        root.Subcommands.Add(FactsCommand.Create(console));

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var parseError in parse.Errors)
            {
                error.WriteLine($"cgt: {parseError.Message}");
            }

            error.WriteLine("Run 'cgt --help' for usage.");
            return ExitCodes.Usage;
        }

        return parse.Invoke(new InvocationConfiguration { Output = output, Error = error });
    }
}
