namespace CgtAtlas.Core.Tests;

/// <summary>Locates the repository's sample and test data from the test's output folder.</summary>
internal static class TestPaths
{
    public static string RepoRoot { get; } = FindRoot();

    public static string Samples => Path.Combine(RepoRoot, "samples");

    public static string Corpus => Path.Combine(RepoRoot, "samples", "corpus");

    public static string Bad => Path.Combine(RepoRoot, "samples", "bad");

    public static string TestData => Path.Combine(RepoRoot, "tests", "data");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CgtAtlas.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("repository root (CgtAtlas.slnx) not found above " + AppContext.BaseDirectory);
    }
}
