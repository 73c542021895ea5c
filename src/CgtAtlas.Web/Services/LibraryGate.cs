using CgtAtlas.Knowledge;
using CgtAtlas.Storage.Sqlite;
using CgtAtlas.Text;
using CgtAtlas.Workspace;

namespace CgtAtlas.Web.Services;

/// <summary>
/// The one library and workspace this process serves. SQLite connections are not thread-safe, so every use goes
/// through <see cref="Run{T}"/>, which serialises callers (a workbench has a handful of users, not thousands).
/// </summary>
public sealed class LibraryGate : IDisposable
{
    private readonly Lock _lock = new();
    private readonly Library _library;
    private readonly IWorkspaceStore _workspace;
    private readonly ITrialStore _trials;

    /// <summary>Opens (creating if needed) the library at <paramref name="dbPath"/>.</summary>
    public LibraryGate(string dbPath)
    {
        DbPath = Path.GetFullPath(dbPath);
        _library = new Library(SqliteLibraryStore.Open(DbPath), TextServices.Default);
        try
        {
            _workspace = SqliteWorkspaceStore.Open(DbPath);
            _trials = SqliteTrialStore.Open(DbPath);
        }
        catch
        {
            (_workspace as IDisposable)?.Dispose();
            _library.Dispose();
            throw;
        }
    }

    /// <summary>The library file.</summary>
    public string DbPath { get; }

    /// <summary>Runs <paramref name="action"/> with exclusive use of the library and workspace.</summary>
    public T Run<T>(Func<Library, IWorkspaceStore, T> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        lock (_lock)
        {
            return action(_library, _workspace);
        }
    }

    /// <summary>Every imported registry trial (ClinicalTrials.gov), read under the same lock.</summary>
    public IReadOnlyList<ClinicalTrial> AllTrials()
    {
        lock (_lock)
        {
            return _trials.GetAll();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_lock)
        {
            _trials.Dispose();
            _workspace.Dispose();
            _library.Dispose();
        }
    }
}
