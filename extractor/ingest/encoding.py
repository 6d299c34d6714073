"""Decoding text files: bytes -> str, refusing what is not text.

Rules, in order:

1. empty or whitespace-only input is refused ("empty");
2. a byte-order mark decides: UTF-8 (BOM dropped), UTF-32 LE/BE, UTF-16 LE/BE;
3. BOM-less UTF-16 is recognised by its pattern of NUL bytes (English text in
   UTF-16 has a NUL in every other byte);
4. any other NUL byte, or a PDF/ZIP/... signature, means binary: refused;
5. strict UTF-8;
6. Windows-1252 (a superset of Latin-1 for text) when it decodes and looks like
   Western text (accented letters inside mostly-ASCII words);
7. charset-normalizer, when it is confident (low "chaos", some language coherence);
8. otherwise refused: "not UTF-8 and the encoding could not be detected".

Newlines are normalised to ``\\n`` (CRLF and lone CR); nothing else is changed.
"""

from __future__ import annotations

import codecs
import re

from litkg.extractor.document import IngestError

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_BINARY_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF"),
    (b"PK\x03\x04", "a ZIP archive (docx/xlsx/...)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"{\\rtf", "an RTF document"),
)

# Characters Windows-1252 text plausibly holds besides ASCII and letters.
_CP1252_PUNCT = set("‘’“”–—•…€™°±µ×÷·§¶©®«»¼½¾¹²³¢£¥¦¨ª¬¯´¸º¿¡\u00a0†‡‰‹›ˆ˜")
_NEWLINES = re.compile(r"\r\n?")
_MAX_CONTROL_RATIO = 0.01


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR become LF; nothing else changes."""
    return _NEWLINES.sub("\n", text)


def _utf16_without_bom(data: bytes) -> str | None:
    """The codec of BOM-less UTF-16 text, recognised by its NUL pattern, or None."""
    if len(data) < 4 or len(data) % 2:
        return None
    even, odd = data[0::2], data[1::2]
    n = len(even)
    even_nul, odd_nul = even.count(0) / n, odd.count(0) / n
    if odd_nul > 0.6 and even_nul < 0.05:
        return "utf-16-le"
    if even_nul > 0.6 and odd_nul < 0.05:
        return "utf-16-be"
    return None


def _looks_western(text: str) -> bool:
    """True when the non-ASCII characters of `text` look like Western European text."""
    letters = non_ascii_letters = 0
    for ch in text:
        if ch.isascii():
            if ch.isalpha():
                letters += 1
            continue
        if ch in _CP1252_PUNCT:
            continue
        if not ch.isalpha() or not ("\u00c0" <= ch <= "\u017f"):
            return False
        letters += 1
        non_ascii_letters += 1
    return letters > 0 and non_ascii_letters / letters <= 0.25


#: the control characters (general category Cc: U+0000-001F and U+007F-009F,
#: fixed by Unicode) other than tab, newline, vertical tab, form feed and return
CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def _check_not_binary(text: str, path: str) -> None:
    """Refuse decoded text that is mostly control characters (binary junk)."""
    controls = len(CONTROLS.findall(text))
    if controls and controls / max(len(text), 1) > _MAX_CONTROL_RATIO:
        raise IngestError(path, "binary content, not text", "pass a text, PDF or JATS XML file")


def decode_text_bytes(data: bytes, path: str = "<bytes>") -> tuple[str, str]:
    """Decode the bytes of a text file.

    Returns ``(text, encoding)`` with newlines normalised to ``\\n``. Raises
    `IngestError` for empty input, binary input, or an undetectable encoding.
    """
    if not data.strip():
        raise IngestError(path, "empty", "the file holds no text")
    text: str | None = None
    encoding = ""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(codec)
            except UnicodeDecodeError as exc:
                raise IngestError(
                    path, f"starts with a {codec} byte-order mark but is not {codec}: {exc}"
                ) from exc
            encoding = codec + ("-sig" if codec == "utf-8" else "")
            break
    if text is None:
        codec16 = _utf16_without_bom(data)
        if codec16:
            try:
                text, encoding = data.decode(codec16), codec16
            except UnicodeDecodeError:
                text = None
    if text is None:
        for signature, what in _BINARY_SIGNATURES:
            if data.startswith(signature):
                raise IngestError(
                    path, f"binary content ({what}), not text", "use the right suffix"
                )
        if b"\x00" in data:
            raise IngestError(path, "binary content (NUL bytes), not text", "pass a text file")
        try:
            text, encoding = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            text = None
    if text is None:
        try:
            candidate = data.decode("cp1252")
        except UnicodeDecodeError:
            candidate = None
        if candidate is not None and _looks_western(candidate):
            text, encoding = candidate, "cp1252"
    if text is None:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        if best is not None and best.chaos <= 0.1 and best.coherence >= 0.2:
            text, encoding = str(best), best.encoding
    if text is None:
        raise IngestError(
            path, "not UTF-8 and the encoding could not be detected", "convert it to UTF-8"
        )
    _check_not_binary(text, path)
    if not text.strip():
        raise IngestError(path, "empty", "the file holds only whitespace")
    return normalise_newlines(text), encoding
