using System.IO.Enumeration;

namespace CgtAtlas.Ingest;

/// <summary>
/// Expands files and folders (recursively, hidden entries skipped) into files in a fixed order: inputs in the order
/// given, each folder's files in ordinal order of their paths, a file named twice (or inside two inputs) once.
/// </summary>
/// <remarks>
/// Streamed: a folder is walked one directory at a time, each directory's entries sorted on their own, so memory holds
/// one directory's names rather than every path of the corpus. Sorting a directory's sub-folder by its name followed
/// by the separator puts each folder's files exactly where a sort of the whole paths would (<c>b.txt</c> before
/// <c>b/x.txt</c>, as '.' sorts before '/'). Paths are remembered to drop repeats only for inputs that overlap
/// another one (a folder and a file or folder inside it); for any other input no file can repeat.
/// </remarks>
public sealed class InputEnumerator
{
    private readonly List<Input> _inputs = [];

    /// <summary>Resolves <paramref name="inputs"/>; those that do not exist are listed in <see cref="Missing"/>.</summary>
    public InputEnumerator(IEnumerable<string> inputs)
    {
        var missing = new List<string>();
        foreach (var input in inputs)
        {
            if (File.Exists(input))
            {
                _inputs.Add(new Input(input, false, Path.GetFullPath(input)));
            }
            else if (Directory.Exists(input))
            {
                _inputs.Add(new Input(input, true, Path.GetFullPath(input)));
            }
            else
            {
                missing.Add(input);
            }
        }

        Missing = missing;
        for (var k = 0; k < _inputs.Count; k++)
        {
            for (var j = 0; j < k; j++)
            {
                if (_inputs[j].Overlaps(_inputs[k]))
                {
                    _inputs[j].RemembersPaths = true;
                    _inputs[k].ChecksPaths = true;
                }
            }
        }
    }

    /// <summary>Inputs that are neither a file nor a folder.</summary>
    public IReadOnlyList<string> Missing { get; }

    /// <summary>Expands <paramref name="inputs"/> into a list; paths that do not exist are returned in <paramref name="missing"/>.</summary>
    public static List<string> Expand(IEnumerable<string> inputs, out List<string> missing)
    {
        var enumerator = new InputEnumerator(inputs);
        missing = [.. enumerator.Missing];
        return [.. enumerator.Files()];
    }

    /// <summary>How many files <see cref="Files"/> gives (one walk of the folders that keeps no paths).</summary>
    public int CountFiles() => Files().Count();

    /// <summary>The files, in order, each once.</summary>
    public IEnumerable<string> Files()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var input in _inputs)
        {
            foreach (var file in input.IsFolder ? Walk(input.Given) : [input.Given])
            {
                if (input is { ChecksPaths: false, RemembersPaths: false })
                {
                    yield return file;
                    continue;
                }

                var key = Path.GetFullPath(file);
                if (input.ChecksPaths && seen.Contains(key))
                {
                    continue;
                }

                if (input.RemembersPaths)
                {
                    seen.Add(key);
                }

                yield return file;
            }
        }
    }

    private static readonly EnumerationOptions s_options = new()
    {
        RecurseSubdirectories = false,
        AttributesToSkip = FileAttributes.Hidden | FileAttributes.System,
        IgnoreInaccessible = true,
    };

    /// <summary>The files under <paramref name="folder"/> in ordinal order of their paths.</summary>
    private static IEnumerable<string> Walk(string folder)
    {
        var pending = new Stack<IEnumerator<Entry>>();
        pending.Push(Entries(folder, isRoot: true).GetEnumerator());
        while (pending.Count > 0)
        {
            var entries = pending.Peek();
            if (!entries.MoveNext())
            {
                entries.Dispose();
                pending.Pop();
                continue;
            }

            var entry = entries.Current;
            if (entry.IsDirectory)
            {
                pending.Push(Entries(entry.Path, isRoot: false).GetEnumerator());
            }
            else if (!IsUnderHiddenFolder(entry.Path))
            {
                yield return entry.Path;
            }
        }
    }

    /// <summary>One directory's entries, sorted so that the walk gives the order of the whole paths.</summary>
    private static IEnumerable<Entry> Entries(string directory, bool isRoot)
    {
        List<Entry> entries;
        try
        {
            entries = new FileSystemEnumerable<Entry>(directory,
                (ref FileSystemEntry e) => new Entry(e.ToSpecifiedFullPath(), e.IsDirectory ? e.FileName.ToString() + Path.DirectorySeparatorChar : e.FileName.ToString(), e.IsDirectory),
                s_options).ToList();
        }
        catch (DirectoryNotFoundException) when (!isRoot)
        {
            // Removed while the walk was under way; a recursive enumeration skips it the same way.
            return [];
        }

        entries.Sort((a, b) => string.CompareOrdinal(a.SortKey, b.SortKey));
        return entries;
    }

    /// <summary>A path with a hidden part (".git", ".cache") is skipped, wherever that part is.</summary>
    private static bool IsUnderHiddenFolder(string path) =>
        path.Split(Path.DirectorySeparatorChar).Any(part => part.StartsWith('.') && part.Length > 1 && part != "..");

    private readonly record struct Entry(string Path, string SortKey, bool IsDirectory);

    private sealed class Input(string given, bool isFolder, string fullPath)
    {
        public string Given { get; } = given;

        public bool IsFolder { get; } = isFolder;

        /// <summary>A later input overlaps this one: its paths are remembered.</summary>
        public bool RemembersPaths { get; set; }

        /// <summary>An earlier input overlaps this one: its paths are checked against those remembered.</summary>
        public bool ChecksPaths { get; set; }

        /// <summary>True when the two inputs can give the same file (same path, or one inside the other).</summary>
        public bool Overlaps(Input other) =>
            fullPath == other.FullPath || (IsFolder && other.FullPath.StartsWith(AsFolder, StringComparison.Ordinal))
            || (other.IsFolder && fullPath.StartsWith(other.AsFolder, StringComparison.Ordinal));

        private string FullPath => fullPath;

        private string AsFolder => Path.EndsInDirectorySeparator(fullPath) ? fullPath : fullPath + Path.DirectorySeparatorChar;
    }
}
