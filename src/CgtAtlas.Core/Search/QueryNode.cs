namespace CgtAtlas.Search;

/// <summary>A node of a parsed query. The tree is built by <see cref="QueryParser"/>, never from raw engine syntax.</summary>
public abstract record QueryNode;

/// <summary>A bare word as typed; expanded by the glossary and segmented if Chinese.</summary>
/// <param name="Text">The word as typed (NFKC-normalised).</param>
/// <param name="TitleOnly">True for <c>title:word</c>.</param>
public sealed record TermNode(string Text, bool TitleOnly = false) : QueryNode;

/// <summary>A quoted phrase: its tokens must appear consecutively.</summary>
/// <param name="Text">The phrase text without quotes.</param>
/// <param name="TitleOnly">True for <c>title:"…"</c>.</param>
public sealed record PhraseNode(string Text, bool TitleOnly = false) : QueryNode;

/// <summary>All children must match.</summary>
public sealed record AndNode(IReadOnlyList<QueryNode> Children) : QueryNode;

/// <summary>Any child may match.</summary>
public sealed record OrNode(IReadOnlyList<QueryNode> Children) : QueryNode;

/// <summary>The child must not match (only valid beside something positive).</summary>
public sealed record NotNode(QueryNode Child) : QueryNode;
