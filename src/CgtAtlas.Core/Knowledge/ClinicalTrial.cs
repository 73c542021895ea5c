namespace CgtAtlas.Knowledge;

/// <summary>One intervention of a registered trial, as ClinicalTrials.gov lists it.</summary>
/// <param name="Type">API type: DRUG, BIOLOGICAL, GENETIC, DEVICE, OTHER …</param>
/// <param name="Name">Intervention name.</param>
/// <param name="OtherNames">Other names (code names, brands, INN).</param>
/// <param name="Description">Free-text description.</param>
public sealed record TrialIntervention(string Type, string Name, IReadOnlyList<string> OtherNames, string? Description);

/// <summary>A clinical trial imported from a registry, with its CGT classification.</summary>
public sealed record ClinicalTrial
{
    /// <summary>Registry id (NCT followed by 8 digits).</summary>
    public required string NctId { get; init; }

    /// <summary>Brief title.</summary>
    public required string Title { get; init; }

    /// <summary>Official title.</summary>
    public string? OfficialTitle { get; init; }

    /// <summary>Acronym (ZUMA-1 …).</summary>
    public string? Acronym { get; init; }

    /// <summary>Conditions studied.</summary>
    public IReadOnlyList<string> Conditions { get; init; } = [];

    /// <summary>Interventions.</summary>
    public IReadOnlyList<TrialIntervention> Interventions { get; init; } = [];

    /// <summary>Phases as the API gives them (PHASE1, PHASE2, NA …).</summary>
    public IReadOnlyList<string> Phases { get; init; } = [];

    /// <summary>Overall status (RECRUITING, COMPLETED …).</summary>
    public string? OverallStatus { get; init; }

    /// <summary>Start date (first day of the known period).</summary>
    public DateOnly? StartDate { get; init; }

    /// <summary>Precision of <see cref="StartDate"/> (day or month).</summary>
    public DatePrecision? StartDatePrecision { get; init; }

    /// <summary>Lead sponsor.</summary>
    public string? LeadSponsor { get; init; }

    /// <summary>Distinct location countries, sorted.</summary>
    public IReadOnlyList<string> Countries { get; init; } = [];

    /// <summary>Whether at least one intervention is a CGT product.</summary>
    public bool IsCgt { get; init; }

    /// <summary>Canonical modality when <see cref="IsCgt"/>; null otherwise.</summary>
    public string? Modality { get; init; }

    /// <summary>The words that decided the modality (for review).</summary>
    public string? ModalityEvidence { get; init; }

    /// <summary>The file the record came from.</summary>
    public string? SourcePath { get; init; }

    /// <summary>The phase as one label: PHASE1/PHASE2 for a combined study, NA, or "unknown".</summary>
    public string PhaseLabel => Phases.Count == 0 ? "unknown" : string.Join('/', Phases);
}

/// <summary>A record that could not be imported.</summary>
/// <param name="Path">The file.</param>
/// <param name="Index">Index of the record in a page, when the file is a page.</param>
/// <param name="NctId">The record's id, when it could be read.</param>
/// <param name="Reason">What is wrong, for the user.</param>
public sealed record TrialImportError(string Path, int? Index, string? NctId, string Reason)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"{Path}{(Index is { } i ? $" [record {i}]" : string.Empty)}{(NctId is null ? string.Empty : $" ({NctId})")}: {Reason}";
}

/// <summary>The outcome of parsing registry files.</summary>
/// <param name="Trials">Good records.</param>
/// <param name="Errors">Rejected records and unreadable files.</param>
/// <param name="Notes">Informational notes (e.g. a page had more pages that were not fetched).</param>
public sealed record TrialImportResult(IReadOnlyList<ClinicalTrial> Trials, IReadOnlyList<TrialImportError> Errors, IReadOnlyList<string> Notes);

/// <summary>Where imported trials are kept. SQLite implements it; the core never sees SQL.</summary>
public interface ITrialStore : IDisposable
{
    /// <summary>Inserts or replaces trials by NCT id, in one transaction; returns how many were new.</summary>
    int Upsert(IReadOnlyCollection<ClinicalTrial> trials);

    /// <summary>Every stored trial.</summary>
    IReadOnlyList<ClinicalTrial> GetAll();

    /// <summary>Number of stored trials.</summary>
    int Count();
}
