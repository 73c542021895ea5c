namespace CgtAtlas.Documents;

/// <summary>Converts <see cref="Language"/> to and from the short codes used in storage, JSON and queries.</summary>
public static class LanguageCodes
{
    /// <summary>The code of a language: <c>zh</c>, <c>en</c>, <c>mixed</c> or <c>unknown</c>.</summary>
    public static string ToCode(this Language language) => language switch
    {
        Language.Zh => "zh",
        Language.En => "en",
        Language.Mixed => "mixed",
        _ => "unknown",
    };

    /// <summary>Parses a code (case-insensitive); also accepts <c>chinese</c>, <c>english</c>, <c>中文</c>, <c>英文</c>.</summary>
    public static bool TryParse(string? code, out Language language)
    {
        language = (code ?? string.Empty).Trim().ToLowerInvariant() switch
        {
            "zh" or "cn" or "chinese" or "中文" => Language.Zh,
            "en" or "english" or "英文" => Language.En,
            "mixed" or "mix" => Language.Mixed,
            "unknown" => Language.Unknown,
            _ => (Language)(-1),
        };
        return (int)language >= 0;
    }
}
