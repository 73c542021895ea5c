namespace CgtAtlas.Storage.Sqlite;

internal static partial class SqliteMigrations
{
    /// <summary>Imported registry trials (ClinicalTrials.gov) with their CGT classification; countries one row each.</summary>
    private const string Knowledge =
        """
        CREATE TABLE trials (
            nct_id TEXT PRIMARY KEY,
            title TEXT NOT NULL,
            official_title TEXT,
            acronym TEXT,
            phases TEXT NOT NULL,
            overall_status TEXT,
            start_date TEXT,
            start_precision TEXT,
            lead_sponsor TEXT,
            is_cgt INTEGER NOT NULL,
            modality TEXT,
            modality_evidence TEXT,
            conditions_json TEXT NOT NULL,
            interventions_json TEXT NOT NULL,
            source_path TEXT,
            imported_at TEXT NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX ix_trials_modality ON trials(is_cgt, modality);
        CREATE TABLE trial_countries (
            nct_id TEXT NOT NULL REFERENCES trials(nct_id) ON DELETE CASCADE,
            country TEXT NOT NULL,
            PRIMARY KEY (nct_id, country)
        ) WITHOUT ROWID;
        CREATE INDEX ix_trial_countries_country ON trial_countries(country);
        """;
}
