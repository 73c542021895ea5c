using System.Text;
using CgtAtlas.Documents;
using CgtAtlas.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.DocumentLayoutAnalysis.PageSegmenter;
using UglyToad.PdfPig.DocumentLayoutAnalysis.ReadingOrderDetector;
using UglyToad.PdfPig.DocumentLayoutAnalysis.WordExtractor;
using UglyToad.PdfPig.Exceptions;

namespace CgtAtlas.Ingest.Readers;

/// <summary>
/// PDF through PdfPig: words are grouped into text blocks with the Docstrum layout analysis and put in reading order,
/// so each block (a paragraph, a heading, a table row group) becomes one citation unit. Words hyphenated across
/// line ends are re-joined.
/// </summary>
public sealed class PdfReader : IDocumentReader
{
    /// <inheritdoc />
    public string Format => "pdf";

    /// <inheritdoc />
    public IReadOnlyList<string> Extensions { get; } = [".pdf"];

    /// <inheritdoc />
    public IReadOnlyList<DocumentContent> Read(byte[] bytes, string path)
    {
        if (bytes.AsSpan(0, Math.Min(bytes.Length, 1024)).IndexOf("%PDF-"u8) < 0)
        {
            throw new UnreadableDocumentException("not a PDF file (no %PDF- header in the first 1 KB)");
        }

        PdfDocument pdf;
        try
        {
            pdf = PdfDocument.Open(bytes, new ParsingOptions { UseLenientParsing = false });
        }
        catch (Exception ex) when (ex is PdfDocumentFormatException or PdfDocumentEncryptedException or InvalidOperationException
            or ArgumentException or IndexOutOfRangeException or NullReferenceException or FormatException or InvalidCastException
            or KeyNotFoundException or EndOfStreamException or OverflowException)
        {
            throw new UnreadableDocumentException(ex is PdfDocumentEncryptedException
                ? "the PDF is encrypted; save an unprotected copy and ingest that"
                : $"not a readable PDF (damaged or truncated: {FirstLine(ex.Message)})", ex);
        }

        using (pdf)
        {
            var paragraphs = new ParagraphBuilder();
            try
            {
                foreach (var page in pdf.GetPages())
                {
                    var words = page.GetWords(NearestNeighbourWordExtractor.Instance).ToList();
                    if (words.Count == 0)
                    {
                        continue;
                    }

                    var blocks = DocstrumBoundingBoxes.Instance.GetBlocks(words);
                    foreach (var block in UnsupervisedReadingOrderDetector.Instance.Get(blocks))
                    {
                        paragraphs.Add(JoinLines(block.TextLines.Select(l => l.Text)));
                    }
                }
            }
            catch (Exception ex) when (ex is not OutOfMemoryException and not UnreadableDocumentException)
            {
                throw new UnreadableDocumentException($"not a readable PDF (damaged or truncated: {FirstLine(ex.Message)})", ex);
            }

            var built = paragraphs.Build();
            if (built.Count == 0)
            {
                throw new UnreadableDocumentException("the PDF has no extractable text (scanned images need OCR first)");
            }

            var infoTitle = pdf.Information.Title is { Length: > 0 } t ? TextNormalizer.Normalize(t) : null;
            var title = infoTitle ?? built[0].Text;
            var body = infoTitle is null && built.Count > 1 && built[0].Text.Length <= 160 ? Renumber(built.Skip(1)) : built;
            return
            [
                new DocumentContent
                {
                    Title = title.Length > 200 ? PlainTextReader.TitleFromText(title) : title,
                    Paragraphs = body,
                    Source = pdf.Information.Author is { Length: > 0 } author ? author : null,
                    Published = DateParsing.FindInText(string.Join('\n', body.Take(3).Select(p => p.Text)))
                        ?? ParsePdfDate(pdf.Information.CreationDate),
                    OriginPath = path,
                    Format = Format,
                },
            ];
        }
    }

    private static List<Paragraph> Renumber(IEnumerable<Paragraph> paragraphs) =>
        paragraphs.Select((p, i) => p with { Number = i + 1 }).ToList();

    /// <summary>Joins the lines of a block; a word hyphenated at a line end is re-joined (thera- / py → therapy).</summary>
    public static string JoinLines(IEnumerable<string> lines)
    {
        var builder = new StringBuilder();
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            if (builder.Length > 0)
            {
                var previous = builder[^1];
                if (previous == '-' && builder.Length > 1 && char.IsLower(builder[^2]) && char.IsLower(line[0]))
                {
                    builder.Length--;
                }
                else if (!(CharClass.IsHan(previous) && CharClass.IsHan(line[0])))
                {
                    builder.Append(' ');
                }
            }

            builder.Append(line);
        }

        return builder.ToString();
    }

    /// <summary>PDF dates look like <c>D:20250410083000+08'00'</c>.</summary>
    private static DateOnly? ParsePdfDate(string? value)
    {
        if (value is null || value.Length < 10)
        {
            return null;
        }

        var digits = value.StartsWith("D:", StringComparison.Ordinal) ? value[2..] : value;
        return digits.Length >= 8 ? DateParsing.Parse($"{digits[..4]}-{digits[4..6]}-{digits[6..8]}") : null;
    }

    private static string FirstLine(string message)
    {
        var line = message.Split('\n')[0].Trim();
        return line.Length > 120 ? line[..120] + "…" : line;
    }
}
