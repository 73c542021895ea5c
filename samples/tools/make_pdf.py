#!/usr/bin/env python3
"""Write a small, valid PDF by hand (standard library only).

Usage:
    python3 make_pdf.py SOURCE.txt OUTPUT.pdf
    python3 make_pdf.py --check FILE.pdf

SOURCE.txt format (UTF-8, text must be representable in Windows-1252):
    line 1            document title
    lines "@key: v"   optional metadata right after the title:
                      @subtitle, @author, @date (yyyy-mm-dd)
    blank line        separates paragraphs
    "## text"         a section heading

Layout: A4 page, Helvetica 10.5 pt body with 13.5 pt leading inside a
paragraph and an extra 12 pt gap between paragraphs, so a layout analyser
can tell paragraphs apart by vertical spacing. Content streams are left
uncompressed, fonts are the standard 14 Type 1 fonts (no embedding), and the
cross-reference table carries exact byte offsets.
"""
from __future__ import annotations

import re
import sys

PAGE_W, PAGE_H = 595.0, 842.0          # A4 in points
MARGIN_L, MARGIN_R = 72.0, 72.0
MARGIN_TOP, MARGIN_BOTTOM = 72.0, 72.0
BODY_SIZE, BODY_LEAD = 10.5, 13.5
PARA_GAP = 12.0
HEAD_SIZE, HEAD_LEAD = 12.0, 15.0
TITLE_SIZE, TITLE_LEAD = 16.0, 20.0
SUB_SIZE, SUB_LEAD = 9.0, 12.0

# Helvetica advance widths (1/1000 em) for ASCII 32..126, from the Adobe AFM.
_HELV = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,   # space .. /
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,   # 0 .. ?
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,  # @ .. O
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,   # P .. _
    333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,   # ` .. o
    556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,        # p .. ~
]
_EXTRA = {0x96: 556, 0x97: 1000, 0x91: 222, 0x92: 222, 0x93: 333, 0x94: 333, 0xA5: 556, 0x80: 556}


def text_width(text: str, size: float, bold: bool = False) -> float:
    total = 0
    for b in text.encode("cp1252", errors="replace"):
        if 32 <= b <= 126:
            total += _HELV[b - 32]
        else:
            total += _EXTRA.get(b, 556)
    # Helvetica-Bold is slightly wider; a 6% allowance keeps lines inside the margin.
    return total * size / 1000.0 * (1.06 if bold else 1.0)


def wrap(text: str, size: float, width: float, bold: bool = False) -> list[str]:
    words = text.split()
    lines, cur = [], ""
    for w in words:
        cand = w if not cur else cur + " " + w
        if text_width(cand, size, bold) <= width or not cur:
            cur = cand
        else:
            lines.append(cur)
            cur = w
    if cur:
        lines.append(cur)
    return lines


def pdf_string(text: str) -> bytes:
    raw = text.encode("cp1252", errors="replace")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def parse_source(path: str):
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    title = lines[0].strip()
    meta, i = {}, 1
    while i < len(lines) and lines[i].startswith("@"):
        key, _, val = lines[i][1:].partition(":")
        meta[key.strip()] = val.strip()
        i += 1
    blocks, buf = [], []
    for line in lines[i:] + [""]:
        if line.strip():
            buf.append(line.strip())
        elif buf:
            blocks.append(" ".join(buf))
            buf = []
    return title, meta, blocks


def layout(title: str, meta: dict, blocks: list[str]):
    """Return a list of pages; each page is a list of (font, size, x, y, text)."""
    usable = PAGE_W - MARGIN_L - MARGIN_R
    pages: list[list[tuple]] = [[]]
    y = PAGE_H - MARGIN_TOP

    def need(h: float):
        nonlocal y
        if y - h < MARGIN_BOTTOM:
            pages.append([])
            y = PAGE_H - MARGIN_TOP

    for line in wrap(title, TITLE_SIZE, usable, bold=True):
        need(TITLE_LEAD)
        y -= TITLE_LEAD
        pages[-1].append(("F2", TITLE_SIZE, MARGIN_L, y, line))
    sub = " | ".join(v for v in (meta.get("subtitle"), meta.get("author"), meta.get("date")) if v)
    if sub:
        y -= 4
        need(SUB_LEAD)
        y -= SUB_LEAD
        pages[-1].append(("F1", SUB_SIZE, MARGIN_L, y, sub))
    y -= PARA_GAP

    for block in blocks:
        if block.startswith("## "):
            lines = wrap(block[3:], HEAD_SIZE, usable, bold=True)
            need(HEAD_LEAD * len(lines) + BODY_LEAD * 2)   # keep heading with next lines
            for line in lines:
                y -= HEAD_LEAD
                pages[-1].append(("F2", HEAD_SIZE, MARGIN_L, y, line))
            y -= PARA_GAP / 2
            continue
        lines = wrap(block, BODY_SIZE, usable)
        for n, line in enumerate(lines):
            # avoid a single orphan line at the bottom of a page
            need(BODY_LEAD * (2 if n == 0 and len(lines) > 1 else 1))
            y -= BODY_LEAD
            pages[-1].append(("F1", BODY_SIZE, MARGIN_L, y, line))
        y -= PARA_GAP
    return [p for p in pages if p]


