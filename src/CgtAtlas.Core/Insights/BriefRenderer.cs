using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CgtAtlas.Insights;

/// <summary>Writes a brief as plain text (the shape users know), Markdown, or JSON; reads the JSON back (cache).</summary>
public static class BriefRenderer
{
    private static readonly JsonSerializerOptions s_json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Plain text: the title, then each section title followed by "- bullet [n]" lines.</summary>
    public static string ToText(Brief brief)
    {
        ArgumentNullException.ThrowIfNull(brief);
        var sb = new StringBuilder();
        sb.AppendLine(brief.Title);
        if (brief.Note is not null)
        {
            sb.AppendLine(brief.Note);
        }

        foreach (var section in brief.Sections)
        {
            sb.AppendLine(section.Title);
            foreach (var bullet in section.Bullets)
            {
                sb.Append("- ").AppendLine(bullet.CitedText);
            }
        }

        return sb.ToString();
    }

    /// <summary>Markdown: <c># title</c>, <c>## section</c>, bullet list.</summary>
    public static string ToMarkdown(Brief brief)
    {
        ArgumentNullException.ThrowIfNull(brief);
        var sb = new StringBuilder();
        sb.Append("# ").AppendLine(brief.Title.Replace("\n", " ", StringComparison.Ordinal)).AppendLine();
        if (brief.Note is not null)
        {
            sb.Append("_").Append(brief.Note).AppendLine("_");
        }

        foreach (var section in brief.Sections)
        {
            sb.Append("## ").AppendLine(section.Title).AppendLine();
            foreach (var bullet in section.Bullets)
            {
                sb.Append("- ").AppendLine(bullet.CitedText);
            }

            sb.AppendLine();
        }

        return sb.ToString().TrimEnd() + "\n";
    }

    /// <summary>JSON: <c>{"title","language","sections":[{"key","title","bullets":[{"text","citations","facts"}]}]}</c>, plus <c>"note"</c> when too little to summarise.</summary>
    public static string ToJson(Brief brief)
    {
        ArgumentNullException.ThrowIfNull(brief);
        return JsonSerializer.Serialize(brief, s_json);
    }

    /// <summary>Reads JSON written by <see cref="ToJson"/>; null when it cannot be read.</summary>
    public static Brief? FromJson(string json)
    {
        try
        {
            var brief = JsonSerializer.Deserialize<Brief>(json, s_json);
            return brief is { Title: not null, Language: not null, Sections: not null } ? brief : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
