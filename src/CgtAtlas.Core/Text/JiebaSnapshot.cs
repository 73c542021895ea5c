using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace CgtAtlas.Text;

/// <summary>
/// What jieba's start-up computes once for a given dictionary, user dictionary and word list, saved so later processes
/// skip it: the index of the main dictionary by first character, and the settled entries of every character the user
/// words touch (their frequencies as jieba assigned them, main-dictionary entries of those characters included).
/// </summary>
/// <remarks>
/// jieba keeps one prefix table, partitioned by first character: adding a word only changes the entries that start with
/// the word's first character, and suggesting its frequency only reads entries of its own characters. So the table after
/// start-up is, for every character a user word touches, exactly the saved group, and for every other character exactly
/// the main dictionary's lines — installing groups on demand from the two gives the table a full start-up gives, and the
/// same cuts. The file is keyed by a hash of everything that decides its content (the bytes of both dictionaries, the
/// word list, jieba.NET's version and this format); a file that does not match, or cannot be read, is ignored.
/// </remarks>
public sealed class JiebaSnapshot
{
    // Bump when what is saved, or how start-up fills the table, changes.
    private const int FormatVersion = 1;
    private static readonly byte[] s_magic = "CGTJIEBA"u8.ToArray();

    private readonly string _chars;
    private readonly int[] _offsets;
    private readonly int[] _frequencies;
    private readonly Dictionary<char, (int First, int Count)> _groups;

    private JiebaSnapshot(byte[] wordsDigest, double mainTotal, double total, Dictionary<char, List<Range>> runs, string chars, int[] offsets,
        int[] frequencies, Dictionary<char, (int First, int Count)> groups)
    {
        WordsDigest = wordsDigest;
        MainTotal = mainTotal;
        Total = total;
        Runs = runs;
        _chars = chars;
        _offsets = offsets;
        _frequencies = frequencies;
        _groups = groups;
    }

    /// <summary>Hash of the word list the settled entries were made with (see <see cref="DigestWords"/>).</summary>
    public byte[] WordsDigest { get; }

    /// <summary>The main dictionary's own total (before user words changed it).</summary>
    public double MainTotal { get; }

    /// <summary>jieba's total of all frequencies after start-up.</summary>
    public double Total { get; }

    /// <summary>Runs of main-dictionary lines by first character, as <see cref="JiebaMainDictionary"/> indexes them.</summary>
    public Dictionary<char, List<Range>> Runs { get; }

    /// <summary>
    /// The user's cache folder for CgtAtlas: <c>$CGT_CACHE_DIR</c> (empty or <c>off</c> turns caching off), else
    /// <c>$XDG_CACHE_HOME/cgtatlas</c>, else <c>~/.cache/cgtatlas</c>; null when none can be named.
    /// </summary>
    public static string? DefaultDirectory()
    {
        if (Environment.GetEnvironmentVariable("CGT_CACHE_DIR") is { } configured)
        {
            return configured.Length == 0 || configured.Equals("off", StringComparison.OrdinalIgnoreCase) ? null : configured;
        }

        if (Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg)
        {
            return Path.Combine(xdg, "cgtatlas");
        }

        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return home.Length == 0 ? null : Path.Combine(home, ".cache", "cgtatlas");
    }

    /// <summary>
    /// The file a snapshot of these two dictionaries lives in (one per pair: the word list is checked after reading, so a
    /// process that has not loaded its glossary yet can already read the file).
    /// </summary>
    public static string FileFor(string directory, byte[] dictionaryKey) =>
        Path.Combine(directory, $"jieba-{Convert.ToHexStringLower(dictionaryKey.AsSpan(0, 8))}.snapshot");

