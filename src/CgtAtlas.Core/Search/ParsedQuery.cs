namespace CgtAtlas.Search;

/// <summary>The result of parsing a query: the text condition (null for filter-only queries) and the filters.</summary>
/// <param name="Text">The original query text.</param>
/// <param name="Root">The boolean text condition, or null when the query only filters.</param>
/// <param name="Filters">The structured filters.</param>
public sealed record ParsedQuery(string Text, QueryNode? Root, SearchFilters Filters);
