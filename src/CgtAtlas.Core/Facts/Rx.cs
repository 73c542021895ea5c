namespace CgtAtlas.Facts;

/// <summary>
/// What the extractor's regular expressions share. In .NET, <c>\b</c> treats Han characters as word characters, so
/// <c>\bCGT\b</c> never matches in "全球CGT临床试验". Patterns therefore write <c>{{B}}</c>, an ASCII word boundary,
/// where <c>\b</c> is meant: Latin terms are delimited by Chinese text as well as by spaces and punctuation.
/// Patterns are constants compiled by the regex source generator, so none is parsed or compiled at run time.
/// </summary>
internal static class Rx
{
    /// <summary>ASCII word boundary, for use inside <c>$$"""…"""</c> patterns as <c>{{B}}</c>.</summary>
    public const string B = @"(?:(?<=[A-Za-z0-9_])(?![A-Za-z0-9_])|(?<![A-Za-z0-9_])(?=[A-Za-z0-9_]))";
}
