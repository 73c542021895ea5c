using System.Globalization;
using System.Text.Json;
using CgtAtlas.Knowledge;
using Microsoft.Data.Sqlite;

namespace CgtAtlas.Storage.Sqlite;

/// <summary>Imported trials in the library file (tables <c>trials</c> and <c>trial_countries</c>).</summary>
public sealed class SqliteTrialStore : ITrialStore
{
    private static readonly JsonSerializerOptions s_json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    private readonly SqliteConnection _connection;

    private SqliteTrialStore(SqliteConnection connection) => _connection = connection;

    /// <summary>Opens (creating if needed) the library at <paramref name="path"/> for trials, bringing its schema up to date.</summary>
    /// <exception cref="InvalidDataException">The file is not a CgtAtlas library or is newer than this build.</exception>
    public static SqliteTrialStore Open(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = Path.GetFullPath(path),
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        }.ToString());
        try
        {
            connection.Open();
            using (var pragma = connection.CreateCommand())
            {
                pragma.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000;";
                pragma.ExecuteNonQuery();
            }

            SqliteMigrations.Apply(connection, path);
            return new SqliteTrialStore(connection);
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode is 26 or 11)
        {
            connection.Dispose();
            throw new InvalidDataException($"'{path}' is not a CgtAtlas library (not an SQLite database, or damaged)", ex);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public int Upsert(IReadOnlyCollection<ClinicalTrial> trials)
    {
        using var transaction = _connection.BeginTransaction();
        var added = 0;
        using var exists = _connection.CreateCommand();
        exists.Transaction = transaction;
        exists.CommandText = "SELECT count(*) FROM trials WHERE nct_id = $id";
        var existsId = exists.Parameters.Add("$id", SqliteType.Text);

        using var insert = _connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT OR REPLACE INTO trials (nct_id, title, official_title, acronym, phases, overall_status, start_date, start_precision, lead_sponsor,
                is_cgt, modality, modality_evidence, conditions_json, interventions_json, source_path, imported_at)
            VALUES ($id, $title, $official, $acronym, $phases, $status, $start, $precision, $sponsor, $cgt, $modality, $evidence, $conditions,
                $interventions, $source, $now)
            """;
        using var deleteCountries = _connection.CreateCommand();
        deleteCountries.Transaction = transaction;
        deleteCountries.CommandText = "DELETE FROM trial_countries WHERE nct_id = $id";
        var deleteId = deleteCountries.Parameters.Add("$id", SqliteType.Text);
        using var insertCountry = _connection.CreateCommand();
        insertCountry.Transaction = transaction;
        insertCountry.CommandText = "INSERT OR IGNORE INTO trial_countries (nct_id, country) VALUES ($id, $country)";
        var countryId = insertCountry.Parameters.Add("$id", SqliteType.Text);
        var countryName = insertCountry.Parameters.Add("$country", SqliteType.Text);
        var now = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);

        foreach (var trial in trials)
        {
            existsId.Value = trial.NctId;
            if (Convert.ToInt64(exists.ExecuteScalar(), CultureInfo.InvariantCulture) == 0)
            {
                added++;
            }

            insert.Parameters.Clear();
            insert.Parameters.AddWithValue("$id", trial.NctId);
            insert.Parameters.AddWithValue("$title", trial.Title);
            insert.Parameters.AddWithValue("$official", (object?)trial.OfficialTitle ?? DBNull.Value);
            insert.Parameters.AddWithValue("$acronym", (object?)trial.Acronym ?? DBNull.Value);
            insert.Parameters.AddWithValue("$phases", string.Join('|', trial.Phases));
            insert.Parameters.AddWithValue("$status", (object?)trial.OverallStatus ?? DBNull.Value);
            insert.Parameters.AddWithValue("$start", (object?)trial.StartDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? DBNull.Value);
            insert.Parameters.AddWithValue("$precision", (object?)trial.StartDatePrecision?.ToCode() ?? DBNull.Value);
            insert.Parameters.AddWithValue("$sponsor", (object?)trial.LeadSponsor ?? DBNull.Value);
            insert.Parameters.AddWithValue("$cgt", trial.IsCgt ? 1 : 0);
            insert.Parameters.AddWithValue("$modality", (object?)trial.Modality ?? DBNull.Value);
            insert.Parameters.AddWithValue("$evidence", (object?)trial.ModalityEvidence ?? DBNull.Value);
            insert.Parameters.AddWithValue("$conditions", JsonSerializer.Serialize(trial.Conditions, s_json));
            insert.Parameters.AddWithValue("$interventions", JsonSerializer.Serialize(trial.Interventions, s_json));
            insert.Parameters.AddWithValue("$source", (object?)trial.SourcePath ?? DBNull.Value);
            insert.Parameters.AddWithValue("$now", now);
            insert.ExecuteNonQuery();

            deleteId.Value = trial.NctId;
            deleteCountries.ExecuteNonQuery();
            foreach (var country in trial.Countries)
            {
                countryId.Value = trial.NctId;
                countryName.Value = country;
                insertCountry.ExecuteNonQuery();
            }
        }

        transaction.Commit();
        return added;
    }

    /// <inheritdoc />
    public IReadOnlyList<ClinicalTrial> GetAll()
    {
        var countries = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        using (var command = _connection.CreateCommand())
        {
            command.CommandText = "SELECT nct_id, country FROM trial_countries ORDER BY nct_id, country";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                if (!countries.TryGetValue(reader.GetString(0), out var list))
                {
                    countries[reader.GetString(0)] = list = [];
                }

                list.Add(reader.GetString(1));
            }
        }

        var trials = new List<ClinicalTrial>();
        using (var command = _connection.CreateCommand())
        {
            command.CommandText = """
                SELECT nct_id, title, official_title, acronym, phases, overall_status, start_date, start_precision, lead_sponsor, is_cgt, modality,
                       modality_evidence, conditions_json, interventions_json, source_path
                FROM trials ORDER BY nct_id
                """;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var id = reader.GetString(0);
                DatePrecision? precision = reader.IsDBNull(7) ? null : DatePrecisions.TryParse(reader.GetString(7), out var p) ? p : null;
                trials.Add(new ClinicalTrial
                {
                    NctId = id,
                    Title = reader.GetString(1),
                    OfficialTitle = reader.IsDBNull(2) ? null : reader.GetString(2),
                    Acronym = reader.IsDBNull(3) ? null : reader.GetString(3),
                    Phases = reader.GetString(4).Split('|', StringSplitOptions.RemoveEmptyEntries),
                    OverallStatus = reader.IsDBNull(5) ? null : reader.GetString(5),
                    StartDate = reader.IsDBNull(6) ? null : DateOnly.ParseExact(reader.GetString(6), "yyyy-MM-dd", CultureInfo.InvariantCulture),
                    StartDatePrecision = precision,
                    LeadSponsor = reader.IsDBNull(8) ? null : reader.GetString(8),
                    IsCgt = reader.GetInt64(9) != 0,
                    Modality = reader.IsDBNull(10) ? null : reader.GetString(10),
                    ModalityEvidence = reader.IsDBNull(11) ? null : reader.GetString(11),
                    Conditions = JsonSerializer.Deserialize<List<string>>(reader.GetString(12), s_json) ?? [],
                    Interventions = JsonSerializer.Deserialize<List<TrialIntervention>>(reader.GetString(13), s_json) ?? [],
                    SourcePath = reader.IsDBNull(14) ? null : reader.GetString(14),
                    Countries = countries.GetValueOrDefault(id) ?? [],
                });
            }
        }

        return trials;
    }

    /// <inheritdoc />
    public int Count()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM trials";
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <inheritdoc />
    public void Dispose() => _connection.Dispose();
}
