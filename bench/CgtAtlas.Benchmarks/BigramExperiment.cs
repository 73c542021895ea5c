using System.Diagnostics;
using System.Text;
using CgtAtlas.Benchmarks.Corpus;
using CgtAtlas.Ingest;
using CgtAtlas.Ingest.Readers;
using CgtAtlas.Search;
using CgtAtlas.Storage.Sqlite;
using CgtAtlas.Text;
using Microsoft.Data.Sqlite;

namespace CgtAtlas.Benchmarks;

/// <summary>Raw FTS5 latency of one query on the unigram and the bigram table.</summary>
internal sealed record BigramQuery(string Category, string Query, string UnigramMatch, string PrunedMatch, string? BigramMatch,
    int UnigramRows, int PrunedRows, int BigramRows, double UnigramP50, double PrunedP50, double BigramP50, double BigramPrunedP50,
    double PrunedBoundedP50, double BigramPrunedBoundedP50);

/// <summary>Outcome of the bigram experiment for one corpus size.</summary>
internal sealed record BigramResult(int Documents, double UnigramInsertSeconds, double BigramInsertSeconds, long UnigramBytes, long BigramBytes,
    List<BigramQuery> Queries);

/// <summary>
/// Experiment (option <c>--bigram-experiment</c>): would indexing Chinese as overlapping character bigrams instead of
/// single characters make queries fast enough? Builds two raw FTS5 tables from the same analysed corpus — today's
/// unigram token stream, and the same stream with every run of adjacent Han tokens rewritten as overlapping bigrams
/// (a lone character stays a unigram) — and runs the query mix on both with each compiled MATCH string rewritten the
/// same way (a phrase 细 胞 becomes the single term 细胞; 多 发 性 becomes the phrase 多发 发性). Phrase semantics are the
/// same as on the unigram index, except for single-character Han phrases, which are reported as not comparable.
/// </summary>
internal static class BigramExperiment
{
    public static BigramResult Run(string corpus, string database, Vocabulary vocabulary, int repetitions)
    {
        IngestBenchmarks.DeleteDatabase(database);
        var analyzer = TextServices.Default.Analyzer;
        using var connection = IngestBenchmarks.Open(database);
        IngestBenchmarks.Execute(connection, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;");
        IngestBenchmarks.Execute(connection, IngestBenchmarks.FtsTable.Replace("doc_fts", "uni", StringComparison.Ordinal));
        IngestBenchmarks.Execute(connection, IngestBenchmarks.FtsTable.Replace("doc_fts", "bi", StringComparison.Ordinal));

        var reader = new PlainTextReader();
        var files = InputEnumerator.Expand([corpus], out _);
        var rows = new List<(string Title, string Body)>(IngestBenchmarks.BaselineBatch);
        var uniTicks = 0L;
        var biTicks = 0L;
        for (var i = 0; i < files.Count; i++)
        {
            var content = reader.Read(File.ReadAllBytes(files[i]), files[i])[0];
            var body = new List<Token>();
            foreach (var paragraph in content.Paragraphs)
            {
                analyzer.AnalyzeInto(paragraph.Text, body);
            }

            rows.Add((Join(analyzer.Analyze(content.Title)), Join(body)));
            if (rows.Count == IngestBenchmarks.BaselineBatch || i == files.Count - 1)
            {
                var first = i + 2 - rows.Count;
                uniTicks += Insert(connection, "uni", rows, first, text => text);
                biTicks += Insert(connection, "bi", rows, first, Bigrams);
                rows.Clear();
            }

            if ((i + 1) % 10_000 == 0)
            {
                Console.Error.WriteLine($"  bigram experiment: {i + 1:N0}/{files.Count:N0} docs indexed twice");
            }
        }

        long uniBytes = TableBytes(connection, "uni"), biBytes = TableBytes(connection, "bi");
        var text = TextServices.Default;
        using var uniCommand = Prepare(connection, "SELECT rowid, bm25(uni) FROM uni WHERE uni MATCH $q ORDER BY rank LIMIT 10");
        using var biCommand = Prepare(connection, "SELECT rowid, bm25(bi) FROM bi WHERE bi MATCH $q ORDER BY rank LIMIT 10");
        // Bounded ranking: BM25 over the newest 2,000 matches only (FTS5 walks rowids in order and stops at the LIMIT).
        using var uniBounded = Prepare(connection,
            "SELECT rowid, bm FROM (SELECT rowid, bm25(uni) AS bm FROM uni WHERE uni MATCH $q ORDER BY rowid DESC LIMIT 2000) ORDER BY bm LIMIT 10");
        using var biBounded = Prepare(connection,
            "SELECT rowid, bm FROM (SELECT rowid, bm25(bi) AS bm FROM bi WHERE bi MATCH $q ORDER BY rowid DESC LIMIT 2000) ORDER BY bm LIMIT 10");
        using var uniCount = Prepare(connection, "SELECT count(*) FROM uni WHERE uni MATCH $q");
        using var biCount = Prepare(connection, "SELECT count(*) FROM bi WHERE bi MATCH $q");
        var results = new List<BigramQuery>();
        foreach (var (category, query) in QueryMix.Build(vocabulary))
        {
            var parsed = new QueryParser().Parse(query);
            var expanded = new QueryExpander(text).Expand(parsed.Root!);
            var match = Fts5QueryCompiler.Compile(expanded);
            var pruned = Fts5QueryCompiler.Compile(Proposals.PruneRedundantAlternatives(expanded));
            var bigram = RewriteMatch(match);
            var bigramPruned = RewriteMatch(pruned);
            var uniRows = Count(uniCount, match);
            var prunedRows = Count(uniCount, pruned);
            var biRows = bigram is null ? -1 : Count(biCount, bigram);
            var uni = Time(uniCommand, match, repetitions);
            var uniPruned = Time(uniCommand, pruned, repetitions);
            var bi = bigram is null ? double.NaN : Time(biCommand, bigram, repetitions);
            var biPruned = bigramPruned is null ? double.NaN : Time(biCommand, bigramPruned, repetitions);
            var uniPrunedBounded = Time(uniBounded, pruned, repetitions);
            var biPrunedBounded = bigramPruned is null ? double.NaN : Time(biBounded, bigramPruned, repetitions);
            results.Add(new BigramQuery(category, query, match, pruned, bigram, uniRows, prunedRows, biRows, uni, uniPruned, bi, biPruned,
                uniPrunedBounded, biPrunedBounded));
        }

        return new BigramResult(files.Count, uniTicks / (double)Stopwatch.Frequency, biTicks / (double)Stopwatch.Frequency, uniBytes, biBytes, results);
    }

    private static string Join(List<Token> tokens) => string.Join(' ', tokens.Select(t => t.Term));

    private static bool IsHanTerm(string term) => term.Length == 1 && (CharClass.IsHan(term[0]) || CharClass.IsOtherCjk(term[0]));

    /// <summary>Rewrites a space-separated unigram stream: runs of single Han terms become overlapping bigrams.</summary>
    public static string Bigrams(string stream) => string.Join(' ', BigramTerms(stream.Split(' ', StringSplitOptions.RemoveEmptyEntries)));

    private static List<string> BigramTerms(IReadOnlyList<string> terms)
    {
        var output = new List<string>(terms.Count);
        var i = 0;
        while (i < terms.Count)
        {
            if (!IsHanTerm(terms[i]))
            {
                output.Add(terms[i++]);
                continue;
            }

            var start = i;
            while (i < terms.Count && IsHanTerm(terms[i]))
            {
                i++;
            }

            if (i - start == 1)
            {
                output.Add(terms[start]);
            }
            else
            {
                for (var k = start; k + 1 < i; k++)
                {
                    output.Add(terms[k] + terms[k + 1]);
                }
            }
        }

        return output;
    }

    /// <summary>Rewrites every quoted phrase of a compiled MATCH string; null when a phrase is a single Han character.</summary>
    public static string? RewriteMatch(string match)
    {
        var output = new StringBuilder(match.Length);
        var i = 0;
        while (i < match.Length)
        {
            if (match[i] != '"')
            {
                output.Append(match[i++]);
                continue;
            }

            var end = i + 1;
            while (end < match.Length && !(match[end] == '"' && (end + 1 >= match.Length || match[end + 1] != '"')))
            {
                end += match[end] == '"' ? 2 : 1;
            }

            var terms = match[(i + 1)..end].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (terms.Length == 1 && IsHanTerm(terms[0]))
            {
                return null;
            }

            output.Append('"').Append(string.Join(' ', BigramTerms(terms))).Append('"');
            i = end + 1;
        }

        return output.ToString();
    }

    private static long Insert(SqliteConnection connection, string table, List<(string Title, string Body)> rows, int firstId, Func<string, string> transform)
    {
        var prepared = rows.Select(r => (Title: transform(r.Title), Body: transform(r.Body))).ToList();
        var start = Stopwatch.GetTimestamp();
        using var transaction = connection.BeginTransaction(deferred: false);
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = $"INSERT INTO {table} (rowid, title, body) VALUES ($id, $title, $body)";
        var id = insert.Parameters.Add(new SqliteParameter("$id", null));
        var title = insert.Parameters.Add(new SqliteParameter("$title", null));
        var body = insert.Parameters.Add(new SqliteParameter("$body", null));
        for (var k = 0; k < prepared.Count; k++)
        {
            id.Value = (long)(firstId + k);
            title.Value = prepared[k].Title;
            body.Value = prepared[k].Body;
            insert.ExecuteNonQuery();
        }

        transaction.Commit();
        return Stopwatch.GetTimestamp() - start;
    }

    private static long TableBytes(SqliteConnection connection, string table)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT coalesce(sum(length(block)), 0) FROM {table}_data";
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static SqliteCommand Prepare(SqliteConnection connection, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.Add(new SqliteParameter("$q", string.Empty));
        command.Prepare();
        return command;
    }

    private static int Count(SqliteCommand command, string match)
    {
        command.Parameters["$q"].Value = match;
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static double Time(SqliteCommand command, string match, int repetitions)
    {
        command.Parameters["$q"].Value = match;
        var samples = new List<double>();
        for (var r = 0; r <= repetitions; r++)
        {
            var t = Stopwatch.GetTimestamp();
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    _ = reader.GetInt64(0);
                }
            }

            if (r > 0)
            {
                samples.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
            }
        }

        return LatencyStats.From(samples).P50;
    }
}
