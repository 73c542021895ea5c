using System.Text.RegularExpressions;
using CgtAtlas.Documents;

namespace CgtAtlas.Web.Services;

/// <summary>One bullet of a brief, with the paragraph numbers it cites (<c>[n]</c>).</summary>
/// <param name="Text">Plain text (escaped when shown).</param>
/// <param name="Citations">Paragraph numbers cited.</param>
public sealed record BriefBullet(string Text, IReadOnlyList<int> Citations);

/// <summary>A headed group of bullets ("Industry Overview", "Policy and Regulatory Environment" …).</summary>
/// <param name="Heading">Section heading.</param>
/// <param name="Bullets">Bullets in order.</param>
public sealed record BriefSection(string Heading, IReadOnlyList<BriefBullet> Bullets);

/// <summary>The Core Insights brief shown beside a document.</summary>
/// <param name="Available">False while no brief generator is wired in; <paramref name="Message"/> then says so.</param>
/// <param name="Message">A note for the reader, e.g. "brief not available yet".</param>
/// <param name="Summary">The one-paragraph "Core Insights" line, when there is one.</param>
/// <param name="Sections">Sections with cited bullets.</param>
public sealed record DocumentBrief(bool Available, string? Message, BriefBullet? Summary, IReadOnlyList<BriefSection> Sections);

/// <summary>
/// Produces the brief for a document. The web workspace depends only on this interface; the Insights module's
/// generator is wired in at merge by registering its adapter instead of <see cref="PlaceholderBriefProvider"/>.
/// </summary>
public interface IBriefProvider
{
    /// <summary>The brief of <paramref name="document"/> (loaded with its paragraphs) in <paramref name="language"/> (<c>en</c>
    /// or <c>zh</c>). Must not touch the library.</summary>
    DocumentBrief GetBrief(StoredDocument document, string language = "en");
}

/// <summary>
/// Which language a page shows briefs in: the interface language, unless the reader switched with <c>?brief=en|zh</c>.
/// </summary>
public static class BriefLanguage
{
    /// <summary>The query parameter of the switch.</summary>
    public const string Parameter = "brief";

    /// <summary><c>en</c> or <c>zh</c> for this request.</summary>
    public static string Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var asked = context.Request.Query[Parameter].ToString();
        return asked is "en" or "zh" ? asked : Ui.For(context).Language;
    }
}

/// <summary>
/// Stand-in until the Insights brief lands: says "brief not available yet" and offers the opening sentences of the
/// first paragraphs, each citing its paragraph, so citations can be followed already.
/// </summary>
public sealed partial class PlaceholderBriefProvider : IBriefProvider
{
    /// <summary>The message shown while no brief generator is wired in.</summary>
    public const string NotAvailable = "brief not available yet";

    /// <inheritdoc />
    public DocumentBrief GetBrief(StoredDocument document, string language = "en")
    {
        ArgumentNullException.ThrowIfNull(document);
        var bullets = document.Paragraphs
            .Where(p => p.Text.Length >= 8)
            .Take(3)
            .Select(p => new BriefBullet(FirstSentence(p.Text), [p.Number]))
            .ToList();
        var sections = bullets.Count == 0 ? [] : new List<BriefSection> { new("Opening paragraphs (extract)", bullets) };
        return new DocumentBrief(false, NotAvailable, null, sections);
    }

    private static string FirstSentence(string text)
    {
        var match = SentenceEnd().Match(text);
        var sentence = match.Success && match.Index > 10 ? text[..(match.Index + 1)] : text;
        return sentence.Length > 160 ? sentence[..157].TrimEnd() + "…" : sentence;
    }

    [GeneratedRegex(@"[。！？!?]|\.(\s|$)")]
    private static partial Regex SentenceEnd();
}

/// <summary>A fact found in a document (a number with its unit and kind), with its paragraph.</summary>
/// <param name="Text">What the fact says, in plain English words.</param>
/// <param name="TextZh">The same in Chinese (amounts in 万/亿, kinds translated).</param>
/// <param name="Kind">Kind of fact (price, trial count, approval …).</param>
/// <param name="Paragraph">Paragraph it comes from.</param>
/// <param name="Disagrees">True when the knowledge base holds a different number (claim check).</param>
public sealed record FactItem(string Text, string TextZh, string Kind, int Paragraph, bool Disagrees);

/// <summary>An entity linked to the knowledge base (product, company …).</summary>
/// <param name="Name">Display name.</param>
/// <param name="Type">product, company, …</param>
public sealed record EntityItem(string Name, string Type);

/// <summary>Facts and linked entities of a document.</summary>
/// <param name="Available">False while no extractor is wired in.</param>
/// <param name="Message">A note for the reader.</param>
/// <param name="Facts">Facts found.</param>
/// <param name="Entities">Entities linked.</param>
public sealed record DocumentFacts(bool Available, string? Message, IReadOnlyList<FactItem> Facts, IReadOnlyList<EntityItem> Entities);

/// <summary>Produces facts and entities for a document; the Facts/Knowledge modules plug in at merge.</summary>
public interface IFactsProvider
{
    /// <summary>Facts of <paramref name="document"/> (loaded with its paragraphs). Must not touch the library.</summary>
    DocumentFacts GetFacts(StoredDocument document);
}

/// <summary>Stand-in until fact extraction and the knowledge base are merged.</summary>
public sealed class PlaceholderFactsProvider : IFactsProvider
{
    /// <inheritdoc />
    public DocumentFacts GetFacts(StoredDocument document) => new(false, "facts and entities not available yet", [], []);
}
