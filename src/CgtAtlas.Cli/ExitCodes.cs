namespace CgtAtlas.Cli;

/// <summary>Process exit codes, the same for every command.</summary>
internal static class ExitCodes
{
    /// <summary>Everything asked for was done.</summary>
    public const int Success = 0;

    /// <summary>Some work failed (e.g. some inputs could not be ingested; the rest was kept) or the item was not found.</summary>
    public const int PartialFailure = 1;

    /// <summary>The command line or the query was malformed; nothing was done.</summary>
    public const int Usage = 2;

    /// <summary>The run was interrupted (Ctrl-C); what was stored is complete.</summary>
    public const int Interrupted = 130;
}
