using System.Text.RegularExpressions;
using static CgtAtlas.Facts.Rx;

namespace CgtAtlas.Facts;

/// <summary>Regulators and regions; an agency implies its region when the statement names none.</summary>
internal static partial class AgencyResolver
{
    public static readonly TermDictionary Agencies = new(
    [
        (Cde, "CDE"),
        (Nmpa, "NMPA"),
        (Nhsa, "NHSA"),
        (Nhc, "NHC"),
        (Fda, "FDA"),
        (Ema, "EMA"),
        (Pmda, "PMDA"),
    ]);

    [GeneratedRegex($$"""国家药监局药品审评中心|国家药品监督管理局药品审评中心|药品审评中心|药审中心|{{B}}CDE{{B}}|Center for Drug Evaluation""", RegexOptions.CultureInvariant)]
    private static partial Regex Cde { get; }

    [GeneratedRegex($$"""国家药品监督管理局|国家药监局|药监局|{{B}}NMPA{{B}}|National Medical Products Administration""", RegexOptions.CultureInvariant)]
    private static partial Regex Nmpa { get; }

    [GeneratedRegex($$"""国家医保局|医保局|国家医疗保障局|{{B}}NHSA{{B}}|National Healthcare Security Administration""", RegexOptions.CultureInvariant)]
    private static partial Regex Nhsa { get; }

    [GeneratedRegex($$"""国家卫健委|国家卫生健康委员会|国家卫生健康委|卫健委|{{B}}NHC{{B}}|National Health Commission""", RegexOptions.CultureInvariant)]
    private static partial Regex Nhc { get; }

    [GeneratedRegex($$"""{{B}}FDA{{B}}|{{B}}CBER{{B}}|美国食品药品监督管理局|美国药监局|Food and Drug Administration""", RegexOptions.CultureInvariant)]
    private static partial Regex Fda { get; }

    [GeneratedRegex($$"""{{B}}EMA{{B}}|欧洲药品管理局|European Medicines Agency|{{B}}CHMP{{B}}""", RegexOptions.CultureInvariant)]
    private static partial Regex Ema { get; }

    [GeneratedRegex($$"""{{B}}PMDA{{B}}|{{B}}MHLW{{B}}""", RegexOptions.CultureInvariant)]
    private static partial Regex Pmda { get; }

    public static readonly TermDictionary Regions = new(
    [
        (Global, "global"),
        (China, "CN"),
        (UnitedStates, "US"),
        (Europe, "EU"),
        (Japan, "JP"),
    ]);

    [GeneratedRegex($$"""全球|世界范围|(?i:{{B}}global(?:ly)?{{B}}|worldwide)""", RegexOptions.CultureInvariant)]
    private static partial Regex Global { get; }

    [GeneratedRegex($$"""中国|我国|国内|全国|大陆|内地|{{B}}China{{B}}|{{B}}Chinese{{B}}|{{B}}PRC{{B}}""", RegexOptions.CultureInvariant)]
    private static partial Regex China { get; }

    [GeneratedRegex($$"""美国|{{B}}U\.S\.|{{B}}U\.S{{B}}|{{B}}US{{B}}|{{B}}USA{{B}}|United States|{{B}}American{{B}}""", RegexOptions.CultureInvariant)]
    private static partial Regex UnitedStates { get; }

    [GeneratedRegex($$"""欧盟|欧洲|{{B}}EU{{B}}|{{B}}Europe(?:an)?{{B}}""", RegexOptions.CultureInvariant)]
    private static partial Regex Europe { get; }

    [GeneratedRegex($$"""日本|{{B}}Japan(?:ese)?{{B}}""", RegexOptions.CultureInvariant)]
    private static partial Regex Japan { get; }

    public static string? RegionOf(string? agency) => agency switch
    {
        "NMPA" or "CDE" or "NHSA" or "NHC" => "CN",
        "FDA" => "US",
        "EMA" => "EU",
        "PMDA" => "JP",
        _ => null,
    };
}
