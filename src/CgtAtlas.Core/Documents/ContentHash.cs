using System.Security.Cryptography;
using System.Text;

namespace CgtAtlas.Documents;

/// <summary>The exact-duplicate key: SHA-256 of the normalised title and paragraphs (so the same story saved as
/// .html and as .md with identical text is one document, while file bytes such as encodings do not matter).</summary>
public static class ContentHash
{
    /// <summary>Hex SHA-256 of the title and paragraph texts.</summary>
    public static string Compute(string title, IEnumerable<Paragraph> paragraphs)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.UTF8.GetBytes(title));
        foreach (var paragraph in paragraphs)
        {
            sha.AppendData("\n"u8);
            sha.AppendData(Encoding.UTF8.GetBytes(paragraph.Text));
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
