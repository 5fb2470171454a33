#!/usr/bin/env python3
"""Draws the images of the bundled sample content (assets/content/images/).

Our own drawings, no copied logos: a Litfass column as the sample logo, a
poster for the weeks against racism (a ring of people holding hands) and a
poster for the Muenster migration-guidelines process (speech bubbles over
houses). Python 3 standard library only: shapes are signed distance
functions, edges are anti-aliased from the distance, and the PNG is
written by hand with zlib and struct. The output is deterministic, so
running the script again gives the same files.

Usage: python3 scripts/make-sample-images.py [output folder]
       (default: assets/content/images next to this script's repository)
"""

import math
import os
import struct
import sys
import zlib


# ---- PNG ----------------------------------------------------------------

def png_chunk(kind, data):
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)


def write_png(path, width, height, rgba_rows):
    """rgba_rows: one bytes object of width*4 bytes per row (8-bit RGBA)."""
    raw = bytearray()
    prev = bytes(width * 4)
    for row in rgba_rows:
        # filter type 2 (Up): flat shapes become runs of zeros, which deflate well
        raw.append(2)
        raw.extend(bytes((row[i] - prev[i]) & 0xFF for i in range(len(row))))
        prev = row
    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    data = (b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", header)
            + png_chunk(b"IDAT", zlib.compress(bytes(raw), 9)) + png_chunk(b"IEND", b""))
    tmp = path + ".tmp"
    with open(tmp, "wb") as f:
        f.write(data)
    os.replace(tmp, path)
    return len(data)


# ---- canvas -------------------------------------------------------------

def hex_rgb(s):
    s = s.lstrip("#")
    return tuple(int(s[i:i + 2], 16) / 255.0 for i in (0, 2, 4))


class Canvas:
    """Premultiplied RGBA floats, 0..1; shapes are painted over in order."""

    def __init__(self, width, height, background=None):
        self.w, self.h = width, height
        n = width * height
        if background is None:
            self.r, self.g, self.b, self.a = [0.0] * n, [0.0] * n, [0.0] * n, [0.0] * n
        else:
            r, g, b = hex_rgb(background)
            self.r, self.g, self.b, self.a = [r] * n, [g] * n, [b] * n, [1.0] * n

    def shape(self, sdf, colour, bbox=None, alpha=1.0, shade=None):
        """Paints where sdf(x, y) < 0 (distance in pixels, anti-aliased over one
        pixel). colour: "#rrggbb"; shade(x, y) -> factor that scales it."""
        cr, cg, cb = hex_rgb(colour)
        x0, y0, x1, y1 = bbox if bbox else (0, 0, self.w, self.h)
        x0, y0 = max(0, int(x0) - 1), max(0, int(y0) - 1)
        x1, y1 = min(self.w, int(math.ceil(x1)) + 1), min(self.h, int(math.ceil(y1)) + 1)
        for py in range(y0, y1):
            y = py + 0.5
            base = py * self.w
            for px in range(x0, x1):
                x = px + 0.5
                d = sdf(x, y)
                if d >= 0.5:
                    continue
                cov = alpha * (1.0 if d <= -0.5 else 0.5 - d)
                k = shade(x, y) if shade else 1.0
                i = base + px
                keep = 1.0 - cov
                self.r[i] = min(1.0, cr * k) * cov + self.r[i] * keep
                self.g[i] = min(1.0, cg * k) * cov + self.g[i] * keep
                self.b[i] = min(1.0, cb * k) * cov + self.b[i] * keep
                self.a[i] = cov + self.a[i] * keep

    def rows(self):
        for py in range(self.h):
            row = bytearray(self.w * 4)
            base = py * self.w
            for px in range(self.w):
                i = base + px
                a = self.a[i]
                if a > 0:
                    row[px * 4] = int(min(1.0, self.r[i] / a) * 255 + 0.5)
                    row[px * 4 + 1] = int(min(1.0, self.g[i] / a) * 255 + 0.5)
                    row[px * 4 + 2] = int(min(1.0, self.b[i] / a) * 255 + 0.5)
                row[px * 4 + 3] = int(min(1.0, a) * 255 + 0.5)
            yield bytes(row)


