namespace CgtAtlas.Ingest;

/// <summary>Expands files and folders (recursively, hidden entries skipped) into an ordered list of files.</summary>
public static class InputEnumerator
{
    /// <summary>Expands <paramref name="inputs"/>; paths that do not exist are returned in <paramref name="missing"/>.</summary>
    public static List<string> Expand(IEnumerable<string> inputs, out List<string> missing)
    {
        var files = new List<string>();
        missing = [];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var input in inputs)
        {
            if (File.Exists(input))
            {
                if (seen.Add(Path.GetFullPath(input)))
                {
                    files.Add(input);
                }
            }
            else if (Directory.Exists(input))
            {
                var options = new EnumerationOptions
                {
                    RecurseSubdirectories = true,
                    AttributesToSkip = FileAttributes.Hidden | FileAttributes.System,
                    IgnoreInaccessible = true,
                };
                var found = Directory.EnumerateFiles(input, "*", options)
                    .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part.StartsWith('.') && part.Length > 1 && part != ".."))
                    .Order(StringComparer.Ordinal);
                foreach (var file in found)
                {
                    if (seen.Add(Path.GetFullPath(file)))
                    {
                        files.Add(file);
                    }
                }
            }
            else
            {
                missing.Add(input);
            }
        }

        return files;
    }
}
