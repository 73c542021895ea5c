using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using CgtAtlas.Web;
using CgtAtlas.Web.Services;

namespace CgtAtlas.Cli.Commands;

/// <summary><c>cgt serve [--urls URLS]</c>: the web workspace over the library, in this process.</summary>
internal static class ServeCommand
{
    public static Command Create(CliConsole console)
    {
        var urls = new Option<string>("--urls")
        {
            Description = $"Where to listen (default {BindingPolicy.DefaultUrls}); a non-loopback address needs CGT_TOKEN",
            DefaultValueFactory = _ => BindingPolicy.DefaultUrls,
        };
        var command = new Command("serve", "Open the web workspace (search, read, topics, review, upload, API)") { urls };
        command.SetAction(parse => Serve(console, parse.GetValue(CliOptions.Db)!, parse.GetValue(urls)!));
        return command;
    }

    /// <summary>Runs the web workspace over <paramref name="db"/> until Ctrl-C.</summary>
    public static int Serve(CliConsole console, string db, string listen)
    {
            WebApplication app;
            try
            {
                app = CgtWebApp.Build([], new CgtWebOptions { DbPath = db, Urls = listen, Output = console.Output });
            }
            catch (Exception ex) when (ex is InvalidOperationException or InvalidDataException or DirectoryNotFoundException or IOException
                or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
            {
                console.Error.WriteLine($"cgt: {ex.Message}");
                return ExitCodes.Usage;
            }

            console.Output.WriteLine($"cgt serve: library {Path.GetFullPath(db)}; listening on {listen} (Ctrl-C to stop)");
            app.Run();
            return ExitCodes.Success;
    }
}
