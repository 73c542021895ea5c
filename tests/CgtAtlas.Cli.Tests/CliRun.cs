using CgtAtlas.Cli;

namespace CgtAtlas.Core.Tests;

/// <summary>Runs the CLI in-process against one library and captures what it printed.</summary>
internal static class CliRun
{
    public static (int Code, string Out, string Err) On(string db, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = CgtApp.Run(["--db", db, .. args], output, error);
        return (code, output.ToString(), error.ToString());
    }
}
