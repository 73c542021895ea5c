using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace CgtAtlas.Knowledge;

/// <summary>
/// Reads ClinicalTrials.gov API v2 JSON: a single study (<c>GET /api/v2/studies/{nctId}</c>), a page
/// (<c>{"studies": [...], "nextPageToken": ...}</c>), a bare array of studies, or folders of such files. Every record is
/// checked field by field; a bad record or an unreadable file becomes a <see cref="TrialImportError"/> and the rest go on.
/// Pages are not followed over the network: a <c>nextPageToken</c> is reported as a note.
/// </summary>
public sealed partial class CtgovImporter
{
    private readonly TrialClassifier _classifier;

    /// <summary>Creates an importer that classifies with <paramref name="classifier"/>.</summary>
    public CtgovImporter(TrialClassifier classifier) => _classifier = classifier;

    [GeneratedRegex(@"^NCT\d{8}$")]
    private static partial Regex NctPattern();

    /// <summary>Parses every <c>.json</c> file under the given files and folders (folders recursively, in name order).</summary>
    public TrialImportResult ParsePaths(IEnumerable<string> paths)
    {
        var trials = new List<ClinicalTrial>();
        var errors = new List<TrialImportError>();
        var notes = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                foreach (var file in Directory.EnumerateFiles(path, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                {
                    ParseFile(file, trials, errors, notes);
                }
            }
            else if (File.Exists(path))
            {
                ParseFile(path, trials, errors, notes);
            }
            else
            {
                errors.Add(new TrialImportError(path, null, null, "no such file or folder"));
            }
        }

        return new TrialImportResult(trials, errors, notes);
    }

    /// <summary>Parses one file's text (exposed for tests).</summary>
    public TrialImportResult ParseText(string json, string path)
    {
        var trials = new List<ClinicalTrial>();
        var errors = new List<TrialImportError>();
        var notes = new List<string>();
        Parse(json, path, trials, errors, notes);
        return new TrialImportResult(trials, errors, notes);
    }

    private void ParseFile(string path, List<ClinicalTrial> trials, List<TrialImportError> errors, List<string> notes)
    {
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            errors.Add(new TrialImportError(path, null, null, $"cannot read file: {ex.Message}"));
            return;
        }

