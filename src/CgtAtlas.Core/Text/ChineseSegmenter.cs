using JiebaNet.Segmenter;

namespace CgtAtlas.Text;

/// <summary>
/// jieba.NET word segmentation for Chinese query text, with the CGT user dictionary. Only queries are segmented
/// (the index holds one token per character), so a dictionary change never requires a re-index.
/// </summary>
/// <remarks>
/// jieba.NET keeps its dictionary in a process-wide singleton whose mutation (<c>AddWord</c>, <c>LoadUserDict</c>) is
/// not thread-safe, and it resolves its resource folder from a static property. Both are set exactly once here,
/// under a lock, before the first segmenter is handed out; afterwards <see cref="Segment"/> takes the same lock to
/// install the main-dictionary entries its run needs and cut.
/// The dictionary is loaded lazily (most queries — English, or Chinese runs of one or two characters — never need it)
/// and through <see cref="JiebaMainDictionary"/> rather than jieba's own loader, which took ~0.8 s of a cold search.
/// Adding the user dictionary's and glossary's words needs every character of those words installed first (jieba
/// suggests a word's frequency by cutting it), ~0.1 s of a cold search: the first start-up saves its result as a
/// <see cref="JiebaSnapshot"/>, and later processes start from that instead.
/// </remarks>
public sealed class ChineseSegmenter
{
    private static readonly Lock s_initLock = new();
    private static string? s_initialisedFrom;

    // jieba's main dictionary and the prefix table it fills (shared by every JiebaSegmenter: jieba keeps one per process).
    private static JiebaMainDictionary? s_main;
    private static Dictionary<string, int>? s_table;

    // The file-only part of start-up, begun early by Prefetch for one dictionary path.
    private static (string Dictionary, Task<Prepared> Work)? s_prefetch;

    private readonly Lazy<JiebaSegmenter> _segmenter;

    /// <summary>Creates a segmenter that loads jieba's dictionary on first use.</summary>
    /// <param name="files">The dictionaries to load and where a finished start-up is saved.</param>
    /// <param name="extraWords">More words to add (e.g. Chinese glossary aliases).</param>
    public ChineseSegmenter(JiebaFiles files, IEnumerable<string> extraWords)
    {
        var words = extraWords.ToArray();
        _segmenter = new Lazy<JiebaSegmenter>(() => Create(files, words), isThreadSafe: true);
    }

    /// <summary>
    /// Loads the dictionary now unless already loaded (which also saves the start-up for later processes); false when
    /// jieba's files are missing.
    /// </summary>
    public bool TryLoad()
    {
        try
        {
            return _segmenter.Value is not null;
        }
        catch (FileNotFoundException)
        {
            return false;
        }
    }

    /// <summary>True once the dictionary has been loaded in this process.</summary>
    public bool IsLoaded => _segmenter.IsValueCreated;

