using CgtAtlas.Storage.Sqlite;
using CgtAtlas.Text;

namespace CgtAtlas.Cli;

/// <summary>Opens the library named by <c>--db</c>, turning storage problems into one-line messages.</summary>
internal static class LibraryOpener
{
    public static Library? TryOpen(string path, TextWriter error, bool mustExist)
    {
        if (mustExist && !File.Exists(path))
        {
            error.WriteLine($"cgt: no library at '{path}'. Create one with: cgt --db {path} ingest <files or folders>");
            return null;
        }

        try
        {
            var store = SqliteLibraryStore.Open(path);
            return new Library(store, TextServices.Default) { BriefCache = SqliteBriefCache.For(store) };
        }
        catch (Exception ex) when (ex is InvalidDataException or DirectoryNotFoundException or UnauthorizedAccessException or IOException
            or Microsoft.Data.Sqlite.SqliteException)
        {
            error.WriteLine($"cgt: cannot open library '{path}': {ex.Message}");
            return null;
        }
    }
}
