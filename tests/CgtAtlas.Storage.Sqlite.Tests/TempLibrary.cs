using CgtAtlas.Storage.Sqlite;
using CgtAtlas.Text;

namespace CgtAtlas.Core.Tests;

/// <summary>A library in a fresh temporary folder, deleted on dispose.</summary>
internal sealed class TempLibrary : IDisposable
{
    public TempLibrary()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("cgt-test-").FullName;
        DbPath = Path.Combine(Directory, "lib.db");
        Library = new Library(SqliteLibraryStore.Open(DbPath), TextServices.Default);
    }

    public string Directory { get; }

    public string DbPath { get; }

    public Library Library { get; private set; }

    /// <summary>Writes a file under the temp folder and returns its path.</summary>
    public string Write(string relativePath, string content)
    {
        var path = Path.Combine(Directory, "in", relativePath);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    public void Reopen()
    {
        Library.Dispose();
        Library = new Library(SqliteLibraryStore.Open(DbPath), TextServices.Default);
    }

    public void Dispose()
    {
        Library.Dispose();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
