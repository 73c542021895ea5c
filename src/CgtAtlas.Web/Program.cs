namespace CgtAtlas.Web;

/// <summary>Runs the web workspace on its own (<c>cgt serve</c> is the usual way).</summary>
public sealed class Program
{
    private Program()
    {
    }

    /// <summary>Entry point: <c>--urls</c>, <c>--Cgt:Db=FILE</c>; <c>CGT_TOKEN</c> for the access token.</summary>
    public static int Main(string[] args)
    {
        WebApplication app;
        try
        {
            app = CgtWebApp.Build(args);
        }
        catch (InvalidOperationException ex)
        {
            Console.Error.WriteLine($"cgt serve: {ex.Message}");
            return CgtWebApp.StartFailed;
        }

        app.Run();
        return 0;
    }
}
