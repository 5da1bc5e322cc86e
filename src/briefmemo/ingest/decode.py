"""Turn a file's bytes into text, whatever encoding a user is likely to have."""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from ..errors import BadSourceError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode_bytes(data: bytes, name: str = "<bytes>") -> str:
    """Decode ``data``; BOMs first, then strict UTF-8, then charset detection.

    Raises BadSourceError for empty or binary content.
    """
    if not data.strip():
        raise BadSourceError(f"{name}: empty file")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding)
    if b"\x00" in data[:4096]:
        # NULs without a BOM: UTF-16 without BOM is rare; anything else is binary.
        guess = from_bytes(data[:65536]).best()
        if guess is None or not guess.encoding.startswith("utf_16"):
            raise BadSourceError(f"{name}: binary file, not text")
        return data.decode(guess.encoding)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    guess = from_bytes(data).best()
    if guess is None:
        raise BadSourceError(f"{name}: cannot tell the text encoding")
    # cp1252 is a superset of latin-1 for printable text and is what Windows users save.
    encoding = "cp1252" if guess.encoding in ("latin_1", "iso8859_1") else guess.encoding
    return data.decode(encoding, errors="replace")
