using System.Globalization;
using CgtAtlas.Knowledge;

namespace CgtAtlas.Web.Services;

/// <summary>
/// Reader-facing labels for knowledge-base records: dates only as precise as they are known, and the registry's
/// phase and status codes (PHASE1, COMPLETED, NA) in words of the UI language.
/// </summary>
public static class RecordLabels
{
    private static readonly Dictionary<string, (string En, string Zh)> s_phases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["EARLY_PHASE1"] = ("Early phase 1", "早期1期"),
        ["PHASE1"] = ("Phase 1", "1期"),
        ["PHASE2"] = ("Phase 2", "2期"),
        ["PHASE3"] = ("Phase 3", "3期"),
        ["PHASE4"] = ("Phase 4", "4期"),
        ["NA"] = ("n/a", "不适用"),
    };

    private static readonly Dictionary<string, (string En, string Zh)> s_statuses = new(StringComparer.OrdinalIgnoreCase)
    {
        ["NOT_YET_RECRUITING"] = ("Not yet recruiting", "尚未招募"),
        ["RECRUITING"] = ("Recruiting", "招募中"),
        ["ENROLLING_BY_INVITATION"] = ("Enrolling by invitation", "邀请入组"),
        ["ACTIVE_NOT_RECRUITING"] = ("Active, not recruiting", "进行中（不招募）"),
        ["SUSPENDED"] = ("Suspended", "暂停"),
        ["TERMINATED"] = ("Terminated", "终止"),
        ["COMPLETED"] = ("Completed", "已完成"),
        ["WITHDRAWN"] = ("Withdrawn", "撤回"),
        ["UNKNOWN"] = ("Unknown", "未知"),
        ["AVAILABLE"] = ("Available", "可用"),
        ["NO_LONGER_AVAILABLE"] = ("No longer available", "不再可用"),
        ["TEMPORARILY_NOT_AVAILABLE"] = ("Temporarily not available", "暂不可用"),
        ["APPROVED_FOR_MARKETING"] = ("Approved for marketing", "已批准上市"),
        ["WITHHELD"] = ("Withheld", "未公开"),
    };

    /// <summary>A date written only as far as it is known: 2025-07-14, 2025-07, 2025 Q3, 2005.</summary>
    public static string Date(DateOnly date, DatePrecision precision) => precision switch
    {
        DatePrecision.Year => date.Year.ToString(CultureInfo.InvariantCulture),
        DatePrecision.Quarter => string.Create(CultureInfo.InvariantCulture, $"{date.Year} Q{((date.Month - 1) / 3) + 1}"),
        DatePrecision.Month => date.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        _ => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    /// <summary>The phases joined with '/', each in words ("Phase 1/Phase 2"); "n/a" when none is given.</summary>
    public static string Phases(IReadOnlyList<string> phases, bool zh)
    {
        ArgumentNullException.ThrowIfNull(phases);
        return phases.Count == 0 ? Label(s_phases, "NA", zh) : string.Join('/', phases.Select(p => Label(s_phases, p, zh)));
    }

    /// <summary>The overall status in words; empty when the record has none.</summary>
    public static string Status(string? status, bool zh) => string.IsNullOrEmpty(status) ? string.Empty : Label(s_statuses, status, zh);

    // A code not in the table (a registry value added later) is still shown readably rather than hidden.
    private static string Label(Dictionary<string, (string En, string Zh)> table, string code, bool zh) =>
        table.TryGetValue(code, out var label) ? (zh ? label.Zh : label.En)
            : CultureInfo.InvariantCulture.TextInfo.ToTitleCase(code.Replace('_', ' ').ToLowerInvariant());
}
