namespace CgtAtlas.Web.Pages;

/// <summary>The brief language switch partial: the language shown and where each choice leads.</summary>
/// <param name="Current"><c>en</c> or <c>zh</c>.</param>
/// <param name="EnglishHref">The same page with the English brief.</param>
/// <param name="ChineseHref">The same page with the Chinese brief.</param>
public sealed record BriefSwitchModel(string Current, string EnglishHref, string ChineseHref);
