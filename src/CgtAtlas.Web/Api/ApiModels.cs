using System.Globalization;
using CgtAtlas.Documents;
using CgtAtlas.Search;
using CgtAtlas.Web.Services;
using CgtAtlas.Workspace;

namespace CgtAtlas.Web.Api;

/// <summary>Search results: the same JSON as <c>cgt search --json</c>, plus facet counts over the whole match.</summary>
/// <param name="Total">Matching documents (near-copies collapsed).</param>
/// <param name="Hits">This page.</param>
/// <param name="Facets">Counts per language, collection, source, modality and agency.</param>
/// <param name="TotalIsEstimate">True when the query matched too many documents to count: the total is extrapolated.</param>
/// <param name="RankedBy"><c>relevance</c> (BM25 over every match) or <c>recency</c> (a broad query: the newest matches,
/// title matches first).</param>
public sealed record SearchResponse(int Total, IReadOnlyList<SearchHitDto> Hits, SearchFacetsDto? Facets = null, bool TotalIsEstimate = false,
    string RankedBy = "relevance")
{
    internal static SearchResponse From(SearchResults results, SearchFacetsDto? facets = null) => new(results.Total, results.Hits.Select(h => new SearchHitDto(
        h.Id, h.Title, h.Score, h.Snippet?.ToHtml(), Date(h.Published), h.Language.ToCode(), h.Source, h.Snippet?.Paragraph, h.CollapsedCopies)).ToList(),
        facets, results.TotalIsEstimate, results.RankedBy);

    internal static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>Facet counts of a search (each value with the number of matching documents, most first).</summary>
/// <param name="Language">Per language code.</param>
/// <param name="Collection">Per collection (top 12).</param>
/// <param name="Source">Per source (top 12).</param>
/// <param name="Modality">Per modality the documents are about (named in the title or at least twice in the body).</param>
/// <param name="Agency">Per agency the documents are about (same rule).</param>
/// <param name="Truncated">True when counted over the first 5,000 matches only.</param>
public sealed record SearchFacetsDto(IReadOnlyList<FacetValue> Language, IReadOnlyList<FacetValue> Collection, IReadOnlyList<FacetValue> Source,
    IReadOnlyList<FacetValue> Modality, IReadOnlyList<FacetValue> Agency, bool Truncated)
{
    internal static SearchFacetsDto From(PageSearchResult r) => new(r.Languages, r.Collections, r.Sources, r.Modalities, r.Agencies, r.FacetsTruncated);
}

/// <summary>One hit, as in <c>cgt search --json</c>.</summary>
/// <param name="Id">Document id.</param>
/// <param name="Title">Title.</param>
/// <param name="Score">Relevance (higher is better).</param>
/// <param name="Snippet">HTML-escaped passage with &lt;mark&gt; around matches.</param>
/// <param name="Published">yyyy-MM-dd or null.</param>
/// <param name="Language">zh, en, mixed or unknown.</param>
/// <param name="Source">Publisher.</param>
/// <param name="Paragraph">Paragraph the snippet comes from.</param>
/// <param name="CollapsedCopies">Near-copies collapsed into this hit.</param>
public sealed record SearchHitDto(long Id, string Title, double Score, string? Snippet, string? Published, string Language, string? Source,
    int? Paragraph, int CollapsedCopies);

/// <summary>A numbered paragraph.</summary>
/// <param name="N">Paragraph number (from 1).</param>
/// <param name="Text">Plain text.</param>
/// <param name="Language">zh, en, mixed or unknown.</param>
public sealed record ParagraphDto(int N, string Text, string Language);

/// <summary>A tag.</summary>
/// <param name="Id">Tag id.</param>
/// <param name="Name">Name.</param>
/// <param name="Type">product, industry, company, person or event.</param>
/// <param name="Automatic">True when assigned from the knowledge base (on a document; false in tag listings).</param>
public sealed record TagDto(long Id, string Name, string Type, bool Automatic = false)
{
    internal static TagDto From(Tag tag) => new(tag.Id, tag.Name, tag.Type.ToCode(), tag.Automatic);
}

/// <summary>The outcome of automatic tagging of one document.</summary>
/// <param name="Added">Tags added now (none when every suggestion was already there or had been removed by a person).</param>
/// <param name="Workspace">The document's state afterwards.</param>
public sealed record AutoTagResult(IReadOnlyList<TagDto> Added, WorkspaceDto Workspace);

/// <summary>The analyst's state of a document.</summary>
/// <param name="Status">new, reviewing, done or archived.</param>
/// <param name="Tags">Tags.</param>
/// <param name="Note">Private note.</param>
/// <param name="UpdatedAt">Last change.</param>
public sealed record WorkspaceDto(string Status, IReadOnlyList<TagDto> Tags, string? Note, DateTimeOffset? UpdatedAt)
{
    internal static WorkspaceDto From(DocumentState state) =>
        new(state.Status.ToCode(), state.Tags.Select(TagDto.From).ToList(), state.Note, state.UpdatedAt);
}

/// <summary>A document: the same fields as <c>cgt show --json</c>, plus the workspace state.</summary>
/// <param name="Id">Id.</param>
/// <param name="Title">Title.</param>
/// <param name="Source">Publisher.</param>
/// <param name="Url">Original address.</param>
/// <param name="Published">yyyy-MM-dd or null.</param>
/// <param name="Language">Language code.</param>
/// <param name="Format">Input format.</param>
/// <param name="Collections">Collections.</param>
/// <param name="Path">Where it was ingested from.</param>
/// <param name="ContentHash">Exact-duplicate key.</param>
/// <param name="IngestedAt">When stored.</param>
/// <param name="NearDuplicateOf">First copy of the same story.</param>
/// <param name="Paragraphs">Numbered paragraphs.</param>
/// <param name="Workspace">Review status, tags, note.</param>
public sealed record DocumentDto(long Id, string Title, string? Source, string? Url, string? Published, string Language, string Format,
    IReadOnlyList<string> Collections, string Path, string ContentHash, DateTimeOffset IngestedAt, long? NearDuplicateOf,
    IReadOnlyList<ParagraphDto> Paragraphs, WorkspaceDto Workspace)
{
    internal static DocumentDto From(StoredDocument d, DocumentState state) => new(d.Id, d.Title, d.Source, d.Url, SearchResponse.Date(d.Published),
        d.Language.ToCode(), d.Format, d.Collections, d.OriginPath, d.ContentHash, d.IngestedAt, d.NearDuplicateOf,
        d.Paragraphs.Select(p => new ParagraphDto(p.Number, p.Text, p.Language.ToCode())).ToList(), WorkspaceDto.From(state));
}

/// <summary>A change of review status.</summary>
/// <param name="Status">new, reviewing, done or archived.</param>
public sealed record StatusChange(string? Status);

/// <summary>A note to store (null or blank clears it).</summary>
/// <param name="Note">Text.</param>
public sealed record NoteChange(string? Note);

/// <summary>A tag to add.</summary>
/// <param name="Name">Tag name.</param>
/// <param name="Type">product, industry, company, person or event.</param>
public sealed record TagRequest(string? Name, string? Type);

/// <summary>A topic.</summary>
/// <param name="Id">Topic id (<c>/topics/{id}</c>).</param>
/// <param name="Name">Collection or tag name.</param>
/// <param name="Kind">collection or tag.</param>
/// <param name="Documents">Documents in it.</param>
public sealed record TopicDto(long Id, string Name, string Kind, int Documents)
{
    internal static TopicDto From(Topic t) => new(t.Id, t.Name, t.Kind == TopicKind.Tag ? "tag" : "collection", t.DocumentCount);
}

/// <summary>A topic to create.</summary>
/// <param name="Name">Collection or tag name.</param>
/// <param name="Kind">collection (default) or tag.</param>
public sealed record TopicRequest(string? Name, string? Kind);

/// <summary>A saved search.</summary>
/// <param name="Id">Id.</param>
/// <param name="Name">Name.</param>
/// <param name="Query">Query text.</param>
/// <param name="LastOpenedAt">When last opened.</param>
/// <param name="NewSinceOpened">Matching documents added since.</param>
public sealed record SavedSearchDto(long Id, string Name, string Query, DateTimeOffset LastOpenedAt, int NewSinceOpened);

/// <summary>A search to save.</summary>
/// <param name="Name">Name.</param>
/// <param name="Query">Query text.</param>
public sealed record SavedSearchRequest(string? Name, string? Query);
