using System.Globalization;

namespace CgtAtlas.Text;

/// <summary>Character classes the analyzer and the language detector agree on.</summary>
public static class CharClass
{
    /// <summary>True for a Han ideograph in the BMP (CJK Unified Ideographs, Extension A, compatibility ideographs).</summary>
    public static bool IsHan(char c) =>
        c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or >= '\uF900' and <= '\uFAFF';

    /// <summary>True for a Latin letter or a digit (after NFKC, full-width forms are already ASCII).</summary>
    public static bool IsLatinOrDigit(char c) =>
        c < 128 ? char.IsAsciiLetterOrDigit(c) : char.IsLetterOrDigit(c) && !IsHan(c) && !IsOtherCjk(c);

    /// <summary>Kana, Hangul and CJK symbols: not Han, not Latin; indexed per character like Han.</summary>
    public static bool IsOtherCjk(char c) =>
        c is >= '\u3040' and <= '\u30FF' or >= '\uAC00' and <= '\uD7AF' or >= '\u3100' and <= '\u312F';

    /// <summary>True when the character's category is a letter or number of any script.</summary>
    public static bool IsWordChar(char c)
    {
        var category = char.GetUnicodeCategory(c);
        return category is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.DecimalDigitNumber
            or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber;
    }
}
