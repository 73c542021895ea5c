using System.Globalization;
using System.Reflection;
using System.Text;
using JiebaNet.Segmenter;

namespace CgtAtlas.Text;

/// <summary>
/// jieba's main dictionary (<c>word freq [tag]</c> per line), installed into jieba.NET's prefix table one first character
/// at a time, as the text to segment needs it.
/// </summary>
/// <remarks>
/// jieba.NET's own loader splits all 349,046 lines into strings and allocates every prefix of every word: ~0.8 s of CPU,
/// most of a cold <c>cgt search</c> that needs segmentation. Segmenting a run only ever looks up fragments that start at
/// one of the run's characters, so the table needs just the entries (words, and their prefixes with 0) that start with
/// those characters, plus the total of all frequencies. Opening indexes the lines by first character and sums the
/// frequencies in one pass over the file; <see cref="Install"/> then adds the entries of characters not seen before. The
/// cuts are identical to a full load (checked on 4,616 query-like strings when this replaced it).
/// </remarks>
public sealed class JiebaMainDictionary
{
    private readonly string _text;
    private readonly Dictionary<char, List<Range>> _runsByFirst;
    private readonly HashSet<char> _installed = [];

    // Groups a saved start-up settled (user words included): they replace the file's lines of those characters.
    private readonly JiebaSnapshot? _settled;

    private JiebaMainDictionary(string text, Dictionary<char, List<Range>> runsByFirst, double ownTotal, JiebaSnapshot? settled)
    {
        _text = text;
        _runsByFirst = runsByFirst;
        OwnTotal = ownTotal;
        _settled = settled;
    }

    /// <summary>Sum of the frequencies of every line, as jieba's loader computes it (duplicates count twice).</summary>
    public double OwnTotal { get; }

    /// <summary>The total jieba must start from: <see cref="OwnTotal"/>, or the settled total of a saved start-up.</summary>
    public double Total => _settled?.Total ?? OwnTotal;

    /// <summary>True when entries come from a saved start-up (user words need not be added again).</summary>
    public bool IsSettled => _settled is not null;

    /// <summary>True when entries come from a saved start-up made with exactly these words (<see cref="JiebaSnapshot.DigestWords"/>).</summary>
    public bool IsSettledFor(ReadOnlySpan<byte> wordsDigest) => _settled is not null && _settled.WordsDigest.AsSpan().SequenceEqual(wordsDigest);

    /// <summary>Runs of lines by first character (saved with a start-up so later processes skip indexing).</summary>
    public IReadOnlyDictionary<char, List<Range>> Runs => _runsByFirst;

    /// <summary>Decodes a dictionary file's bytes as <see cref="File.ReadAllText(string)"/> would (UTF-8, optional BOM).</summary>
    public static string Decode(ReadOnlySpan<byte> bytes) =>
        Encoding.UTF8.GetString(bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? bytes[3..] : bytes);

    /// <summary>The dictionary <paramref name="text"/> with the index and settled groups of a saved start-up.</summary>
    public static JiebaMainDictionary Settled(string text, JiebaSnapshot snapshot) =>
        new(text, snapshot.Runs, snapshot.MainTotal, snapshot);

    /// <summary>The same file without settled groups (a saved start-up made for other words).</summary>
    public JiebaMainDictionary Unsettled() => new(_text, _runsByFirst, OwnTotal, settled: null);

    /// <summary>Reads the dictionary file and indexes its lines by first character.</summary>
    /// <remarks>
    /// jieba's file keeps the words of one first character together (11,783 runs for 11,772 characters), so the index
    /// holds runs of lines, not lines.
    /// </remarks>
    public static JiebaMainDictionary Open(string path) => Index(Decode(File.ReadAllBytes(path)));

    /// <summary>Indexes dictionary text by first character.</summary>
    public static JiebaMainDictionary Index(string text)
    {
        var byFirst = new Dictionary<char, List<Range>>();
        double total = 0;
        var runFirst = '\0';
        var runStart = -1;
        var runEnd = -1;
        foreach (var range in text.AsSpan().Split('\n'))
        {
            if (!TryParse(text.AsSpan(range), out _, out var frequency))
            {
                continue;
            }

            total += frequency;
            var (start, length) = range.GetOffsetAndLength(text.Length);
            if (text[start] != runFirst || runStart < 0)
            {
                AddRun();
                (runFirst, runStart) = (text[start], start);
            }

            runEnd = start + length;
        }

        AddRun();
        return new JiebaMainDictionary(text, byFirst, total, settled: null);

        void AddRun()
        {
            if (runStart >= 0)
            {
                if (!byFirst.TryGetValue(runFirst, out var runs))
                {
                    byFirst[runFirst] = runs = [];
                }

                runs.Add(new Range(runStart, runEnd));
            }
        }
    }

    /// <summary>Adds to <paramref name="table"/> the entries of every character of <paramref name="text"/> not added yet.</summary>
    /// <remarks>Not thread-safe: callers serialise installs with segmentation (jieba reads the same table).</remarks>
    public void Install(ReadOnlySpan<char> text, Dictionary<string, int> table)
    {
        var lookup = table.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var c in text)
        {
            if (!_installed.Add(c) || _settled?.TryInstall(c, lookup) == true || !_runsByFirst.TryGetValue(c, out var runs))
            {
                continue;
            }

            foreach (var run in runs)
            {
                var block = _text.AsSpan(run);
                foreach (var line in block.Split('\n'))
                {
                    if (!TryParse(block[line], out var word, out var frequency))
                    {
                        continue;
                    }

                    // As jieba: the word takes its frequency (a later duplicate wins)...
                    lookup[word] = frequency;

                    // ...and every shorter prefix is present, with 0 unless it is a word itself.
                    for (var length = 1; length < word.Length; length++)
                    {
                        lookup.TryAdd(word[..length], 0);
                    }
                }
            }
        }
    }

    /// <summary>Adds every entry (the whole table a full load builds).</summary>
    public void InstallAll(Dictionary<string, int> table) => Install(new string([.. _runsByFirst.Keys]), table);

    /// <summary>
    /// Makes an empty <see cref="Dictionary{TKey,TValue}"/> jieba's prefix table and sets jieba's total, or returns null
    /// when this jieba.NET version keeps its table elsewhere (the caller then loads the file through jieba's public API).
    /// </summary>
    /// <remarks>The table is an internal field of jieba.NET 0.42.2, which is pinned centrally.</remarks>
    public Dictionary<string, int>? AttachTo(WordDictionary dictionary)
    {
        var field = typeof(WordDictionary).GetField("Trie", BindingFlags.Instance | BindingFlags.NonPublic);
        if (field is null || !field.FieldType.IsAssignableFrom(typeof(Dictionary<string, int>)))
        {
            return null;
        }

        var table = new Dictionary<string, int>(StringComparer.Ordinal);
        field.SetValue(dictionary, table);
        dictionary.Total = Total;
        return table;
    }

    private static bool TryParse(ReadOnlySpan<char> line, out ReadOnlySpan<char> word, out int frequency)
    {
        line = line.TrimEnd('\r');
        var space = line.IndexOf(' ');
        word = space > 0 ? line[..space] : default;
        frequency = 0;
        if (space <= 0)
        {
            return false;
        }

        var rest = line[(space + 1)..];
        var end = rest.IndexOf(' ');
        return int.TryParse(end < 0 ? rest : rest[..end], NumberStyles.None, CultureInfo.InvariantCulture, out frequency);
    }
}
