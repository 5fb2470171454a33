#!/usr/bin/env python3
"""Says whether a screenshot shows something: decodes a PNG (8-bit grey, RGB
or RGBA, not interlaced, as grim and the kiosk write them) and prints

    WIDTH HEIGHT COLOURS LIT_PERCENT

COLOURS: distinct colours (of every 4th pixel in every 4th row); LIT_PERCENT:
pixels whose brightest channel is above 24 (not black). Standard library only.

    png_stats.py FILE
"""

import struct
import sys
import zlib


def decode(path):
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        sys.exit("%s: not a PNG" % path)
    pos, idat = 8, b""
    width = height = depth = ctype = interlace = None
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos:pos + 4])
        kind = data[pos + 4:pos + 8]
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, ctype, _, _, interlace = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    channels = {0: 1, 2: 3, 4: 2, 6: 4}.get(ctype)
    if depth != 8 or channels is None or interlace:
        sys.exit("%s: only 8-bit, non-interlaced grey/RGB/RGBA PNGs (depth %s, type %s)"
                 % (path, depth, ctype))
    raw = zlib.decompress(idat)
    stride = width * channels
    rows, prev, i = [], bytearray(stride), 0
    for _ in range(height):
        ftype = raw[i]
        line = bytearray(raw[i + 1:i + 1 + stride])
        i += 1 + stride
        for x in range(stride):
            a = line[x - channels] if x >= channels else 0
            b = prev[x]
            c = prev[x - channels] if x >= channels else 0
            if ftype == 1:
                line[x] = (line[x] + a) & 255
            elif ftype == 2:
                line[x] = (line[x] + b) & 255
            elif ftype == 3:
                line[x] = (line[x] + ((a + b) >> 1)) & 255
            elif ftype == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                line[x] = (line[x] + pred) & 255
        rows.append(line)
        prev = line
    return width, height, channels, rows


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: png_stats.py FILE")
    width, height, channels, rows = decode(sys.argv[1])
    colours, lit, n = set(), 0, 0
    for y in range(0, height, 4):
        row = rows[y]
        for x in range(0, width, 4):
            px = tuple(row[x * channels:x * channels + min(channels, 3)])
            colours.add(px)
            n += 1
            if max(px) > 24:
                lit += 1
    print(width, height, len(colours), (100 * lit) // max(n, 1))


if __name__ == "__main__":
    main()
