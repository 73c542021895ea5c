namespace CgtAtlas.Ingest;

/// <summary>Text decoded from bytes, with the encoding that was used.</summary>
/// <param name="Text">The decoded text.</param>
/// <param name="EncodingName">Web name of the encoding, e.g. <c>utf-8</c>, <c>gb18030</c>, <c>big5</c>.</param>
public sealed record DecodedText(string Text, string EncodingName);
