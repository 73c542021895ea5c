using ScottPlot;

namespace CgtAtlas.Analytics;

/// <summary>Renders a labelled bar chart of a table to SVG or PNG (chosen by the file extension) with ScottPlot.</summary>
public static class ChartRenderer
{
    /// <summary>Whether <paramref name="path"/> has an extension this renderer writes (.svg or .png).</summary>
    public static bool IsSupported(string path) =>
        Path.GetExtension(path).ToLowerInvariant() is ".svg" or ".png";

    /// <summary>Writes the chart; bars in the given order, values above the bars.</summary>
    /// <exception cref="ArgumentException">The extension is not .svg or .png.</exception>
    public static void Save(string path, string title, IReadOnlyList<(string Label, double Value)> bars, string yLabel = "count",
        int width = 900, int height = 520)
    {
        if (!IsSupported(path))
        {
            throw new ArgumentException($"chart file '{path}' must end in .svg or .png", nameof(path));
        }

        var plot = new Plot();
        var data = bars.Select((b, i) => new Bar { Position = i, Value = b.Value, Label = FormatValue(b.Value) }).ToArray();
        var series = plot.Add.Bars(data);
        series.ValueLabelStyle.FontSize = 12;
        foreach (var bar in series.Bars)
        {
            bar.FillColor = Color.FromHex("#3B6EA5");
            bar.LineColor = Color.FromHex("#2A4F77");
        }

        var ticks = bars.Select((b, i) => new Tick(i, b.Label)).ToArray();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks);
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        if (bars.Count > 4 && bars.Any(b => b.Label.Length > 8))
        {
            // Long category names: rotate and reserve room below the axis for the longest one.
            plot.Axes.Bottom.TickLabelStyle.Rotation = 45;
            plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleLeft;
            plot.Axes.Bottom.MinimumSize = 20 + (5 * bars.Max(b => b.Label.Length));
        }

        plot.Axes.Margins(bottom: 0, top: 0.15);
        plot.Title(title);
        plot.YLabel(yLabel);
        plot.Font.Automatic();
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        if (Path.GetExtension(path).Equals(".svg", StringComparison.OrdinalIgnoreCase))
        {
            plot.SaveSvg(path, width, height);
        }
        else
        {
            plot.SavePng(path, width, height);
        }
    }

    private static string FormatValue(double value) =>
        value == Math.Floor(value) ? value.ToString("0", System.Globalization.CultureInfo.InvariantCulture)
            : value.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);
}
