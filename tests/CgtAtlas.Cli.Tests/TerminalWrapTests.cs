using CgtAtlas.Search;

namespace CgtAtlas.Cli.Tests;

public sealed class TerminalWrapTests
{
    private static int Cells(string text) => text.Sum(TerminalWrap.CellWidth);

    [Fact]
    public void Chinese_fills_each_line_and_keeps_highlights_on_the_right_characters()
    {
        // A highlight in mid-line used to end a "word" for the table, which then moved the rest of the sentence down.
        var text = "二十年过去，溶瘤病毒在国内外都经历了从高期待到冷静、再到重新升温的过程。本文尝试梳理这条赛道的来龙去脉。";
        var start = text.IndexOf("溶瘤病毒", StringComparison.Ordinal);
        var lines = TerminalWrap.Lines(new Snippet(3, text, [(start, 4)]), 20, 20);

        Assert.All(lines, l => Assert.True(Cells(l.Text) <= 20, l.Text));
        Assert.All(lines.SkipLast(1), l => Assert.True(Cells(l.Text) >= 19, $"line not filled: {l.Text}"));
        Assert.Equal(text, string.Concat(lines.Select(l => l.Text)));
        var marked = lines.SelectMany(l => l.Highlights.Select(h => l.Text.Substring(h.Start, h.Length)));
        Assert.Equal("溶瘤病毒", string.Concat(marked));
    }

    [Fact]
    public void English_breaks_at_spaces_and_a_highlight_split_across_lines_stays_marked()
    {
        var text = "Imlygic was the first oncolytic virus approved by the FDA for melanoma";
        var start = text.IndexOf("oncolytic virus", StringComparison.Ordinal);
        var lines = TerminalWrap.Lines(new Snippet(1, text, [(start, "oncolytic virus".Length)]), 28, 28);

        Assert.All(lines, l => Assert.True(l.Text.Length <= 28));
        Assert.All(lines, l => Assert.False(l.Text.StartsWith(' ') || l.Text.EndsWith(' ')));
        Assert.Equal(text.Split(' '), lines.SelectMany(l => l.Text.Split(' ')));
        Assert.Equal(["oncolytic", "virus"], lines.SelectMany(l => l.Highlights.Select(h => l.Text.Substring(h.Start, h.Length))).SelectMany(s => s.Split(' ')));
    }
}
