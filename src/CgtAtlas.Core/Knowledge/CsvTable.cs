using CsvHelper;

namespace CgtAtlas.Knowledge;

/// <summary>A curated CSV read into memory: header plus rows with their line numbers, for validation that names file and line.</summary>
internal sealed class CsvTable
{
    private readonly Dictionary<string, int> _columns;

    private CsvTable(string fileName, IReadOnlyList<string> headers, List<CsvTableRow> rows)
    {
        FileName = fileName;
        Headers = headers;
        Rows = rows;
        _columns = headers.Select((h, i) => (h, i)).ToDictionary(p => p.h, p => p.i, StringComparer.Ordinal);
    }

    public string FileName { get; }

    public IReadOnlyList<string> Headers { get; }

    public IReadOnlyList<CsvTableRow> Rows { get; }

    public static CsvTable Read(string path)
    {
        var options = CsvReaderOptions.Default with { Separator = ',', TrackLineNumbers = true, HasHeader = true };
        using var reader = CsvReader.FromFile(path, options);
        var headers = reader.Headers.Select(h => h.Trim()).ToList();
        var rows = new List<CsvTableRow>();
        while (reader.Read())
        {
            var fields = new string?[reader.FieldCount];
            for (var i = 0; i < fields.Length; i++)
            {
                var value = reader.GetString(i);
                fields[i] = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
            }

            rows.Add(new CsvTableRow((int)reader.LineNumber, fields));
        }

        return new CsvTable(Path.GetFileName(path), headers, rows);
    }

    public bool HasColumn(string name) => _columns.ContainsKey(name);

    public string? Get(CsvTableRow row, string column) =>
        _columns.TryGetValue(column, out var index) && index < row.Fields.Length ? row.Fields[index] : null;
}

/// <summary>One data row: its first line in the file and its fields (null when empty).</summary>
internal sealed record CsvTableRow(int Line, string?[] Fields);
