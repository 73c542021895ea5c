namespace CgtAtlas.Web.Pages;

/// <summary>The search box partial: where it submits, the query, and hidden fields to keep.</summary>
/// <param name="Action">Form action.</param>
/// <param name="Query">Current query.</param>
/// <param name="Hidden">Hidden fields (name, value).</param>
public sealed record SearchBoxModel(string Action, string? Query, IReadOnlyList<(string Name, string Value)> Hidden);
