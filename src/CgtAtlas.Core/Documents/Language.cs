namespace CgtAtlas.Documents;

/// <summary>The language of a document or paragraph, as CgtAtlas tells them apart.</summary>
public enum Language
{
    /// <summary>No letters to judge by (numbers, punctuation, empty).</summary>
    Unknown = 0,

    /// <summary>Chinese: Han characters dominate the letters.</summary>
    Zh = 1,

    /// <summary>English (or another Latin-script language): Han characters are rare.</summary>
    En = 2,

    /// <summary>Both scripts carry a real share of the text.</summary>
    Mixed = 3,
}
