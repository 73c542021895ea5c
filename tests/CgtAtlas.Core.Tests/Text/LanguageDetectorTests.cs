using CgtAtlas.Documents;
using CgtAtlas.Text;

namespace CgtAtlas.Core.Tests.Text;

public sealed class LanguageDetectorTests
{
    [Theory]
    [InlineData("国家药监局批准了首个CAR-T细胞治疗产品上市，用于治疗复发或难治性大B细胞淋巴瘤。", Language.Zh)]
    [InlineData("The FDA approved the first CAR-T therapy for large B-cell lymphoma in 2017.", Language.En)]
    [InlineData("BCMA CAR-T: ORR 97%, CR 67% (CARTITUDE-1, NCT03548207) 数据公布", Language.Mixed)]
    [InlineData("2025 — 14 / 7 / 3", Language.Unknown)]
    public void Detects_by_script_share(string text, Language expected) => Assert.Equal(expected, LanguageDetector.Detect(text));
}
