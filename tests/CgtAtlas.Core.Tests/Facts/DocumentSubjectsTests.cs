using CgtAtlas.Documents;
using CgtAtlas.Facts;

namespace CgtAtlas.Core.Tests.Facts;

public sealed class DocumentSubjectsTests
{
    private static Paragraph P(int n, string text) => new(n, text, Language.Unknown);

    [Theory]
    [InlineData(SubjectKind.Modality, "car-t", "CAR-T")]
    [InlineData(SubjectKind.Modality, "溶瘤病毒", "oncolytic virus")]
    [InlineData(SubjectKind.Modality, "嵌合抗原受体T", "CAR-T")]
    [InlineData(SubjectKind.Agency, "国家药监局", "NMPA")]
    [InlineData(SubjectKind.Agency, "fda", "FDA")]
    [InlineData(SubjectKind.Modality, "widgets", null)]
    [InlineData(SubjectKind.Modality, "CAR-T and TIL", null)]
    [InlineData(SubjectKind.Agency, "CAR-T", null)]
    [InlineData(SubjectKind.Agency, "  ", null)]
    public void Normalize_maps_any_dictionary_name_to_one_canonical_value(SubjectKind kind, string input, string? expected) =>
        Assert.Equal(expected, DocumentSubjects.Normalize(kind, input));

    [Fact]
    public void A_subject_needs_the_title_or_two_body_mentions()
    {
        var subjects = DocumentSubjects.Find("FDA clears a TIL therapy", [
            P(1, "The gene therapy field watched closely; unlike CAR-T, TIL needs no engineering."),
            P(2, "Another gene therapy filing is due; the EMA is reviewing it."),
        ]);
        var values = subjects.Select(s => s.Value).ToList();
        Assert.Contains("TIL", values);          // title (and body)
        Assert.Contains("FDA", values);          // title only
        Assert.Contains("gene therapy", values); // twice in the body
        Assert.DoesNotContain("CAR-T", values);  // once, in passing
        Assert.DoesNotContain("EMA", values);
        Assert.Equal(2, subjects.Single(s => s.Value == "TIL").Mentions);
    }

    [Fact]
    public void A_regulator_named_once_in_the_lead_counts_but_not_once_further_down()
    {
        var subjects = DocumentSubjects.Find("新药获批上市", [
            P(1, "国家药监局近日批准一款CAR-T产品上市，用于复发难治大B细胞淋巴瘤。"),
            P(2, "该产品此前已在美国获批，FDA的审评用时约八个月。"),
        ]);
        var nmpa = Assert.Single(subjects, s => s.Value == "NMPA");
        Assert.Equal(1, nmpa.Mentions);
        Assert.DoesNotContain(subjects, s => s.Value == "FDA");
        Assert.DoesNotContain(subjects, s => s.Value == "CAR-T"); // a modality still needs the title or two mentions
    }
}
