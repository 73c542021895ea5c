using System.Text.RegularExpressions;

namespace CgtAtlas.Facts;

/// <summary>
/// Builds the extractor's regular expressions. In .NET, <c>\b</c> treats Han characters as word characters, so
/// <c>\bCGT\b</c> never matches in "全球CGT临床试验". Every pattern here therefore gets an ASCII word boundary
/// instead: Latin terms are delimited by Chinese text as well as by spaces and punctuation.
/// </summary>
internal static class Rx
{
    private const string AsciiBoundary = @"(?:(?<=[A-Za-z0-9_])(?![A-Za-z0-9_])|(?<![A-Za-z0-9_])(?=[A-Za-z0-9_]))";

    public static Regex Make(string pattern) =>
        new(pattern.Replace(@"\b", AsciiBoundary, StringComparison.Ordinal), RegexOptions.CultureInvariant);
}