# ---- signed distance functions (negative inside) ------------------------

def circle(cx, cy, r):
    return lambda x, y: math.hypot(x - cx, y - cy) - r


def ellipse(cx, cy, rx, ry):
    m = min(rx, ry)
    return lambda x, y: (math.hypot((x - cx) / rx, (y - cy) / ry) - 1.0) * m


def box(cx, cy, hw, hh, radius=0.0, angle=0.0):
    """Rectangle centred on (cx, cy), half sizes hw, hh, rounded corners,
    turned by `angle` radians."""
    ca, sa = math.cos(angle), math.sin(angle)

    def f(x, y):
        dx, dy = x - cx, y - cy
        lx, ly = dx * ca + dy * sa, -dx * sa + dy * ca
        qx = abs(lx) - hw + radius
        qy = abs(ly) - hh + radius
        outside = math.hypot(max(qx, 0.0), max(qy, 0.0))
        return outside + min(max(qx, qy), 0.0) - radius
    return f


def capsule(ax, ay, bx, by, r):
    vx, vy = bx - ax, by - ay
    ll = vx * vx + vy * vy

    def f(x, y):
        t = ((x - ax) * vx + (y - ay) * vy) / ll
        t = 0.0 if t < 0 else 1.0 if t > 1 else t
        return math.hypot(x - ax - vx * t, y - ay - vy * t) - r
    return f


def polygon(points):
    """Convex or concave simple polygon (even-odd rule)."""
    n = len(points)

    def f(x, y):
        d = float("inf")
        inside = False
        for i in range(n):
            ax, ay = points[i]
            bx, by = points[(i + 1) % n]
            vx, vy = bx - ax, by - ay
            t = ((x - ax) * vx + (y - ay) * vy) / (vx * vx + vy * vy)
            t = 0.0 if t < 0 else 1.0 if t > 1 else t
            d = min(d, math.hypot(x - ax - vx * t, y - ay - vy * t))
            if (ay > y) != (by > y) and x < ax + (y - ay) * vx / (by - ay):
                inside = not inside
        return -d if inside else d
    return f


def intersect(*fs):
    return lambda x, y: max(f(x, y) for f in fs)


def union(*fs):
    return lambda x, y: min(f(x, y) for f in fs)


def subtract(a, b):
    return lambda x, y: max(a(x, y), -b(x, y))


# ---- the palette --------------------------------------------------------

INK = "#1d2b4f"
PAPER = "#fbf6ec"
BANDS = ["#e63946", "#f4a261", "#e9c46a", "#2a9d8f", "#3a86ff", "#8e44ad"]
SKIN = ["#8d5524", "#c68642", "#e0ac69", "#f1c27d", "#ffdbac", "#5c3a1e"]


# ---- the Litfass column (sample logo) -----------------------------------

