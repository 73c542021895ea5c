namespace CgtAtlas.Text;

/// <summary>One concept of the domain glossary with its surface forms in both languages.</summary>
/// <param name="Canonical">Canonical name used in facts and filters (e.g. <c>CAR-T</c>, <c>NMPA</c>).</param>
/// <param name="Kind">modality, target, regulator, event, product, company, disease, technology, policy or term.</param>
/// <param name="Aliases">Every surface form, including the canonical one.</param>
public sealed record GlossaryEntry(string Canonical, string Kind, IReadOnlyList<string> Aliases);
