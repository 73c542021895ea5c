using System.Diagnostics;
using System.Text;
using System.Text.Json;
using CgtAtlas.Documents;
using CgtAtlas.Ingest;
using CgtAtlas.Ingest.Readers;
using CgtAtlas.Storage.Sqlite;
using CgtAtlas.Text;
using Microsoft.Data.Sqlite;

namespace CgtAtlas.Benchmarks;

/// <summary>The ingest measurements; each runs in its own child process so that peak memory is per run.</summary>
internal static class IngestBenchmarks
{
    /// <summary>Same table as <c>SqliteMigrations</c> creates for CgtAtlas.</summary>
    public const string FtsTable =
        "CREATE VIRTUAL TABLE doc_fts USING fts5(title, body, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2')";

    /// <summary>Documents per transaction in the baseline (CgtAtlas's default batch size is also 200).</summary>
    public const int BaselineBatch = 200;

    /// <summary>
    /// CgtAtlas: <c>Library.Ingest([folder])</c> into a fresh library file, timed from opening the store to closing it
    /// (the final WAL checkpoint is part of the cost). Text services are loaded before the clock starts.
    /// </summary>
    public static IngestResult RunCgtAtlas(string corpus, string database, long inputBytes)
    {
        DeleteDatabase(database);
        var text = TextServices.Default;
        _ = text.Analyzer;
        var sections = new Sections();
        var progress = new ConsoleProgress("cgtatlas");

        using var sampler = new MemorySampler();
        var clock = Stopwatch.StartNew();
        var t = Stopwatch.GetTimestamp();
        var library = new Library(SqliteLibraryStore.Open(database), text);
        sections.Add("open library", t);
        t = Stopwatch.GetTimestamp();
        // Stored documents are streamed (as `cgt ingest` does) so the report does not grow with the corpus. Automatic tags
        // are not part of this run: the comparison with raw FTS5 inserts is about storing and indexing, and `cgt ingest`
        // is timed as a whole by RunCli.
        var report = library.Ingest([corpus], new IngestOptions(), progress, onStored: _ => { });
        sections.Add("Library.Ingest", t);
        t = Stopwatch.GetTimestamp();
        library.Dispose();
        sections.Add("close (WAL checkpoint)", t);
        clock.Stop();
        var memory = sampler.Stop();

        int nearDuplicates;
        using (var connection = Open(database))
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT count(*) FROM documents WHERE near_dup_of IS NOT NULL";
            nearDuplicates = Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }

        foreach (var failure in report.Failed.Take(5))
        {
            Console.Error.WriteLine($"  failed: {failure.Path}: {failure.Error}");
        }