    /// <summary>Hash of the main and user dictionaries' bytes, jieba.NET's version and this format.</summary>
    public static byte[] DigestDictionaries(ReadOnlySpan<byte> mainDictionary, ReadOnlySpan<byte> userDictionary)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(BitConverter.GetBytes(FormatVersion));
        hash.AppendData(Encoding.UTF8.GetBytes(typeof(JiebaNet.Segmenter.JiebaSegmenter).Assembly.GetName().Version?.ToString() ?? "?"));
        hash.AppendData(BitConverter.GetBytes(mainDictionary.Length));
        hash.AppendData(mainDictionary);
        hash.AppendData(BitConverter.GetBytes(userDictionary.Length));
        hash.AppendData(userDictionary);
        return hash.GetHashAndReset();
    }

    /// <summary>Hash of the extra words in their order (jieba's frequency suggestion depends on the order of additions).</summary>
    public static byte[] DigestWords(IReadOnlyList<string> words) =>
        SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', words)));

    /// <summary>Reads the snapshot at <paramref name="path"/>, or null when it is absent, unreadable or made for other dictionaries.</summary>
    public static JiebaSnapshot? TryRead(string path, byte[] dictionaryKey)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        try
        {
            return Parse(bytes, dictionaryKey);
        }
        catch (Exception e) when (e is EndOfStreamException or ArgumentException or InvalidDataException or IndexOutOfRangeException)
        {
            // A damaged file only costs the start-up it was meant to save.
            return null;
        }
    }

    /// <summary>
    /// Saves what a completed start-up built: the main dictionary's index, jieba's total and every entry of
    /// <paramref name="table"/> (each first character in it is then settled). Written to a temporary file and moved into
    /// place, so readers never see half a file; a folder that cannot be written is skipped silently (it is only a cache).
    /// </summary>
    public static bool TryWrite(string path, byte[] dictionaryKey, byte[] wordsDigest, double mainTotal, double total,
        IReadOnlyDictionary<char, List<Range>> runs, Dictionary<string, int> table)
    {
        if (!BitConverter.IsLittleEndian)
        {
            return false;
        }

        var temporary = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            using (var writer = new BinaryWriter(stream, Encoding.UTF8))
            {
                Write(writer, dictionaryKey, wordsDigest, mainTotal, total, runs, table);
            }

            File.Move(temporary, path, overwrite: true);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
            return false;
        }
    }

    /// <summary>Adds the settled entries of <paramref name="first"/> to the table; false when that character is not settled.</summary>
    public bool TryInstall(char first, Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> table)
    {
        if (!_groups.TryGetValue(first, out var group))
        {
            return false;
        }

        for (var i = group.First; i < group.First + group.Count; i++)
        {
            table[_chars.AsSpan(_offsets[i], _offsets[i + 1] - _offsets[i])] = _frequencies[i];
        }

        return true;
    }

    private static void Write(BinaryWriter writer, byte[] dictionaryKey, byte[] wordsDigest, double mainTotal, double total,
        IReadOnlyDictionary<char, List<Range>> runs, Dictionary<string, int> table)
    {
        writer.Write(s_magic);
        writer.Write(FormatVersion);
        writer.Write(dictionaryKey);
        writer.Write(wordsDigest);
        writer.Write(mainTotal);
        writer.Write(total);

        writer.Write(runs.Sum(r => r.Value.Count));
        foreach (var (first, list) in runs)
        {
            foreach (var run in list)
            {
                writer.Write((ushort)first);
                writer.Write(run.Start.Value);
                writer.Write(run.End.Value);
            }
        }

        // Entries grouped by first character; within a group the order does not matter (a table has no duplicates).
        var entries = table.Where(e => e.Key.Length > 0).ToArray();
        var firsts = Array.ConvertAll(entries, e => e.Key[0]);
        Array.Sort(firsts, entries);
        var groups = new List<(char First, int Start, int Count)>();
        for (var i = 0; i < entries.Length; i++)
        {
            if (i == 0 || firsts[i] != firsts[i - 1])
            {
                groups.Add((firsts[i], i, 0));
            }

            groups[^1] = groups[^1] with { Count = groups[^1].Count + 1 };
        }

        writer.Write(groups.Count);
        foreach (var (first, start, count) in groups)
        {
            writer.Write((ushort)first);
            writer.Write(start);
            writer.Write(count);
        }

        writer.Write(entries.Length);
        var offset = 0;
        writer.Write(offset);
        foreach (var (word, _) in entries)
        {
            offset += word.Length;
            writer.Write(offset);
        }

        foreach (var (_, frequency) in entries)
        {
            writer.Write(frequency);
        }

        foreach (var (word, _) in entries)
        {
            writer.Write(MemoryMarshal.AsBytes(word.AsSpan()));
        }
    }

    private static JiebaSnapshot? Parse(byte[] bytes, byte[] dictionaryKey)
    {
        if (!BitConverter.IsLittleEndian || bytes.Length < s_magic.Length || !bytes.AsSpan(0, s_magic.Length).SequenceEqual(s_magic))
        {
            return null;
        }

        using var reader = new BinaryReader(new MemoryStream(bytes, writable: false));
        reader.ReadBytes(s_magic.Length);
        if (reader.ReadInt32() != FormatVersion || !reader.ReadBytes(dictionaryKey.Length).AsSpan().SequenceEqual(dictionaryKey))
        {
            return null;
        }

        var wordsDigest = reader.ReadBytes(32);
        var mainTotal = reader.ReadDouble();
        var total = reader.ReadDouble();

        var runCount = reader.ReadInt32();
        var runs = new Dictionary<char, List<Range>>();
        for (var i = 0; i < runCount; i++)
        {
            var first = (char)reader.ReadUInt16();
            var run = new Range(reader.ReadInt32(), reader.ReadInt32());
            if (!runs.TryGetValue(first, out var list))
            {
                runs[first] = list = [];
            }

            list.Add(run);
        }

        var groupCount = reader.ReadInt32();
        var groups = new Dictionary<char, (int, int)>(groupCount);
        for (var i = 0; i < groupCount; i++)
        {
            groups[(char)reader.ReadUInt16()] = (reader.ReadInt32(), reader.ReadInt32());
        }

        var entryCount = reader.ReadInt32();
        var offsets = ReadInts(reader, entryCount + 1);
        var frequencies = ReadInts(reader, entryCount);
        var charCount = offsets[^1];
        var chars = reader.ReadBytes(charCount * sizeof(char));
        if (chars.Length != charCount * sizeof(char) || reader.BaseStream.Position != bytes.Length
            || groups.Values.Any(g => g.Item1 < 0 || g.Item2 < 0 || g.Item1 + g.Item2 > entryCount)
            || !IsAscending(offsets))
        {
            throw new InvalidDataException("jieba snapshot is inconsistent");
        }

        return new JiebaSnapshot(wordsDigest, mainTotal, total, runs, new string(MemoryMarshal.Cast<byte, char>(chars)), offsets, frequencies, groups);
    }

    private static bool IsAscending(int[] offsets)
    {
        for (var i = 1; i < offsets.Length; i++)
        {
            if (offsets[i] < offsets[i - 1])
            {
                return false;
            }
        }

        return offsets[0] == 0;
    }

    private static int[] ReadInts(BinaryReader reader, int count)
    {
        var values = new int[count];
        var bytes = MemoryMarshal.AsBytes(values.AsSpan());
        if (reader.Read(bytes) != bytes.Length)
        {
            throw new EndOfStreamException();
        }

        return values;
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Nothing to do: a stray temporary file in a cache folder harms no one.
        }
    }
}
