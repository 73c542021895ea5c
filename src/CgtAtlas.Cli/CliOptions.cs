using System.CommandLine;

namespace CgtAtlas.Cli;

/// <summary>Options shared by several commands.</summary>
internal static class CliOptions
{
    /// <summary><c>--db</c>: the library file; <c>$CGT_DB</c>, else <c>./cgtatlas.db</c>.</summary>
    public static readonly Option<string> Db = new("--db")
    {
        Description = "Library file (default: $CGT_DB, else ./cgtatlas.db)",
        Recursive = true,
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("CGT_DB") is { Length: > 0 } env ? env : "cgtatlas.db",
    };

    /// <summary><c>--json</c>: machine-readable output on stdout.</summary>
    public static Option<bool> Json() => new("--json") { Description = "Print JSON instead of tables" };
}