    /// <summary>True when <paramref name="text"/> has a run of Chinese characters long enough to need the dictionary.</summary>
    public static bool MayNeedDictionary(string text)
    {
        var run = 0;
        foreach (var c in text)
        {
            run = CharClass.IsHan(c) ? run + 1 : 0;
            if (run > 2)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Starts, on a pool thread, the part of loading jieba that needs only files — jieba's own start-up, then reading a
    /// saved start-up, or else indexing the main dictionary and installing the entries of every character in
    /// <paramref name="wordFiles"/> — so a shell that knows a Chinese query is coming overlaps it with loading the glossary
    /// and opening the library. The segmenter created later for the same dictionary takes the result (or waits for it).
    /// </summary>
    /// <param name="files">The dictionaries the segmenter will load and where saved start-ups are kept.</param>
    /// <param name="wordFiles">Files whose words will be added (the glossary); missing ones are skipped.</param>
    public static void Prefetch(JiebaFiles files, params string[] wordFiles)
    {
        lock (s_initLock)
        {
            if (s_initialisedFrom is null && s_prefetch is null && File.Exists(files.Dictionary))
            {
                var more = wordFiles.Prepend(files.UserDictionary).OfType<string>().Where(File.Exists);
                s_prefetch = (files.Dictionary, Task.Run(() => Prepare(files, () => string.Concat(more.Select(File.ReadAllText)))));
            }
        }
    }

    /// <summary>Segments a run of Chinese text into words (accurate mode, no HMM: deterministic for a given dictionary).</summary>
    public IReadOnlyList<string> Segment(string chineseRun)
    {
        if (chineseRun.Length <= 2)
        {
            return [chineseRun];
        }

        var segmenter = _segmenter.Value;
        lock (s_initLock)
        {
            // The run's characters bring their dictionary entries in first; jieba then reads the table they share.
            s_main?.Install(chineseRun, s_table!);
            return segmenter.Cut(chineseRun, cutAll: false, hmm: false)
                .Where(w => !string.IsNullOrWhiteSpace(w))
                .ToList();
        }
    }

    private static JiebaSegmenter Create(JiebaFiles files, string[] extraWords)
    {
        foreach (var required in new[] { files.Dictionary, Path.Combine(files.BootDirectory, "dict.txt"), Path.Combine(files.BootDirectory, "prob_emit.json") })
        {
            if (!File.Exists(required))
            {
                // jieba.NET would otherwise fail inside a type initializer, which poisons the type for the whole process.
                throw new FileNotFoundException($"jieba file not found at '{required}'. The build copies it next to the program; rebuild.", required);
            }
        }

        lock (s_initLock)
        {
            if (s_initialisedFrom is not null)
            {
                return new JiebaSegmenter();
            }

            // A prefetch of another dictionary must finish before this one replaces its table.
            var early = s_prefetch?.Work.GetAwaiter().GetResult();
            var prepared = early is not null && s_prefetch!.Value.Dictionary == files.Dictionary ? early
                : Prepare(files, () => string.Empty);
            s_prefetch = null;
            var segmenter = prepared.Segmenter;
            var main = prepared.Main;
            var table = prepared.Table;
            var wordsDigest = JiebaSnapshot.DigestWords(extraWords);
            if (table is not null && main.IsSettledFor(wordsDigest))
            {
                // A saved start-up for these very dictionaries and words: the user words are already in its settled groups.
                (s_main, s_table) = (main, table);
                s_initialisedFrom = files.Dictionary;
                return segmenter;
            }

            if (main.IsSettled)
            {
                // Saved for other words (another glossary): start from the plain file.
                main = main.Unsettled();
                table = main.AttachTo(WordDictionary.Instance);
            }

            var hasUserDictionary = files.UserDictionary is not null && File.Exists(files.UserDictionary);
            var userWords = hasUserDictionary ? File.ReadAllText(files.UserDictionary!) : string.Empty;
            if (table is null)
            {
                segmenter.LoadUserDict(files.Dictionary);
            }
            else
            {
                // A user word replaces a main-dictionary word of the same spelling (jieba subtracts the old frequency
                // from its total), and a word added without a frequency gets one from cutting it with the dictionary:
                // the entries of every character of the words to add must be in place first (a prefetch did most).
                main.Install(userWords + string.Concat(extraWords), table);
                (s_main, s_table) = (main, table);
            }

            if (hasUserDictionary)
            {
                segmenter.LoadUserDict(files.UserDictionary!);
            }

            foreach (var word in extraWords)
            {
                segmenter.AddWord(word);
            }

            if (table is not null && prepared.DictionaryKey is { } key && files.SnapshotDirectory is { } directory)
            {
                // Every character a user word touches is in the table now, settled: what the next process can reuse.
                JiebaSnapshot.TryWrite(JiebaSnapshot.FileFor(directory, key), key, wordsDigest, main.OwnTotal,
                    WordDictionary.Instance.Total, main.Runs, table);
            }

            s_initialisedFrom = files.Dictionary;
            return segmenter;
        }
    }

    private static Prepared Prepare(JiebaFiles files, Func<string> wordsToInstall)
    {
        ConfigManager.ConfigFileBaseDir = Path.GetFullPath(files.BootDirectory);
        var segmenter = new JiebaSegmenter();
        var bytes = File.ReadAllBytes(files.Dictionary);
        var text = JiebaMainDictionary.Decode(bytes);
        byte[]? key = null;
        JiebaSnapshot? snapshot = null;
        if (files.SnapshotDirectory is { } directory)
        {
            var user = files.UserDictionary is { } u && File.Exists(u) ? File.ReadAllBytes(u) : [];
            key = JiebaSnapshot.DigestDictionaries(bytes, user);
            snapshot = JiebaSnapshot.TryRead(JiebaSnapshot.FileFor(directory, key), key);
        }

        var main = snapshot is null ? JiebaMainDictionary.Index(text) : JiebaMainDictionary.Settled(text, snapshot);
        var table = main.AttachTo(WordDictionary.Instance);
        if (table is not null && snapshot is null)
        {
            main.Install(wordsToInstall(), table);
        }

        return new Prepared(segmenter, main, table, key);
    }

    private sealed record Prepared(JiebaSegmenter Segmenter, JiebaMainDictionary Main, Dictionary<string, int>? Table, byte[]? DictionaryKey);
}
