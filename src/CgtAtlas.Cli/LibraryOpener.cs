using System.Diagnostics.CodeAnalysis;
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

    /// <summary>
    /// Opens the library and loads one document, reporting a missing library or id on <paramref name="error"/>;
    /// returns false (exit code 1) when either is missing. The caller disposes <paramref name="library"/>.
    /// </summary>
    public static bool TryOpenDocument(string path, long id, TextWriter error, [NotNullWhen(true)] out Library? library,
        [NotNullWhen(true)] out Documents.StoredDocument? document)
    {
        document = null;
        library = TryOpen(path, error, mustExist: true);
        if (library is null)
        {
            return false;
        }

        document = library.GetDocument(id);
        if (document is null)
        {
            error.WriteLine($"cgt: no document with id {id}");
            return false;
        }

        return true;
    }
}
