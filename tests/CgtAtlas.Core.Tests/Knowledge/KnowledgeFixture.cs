using CgtAtlas.Knowledge;
using CgtAtlas.Text;

namespace CgtAtlas.Core.Tests.Knowledge;

/// <summary>The repository's curated knowledge base, loaded once for the tests.</summary>
internal static class KnowledgeFixture
{
    private static readonly Lazy<KnowledgeBase> s_kb = new(() =>
        KnowledgeBase.Load(Path.Combine(TestPaths.RepoRoot, "data", "knowledge"), TextServices.Default.Analyzer));

    public static KnowledgeBase Kb => s_kb.Value;

    public static string CtgovData => Path.Combine(TestPaths.TestData, "ctgov");

    public static TrialClassifier Classifier { get; } = new(TextServices.Default, s_kb.Value);
}
