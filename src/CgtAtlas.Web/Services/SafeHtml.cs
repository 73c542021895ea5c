using Ganss.Xss;
using Microsoft.AspNetCore.Html;

namespace CgtAtlas.Web.Services;

/// <summary>
/// The only way HTML reaches a page unescaped: snippets (already escaped, with &lt;mark&gt;) pass through an
/// allow-list sanitiser that keeps <c>mark</c>, <c>b</c>, <c>i</c>, <c>em</c>, <c>strong</c> and nothing else.
/// </summary>
public sealed class SafeHtml
{
    private readonly HtmlSanitizer _sanitizer;

    /// <summary>Creates the sanitiser.</summary>
    public SafeHtml()
    {
        _sanitizer = new HtmlSanitizer(new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(["mark", "b", "i", "em", "strong"], StringComparer.OrdinalIgnoreCase),
            AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
            AllowedSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
            AllowedCssProperties = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
        });
        _sanitizer.KeepChildNodes = true;
    }

    /// <summary>Sanitised HTML ready for the page.</summary>
    public IHtmlContent Sanitize(string? html) => new HtmlString(html is null ? string.Empty : _sanitizer.Sanitize(html));
}
