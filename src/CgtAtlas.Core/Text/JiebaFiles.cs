namespace CgtAtlas.Text;

/// <summary>What one jieba start-up reads, and where it may save itself for later processes.</summary>
/// <param name="Dictionary">jieba's main dictionary, <c>dict.txt</c>.</param>
/// <param name="BootDirectory">The folder jieba.NET initialises from: an empty <c>dict.txt</c> and HMM tables.</param>
/// <param name="UserDictionary">A jieba user dictionary (<c>word freq tag</c> per line), or null.</param>
/// <param name="SnapshotDirectory">Where a finished start-up is saved (<see cref="JiebaSnapshot"/>), or null.</param>
public sealed record JiebaFiles(string Dictionary, string BootDirectory, string? UserDictionary, string? SnapshotDirectory)
{
    /// <summary>The layout of a CgtAtlas data folder: <c>jieba/dict.txt</c>, <c>jieba-boot/</c>, <c>jieba-user.dict</c>.</summary>
    public static JiebaFiles In(string dataDirectory, string? snapshotDirectory) =>
        new(Path.Combine(dataDirectory, "jieba", "dict.txt"), Path.Combine(dataDirectory, "jieba-boot"),
            Path.Combine(dataDirectory, "jieba-user.dict"), snapshotDirectory);
}