def build_pdf(title: str, meta: dict, blocks: list[str]) -> bytes:
    pages = layout(title, meta, blocks)
    n_pages = len(pages)
    # Object numbers: 1 catalog, 2 pages, 3 F1, 4 F2, 5 info, then (page, content) pairs.
    objs: dict[int, bytes] = {}
    objs[3] = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
    objs[4] = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>"
    date = meta.get("date", "2025-01-01").replace("-", "")
    objs[5] = (b"<< /Title " + pdf_string(title)
               + b" /Author " + pdf_string(meta.get("author", "CgtAtlas")) 
               + b" /Producer (CgtAtlas make_pdf.py) /CreationDate (D:" + date.encode() + b"080000+08'00') >>")
    kids = []
    for i, items in enumerate(pages):
        page_no, content_no = 6 + 2 * i, 7 + 2 * i
        kids.append(page_no)
        ops = []
        for font, size, x, y, text in items:
            ops.append(b"BT /%s %.1f Tf %.2f %.2f Td %s Tj ET" % (font.encode(), size, x, y, pdf_string(text)))
        footer = f"Page {i + 1} of {n_pages}"
        fx = PAGE_W - MARGIN_R - text_width(footer, 8)
        ops.append(b"BT /F1 8.0 Tf %.2f %.2f Td %s Tj ET" % (fx, MARGIN_BOTTOM / 2, pdf_string(footer)))
        stream = b"\n".join(ops) + b"\n"
        objs[content_no] = b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"endstream"
        objs[page_no] = (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] " % (PAGE_W, PAGE_H)
                         + b"/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents %d 0 R >>" % content_no)
    objs[2] = b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % k for k in kids) + b"] /Count %d >>" % n_pages
    objs[1] = b"<< /Type /Catalog /Pages 2 0 R >>"

    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for num in sorted(objs):
        offsets[num] = len(out)
        out += b"%d 0 obj\n" % num + objs[num] + b"\nendobj\n"
    xref_pos = len(out)
    size = max(objs) + 1
    out += b"xref\n0 %d\n" % size
    out += b"0000000000 65535 f \n"
    for num in range(1, size):
        out += b"%010d 00000 n \n" % offsets[num]
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info 5 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, xref_pos)
    return bytes(out)


def check(path: str) -> int:
    """Re-read the xref table and confirm every entry points at 'N 0 obj'."""
    data = open(path, "rb").read()
    m = re.search(rb"startxref\s+(\d+)\s+%%EOF\s*$", data)
    if not m:
        print("no startxref")
        return 1
    pos = int(m.group(1))
    if data[pos:pos + 4] != b"xref":
        print("startxref does not point at xref")
        return 1
    head = re.match(rb"xref\s+(\d+) (\d+)\s*\n", data[pos:])
    first, count = int(head.group(1)), int(head.group(2))
    table = pos + head.end()
    bad = 0
    for k in range(count):
        entry = data[table + 20 * k: table + 20 * (k + 1)]
        off, gen, kind = int(entry[:10]), int(entry[11:16]), entry[17:18]
        if kind == b"n" and not data[off:].startswith(b"%d %d obj" % (first + k, gen)):
            print(f"object {first + k}: bad offset {off}")
            bad += 1
    pages = len(re.findall(rb"/Type /Page\b", data))
    print(f"{path}: {count} xref entries, {pages} pages, {'OK' if not bad else 'BROKEN'}")
    return 1 if bad else 0


def main(argv: list[str]) -> int:
    if len(argv) == 3 and argv[1] == "--check":
        return check(argv[2])
    if len(argv) != 3:
        print(__doc__)
        return 2
    title, meta, blocks = parse_source(argv[1])
    with open(argv[2], "wb") as f:
        f.write(build_pdf(title, meta, blocks))
    return check(argv[2])


if __name__ == "__main__":
    sys.exit(main(sys.argv))