        return new IngestResult("CgtAtlas", report.Stored + report.Duplicates.Count + report.Failed.Count, inputBytes,
            clock.Elapsed.TotalSeconds, memory, DatabaseSize(database), report.Stored, report.Failed.Count, report.Duplicates.Count,
            nearDuplicates, sections.ToSeconds());
    }

    /// <summary>
    /// <c>cgt --db DB ingest CORPUS --json</c> with the published CLI, as a user runs it: the ingest, the automatic product
    /// and company tags found alongside and written after it, and jieba's start-up at the end. Wall time of the process.
    /// </summary>
    public static CliIngestResult RunCli(string cliDll, string corpus, string database)
    {
        DeleteDatabase(database);
        var clock = Stopwatch.StartNew();
        var (exit, output) = ColdStart.RunProcess("dotnet", [cliDll, "--db", database, "ingest", corpus, "--json"]);
        var seconds = clock.Elapsed.TotalSeconds;
        if (exit != 0)
        {
            throw new InvalidOperationException($"cgt ingest exited with {exit}: {output[..Math.Min(output.Length, 2000)]}");
        }

        using var connection = Open(database);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM document_tags)";
        using var reader = command.ExecuteReader();
        reader.Read();
        return new CliIngestResult(seconds, reader.GetInt32(0), reader.GetInt32(1));
    }

    /// <summary>
    /// Re-runs the steps of <c>IngestPipeline</c> for .txt files one by one with a stopwatch around each (everything
    /// except SQLite), and writes the analysed title and body of every document to <paramref name="tokensPath"/> — the
    /// baseline's input. Not a measurement of CgtAtlas itself: a profile of where its CPU time goes.
    /// </summary>
    public static ProfileResult RunProfile(string corpus, string tokensPath)
    {
        var analyzer = TextServices.Default.Analyzer;
        var reader = new PlainTextReader();
        var sections = new Sections();
        var files = InputEnumerator.Expand([corpus], out _);
        var nearDuplicates = new NearDuplicateIndex([]);
        var pairs = new List<(long Id, ulong SimHash)>();
        var bodyTokens = new List<Token>(4096);
        var indexBody = new StringBuilder(16384);
        long inputBytes = 0, tokenCount = 0, indexChars = 0;
        var nearDuplicateCount = 0;
        using var output = new StreamWriter(tokensPath, false, new UTF8Encoding(false), 1 << 20);
        for (var i = 0; i < files.Count; i++)
        {
            var t = Stopwatch.GetTimestamp();
            var bytes = File.ReadAllBytes(files[i]);
            inputBytes += bytes.Length;
            sections.Add("read file", t);

            t = Stopwatch.GetTimestamp();
            var content = reader.Read(bytes, files[i])[0];
            sections.Add("decode, split, NFKC-normalise (PlainTextReader)", t);

            t = Stopwatch.GetTimestamp();
            _ = ContentHash.Compute(content.Title, content.Paragraphs);
            sections.Add("content hash (SHA-256)", t);

            t = Stopwatch.GetTimestamp();
            bodyTokens.Clear();
            indexBody.Clear();
            analyzer.AnalyzeInto(content.Paragraphs.Select(p => p.Text), bodyTokens, indexBody);
            var body = indexBody.ToString();
            var title = analyzer.ToIndexText(content.Title);
            sections.Add("analyse title and body, build index text", t);

            t = Stopwatch.GetTimestamp();
            var simHash = SimHash.Compute(bodyTokens);
            sections.Add("SimHash", t);

            t = Stopwatch.GetTimestamp();
            var proposed = Proposals.SimHashBranchFree(bodyTokens);
            sections.Add("(proposal, not in CgtAtlas) SimHash with a branch-free bit count", t);
            if (proposed != simHash)
            {
                throw new InvalidOperationException($"proposed SimHash differs for {files[i]}");
            }

            t = Stopwatch.GetTimestamp();
            var nearDuplicateOf = simHash is { } fingerprint ? nearDuplicates.FindClosest(fingerprint) : null;
            if (simHash is { } added)
            {
                nearDuplicates.Add(nearDuplicateOf ?? i + 1, added);
            }

            if (nearDuplicateOf is not null)
            {
                nearDuplicateCount++;
            }

            sections.Add("near-duplicate search (NearDuplicateIndex, all fingerprints)", t);

            // The search as it was before NearDuplicateIndex, kept as the yardstick for its gain.
            t = Stopwatch.GetTimestamp();
            if (simHash is { } previous && Yardsticks.LinearNearDuplicateScan(pairs, previous, i + 1) != nearDuplicateOf)
            {
                throw new InvalidOperationException($"the near-duplicate index and the list scan disagree on {files[i]}");
            }

            sections.Add("(before, for comparison) near-duplicate scan over a list of (id, fingerprint) pairs", t);


            t = Stopwatch.GetTimestamp();
            _ = Facts.DocumentSubjects.Find(content.Title, content.Paragraphs);
            sections.Add("document subjects (modality and agency mentions)", t);

            t = Stopwatch.GetTimestamp();
            output.Write(title);
            output.Write('\t');
            output.Write(body);
            output.Write('\n');
            sections.Add("(bench only) write token file", t);

            tokenCount += bodyTokens.Count;
            indexChars += title.Length + body.Length;
        }

        return new ProfileResult(files.Count, inputBytes, tokenCount, indexChars, nearDuplicateCount, sections.ToSeconds());
    }

    /// <summary>
    /// The baseline: the same contentless FTS5 table in a plain SQLite file (same WAL/synchronous settings as CgtAtlas),
    /// fed the pre-computed analyser output, one transaction per 200 documents, one prepared INSERT re-bound per row.
    /// </summary>
    public static IngestResult RunBaseline(string tokensPath, string database, int documents, long inputBytes)
    {
        DeleteDatabase(database);
        var sections = new Sections();

        // Read the token file once untimed (page cache) and once timed alone, to show what reading it costs.
        var t = Stopwatch.GetTimestamp();
        var rows = 0;
        using (var warm = new StreamReader(tokensPath, Encoding.UTF8, false, 1 << 20))
        {
            while (warm.ReadLine() is not null)
            {
                rows++;
            }
        }

        var readOnly = (Stopwatch.GetTimestamp() - t) / (double)Stopwatch.Frequency;

        using var sampler = new MemorySampler();
        var clock = Stopwatch.StartNew();
        t = Stopwatch.GetTimestamp();
        var connection = Open(database);
        Execute(connection, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;");
        Execute(connection, FtsTable);
        sections.Add("open + create table", t);

        var loop = Stopwatch.GetTimestamp();
        var transaction = connection.BeginTransaction(deferred: false);
        var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO doc_fts (rowid, title, body) VALUES ($id, $title, $body)";
        var id = insert.Parameters.Add(new SqliteParameter("$id", null));
        var title = insert.Parameters.Add(new SqliteParameter("$title", null));
        var body = insert.Parameters.Add(new SqliteParameter("$body", null));
        insert.Transaction = transaction;
        insert.Prepare();
        var inserted = 0;
        using (var reader = new StreamReader(tokensPath, Encoding.UTF8, false, 1 << 20))
        {
            while (reader.ReadLine() is { } line)
            {
                var tab = line.IndexOf('\t', StringComparison.Ordinal);
                id.Value = inserted + 1L;
                title.Value = line[..tab];
                body.Value = line[(tab + 1)..];
                insert.ExecuteNonQuery();
                inserted++;
                if (inserted % BaselineBatch == 0)
                {
                    transaction.Commit();
                    transaction.Dispose();
                    transaction = connection.BeginTransaction(deferred: false);
                    insert.Transaction = transaction;
                }

                if (inserted % 10_000 == 0)
                {
                    Console.Error.WriteLine($"  baseline: {inserted:N0}/{rows:N0} docs, {clock.Elapsed.TotalSeconds:N1} s");
                }
            }
        }

        transaction.Commit();
        transaction.Dispose();
        insert.Dispose();
        sections.Add("read tokens + INSERT loop (incl. commits)", loop);
        t = Stopwatch.GetTimestamp();
        connection.Dispose();
        sections.Add("close (WAL checkpoint)", t);
        clock.Stop();
        var memory = sampler.Stop();
        sections.Record("(untimed) reading the token file alone", readOnly);

        return new IngestResult("raw FTS5 baseline", documents, inputBytes, clock.Elapsed.TotalSeconds, memory, DatabaseSize(database),
            inserted, documents - inserted, 0, 0, sections.ToSeconds());
    }

    // The stored paragraphs' JSON as SqliteLibraryStore writes it (non-ASCII text unescaped).
    private static readonly JsonSerializerOptions s_storedParagraphsJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// The SQLite half of CgtAtlas ingest, statement by statement: a fresh CgtAtlas library file (schema from
    /// <c>SqliteLibraryStore.Open</c>) written with the same SQL as <c>SqliteDocumentBatch</c> (a replica: that class is
    /// internal), one stopwatch per statement kind. Reading, decoding and analysis happen before each document's clock.
    /// </summary>
    public static Dictionary<string, double> RunStoreProfile(string corpus, string tokensPath, string database)
    {
        DeleteDatabase(database);
        SqliteLibraryStore.Open(database).Dispose();
        var reader = new PlainTextReader();
        var files = InputEnumerator.Expand([corpus], out _);
        var sections = new Sections();
        using var connection = Open(database);
        Execute(connection, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;");
        using var tokens = new StreamReader(tokensPath, Encoding.UTF8, false, 1 << 20);
        SqliteTransaction? transaction = null;
        SqliteCommand? insertDocument = null, insertParagraph = null, insertFts = null, findHash = null;
        void Begin()
        {
            var t = Stopwatch.GetTimestamp();
            transaction = connection.BeginTransaction(deferred: false);
            insertDocument = Prepare(connection, transaction, """
                INSERT INTO documents (title, source, url, published, language, format, encoding, content_hash, simhash, near_dup_of,
                                       origin_path, ingested_at, paragraph_count, char_count)
                VALUES ($title, $source, $url, $published, $language, $format, $encoding, $hash, $simhash, $near, $path, $at, $count, $chars)
                RETURNING id
                """, "$title", "$source", "$url", "$published", "$language", "$format", "$encoding", "$hash", "$simhash", "$near", "$path",
                "$at", "$count", "$chars");
            insertParagraph = Prepare(connection, transaction, "INSERT INTO document_paragraphs (doc_id, paragraphs) VALUES ($doc, CAST($json AS TEXT))",
                "$doc", "$json");
            insertFts = Prepare(connection, transaction, "INSERT INTO doc_fts (rowid, title, body) VALUES ($id, $title, $body)", "$id", "$title", "$body");
            findHash = Prepare(connection, transaction, "SELECT id FROM documents WHERE content_hash = $hash", "$hash");
            sections.Add("begin batch: BEGIN IMMEDIATE + prepare 4 statements", t);
        }

        void Savepoint(string sql)
        {
            var t = Stopwatch.GetTimestamp();
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            command.ExecuteNonQuery();
            sections.Add("SAVEPOINT / RELEASE (new command each, as in SqliteDocumentBatch)", t);
        }

        Begin();
        var inBatch = 0;
        for (var i = 0; i < files.Count; i++)
        {
            var content = reader.Read(File.ReadAllBytes(files[i]), files[i])[0];
            var line = tokens.ReadLine()!;
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            var hash = ContentHash.Compute(content.Title, content.Paragraphs);
            var paragraphsJson = JsonSerializer.SerializeToUtf8Bytes(
                content.Paragraphs.Select(x => new object[] { x.Number, x.Language.ToCode(), x.Text }), s_storedParagraphsJson);

            var t = Stopwatch.GetTimestamp();
            findHash!.Parameters["$hash"].Value = hash;
            _ = findHash.ExecuteScalar();
            sections.Add("SELECT by content_hash (duplicate check)", t);

            Savepoint("SAVEPOINT doc");
            t = Stopwatch.GetTimestamp();
            var p = insertDocument!.Parameters;
            p["$title"].Value = content.Title;
            p["$source"].Value = DBNull.Value;
            p["$url"].Value = DBNull.Value;
            p["$published"].Value = content.Published is { } date ? date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : DBNull.Value;
            p["$language"].Value = "zh";
            p["$format"].Value = content.Format;
            p["$encoding"].Value = (object?)content.Encoding ?? DBNull.Value;
            p["$hash"].Value = hash;
            p["$simhash"].Value = (long)i * 2654435761L;
            p["$near"].Value = DBNull.Value;
            p["$path"].Value = content.OriginPath;
            p["$at"].Value = DateTimeOffset.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
            p["$count"].Value = content.Paragraphs.Count;
            p["$chars"].Value = content.Paragraphs.Sum(x => x.Text.Length);
            var id = (long)insertDocument.ExecuteScalar()!;
            sections.Add("INSERT documents (4 indexes incl. UNIQUE content_hash)", t);

            t = Stopwatch.GetTimestamp();
            // The store encodes this JSON on the reading thread; here it is encoded before the clock, like the hash.
            var pp = insertParagraph!.Parameters;
            pp["$doc"].Value = id;
            pp["$json"].Value = paragraphsJson;
            insertParagraph.ExecuteNonQuery();
            sections.Add("INSERT document_paragraphs (one JSON row per document)", t);

            t = Stopwatch.GetTimestamp();
            var fp = insertFts!.Parameters;
            fp["$id"].Value = id;
            fp["$title"].Value = line[..tab];
            fp["$body"].Value = line[(tab + 1)..];
            insertFts.ExecuteNonQuery();
            sections.Add("INSERT doc_fts (same as the baseline)", t);
            Savepoint("RELEASE doc");

            if (++inBatch >= 200)
            {
                t = Stopwatch.GetTimestamp();
                transaction!.Commit();
                foreach (var command in new[] { insertDocument, insertParagraph, insertFts, findHash })
                {
                    command.Dispose();
                }

                transaction.Dispose();
                sections.Add("COMMIT", t);
                Begin();
                inBatch = 0;
            }
        }

        var end = Stopwatch.GetTimestamp();
        transaction!.Commit();
        transaction.Dispose();
        sections.Add("COMMIT", end);
        return sections.ToSeconds();
    }

    private static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction transaction, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter(name, null));
        }

        command.Prepare();
        return command;
    }

    public static SqliteConnection Open(string database, SqliteOpenMode mode = SqliteOpenMode.ReadWriteCreate)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = database,
            Mode = mode,
            Pooling = false,
        }.ToString());
        connection.Open();
        return connection;
    }

    public static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public static long DatabaseSize(string database) =>
        new[] { database, database + "-wal", database + "-shm" }.Where(File.Exists).Sum(f => new FileInfo(f).Length);

    public static void DeleteDatabase(string database)
    {
        foreach (var file in new[] { database, database + "-wal", database + "-shm" })
        {
            File.Delete(file);
        }
    }

    /// <summary>Progress on stderr every 10,000 inputs (called synchronously by the pipeline; negligible cost).</summary>
    private sealed class ConsoleProgress(string label) : IProgress<IngestProgress>
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();

        public void Report(IngestProgress value)
        {
            if (value.Done % 10_000 == 0)
            {
                Console.Error.WriteLine($"  {label}: {value.Done:N0}/{value.Total:N0} docs, {_clock.Elapsed.TotalSeconds:N1} s");
            }
        }
    }
}
