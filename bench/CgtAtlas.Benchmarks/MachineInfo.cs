using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;

namespace CgtAtlas.Benchmarks;

/// <summary>The machine a run was made on.</summary>
internal sealed record MachineInfo(string Cpu, int Cores, double MemoryGiB, string Os, string Runtime, string SqliteVersion,
    string SqliteLibrary, string Gc)
{
    public static MachineInfo Collect()
    {
        var cpu = "unknown";
        double memory = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1073741824.0;
        try
        {
            cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
                ?? cpu;
            var total = File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
            if (total is not null)
            {
                memory = long.Parse(total.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1048576.0;
            }
        }
        catch (IOException)
        {
            // Not Linux: keep the runtime's figures.
        }

        string sqlite;
        using (var connection = new SqliteConnection("Data Source=:memory:"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT sqlite_version()";
            sqlite = (string)command.ExecuteScalar()!;
        }

        var library = typeof(SqliteConnection).Assembly.GetName().Version?.ToString() ?? "?";
        var gc = System.Runtime.GCSettings.IsServerGC ? "server" : "workstation";
        gc += System.Runtime.GCSettings.LatencyMode == System.Runtime.GCLatencyMode.Interactive ? " (concurrent)" : string.Empty;
        return new MachineInfo(cpu, Environment.ProcessorCount, Math.Round(memory, 1), RuntimeInformation.OSDescription,
            RuntimeInformation.FrameworkDescription, sqlite, $"Microsoft.Data.Sqlite {library}", gc);
    }
}
