using System.Text;
using CgtAtlas.Ingest;
using CgtAtlas.Workspace;

namespace CgtAtlas.Web.Services;

/// <summary>The outcome for one uploaded file.</summary>
/// <param name="FileName">The name the browser sent (display only; never used as a path).</param>
/// <param name="Outcome"><c>stored</c>, <c>duplicate</c> or <c>failed</c>.</param>
/// <param name="DocumentIds">Documents stored (a feed can hold several), or the existing document for a duplicate.</param>
/// <param name="Title">Title of the first stored document.</param>
/// <param name="Error">Why it failed.</param>
public sealed record UploadResult(string FileName, string Outcome, IReadOnlyList<long> DocumentIds, string? Title, string? Error);

/// <summary>Upload limits.</summary>
public sealed record UploadLimits
{
    /// <summary>Largest file, in bytes (the ingest default, 64 MiB, unless configured with <c>Cgt:MaxUploadMb</c>).</summary>
    public long MaxFileBytes { get; init; } = new IngestOptions().MaxFileBytes;

    /// <summary>Largest request (all files of one upload).</summary>
    public long MaxRequestBytes => MaxFileBytes * 4 + 1024 * 1024;

    /// <summary>Most files per request.</summary>
    public int MaxFiles { get; init; } = 50;
}

/// <summary>
/// Adds uploaded files through the same readers and limits as <c>cgt ingest</c>. Each file is checked (size, a
/// supported extension, content that matches it), written under a fresh temporary folder with a generated name (the
/// browser's file name never becomes a path), ingested — one savepoint per document, so nothing is half-stored — and
/// deleted.
/// </summary>
public sealed class UploadService
{
    private readonly LibraryGate _gate;

    /// <summary>Creates the service.</summary>
    public UploadService(LibraryGate gate, UploadLimits limits)
    {
        _gate = gate;
        Limits = limits;
    }

    /// <summary>The limits in force.</summary>
    public UploadLimits Limits { get; }

    /// <summary>Ingests each file; every file gets one result.</summary>
    public async Task<IReadOnlyList<UploadResult>> IngestAsync(IReadOnlyList<IFormFile> files, string? collection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        var results = new List<UploadResult>();
        var folder = Directory.CreateTempSubdirectory("cgt-upload-").FullName;
        try
        {
            foreach (var file in files)
            {
                results.Add(await IngestOneAsync(file, folder, collection, cancellationToken).ConfigureAwait(false));
            }
        }
        finally
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
            }
        }

        return results;
    }

    private async Task<UploadResult> IngestOneAsync(IFormFile file, string folder, string? collection, CancellationToken cancellationToken)
    {
        var name = DisplayName(file.FileName);
        var extension = Path.GetExtension(name).ToLowerInvariant();
        if (extension.Length == 0 || DocumentReaders.Default.For("x" + extension) is null)
        {
            return Failed(name, $"unsupported file type '{(extension.Length == 0 ? "(none)" : extension)}' (supported: {DocumentReaders.Default.SupportedList})");
        }

        if (file.Length == 0)
        {
            return Failed(name, "empty file (0 bytes)");
        }

        if (file.Length > Limits.MaxFileBytes)
        {
            return Failed(name, $"file is {file.Length / 1048576.0:0.0} MiB, over the {Limits.MaxFileBytes / 1048576.0:0.#} MiB limit");
        }

        var head = new byte[8192];
        int read;
        await using (var stream = file.OpenReadStream())
        {
            read = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        }

        if (ContentSniffer.Check(extension, head.AsSpan(0, read)) is { } mismatch)
        {
            return Failed(name, mismatch);
        }

        var path = Path.Combine(folder, Guid.NewGuid().ToString("N") + extension);
        await using (var target = new FileStream(path, FileMode.CreateNew, FileAccess.Write))
        {
            await file.CopyToAsync(target, cancellationToken).ConfigureAwait(false);
        }

        var options = new IngestOptions
        {
            MaxFileBytes = Limits.MaxFileBytes,
            Collections = string.IsNullOrWhiteSpace(collection) ? [] : [collection.Trim()],
        };
        var report = _gate.Run((library, workspace) =>
        {
            var stored = library.Ingest([path], options, cancellationToken: cancellationToken);
            AutoTagger.TryDefault(out _)?.Apply(library, workspace, stored.Documents.Select(d => d.Id));
            return stored;
        });
        if (report.Documents.Count > 0)
        {
            return new UploadResult(name, "stored", report.Documents.Select(d => d.Id).ToList(), report.Documents[0].Title,
                report.Failed.Count > 0 ? string.Join("; ", report.Failed.Select(f => f.Error)) : null);
        }

        if (report.Duplicates.Count > 0)
        {
            return new UploadResult(name, "duplicate", report.Duplicates.Select(d => d.DuplicateOf).ToList(), null, null);
        }

        return Failed(name, report.Failed.Count > 0 ? report.Failed[0].Error : "nothing could be read from the file");
    }

    private static UploadResult Failed(string name, string error) => new(name, "failed", [], null, error);

    private static string DisplayName(string? raw)
    {
        var name = Path.GetFileName((raw ?? string.Empty).Replace('\\', '/'));
        var clean = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            clean.Append(char.IsControl(c) ? '_' : c);
        }

        var text = clean.ToString().Trim();
        return text.Length == 0 ? "(unnamed)" : text.Length > 200 ? text[..200] : text;
    }
}

/// <summary>Checks that a file's first bytes fit its extension (a renamed executable or archive is refused).</summary>
public static class ContentSniffer
{
    private static readonly byte[][] s_binaryMagic =
    [
        "PK\u0003\u0004"u8.ToArray(), "\u007fELF"u8.ToArray(), "MZ"u8.ToArray(), [0x89, 0x50, 0x4E, 0x47], "GIF8"u8.ToArray(),
        [0xFF, 0xD8, 0xFF], [0x1F, 0x8B], [0x37, 0x7A, 0xBC, 0xAF], "Rar!"u8.ToArray(), [0xD0, 0xCF, 0x11, 0xE0],
    ];

    /// <summary>Null when <paramref name="head"/> (the first bytes) fits <paramref name="extension"/>, else the reason.</summary>
    public static string? Check(string extension, ReadOnlySpan<byte> head)
    {
        if (extension == ".pdf")
        {
            return head[..Math.Min(head.Length, 1024)].IndexOf("%PDF-"u8) >= 0 ? null : "the file is named .pdf but is not a PDF";
        }

        foreach (var magic in s_binaryMagic)
        {
            if (head.StartsWith(magic))
            {
                return $"the file is named {extension} but its content is binary (an archive, image or program)";
            }
        }

        if (head.StartsWith("%PDF-"u8))
        {
            return $"the file is named {extension} but is a PDF";
        }

        var utf16 = head.StartsWith(new byte[] { 0xFF, 0xFE }) || head.StartsWith(new byte[] { 0xFE, 0xFF });
        if (!utf16 && head.Contains((byte)0))
        {
            return $"the file is named {extension} but its content is binary, not text";
        }

        if (extension is ".html" or ".htm" or ".xml" or ".rss" or ".atom" && !utf16 && !head.Contains((byte)'<'))
        {
            return $"the file is named {extension} but contains no markup";
        }

        return null;
    }
}
