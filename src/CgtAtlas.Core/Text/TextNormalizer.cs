using System.Text;

namespace CgtAtlas.Text;

/// <summary>
/// Normalises extracted text before it is stored: NFKC (full-width digits and letters become ASCII, compatibility
/// ideographs become unified ones), control characters dropped, whitespace collapsed.
/// </summary>
public static class TextNormalizer
{
    /// <summary>Normalises one paragraph or title; returns an empty string for whitespace-only input.</summary>
    public static string Normalize(string text)
    {
        if (text.Length == 0)
        {
            return text;
        }

        var nfkc = text.IsNormalized(NormalizationForm.FormKC) ? text : text.Normalize(NormalizationForm.FormKC);
        var builder = new StringBuilder(nfkc.Length);
        var pendingSpace = false;
        var pendingBreak = false;
        foreach (var c in nfkc)
        {
            if (char.IsWhiteSpace(c) || c == '\u200B' || c == '\uFEFF')
            {
                pendingSpace = builder.Length > 0;
                pendingBreak |= c is '\n' or '\r';
                continue;
            }

            if (char.IsControl(c) || char.IsSurrogate(c) && !char.IsHighSurrogate(c) && !char.IsLowSurrogate(c))
            {
                continue;
            }

            if (pendingSpace)
            {
                // Chinese does not put spaces between characters; a line break inside a Chinese sentence is not a space.
                var previous = builder[^1];
                if (!(pendingBreak && CharClass.IsHan(previous) && CharClass.IsHan(c)))
                {
                    builder.Append(' ');
                }

                pendingSpace = false;
            }

            pendingBreak = false;
            builder.Append(c);
        }

        return builder.ToString();
    }
}
