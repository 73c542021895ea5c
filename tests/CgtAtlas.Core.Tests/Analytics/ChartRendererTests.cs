using System.Xml.Linq;
using CgtAtlas.Analytics;

namespace CgtAtlas.Core.Tests.Analytics;

public sealed class ChartRendererTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("cgt-chart-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static readonly IReadOnlyList<(string, double)> s_bars = [("CAR-T", 7), ("small nucleic acid", 3), ("gene therapy", 2), ("干细胞", 1)];

    [Fact]
    public void Writes_valid_svg()
    {
        var path = Path.Combine(_dir, "chart.svg");
        ChartRenderer.Save(path, "NMPA approvals as of 2025-09-16", s_bars);
        var svg = XDocument.Load(path);
        Assert.Equal("svg", svg.Root!.Name.LocalName);
        Assert.Contains("CAR-T", File.ReadAllText(path), StringComparison.Ordinal);
    }

    [Fact]
    public void Writes_valid_png()
    {
        var path = Path.Combine(_dir, "sub", "chart.png");
        ChartRenderer.Save(path, "NMPA approvals", s_bars);
        var bytes = File.ReadAllBytes(path);
        Assert.True(bytes.Length > 1000);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, bytes[..8]);
    }

    [Fact]
    public void Rejects_other_extensions()
    {
        Assert.False(ChartRenderer.IsSupported("x.pdf"));
        Assert.Throws<ArgumentException>(() => ChartRenderer.Save(Path.Combine(_dir, "x.jpg"), "t", s_bars));
    }
}