def draw_logo(size=512):
    c = Canvas(size, size)
    s = size / 512.0
    cx = size / 2
    # backdrop disc
    c.shape(circle(cx, cx, 250 * s), PAPER)
    c.shape(subtract(circle(cx, cx, 250 * s), circle(cx, cx, 236 * s)), INK)

    top, bottom, half = 150 * s, 420 * s, 88 * s

    def round_shade(x, y):
        # a cylinder lit from the upper left: bright left of centre, dark at the rim
        u = (x - cx) / half
        u = max(-1.0, min(1.0, u))
        return 0.72 + 0.38 * math.cos((u + 0.35) * math.pi / 2.4)

    body = box(cx, (top + bottom) / 2, half, (bottom - top) / 2, 6 * s)
    bb = (cx - half, top, cx + half, bottom)
    c.shape(body, "#d9d2c5", bb, shade=round_shade)
    # posters: coloured bands around the column
    y = top + 16 * s
    heights = [44, 30, 52, 26, 40, 34]
    for i, hgt in enumerate(heights):
        band = intersect(body, box(cx, y + hgt * s / 2, half + 2, hgt * s / 2))
        c.shape(band, BANDS[i], (bb[0], y, bb[2], y + hgt * s), shade=round_shade)
        y += (hgt + 8) * s
    # two geometric motifs on the posters: a circle and a triangle
    c.shape(circle(cx - 30 * s, top + 38 * s, 13 * s), PAPER, alpha=0.9)
    c.shape(polygon([(cx + 22 * s, top + 108 * s), (cx + 52 * s, top + 108 * s),
                     (cx + 37 * s, top + 82 * s)]), PAPER, alpha=0.9)
    # the cornice, the dome and the finial
    c.shape(box(cx, top - 6 * s, half + 16 * s, 10 * s, 5 * s), INK)
    c.shape(intersect(ellipse(cx, top - 16 * s, half + 4 * s, 62 * s),
                      box(cx, top - 60 * s, half + 8 * s, 44 * s)),
            "#2a9d8f", shade=round_shade)
    c.shape(capsule(cx, top - 78 * s, cx, top - 96 * s, 5 * s), INK)
    c.shape(circle(cx, top - 102 * s, 11 * s), "#e63946")
    # the plinth
    c.shape(box(cx, bottom + 10 * s, half + 14 * s, 12 * s, 4 * s), INK)
    c.shape(box(cx, bottom + 30 * s, half + 26 * s, 9 * s, 4 * s), INK)
    return c


# ---- poster: weeks against racism ---------------------------------------

def draw_poster_racism(size=800):
    c = Canvas(size, size, "#14213d")
    s = size / 800.0
    cx = cy = size / 2
    # colourful diagonal bands in two corners
    band_area = subtract(box(cx, cy, cx, cy), circle(cx, cy, 350 * s))
    for i, col in enumerate(BANDS):
        off = (i - 2.5) * 46 * s
        stripe = box(cx + off / 1.414, cy + off / 1.414, 1200 * s, 19 * s, 0, -math.pi / 4)
        c.shape(intersect(stripe, band_area), col)
    # a light disc behind the ring
    c.shape(circle(cx, cy, 330 * s), PAPER)
    # twelve people seen from above, holding hands in a ring
    n = 12
    ring = 215 * s
    heads = []
    for k in range(n):
        a = 2 * math.pi * k / n - math.pi / 2
        hx, hy = cx + math.cos(a) * ring, cy + math.sin(a) * ring
        heads.append((a, hx, hy))
    # arms first: each person reaches to the neighbours, hands meet halfway
    for k in range(n):
        a, hx, hy = heads[k]
        for nb in (k - 1, (k + 1) % n):
            b = heads[nb][0]
            mid = (a + b) / 2 if abs(a - b) < math.pi else (a + b) / 2 + math.pi
            mx, my = cx + math.cos(mid) * (ring - 18 * s), cy + math.sin(mid) * (ring - 18 * s)
            sx, sy = cx + math.cos(a) * (ring - 4 * s), cy + math.sin(a) * (ring - 4 * s)
            c.shape(capsule(sx, sy, mx, my, 9 * s), BANDS[k % len(BANDS)],
                    (min(sx, mx) - 12 * s, min(sy, my) - 12 * s,
                     max(sx, mx) + 12 * s, max(sy, my) + 12 * s))
    for k in range(n):
        a, hx, hy = heads[k]
        # body: shoulders as a rounded bar across the radius, in the band colour
        bx, by = cx + math.cos(a) * (ring + 22 * s), cy + math.sin(a) * (ring + 22 * s)
        c.shape(box(bx, by, 40 * s, 22 * s, 20 * s, a + math.pi / 2), BANDS[k % len(BANDS)],
                (bx - 46 * s, by - 46 * s, bx + 46 * s, by + 46 * s))
        # hands where the arms meet
        mid = a + math.pi / n
        mx, my = cx + math.cos(mid) * (ring - 18 * s), cy + math.sin(mid) * (ring - 18 * s)
        c.shape(circle(mx, my, 13 * s), SKIN[(k + 2) % len(SKIN)],
                (mx - 15 * s, my - 15 * s, mx + 15 * s, my + 15 * s))
        # head
        c.shape(circle(hx + math.cos(a) * 20 * s, hy + math.sin(a) * 20 * s, 25 * s),
                SKIN[k % len(SKIN)])
    # the centre: a heart of two circles and a triangle
    r = 42 * s
    heart = union(circle(cx - r * 0.72, cy - r * 0.35, r), circle(cx + r * 0.72, cy - r * 0.35, r),
                  polygon([(cx - r * 1.62, cy - r * 0.05), (cx + r * 1.62, cy - r * 0.05),
                           (cx, cy + r * 1.75)]))
    c.shape(heart, "#e63946", (cx - 2 * r, cy - 2 * r, cx + 2 * r, cy + 2 * r))
    return c