        Parse(json, path, trials, errors, notes);
    }

    private void Parse(string json, string path, List<ClinicalTrial> trials, List<TrialImportError> errors, List<string> notes)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            var start = json.TrimStart();
            var hint = start.StartsWith('<') ? " (the file is HTML, e.g. an error page saved as .json)" : string.Empty;
            errors.Add(new TrialImportError(path, null, null, $"not valid JSON{hint}: {ex.Message}"));
            return;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("studies", out var studies))
            {
                if (studies.ValueKind != JsonValueKind.Array)
                {
                    errors.Add(new TrialImportError(path, null, null, "'studies' is not an array"));
                    return;
                }

                var index = 0;
                foreach (var study in studies.EnumerateArray())
                {
                    ParseStudy(study, path, index++, trials, errors);
                }

                if (root.TryGetProperty("nextPageToken", out var token) && token.ValueKind == JsonValueKind.String)
                {
                    var total = root.TryGetProperty("totalCount", out var t) && t.ValueKind == JsonValueKind.Number ? $" of {t.GetInt32()}" : string.Empty;
                    notes.Add($"{path}: page of {index}{total} studies has a nextPageToken ({token.GetString()}); later pages were not fetched — save them as files and import those");
                }
            }
            else if (root.ValueKind == JsonValueKind.Array)
            {
                var index = 0;
                foreach (var study in root.EnumerateArray())
                {
                    ParseStudy(study, path, index++, trials, errors);
                }
            }
            else if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("protocolSection", out _))
            {
                ParseStudy(root, path, null, trials, errors);
            }
            else
            {
                errors.Add(new TrialImportError(path, null, null, "not a ClinicalTrials.gov API v2 study or page (no 'protocolSection' or 'studies')"));
            }
        }
    }

    private sealed class RecordException(string message) : Exception(message);

    private void ParseStudy(JsonElement study, string path, int? index, List<ClinicalTrial> trials, List<TrialImportError> errors)
    {
        string? nctId = null;
        try
        {
            if (study.ValueKind != JsonValueKind.Object || !study.TryGetProperty("protocolSection", out var protocol) || protocol.ValueKind != JsonValueKind.Object)
            {
                throw new RecordException("no 'protocolSection' object");
            }

            var identification = Object(protocol, "identificationModule", required: true)!.Value;
            var problems = new List<string>();
            if (!identification.TryGetProperty("nctId", out var idElement))
            {
                problems.Add("identificationModule.nctId is missing");
            }
            else if (idElement.ValueKind != JsonValueKind.String)
            {
                problems.Add($"identificationModule.nctId is {Article(idElement)}, not a string ({idElement.GetRawText()})");
            }
            else
            {
                nctId = idElement.GetString()!.Trim().ToUpperInvariant();
                if (!NctPattern().IsMatch(nctId))
                {
                    problems.Add($"nctId '{nctId}' is not NCT followed by 8 digits");
                }
            }

            var title = TryString(identification, "briefTitle", problems) ?? TryString(identification, "officialTitle", problems);
            var status = Object(protocol, "statusModule", problems);
            var design = Object(protocol, "designModule", problems);
            var arms = Object(protocol, "armsInterventionsModule", problems);
            var conditionsModule = Object(protocol, "conditionsModule", problems);
            var locationsModule = Object(protocol, "contactsLocationsModule", problems);
            var sponsors = Object(protocol, "sponsorCollaboratorsModule", problems);

            var phases = design is { } d ? StringArray(d, "phases", "designModule.phases", problems) : [];
            var conditions = conditionsModule is { } c ? StringArray(c, "conditions", "conditionsModule.conditions", problems) : [];
            var interventions = arms is { } a ? Interventions(a, problems) : [];
            var countries = locationsModule is { } l ? Countries(l, problems) : [];
            string? overall = status is { } s1 ? TryString(s1, "overallStatus", problems) : null;
            DateOnly? start = null;
            DatePrecision? precision = null;
            if (status is { } s2 && s2.TryGetProperty("startDateStruct", out var startStruct))
            {
                if (startStruct.ValueKind != JsonValueKind.Object)
                {
                    problems.Add("statusModule.startDateStruct is not an object");
                }
                else if (TryString(startStruct, "date", problems) is { } dateText)
                {
                    (start, precision) = ParseDate(dateText, problems);
                }
            }

            string? sponsor = null;
            if (sponsors is { } sp && sp.TryGetProperty("leadSponsor", out var lead) && lead.ValueKind == JsonValueKind.Object)
            {
                sponsor = TryString(lead, "name", problems);
            }

            if (title is null)
            {
                problems.Add("identificationModule has no briefTitle or officialTitle");
            }

            if (problems.Count > 0)
            {
                throw new RecordException(string.Join("; ", problems));
            }

            var (isCgt, modality, evidence) = _classifier.Classify(title!, interventions, conditions);
            trials.Add(new ClinicalTrial
            {
                NctId = nctId!,
                Title = title!,
                OfficialTitle = TryString(identification, "officialTitle", []),
                Acronym = TryString(identification, "acronym", []),
                Conditions = conditions,
                Interventions = interventions,
                Phases = phases,
                OverallStatus = overall,
                StartDate = start,
                StartDatePrecision = precision,
                LeadSponsor = sponsor,
                Countries = countries,
                IsCgt = isCgt,
                Modality = modality,
                ModalityEvidence = evidence,
                SourcePath = path,
            });
        }
        catch (RecordException ex)
        {
            errors.Add(new TrialImportError(path, index, nctId, ex.Message));
        }
    }

    private static string Kind(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Number => "number",
        JsonValueKind.String => "string",
        JsonValueKind.Array => "array",
        JsonValueKind.Object => "object",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        _ => "null",
    };

    private static string Article(JsonElement e) => Kind(e) is var kind && kind is "array" or "object" ? "an " + kind : "a " + kind;

    private static JsonElement? Object(JsonElement parent, string name, bool required = false) => Object(parent, name, null, required);

    private static JsonElement? Object(JsonElement parent, string name, List<string>? problems, bool required = false)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return required ? throw new RecordException($"'{name}' is missing") : null;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            var message = $"'{name}' is {Article(value)}, not an object";
            if (problems is null)
            {
                throw new RecordException(message);
            }

            problems.Add(message);
            return null;
        }

        return value;
    }

    private static string? TryString(JsonElement parent, string name, List<string> problems)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            problems.Add($"'{name}' is {Article(value)}, not a string");
            return null;
        }

        return string.IsNullOrWhiteSpace(value.GetString()) ? null : value.GetString()!.Trim();
    }

    private static List<string> StringArray(JsonElement parent, string name, string label, List<string> problems)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            problems.Add($"{label} is {Article(value)}, not an array");
            return [];
        }

        var list = new List<string>();
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                problems.Add($"{label} holds {Article(item)}, not a string");
                continue;
            }

            list.Add(item.GetString()!.Trim());
        }

        return list;
    }

    private static List<TrialIntervention> Interventions(JsonElement arms, List<string> problems)
    {
        var list = new List<TrialIntervention>();
        if (!arms.TryGetProperty("interventions", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return list;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            problems.Add($"armsInterventionsModule.interventions is {Article(value)}, not an array");
            return list;
        }

        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                problems.Add($"armsInterventionsModule.interventions holds {Article(item)}, not an object");
                continue;
            }

            var name = TryString(item, "name", problems);
            if (name is null)
            {
                problems.Add("an intervention has no name");
                continue;
            }

            list.Add(new TrialIntervention(TryString(item, "type", problems) ?? "OTHER", name,
                StringArray(item, "otherNames", "interventions.otherNames", problems), TryString(item, "description", problems)));
        }

        return list;
    }

    private static List<string> Countries(JsonElement module, List<string> problems)
    {
        if (!module.TryGetProperty("locations", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            problems.Add($"contactsLocationsModule.locations is {Article(value)}, not an array");
            return [];
        }

        var set = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var location in value.EnumerateArray())
        {
            if (location.ValueKind != JsonValueKind.Object)
            {
                problems.Add($"contactsLocationsModule.locations holds {Article(location)}, not an object");
                continue;
            }

            if (TryString(location, "country", problems) is { } country)
            {
                set.Add(country);
            }
        }

        return [.. set];
    }

    private static (DateOnly?, DatePrecision?) ParseDate(string text, List<string> problems)
    {
        if (text.Length == 7 && DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
        {
            return (month, DatePrecision.Month);
        }

        if (text.Length == 10 && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return (day, DatePrecision.Day);
        }

        if (text.Length == 4 && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is > 1900 and < 2200)
        {
            return (new DateOnly(year, 1, 1), DatePrecision.Year);
        }

        problems.Add($"startDateStruct.date '{text}' is not YYYY-MM or YYYY-MM-DD");
        return (null, null);
    }
}
