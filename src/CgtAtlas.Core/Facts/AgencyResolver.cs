namespace CgtAtlas.Facts;

/// <summary>Regulators and regions; an agency implies its region when the statement names none.</summary>
internal static class AgencyResolver
{
    public static readonly TermDictionary Agencies = new(
    [
        (@"国家药监局药品审评中心|国家药品监督管理局药品审评中心|药品审评中心|药审中心|\bCDE\b|Center for Drug Evaluation", "CDE"),
        (@"国家药品监督管理局|国家药监局|药监局|\bNMPA\b|National Medical Products Administration", "NMPA"),
        (@"国家医保局|医保局|国家医疗保障局|\bNHSA\b|National Healthcare Security Administration", "NHSA"),
        (@"国家卫健委|国家卫生健康委员会|国家卫生健康委|卫健委|\bNHC\b|National Health Commission", "NHC"),
        (@"\bFDA\b|\bCBER\b|美国食品药品监督管理局|美国药监局|Food and Drug Administration", "FDA"),
        (@"\bEMA\b|欧洲药品管理局|European Medicines Agency|\bCHMP\b", "EMA"),
        (@"\bPMDA\b|\bMHLW\b", "PMDA"),
    ]);

    public static readonly TermDictionary Regions = new(
    [
        (@"全球|世界范围|(?i:\bglobal(?:ly)?\b|worldwide)", "global"),
        (@"中国|我国|国内|全国|\bChina\b|\bChinese\b|\bPRC\b", "CN"),
        (@"美国|\bU\.S\.|\bU\.S\b|\bUS\b|\bUSA\b|United States|\bAmerican\b", "US"),
        (@"欧盟|欧洲|\bEU\b|\bEurope(?:an)?\b", "EU"),
        (@"日本|\bJapan(?:ese)?\b", "JP"),
    ]);

    public static string? RegionOf(string? agency) => agency switch
    {
        "NMPA" or "CDE" or "NHSA" or "NHC" => "CN",
        "FDA" => "US",
        "EMA" => "EU",
        "PMDA" => "JP",
        _ => null,
    };
}
