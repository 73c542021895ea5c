using CgtAtlas.Ingest;

namespace CgtAtlas.Core.Tests.Ingest;

public sealed class InputEnumeratorTests : IDisposable
{
    [Fact]
    public void Streams_the_files_in_the_order_and_with_the_skips_of_a_sort_of_all_paths()
    {
        // Names that sort differently as whole paths than as names: "b.txt" < "b/…" ('.' < '/'), "b-c" < "b.txt".
        foreach (var file in new[]
                 {
                     "b/x.txt", "b.txt", "b-c/y.txt", "a/z/1.txt", "a/z.md", "a/Z.md", "a/z0/2.txt", "ab.txt", "a b/3.txt",
                     ".hidden/4.txt", "c/.secret.txt", "c/5.txt", "中文/6.txt", "b/deep/er/7.txt",
                 })
        {
            Write(file);
        }

        var streamed = new InputEnumerator([_root]);

        Assert.Equal(SortOfAllPaths([_root], out _), streamed.Files());
        Assert.Equal(12, streamed.CountFiles()); // 14 written, 2 hidden
        Assert.Equal(SortOfAllPaths([_root + Path.DirectorySeparatorChar], out _), new InputEnumerator([_root + Path.DirectorySeparatorChar]).Files());
    }

    [Fact]
    public void Gives_a_file_named_twice_or_inside_an_earlier_folder_once_and_lists_missing_inputs()
    {
        Write("news/a.txt");
        Write("news/sub/b.txt");
        Write("other/c.txt");
        var inputs = new[]
        {
            Path.Combine(_root, "news", "sub", "b.txt"), Path.Combine(_root, "news"), Path.Combine(_root, "news") + "/",
            Path.Combine(_root, "missing"), Path.Combine(_root, "other"), Path.Combine(_root, "news", "a.txt"),
        };

        var streamed = new InputEnumerator(inputs);

        var expected = SortOfAllPaths(inputs, out var missing);
        Assert.Equal(expected, streamed.Files());
        Assert.Equal(3, expected.Count);
        Assert.Equal(missing, streamed.Missing);
        Assert.Equal(["missing"], streamed.Missing.Select(Path.GetFileName));
    }

    [Fact]
    public void Lists_the_sample_corpus_as_a_sort_of_all_its_paths() =>
        Assert.Equal(SortOfAllPaths([TestPaths.Corpus], out _), new InputEnumerator([TestPaths.Corpus]).Files());

    /// <summary>A folder of its own per test, deleted after it.</summary>
    private readonly string _root = Directory.CreateTempSubdirectory("cgt-inputs-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private void Write(string relative)
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, relative);
    }

    /// <summary>The definition: every folder enumerated recursively at once, sorted ordinally, repeats dropped.</summary>
    private static List<string> SortOfAllPaths(IEnumerable<string> inputs, out List<string> missing)
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
                files.AddRange(Directory.EnumerateFiles(input, "*", options)
                    .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part.StartsWith('.') && part.Length > 1 && part != ".."))
                    .Order(StringComparer.Ordinal)
                    .Where(f => seen.Add(Path.GetFullPath(f))));
            }
            else
            {
                missing.Add(input);
            }
        }

        return files;
    }
}
