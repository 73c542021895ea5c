namespace CgtAtlas.Text;

/// <summary>One index/query token produced by <see cref="TextAnalyzer"/>.</summary>
/// <param name="Term">The normalised term as indexed: lower-case Latin word, joined identifier, or one simplified Han character.</param>
/// <param name="Start">Offset of the token in the analysed string.</param>
/// <param name="Length">Length of the token in the analysed string.</param>
/// <param name="IsHan">True for a Chinese (Han) character token.</param>
public readonly record struct Token(string Term, int Start, int Length, bool IsHan);
