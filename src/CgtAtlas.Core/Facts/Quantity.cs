namespace CgtAtlas.Facts;

/// <summary>Units a quantity can carry (see the labelling conventions).</summary>
internal static class Units
{
    public const string Count = "count";
    public const string Patients = "patients";
    public const string Percent = "percent";
    public const string PercentagePoints = "percentage_points";
    public const string Fold = "fold";
    public const string Days = "days";
    public const string WorkingDays = "working_days";
    public const string Weeks = "weeks";
    public const string Months = "months";
    public const string Years = "years";
    public const string Hours = "hours";

    /// <summary>人: patients or people (employees …), decided later from the clause.</summary>
    public const string Persons = "persons";

    public static bool IsMoney(string? unit) => unit is "CNY" or "USD" or "EUR" or "HKD" or "JPY" or "GBP";

    public static bool IsTime(string? unit) => unit is Days or WorkingDays or Weeks or Months or Years or Hours;
}

/// <summary>A number found in text with its unit and qualifier, or the reason it is not a quantity.</summary>
internal sealed class Quantity
{
    /// <summary>Start of the whole mention (currency prefix included).</summary>
    public int Start { get; set; }

    /// <summary>Start of the number itself.</summary>
    public int NumberStart { get; set; }

    /// <summary>End of the number itself (before any scale or unit).</summary>
    public int NumberEnd { get; set; }

    /// <summary>End of the number and its scale word (万, million), before any unit.</summary>
    public int ScaleEnd { get; set; }

    /// <summary>End of the whole mention (unit and suffix qualifier included).</summary>
    public int End { get; set; }

    public double Value { get; set; }

    public double Scale { get; set; } = 1;

    public string? Unit { get; set; }

    public bool ExplicitUnit { get; set; }

    public string Qualifier { get; set; } = "exact";

    public bool ExplicitQualifier { get; set; }

    /// <summary>一 / one used as an article ("一个疗程", "one of"): a fact only inside a breakdown list.</summary>
    public bool ArticleOne { get; set; }

    /// <summary>Why this is not a quantity (identifier, ordinal, age, vague …); null when it is one.</summary>
    public string? Skip { get; set; }

    /// <summary>True for the interval of something recurring ("every 6 months", 每两年): a duration, never a review clock.</summary>
    public bool Interval { get; set; }


    public override string ToString() => $"{Value} {Unit} {Qualifier}{(Skip is null ? string.Empty : " skip:" + Skip)}";
}