# ---- poster: migration guidelines (speech bubbles over houses) ----------

def draw_poster_guidelines(size=800):
    c = Canvas(size, size, PAPER)
    s = size / 800.0
    # a row of gabled houses in different colours
    xs = [40, 170, 290, 420, 540, 660]
    widths = [120, 110, 120, 110, 110, 110]
    heights = [250, 330, 280, 360, 300, 260]
    ground = 720 * s
    for i, (x, w, h) in enumerate(zip(xs, widths, heights)):
        x, w, h = x * s, w * s, h * s
        roof = 46 * s
        house = polygon([(x, ground), (x, ground - h), (x + w / 2, ground - h - roof),
                         (x + w, ground - h), (x + w, ground)])
        c.shape(house, BANDS[i], (x, ground - h - roof, x + w, ground))
        # windows
        for row in range(int((h - 60 * s) // (60 * s))):
            for col in (0, 1):
                wx = x + w * (0.3 + 0.4 * col)
                wy = ground - h + 40 * s + row * 60 * s
                c.shape(box(wx, wy, 11 * s, 15 * s, 3 * s), PAPER, alpha=0.85)
    c.shape(box(400 * s, ground + 40 * s, 400 * s, 40 * s), INK)
    # three speech bubbles above the roofs
    bubbles = [(210, 170, 120, "#3a86ff", 1), (470, 130, 140, "#e63946", -1),
               (640, 250, 95, "#2a9d8f", -1)]
    for bx, by, r, col, side in bubbles:
        bx, by, r = bx * s, by * s, r * s
        tail = polygon([(bx + side * r * 0.2, by + r * 0.7), (bx + side * r * 0.65, by + r * 0.45),
                        (bx + side * r * 0.75, by + r * 1.25)])
        c.shape(union(ellipse(bx, by, r, r * 0.72), tail), col,
                (bx - r, by - r, bx + r, by + r * 1.3))
        for d in (-1, 0, 1):
            c.shape(circle(bx + d * r * 0.34, by, r * 0.1), PAPER)
    return c


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "assets", "content",
                                                              "images")
    os.makedirs(out, exist_ok=True)
    jobs = [("logo-litfass.png", draw_logo, 512),
            ("poster-wochen-gegen-rassismus.png", draw_poster_racism, 800),
            ("poster-migrationsleitbild.png", draw_poster_guidelines, 800)]
    for name, draw, size in jobs:
        canvas = draw(size)
        n = write_png(os.path.join(out, name), canvas.w, canvas.h, canvas.rows())
        print("%s: %dx%d, %d bytes" % (name, canvas.w, canvas.h, n))


if __name__ == "__main__":
    main()
