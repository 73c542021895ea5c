using System.Globalization;
using CgtAtlas.Documents;
using CgtAtlas.Facts;
using CgtAtlas.Search;
using CgtAtlas.Text;
using Microsoft.Data.Sqlite;

namespace CgtAtlas.Storage.Sqlite;

/// <summary>
/// The embedded library: one SQLite file in WAL mode holding documents, paragraphs, collections and a contentless
/// FTS5 index of analysed text (BM25 with a title boost).
/// </summary>
public sealed class SqliteLibraryStore : ILibraryStore
{
    /// <summary>BM25 weight of the title column relative to the body.</summary>
    public const double TitleWeight = 8.0;

    private readonly SqliteConnection _connection;

    private SqliteLibraryStore(SqliteConnection connection, string path)
    {
        _connection = connection;
        Path = path;
    }

    /// <summary>The library file.</summary>
    public string Path { get; }

    /// <summary>Opens (creating if needed) the library at <paramref name="path"/> and brings its schema up to date.</summary>
    /// <exception cref="InvalidDataException">The file is not a CgtAtlas library or is damaged.</exception>
    public static SqliteLibraryStore Open(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        var directory = System.IO.Path.GetDirectoryName(full);
        if (directory is not null && !Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"the folder for the library '{path}' does not exist");
        }

        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = full,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        }.ToString());
        try
        {
            connection.Open();
            Execute(connection, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000;");
            SqliteMigrations.Apply(connection, path);
            Execute(connection, $"INSERT INTO meta(key, value) VALUES ('analyzer_version', '{TextAnalyzer.Version}') ON CONFLICT(key) DO NOTHING;");
            return new SqliteLibraryStore(connection, full);
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode is 26 or 11)
        {
            connection.Dispose();
            throw new InvalidDataException($"'{path}' is not a CgtAtlas library (not an SQLite database, or damaged)", ex);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public LibraryStatistics GetStatistics()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = """
            SELECT (SELECT count(*) FROM documents), (SELECT coalesce(sum(paragraph_count), 0) FROM documents), (SELECT count(*) FROM collections),
                   (SELECT count(*) FROM documents WHERE near_dup_of IS NOT NULL),
                   (SELECT value FROM meta WHERE key = 'analyzer_version'), (SELECT value FROM meta WHERE key = 'schema_version')
            """;
        using var reader = command.ExecuteReader();
        reader.Read();
        return new LibraryStatistics(reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3),
            int.Parse(reader.GetString(4), CultureInfo.InvariantCulture), int.Parse(reader.GetString(5), CultureInfo.InvariantCulture));
    }

    /// <inheritdoc />
    public IReadOnlyList<(long Id, ulong SimHash)> LoadSimHashes()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT coalesce(near_dup_of, id), simhash FROM documents WHERE simhash IS NOT NULL";
        using var reader = command.ExecuteReader();
        var list = new List<(long, ulong)>();
        while (reader.Read())
        {
            list.Add((reader.GetInt64(0), unchecked((ulong)reader.GetInt64(1))));
        }

        return list;
    }

    /// <inheritdoc />
    public IDocumentBatch BeginBatch() => new SqliteDocumentBatch(_connection);

    /// <inheritdoc />
    /// <remarks>Encodes the paragraphs into their stored row (<see cref="StoredParagraphs"/>).</remarks>
    public object? PrepareWrite(DocumentContent content, string indexTitle, string indexBody) => PreparedWrite.Of(content, indexTitle, indexBody);

    /// <inheritdoc />
    public StoredDocument? GetDocument(long id, bool includeParagraphs = true)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = """
            SELECT id, title, source, url, published, language, format, content_hash, origin_path, ingested_at, near_dup_of,
                   (SELECT group_concat(c.name, char(31)) FROM document_collections dc JOIN collections c ON c.id = dc.collection_id WHERE dc.doc_id = d.id)
            FROM documents d WHERE id = $id
            """;
        command.Parameters.AddWithValue("$id", id);
        StoredDocument document;
        using (var reader = command.ExecuteReader())
        {
            if (!reader.Read())
            {
                return null;
            }

            document = new StoredDocument
            {
                Id = reader.GetInt64(0),
                Title = reader.GetString(1),
                Source = reader.IsDBNull(2) ? null : reader.GetString(2),
                Url = reader.IsDBNull(3) ? null : reader.GetString(3),
                Published = reader.IsDBNull(4) ? null : DateOnly.ParseExact(reader.GetString(4), "yyyy-MM-dd", CultureInfo.InvariantCulture),
                Language = ParseLanguage(reader.GetString(5)),
                Format = reader.GetString(6),
                ContentHash = reader.GetString(7),
                OriginPath = reader.GetString(8),
                IngestedAt = DateTimeOffset.Parse(reader.GetString(9), CultureInfo.InvariantCulture),
                NearDuplicateOf = reader.IsDBNull(10) ? null : reader.GetInt64(10),
                Collections = reader.IsDBNull(11) ? [] : reader.GetString(11).Split('\u001f'),
            };
        }

        return includeParagraphs ? document with { Paragraphs = GetParagraphs([id]).GetValueOrDefault(id) ?? [] } : document;
    }

    /// <inheritdoc />
    public IReadOnlyDictionary<long, IReadOnlyList<Paragraph>> GetParagraphs(IReadOnlyCollection<long> ids)
    {
        var result = new Dictionary<long, IReadOnlyList<Paragraph>>();
        if (ids.Count == 0)
        {
            return result;
        }

        using var command = _connection.CreateCommand();
        var names = new List<string>();
        var index = 0;
        foreach (var id in ids)
        {
            var name = "$p" + index++.ToString(CultureInfo.InvariantCulture);
            names.Add(name);
            command.Parameters.AddWithValue(name, id);
        }

        command.CommandText = $"SELECT doc_id, paragraphs FROM document_paragraphs WHERE doc_id IN ({string.Join(',', names)}) ORDER BY doc_id";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            result[reader.GetInt64(0)] = StoredParagraphs.Decode(reader.GetFieldValue<byte[]>(1));
        }

        return result;
    }

    /// <inheritdoc />
    public StoreSearchPage Search(MatchExpression? match, SearchFilters filters, SearchSort sort, int limit, int offset, Func<string, bool>? titleMatches = null)
    {
        if (match is null)
        {
            return ListFiltered(filters, limit, offset);
        }

        var compiled = Fts5QueryCompiler.Compile(match);
        if (sort == SearchSort.Newest)
        {
            return Page(Collapse(ReadMatches(compiled, filters, withScore: false, limit: null)), sort, limit, offset);
        }

        // Bounded work for broad queries: FTS5's bm25 evaluates every phrase over the whole index to weigh it, so a
        // query matching most of a large library costs seconds whatever the LIMIT. Probe the newest matches first (FTS5
        // walks its posting lists newest-first and stops early). A query with at most RankWindow matches is ranked by
        // BM25 over all of them. A broader one is ranked without scores in one fixed order that deeper pages only extend:
        // the newest RankWindow matches with title matches first, then by date; after them older matches newest-stored
        // first. Its total is extrapolated from the probe's share of the library unless the probe saw every match.
        var need = offset + limit;
        var probeSize = Math.Max(RankWindow, need * 2);
        while (true)
        {
            var probe = ReadMatches(compiled, filters, withScore: false, limit: probeSize + 1);
            if (probe.Count <= RankWindow)
            {
                return Page(Collapse(ReadMatches(compiled, filters, withScore: true, limit: null)), sort, limit, offset);
            }

            var complete = probe.Count <= probeSize;
            if (!complete)
            {
                probe.RemoveAt(probe.Count - 1);
            }

            var ranked = RankRecent(match, probe, titleMatches);
            if (complete || ranked.Count >= need)
            {
                var total = complete ? ranked.Count : EstimateTotal(ranked.Count, probe[^1].Id, probe[0].Id);
                return ToPage(ranked.Skip(offset).Take(limit).ToList(), total, totalIsEstimate: !complete, rankedByRecency: true);
            }

            probeSize *= 4;
        }
    }

    /// <summary>
    /// Queries with at most this many matches are ranked by BM25 over all of them; a broader query shows its newest this
    /// many matches first (title matches first, then by date) and then older ones, without scoring every match.
    /// </summary>
    public int RankWindow
    {
        get;
        set => field = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), "the rank window must be at least 1");
    } = DefaultRankWindow;

    /// <summary>Default <see cref="RankWindow"/>: measured at 100k documents on 2 cores, a probe of this size costs 1–12 ms (250 took up to 22 ms).</summary>
    public const int DefaultRankWindow = 100;

    /// <summary>
    /// Fewest documents an ingest run must store before the full-text index is merged into one segment after it (and at
    /// least a tenth of the library).
    /// </summary>
    public int OptimizeAfter
    {
        get;
        set => field = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), "must be at least 1");
    } = 1_000;

    /// <inheritdoc />
    /// <remarks>
    /// Every commit of an ingest adds an FTS5 segment, and FTS5's own merging leaves a large library in a few dozen of
    /// them. A query reads each phrase's postings from every segment, so merging them into one (FTS5's <c>optimize</c>)
    /// made the broad queries of the benchmark about twice as fast at 100,000 documents (<c>NMPA</c> 18–25 → 10–11 ms,
    /// <c>CAR-T 国家药监局 获批</c> 28–30 → 19–24 ms). It rewrites the whole index (9.4 s at 100,000 documents), so it runs
    /// only after a run that stored at least <see cref="OptimizeAfter"/> documents and a tenth of the library: a few
    /// percent of that ingest's time. It is one statement, so a crash leaves the index as the ingest left it.
    /// </remarks>
    public void AfterIngest(int storedDocuments)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM documents";
        if (storedDocuments < OptimizeAfter || storedDocuments * 10L < (long)command.ExecuteScalar()!)
        {
            return;
        }

        command.CommandText = "INSERT INTO doc_fts(doc_fts) VALUES('optimize')";
        command.ExecuteNonQuery();
    }

    private List<MatchRow> ReadMatches(string compiled, SearchFilters filters, bool withScore, int? limit)
    {
        var rows = new List<MatchRow>();
        using var command = _connection.CreateCommand();
        var where = BuildFilters(filters, command);
        var score = withScore ? $"bm25(doc_fts, {TitleWeight.ToString(CultureInfo.InvariantCulture)}, 1.0)" : "0.0";
        // ORDER BY rowid DESC is consumed by FTS5 itself (no sort step), so the LIMIT ends the scan early.
        var order = limit is null ? string.Empty : "ORDER BY f.rowid DESC LIMIT $limit";
        command.CommandText = $"""
            SELECT f.rowid, {score}, coalesce(d.near_dup_of, d.id), d.published
            FROM doc_fts f JOIN documents d ON d.id = f.rowid
            WHERE doc_fts MATCH $q {(where.Length == 0 ? string.Empty : "AND " + where["WHERE ".Length..])}
            {order}
            """;
        command.Parameters.AddWithValue("$q", compiled);
        if (limit is { } n)
        {
            command.Parameters.AddWithValue("$limit", n);
        }

        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            rows.Add(new MatchRow(reader.GetInt64(0), reader.GetDouble(1), reader.GetInt64(2), reader.IsDBNull(3) ? null : reader.GetString(3)));
        }

        return rows;
    }

    // Keeps the best-scoring copy of each story (lower bm25 is better; among equals the first stored) and counts the copies.
    private static List<RankedGroup> Collapse(List<MatchRow> rows)
    {
        var best = new Dictionary<long, RankedGroup>(rows.Count);
        foreach (var row in rows)
        {
            if (best.TryGetValue(row.Group, out var current))
            {
                var better = row.Bm < current.Row.Bm || (row.Bm == current.Row.Bm && row.Id < current.Row.Id);
                best[row.Group] = new RankedGroup(better ? row : current.Row, current.Copies + 1);
            }
            else
            {
                best[row.Group] = new RankedGroup(row, 1);
            }
        }

        return [.. best.Values];
    }

    private StoreSearchPage Page(List<RankedGroup> groups, SearchSort sort, int limit, int offset)
    {
        IEnumerable<RankedGroup> ordered = sort == SearchSort.Newest
            ? groups.OrderBy(g => g.Row.Published is null).ThenByDescending(g => g.Row.Published, StringComparer.Ordinal).ThenByDescending(g => g.Row.Id)
            : groups.OrderBy(g => g.Row.Bm).ThenBy(g => g.Row.Id);
        return ToPage(ordered.Skip(offset).Take(limit).ToList(), groups.Count, totalIsEstimate: false, rankedByRecency: false);
    }

    // Orders the probe (newest stored first) as described in Search and collapses near-duplicates onto their first row.
    private List<RankedGroup> RankRecent(MatchExpression match, List<MatchRow> probe, Func<string, bool>? titleMatches)
    {
        var head = probe.Take(RankWindow).ToList();
        var inTitle = titleMatches is null ? TitleMatchesInIndex(match, head) : TitleMatches(head, titleMatches);
        var ordered = head
            .OrderByDescending(r => inTitle.Contains(r.Id))
            .ThenBy(r => r.Published is null)
            .ThenByDescending(r => r.Published, StringComparer.Ordinal)
            .ThenByDescending(r => r.Id)
            .Concat(probe.Skip(RankWindow));
        var groups = new Dictionary<long, int>();
        var result = new List<RankedGroup>();
        foreach (var row in ordered)
        {
            if (groups.TryGetValue(row.Group, out var at))
            {
                result[at] = result[at] with { Copies = result[at].Copies + 1 };
                continue;
            }

            groups[row.Group] = result.Count;
            result.Add(new RankedGroup(row with { Bm = inTitle.Contains(row.Id) ? -1 : 0 }, 1));
        }

        return result;
    }

    // The same query restricted to titles, over the head's rowid range only (FTS5 seeks to it). As costly as the probe
    // for queries of common characters, hence the caller's cheaper predicate when it has one.
    private HashSet<long> TitleMatchesInIndex(MatchExpression match, List<MatchRow> head)
    {
        var inTitle = new HashSet<long>();
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT rowid FROM doc_fts WHERE doc_fts MATCH $q AND rowid BETWEEN $oldest AND $newest";
        command.Parameters.AddWithValue("$q", Fts5QueryCompiler.Compile(TitleOnly(match)));
        command.Parameters.AddWithValue("$oldest", head[^1].Id);
        command.Parameters.AddWithValue("$newest", head[0].Id);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            inTitle.Add(reader.GetInt64(0));
        }

        return inTitle;
    }

    private HashSet<long> TitleMatches(List<MatchRow> head, Func<string, bool> titleMatches)
    {
        var titles = LoadHitMetadata(head.Select(r => r.Id).ToList());
        return [.. titles.Where(t => titleMatches(t.Value.Title)).Select(t => t.Key)];
    }

    // The window holds every match among the documents stored since `oldest`; assume the same density before it.
    private int EstimateTotal(int matchesInWindow, long oldest, long newest)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT min(id) FROM documents";
        var first = Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        var span = Math.Max(1, newest - first + 1);
        var windowSpan = Math.Max(1, newest - oldest + 1);
        var estimate = (double)matchesInWindow * span / windowSpan;
        return Math.Max(matchesInWindow + 1, (int)RoundToSignificant(estimate, 2));
    }

    private static double RoundToSignificant(double value, int digits)
    {
        if (value < 100)
        {
            return Math.Round(value);
        }

        var scale = Math.Pow(10, Math.Floor(Math.Log10(value)) - digits + 1);
        return Math.Round(value / scale) * scale;
    }

    private static MatchExpression TitleOnly(MatchExpression expression) => expression switch
    {
        MatchPhrase phrase => phrase with { TitleOnly = true },
        MatchAll all => new MatchAll([.. all.Children.Select(TitleOnly)]),
        MatchAny any => new MatchAny([.. any.Children.Select(TitleOnly)]),
        // The window already satisfies the exclusions; only the positive part has to be in the title.
        MatchExcept except => TitleOnly(except.Include),
        _ => expression,
    };

    private StoreSearchPage ToPage(List<RankedGroup> page, int total, bool totalIsEstimate, bool rankedByRecency)
    {
        var metadata = LoadHitMetadata(page.Select(p => p.Row.Id).ToList());
        var hits = page.Select(p =>
        {
            var (title, language, source) = metadata[p.Row.Id];
            return new StoreHit(p.Row.Id, title, Math.Round(-p.Row.Bm, 4), ParseDate(p.Row.Published), language, source, p.Copies - 1);
        }).ToList();
        return new StoreSearchPage(total, hits) { TotalIsEstimate = totalIsEstimate, RankedByRecency = rankedByRecency };
    }

    private readonly record struct MatchRow(long Id, double Bm, long Group, string? Published);

    private readonly record struct RankedGroup(MatchRow Row, int Copies);

    private StoreSearchPage ListFiltered(SearchFilters filters, int limit, int offset)
    {
        using var command = _connection.CreateCommand();
        var where = BuildFilters(filters, command);
        var collapse = where.Length == 0 ? "WHERE d.near_dup_of IS NULL" : where + " AND d.near_dup_of IS NULL";
        command.CommandText = $"""
            SELECT d.id, d.title, d.published, d.language, d.source,
                   (SELECT count(*) FROM documents c WHERE c.near_dup_of = d.id), count(*) OVER ()
            FROM documents d {collapse}
            ORDER BY d.published IS NULL, d.published DESC, d.id
            LIMIT $limit OFFSET $offset
            """;
        command.Parameters.AddWithValue("$limit", limit);
        command.Parameters.AddWithValue("$offset", offset);
        var hits = new List<StoreHit>();
        var total = -1;
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                total = reader.GetInt32(6);
                hits.Add(new StoreHit(reader.GetInt64(0), reader.GetString(1), 0, reader.IsDBNull(2) ? null : ParseDate(reader.GetString(2)),
                    ParseLanguage(reader.GetString(3)), reader.IsDBNull(4) ? null : reader.GetString(4), reader.GetInt32(5)));
            }
        }

        if (total < 0)
        {
            command.CommandText = $"SELECT count(*) FROM documents d {collapse}";
            total = Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        }

        return new StoreSearchPage(total, hits);
    }

    private Dictionary<long, (string Title, Language Language, string? Source)> LoadHitMetadata(IReadOnlyList<long> ids)
    {
        var result = new Dictionary<long, (string, Language, string?)>(ids.Count);
        if (ids.Count == 0)
        {
            return result;
        }

        using var command = _connection.CreateCommand();
        var names = ids.Select((id, i) =>
        {
            command.Parameters.AddWithValue($"$i{i}", id);
            return $"$i{i}";
        });
        command.CommandText = $"SELECT id, title, language, source FROM documents WHERE id IN ({string.Join(',', names)})";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            result[reader.GetInt64(0)] = (reader.GetString(1), ParseLanguage(reader.GetString(2)), reader.IsDBNull(3) ? null : reader.GetString(3));
        }

        return result;
    }

    private static DateOnly? ParseDate(string? value) =>
        value is null ? null : DateOnly.ParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string BuildFilters(SearchFilters filters, SqliteCommand command)
    {
        var clauses = new List<string>();
        if (filters.Languages.Count > 0)
        {
            var names = filters.Languages.Select((l, i) =>
            {
                command.Parameters.AddWithValue($"$lang{i}", l.ToCode());
                return $"$lang{i}";
            });
            clauses.Add($"d.language IN ({string.Join(',', names)})");
        }

        if (filters.After is { } after)
        {
            command.Parameters.AddWithValue("$after", after.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            clauses.Add("d.published >= $after");
        }

        if (filters.Before is { } before)
        {
            command.Parameters.AddWithValue("$before", before.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            clauses.Add("d.published <= $before");
        }

        if (filters.Collections.Count > 0)
        {
            var names = filters.Collections.Select((c, i) =>
            {
                command.Parameters.AddWithValue($"$col{i}", c);
                return $"$col{i}";
            });
            clauses.Add($"""
                EXISTS (SELECT 1 FROM document_collections dc JOIN collections c ON c.id = dc.collection_id
                        WHERE dc.doc_id = d.id AND c.name IN ({string.Join(',', names)}))
                """);
        }

        if (filters.Sources.Count > 0)
        {
            var parts = filters.Sources.Select((s, i) =>
            {
                command.Parameters.AddWithValue($"$src{i}", "%" + s.Replace("\\", "\\\\", StringComparison.Ordinal)
                    .Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%");
                return $"d.source LIKE $src{i} ESCAPE '\\'";
            });
            clauses.Add("(" + string.Join(" OR ", parts) + ")");
        }

        AddSubjectFilter(clauses, command, "modality", filters.Modalities);
        AddSubjectFilter(clauses, command, "agency", filters.Agencies);
        return clauses.Count == 0 ? string.Empty : "WHERE " + string.Join(" AND ", clauses);
    }

    private static void AddSubjectFilter(List<string> clauses, SqliteCommand command, string kind, IReadOnlyList<string> values)
    {
        if (values.Count == 0)
        {
            return;
        }

        var names = values.Select((v, i) =>
        {
            command.Parameters.AddWithValue($"${kind}{i}", v);
            return $"${kind}{i}";
        });
        clauses.Add($"EXISTS (SELECT 1 FROM document_subjects s WHERE s.doc_id = d.id AND s.kind = '{kind}' AND s.value IN ({string.Join(',', names)}))");
    }

    /// <inheritdoc />
    public IReadOnlyDictionary<long, IReadOnlyList<DocumentSubject>> GetSubjects(IReadOnlyCollection<long> ids)
    {
        var result = new Dictionary<long, IReadOnlyList<DocumentSubject>>();
        if (ids.Count == 0)
        {
            return result;
        }

        using var command = _connection.CreateCommand();
        var names = ids.Distinct().Select((id, i) =>
        {
            command.Parameters.AddWithValue($"$s{i}", id);
            return $"$s{i}";
        });
        command.CommandText = $"SELECT doc_id, kind, value, mentions FROM document_subjects WHERE doc_id IN ({string.Join(',', names)}) ORDER BY doc_id, kind, mentions DESC, value";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var id = reader.GetInt64(0);
            if (!result.TryGetValue(id, out var list))
            {
                result[id] = list = new List<DocumentSubject>();
            }

            ((List<DocumentSubject>)list).Add(new DocumentSubject(reader.GetString(1) == "agency" ? SubjectKind.Agency : SubjectKind.Modality,
                reader.GetString(2), reader.GetInt32(3)));
        }

        return result;
    }

    /// <inheritdoc />
    public IReadOnlyList<string> CheckIntegrity()
    {
        var problems = new List<string>();
        using var command = _connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var line = reader.GetString(0);
                if (!string.Equals(line, "ok", StringComparison.Ordinal))
                {
                    problems.Add("database: " + line);
                }
            }
        }

        try
        {
            command.CommandText = "INSERT INTO doc_fts(doc_fts) VALUES ('integrity-check')";
            command.ExecuteNonQuery();
        }
        catch (SqliteException ex)
        {
            problems.Add("full-text index: " + ex.Message);
        }

        // Every document has one row of paragraphs, readable and numbered 1..n with as many as the document row says.
        command.CommandText = """
            SELECT d.id, d.paragraph_count, p.paragraphs IS NULL, p.paragraphs
            FROM documents d LEFT JOIN document_paragraphs p ON p.doc_id = d.id ORDER BY d.id
            """;
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                if (ParagraphProblem(reader.GetInt32(1), reader.GetBoolean(2) ? null : reader.GetFieldValue<byte[]>(3)) is { } problem)
                {
                    problems.Add($"document {reader.GetInt64(0)}: {problem}");
                }
            }
        }

        command.CommandText = "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM doc_fts)";
        using (var reader = command.ExecuteReader())
        {
            reader.Read();
            if (reader.GetInt64(0) != reader.GetInt64(1))
            {
                problems.Add($"full-text index has {reader.GetInt64(1)} rows for {reader.GetInt64(0)} documents");
            }
        }

        return problems;
    }

    private static string? ParagraphProblem(int expected, byte[]? stored)
    {
        if (stored is null)
        {
            return "no paragraphs stored";
        }

        List<Paragraph> paragraphs;
        try
        {
            paragraphs = StoredParagraphs.Decode(stored);
        }
        catch (InvalidDataException ex)
        {
            return ex.Message;
        }

        if (paragraphs.Count != expected)
        {
            return $"expected {expected} paragraphs, found {paragraphs.Count}";
        }

        for (var i = 0; i < paragraphs.Count; i++)
        {
            if (paragraphs[i].Number != i + 1)
            {
                return $"paragraph {i + 1} is numbered {paragraphs[i].Number}";
            }
        }

        return null;
    }

    /// <inheritdoc />
    public void Dispose() => _connection.Dispose();

    internal static Language ParseLanguage(string code) => LanguageCodes.TryParse(code, out var language) ? language : Language.Unknown;

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
