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
}
