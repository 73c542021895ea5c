using CgtAtlas.Knowledge;

namespace CgtAtlas.Core.Tests.Knowledge;

/// <summary>Every assertion here comes from tests/data/ctgov/EXPECTED.md.</summary>
public sealed class CtgovImporterTests
{
    private static readonly CtgovImporter s_importer = new(KnowledgeFixture.Classifier);

    private static string Fixture(string name) => Path.Combine(KnowledgeFixture.CtgovData, name);

    [Theory]
    [InlineData("study-NCT02348216-zuma-1.json", "NCT02348216", "ZUMA-1", "Kite, A Gilead Company", "CAR-T", "United States", "PHASE1,PHASE2", "2015-04-01", DatePrecision.Month, "COMPLETED")]
    [InlineData("study-NCT02435849-eliana.json", "NCT02435849", "ELIANA", "Novartis Pharmaceuticals", "CAR-T", "Australia,Canada,France,Germany,Japan,Norway,Spain,United States", "PHASE2", "2015-04-01", DatePrecision.Month, "COMPLETED")]
    [InlineData("study-NCT03548207-cartitude-1.json", "NCT03548207", "CARTITUDE-1", "Janssen Research & Development, LLC", "CAR-T", "Japan,United States", "PHASE1,PHASE2", "2018-07-01", DatePrecision.Month, "COMPLETED")]
    [InlineData("study-NCT03655678-climb-thal-111.json", "NCT03655678", "CLIMB THAL-111", "Vertex Pharmaceuticals Incorporated", "gene editing", "Canada,Germany,Italy,United Kingdom,United States", "PHASE2,PHASE3", "2018-09-01", DatePrecision.Month, "COMPLETED")]
    [InlineData("study-NCT03874897-ct041-cldn18-2.json", "NCT03874897", null, "CARsgen Therapeutics Co., Ltd.", "CAR-T", "China", "PHASE1", "2019-03-01", DatePrecision.Month, "COMPLETED")]
    [InlineData("study-NCT04135300-bbm-h901.json", "NCT04135300", null, "Institute of Hematology & Blood Diseases Hospital, China", "gene therapy", "China", "NA", "2019-10-16", DatePrecision.Day, "COMPLETED")]
    public void Single_study_files(string file, string nctId, string? acronym, string sponsor, string modality, string countries, string phases,
        string start, DatePrecision precision, string status)
    {
        var result = s_importer.ParsePaths([Fixture(file)]);
        Assert.Empty(result.Errors);
        var trial = Assert.Single(result.Trials);
        Assert.Equal(nctId, trial.NctId);
        Assert.Equal(acronym, trial.Acronym);
        Assert.Equal(sponsor, trial.LeadSponsor);
        Assert.True(trial.IsCgt);
        Assert.Equal(modality, trial.Modality);
        Assert.Equal(countries.Split(','), trial.Countries);
        Assert.Equal(phases.Split(','), trial.Phases);
        Assert.Equal(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), trial.StartDate);
        Assert.Equal(precision, trial.StartDatePrecision);
        Assert.Equal(status, trial.OverallStatus);
    }

    [Fact]
    public void Synthetic_page_classifies_every_study_and_notes_the_next_page()
    {
        var result = s_importer.ParsePaths([Fixture("synthetic-studies-page.json")]);
        Assert.Empty(result.Errors);
        Assert.Equal(12, result.Trials.Count);
        var expected = new (string Id, string? Modality, string Countries, string Phases, string Start, DatePrecision Precision)[]
        {
            ("NCT09000001", "CAR-T", "China", "PHASE1", "2023-05-01", DatePrecision.Month),
            ("NCT09000002", "TCR-T", "Spain,United Kingdom,United States", "PHASE1", "2022-11-15", DatePrecision.Day),
            ("NCT09000003", "TIL", "China", "PHASE1,PHASE2", "2024-02-01", DatePrecision.Month),
            ("NCT09000004", "CAR-NK", "China", "EARLY_PHASE1", "2024-08-01", DatePrecision.Month),
            ("NCT09000005", "stem cell", "China", "PHASE2", "2023-01-01", DatePrecision.Month),
            ("NCT09000006", "gene therapy", "Australia,China", "PHASE1,PHASE2", "2023-09-01", DatePrecision.Day),
            ("NCT09000007", "gene editing", "China", "PHASE1", "2024-03-01", DatePrecision.Month),
            ("NCT09000008", "small nucleic acid", "Australia,China,New Zealand", "PHASE2", "2023-07-01", DatePrecision.Month),
            ("NCT09000009", "oncolytic virus", "China", "PHASE1", "2022-06-01", DatePrecision.Month),
            ("NCT09000010", "mRNA", "Germany,United Kingdom,United States", "PHASE2", "2023-12-01", DatePrecision.Month),
            ("NCT09000011", null, "China", "PHASE1", "2024-05-20", DatePrecision.Day),
            ("NCT09000012", null, "China,Japan,United States", "PHASE1,PHASE2", "2025-01-01", DatePrecision.Month),
        };
        foreach (var (trial, want) in result.Trials.Zip(expected))
        {
            Assert.Equal(want.Id, trial.NctId);
            Assert.True(want.Modality == trial.Modality, $"{trial.NctId}: expected {want.Modality ?? "(none)"}, got {trial.Modality ?? "(none)"} ({trial.ModalityEvidence})");
            Assert.Equal(want.Modality is not null, trial.IsCgt);
            Assert.Equal(want.Countries.Split(','), trial.Countries);
            Assert.Equal(want.Phases.Split(','), trial.Phases);
            Assert.Equal(DateOnly.Parse(want.Start, System.Globalization.CultureInfo.InvariantCulture), trial.StartDate);
            Assert.Equal(want.Precision, trial.StartDatePrecision);
        }

        Assert.Equal(10, result.Trials.Count(t => t.IsCgt));
        Assert.Equal(10, result.Trials.Count(t => t.Countries.Contains("China")));
        Assert.Equal(7, result.Trials.Count(t => t.Countries.SequenceEqual(["China"])));
        var note = Assert.Single(result.Notes);
        Assert.Contains("ZVNj7o2Elu8o3lpoWsSBkwo", note, StringComparison.Ordinal);
        Assert.Contains("of 37", note, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_error_page_is_an_error_value_naming_the_file()
    {
        var result = s_importer.ParsePaths([Fixture("bad-not-json.json")]);
        Assert.Empty(result.Trials);
        var error = Assert.Single(result.Errors);
        Assert.EndsWith("bad-not-json.json", error.Path, StringComparison.Ordinal);
        Assert.Contains("not valid JSON", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_nct_id_is_rejected()
    {
        var result = s_importer.ParsePaths([Fixture("bad-missing-nctid.json")]);
        Assert.Empty(result.Trials);
        Assert.Contains("nctId", Assert.Single(result.Errors).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_types_are_rejected_naming_the_fields()
    {
        var result = s_importer.ParsePaths([Fixture("bad-wrong-types.json")]);
        Assert.Empty(result.Trials);
        var error = Assert.Single(result.Errors);
        Assert.Equal("NCT09000042", error.NctId);
        Assert.Contains("phases", error.Reason, StringComparison.Ordinal);
        Assert.Contains("locations", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void One_broken_record_in_a_page_keeps_the_others()
    {
        var result = s_importer.ParsePaths([Fixture("bad-page-one-broken-record.json")]);
        Assert.Equal(["NCT09000051", "NCT09000052", "NCT09000054"], result.Trials.Select(t => t.NctId));
        Assert.Equal(["CAR-T", "stem cell", null], result.Trials.Select(t => t.Modality));
        Assert.Equal(["China", "Singapore"], result.Trials[1].Countries);
        Assert.Equal(["PHASE4"], result.Trials[2].Phases);
        var error = Assert.Single(result.Errors);
        Assert.Equal(2, error.Index);
        Assert.Contains("nctId", error.Reason, StringComparison.Ordinal);
        Assert.Contains("interventions", error.Reason, StringComparison.Ordinal);
        Assert.Empty(result.Notes);
    }

    [Fact]
    public void Folder_import_reads_every_file_and_reports_each_failure()
    {
        var result = s_importer.ParsePaths([KnowledgeFixture.CtgovData, Path.Combine(KnowledgeFixture.CtgovData, "no-such.json")]);
        Assert.Equal(6 + 12 + 3, result.Trials.Count);
        Assert.Equal(5, result.Errors.Count);
        Assert.Contains(result.Errors, e => e.Reason == "no such file or folder");
    }

    [Theory]
    [InlineData("{\"studies\": 3}", "'studies' is not an array")]
    [InlineData("{\"foo\": 1}", "not a ClinicalTrials.gov API v2 study or page")]
    [InlineData("{\"protocolSection\": {\"identificationModule\": {\"nctId\": \"NCT123\", \"briefTitle\": \"x\"}}}", "not NCT followed by 8 digits")]
    [InlineData("{\"protocolSection\": {\"identificationModule\": {\"nctId\": \"NCT01234567\", \"briefTitle\": \"x\"}, \"statusModule\": {\"startDateStruct\": {\"date\": \"May 2020\"}}}}", "startDateStruct.date")]
    [InlineData("{\"protocolSection\": {\"identificationModule\": {\"nctId\": \"NCT01234567\"}}}", "no briefTitle")]
    public void Malformed_text_is_reported(string json, string reason)
    {
        var result = s_importer.ParseText(json, "inline.json");
        Assert.Empty(result.Trials);
        Assert.Contains(reason, Assert.Single(result.Errors).Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Drug", "Inclisiran sodium", "", "small nucleic acid")]
    [InlineData("Drug", "Tofersen", "", "small nucleic acid")]
    [InlineData("Biological", "Remestemcel-L", "", "stem cell")]
    [InlineData("Genetic", "Etranacogene dezaparvovec", "", "gene therapy")]
    [InlineData("Biological", "CT053", "BCMA-directed chimeric antigen receptor T cells", "CAR-T")]
    [InlineData("Drug", "Pembrolizumab", "Anti-PD-1 antibody", null)]
    [InlineData("Biological", "mRNA-1273", "mRNA vaccine against SARS-CoV-2 in lipid nanoparticles", null)]
    [InlineData("Biological", "抗CD19嵌合抗原受体T细胞注射液", "", "CAR-T")]
    public void Classifies_from_names_and_INN_stems(string type, string name, string description, string? modality)
    {
        var (isCgt, found, _) = KnowledgeFixture.Classifier.Classify("A study", [new TrialIntervention(type.ToUpperInvariant(), name, [], description)]);
        Assert.Equal(modality, found);
        Assert.Equal(modality is not null, isCgt);
    }
}
