#!/usr/bin/env python3
"""Makes a different but still valid PNG: inserts a tEXt chunk right after IHDR.

    png_text.py FILE TEXT

Rewrites FILE in place. The pixels stay the same, the bytes (and so the SHA-256) change;
the sync tests use it to publish "a changed image". Standard library only.
"""

import struct
import sys
import zlib

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: png_text.py FILE TEXT")
    path, text = sys.argv[1], sys.argv[2]
    with open(path, "rb") as f:
        data = f.read()
    if not data.startswith(PNG_SIGNATURE) or data[12:16] != b"IHDR":
        sys.exit("%s: not a PNG" % path)
    ihdr_end = 8 + 8 + struct.unpack(">I", data[8:12])[0] + 4
    body = b"Comment\0" + text.encode("latin-1")
    chunk = struct.pack(">I", len(body)) + b"tEXt" + body
    chunk += struct.pack(">I", zlib.crc32(b"tEXt" + body) & 0xFFFFFFFF)
    with open(path, "wb") as f:
        f.write(data[:ihdr_end] + chunk + data[ihdr_end:])


if __name__ == "__main__":
    main()
