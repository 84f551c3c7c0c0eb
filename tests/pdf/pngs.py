#!/usr/bin/env python3
"""tests/pdf/pngs.py DIR - write small PNGs of every kind md2pdf embeds.

Each file is named after its kind (suite-48-png.sh reads the names): the
colour types, bit depths, tRNS, Adam7 interlacing, a stored (uncompressed)
stream, an RGB file whose pixels are all gray, and damaged files.  Made with
zlib and struct alone, so the test needs no image library.
"""
import os
import struct
import sys
import zlib

W, H = 48, 36


def chunk(kind, data):
    return (struct.pack(">I", len(data)) + kind + data +
            struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))


def png(ct, depth, rows, plte=None, trns=None, interlace=False, level=9,
        w=W, h=H, idat_hook=None, all_filters=False):
    """rows: one bytes object of packed samples per row (no filter byte).
    Each row filtered with Sub, or with all_filters the five filter types
    in turn (0 None, 1 Sub, 2 Up, 3 Average, 4 Paeth)."""
    if interlace:
        raw = adam7(rows, w, h, ct, depth)
    elif all_filters:
        n = bpp(ct, depth)
        raw = b"".join(bytes([y % 5]) + filtered(y % 5, rows[y], rows[y - 1] if y else None, n)
                       for y in range(len(rows)))
    else:
        raw = b"".join(b"\x01" + sub(r, bpp(ct, depth)) for r in rows)
    z = zlib.compress(raw, level)
    if idat_hook:
        z = idat_hook(z)
    out = b"\x89PNG\r\n\x1a\n"
    out += chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, depth, ct, 0, 0,
                                      1 if interlace else 0))
    out += chunk(b"gAMA", struct.pack(">I", 45455))
    if plte:
        out += chunk(b"PLTE", plte)
    if trns is not None:
        out += chunk(b"tRNS", trns)
    # two IDAT chunks: readers must join them
    half = len(z) // 2
    out += chunk(b"IDAT", z[:half]) + chunk(b"IDAT", z[half:])
    return out + chunk(b"IEND", b"")


def idat_stream(data):
    """The joined IDAT chunks of PNG file bytes (its zlib stream)."""
    z, o = b"", 8
    while o < len(data):
        n, t = struct.unpack(">I4s", data[o:o + 8])
        if t == b"IDAT":
            z += data[o + 8:o + 8 + n]
        o += 12 + n
    return z


def bpp(ct, depth):
    ch = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}[ct]
    return max(1, ch * depth // 8)


def sub(row, n):
    """PNG filter 1 (Sub): a PDF reader must undo it (Predictor 15)."""
    return bytes((row[i] - (row[i - n] if i >= n else 0)) & 0xFF
                 for i in range(len(row)))


def filtered(f, row, prev, n):
    """A row under PNG filter type f; prev is the row above (None: zeros)."""
    prev = prev or bytes(len(row))
    out = bytearray()
    for i, v in enumerate(row):
        a = row[i - n] if i >= n else 0
        b = prev[i]
        c = prev[i - n] if i >= n else 0
        if f == 0:
            pred = 0
        elif f == 1:
            pred = a
        elif f == 2:
            pred = b
        elif f == 3:
            pred = (a + b) // 2
        else:
            p = a + b - c
            pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            pred = a if pa <= pb and pa <= pc else b if pb <= pc else c
        out.append((v - pred) & 0xFF)
    return bytes(out)


def adam7(rows, w, h, ct, depth):
    ch = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}[ct]
    size = ch * depth // 8
    assert size >= 1
    out = b""
    for xs, ys, dx, dy in ((0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4),
                           (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)):
        if xs >= w or ys >= h:
            continue
        for y in range(ys, h, dy):
            r = b"".join(rows[y][x * size:(x + 1) * size] for x in range(xs, w, dx))
            out += b"\x00" + r
    return out


def rgb_rows(f):
    return [bytes(v for x in range(W) for v in f(x, y)) for y in range(H)]


def pack(vals, depth):
    """Samples of depth < 8 bits packed into bytes, high bits first."""
    out, acc, n = bytearray(), 0, 0
    for v in vals:
        acc = acc << depth | v
        n += depth
        if n == 8:
            out.append(acc)
            acc, n = 0, 0
    if n:
        out.append(acc << (8 - n))
    return bytes(out)


def colour(x, y):
    return (x * 5 & 255, y * 7 & 255, (x * y) & 255)


def main(d):
    os.makedirs(d, exist_ok=True)
    files = {}
    files["rgb"] = png(2, 8, rgb_rows(colour))
    # alpha from 0 to 255 across the image, and a transparent band
    files["rgba"] = png(6, 8, rgb_rows(
        lambda x, y: colour(x, y) + ((0 if 10 <= y < 14 else x * 255 // (W - 1)),)))
    files["rgba-opaque"] = png(6, 8, rgb_rows(lambda x, y: colour(x, y) + (255,)))
    # opaque alpha (md2pdf drops it from the filtered rows without
    # decoding): every filter type; gray pixels; gray with alpha; one
    # pixel, the last, not quite opaque
    files["rgba-opaque-filters"] = png(6, 8, rgb_rows(lambda x, y: colour(x, y) + (255,)),
                                       all_filters=True)
    files["rgba-opaque-gray"] = png(6, 8, rgb_rows(lambda x, y: ((x * 5 + y) & 255,) * 3 + (255,)),
                                    all_filters=True)
    files["gray-alpha-opaque"] = png(4, 8, rgb_rows(lambda x, y: ((x * 5 + y * 3) & 255, 255)),
                                     all_filters=True)
    files["rgba-last-translucent"] = png(6, 8, rgb_rows(
        lambda x, y: colour(x, y) + (254 if (x, y) == (W - 1, H - 1) else 255,)),
        all_filters=True)
    files["gray"] = png(0, 8, [bytes((x * 5 + y * 3) & 255 for x in range(W)) for y in range(H)])
    files["gray4"] = png(0, 4, [pack([(x + y) % 16 for x in range(W)], 4) for y in range(H)])
    files["gray-alpha"] = png(4, 8, rgb_rows(lambda x, y: ((x * 5) & 255, y * 7)))
    pal = bytes(v for i in range(16) for v in (i * 16, 255 - i * 16, (i * 40) & 255))
    files["palette"] = png(3, 8, [bytes((x + 2 * y) % 16 for x in range(W)) for y in range(H)],
                           plte=pal)
    files["palette4"] = png(3, 4, [pack([(x // 3 + y) % 16 for x in range(W)], 4)
                                   for y in range(H)], plte=pal)
    files["palette-trns"] = png(3, 8, [bytes((x + y) % 16 for x in range(W)) for y in range(H)],
                                plte=pal, trns=bytes([0, 128, 255, 64]))
    files["interlaced"] = png(2, 8, rgb_rows(colour), interlace=True)
    files["rgb16"] = png(2, 16, rgb_rows(
        lambda x, y: struct.pack(">HHH", x * 1300, y * 1800, (x * y * 37) & 0xFFFF)))
    files["rgb-gray"] = png(2, 8, rgb_rows(lambda x, y: ((x * 5 + y) & 255,) * 3))
    files["stored"] = png(2, 8, rgb_rows(lambda x, y: (x * 4, 100, 200)), level=0)
    # damaged: a CRC-correct IDAT whose deflate data is garbage, and a
    # stream cut short (its checksum missing)
    files["broken-deflate"] = png(2, 8, rgb_rows(colour),
                                  idat_hook=lambda z: z[:2] + b"\xff" * (len(z) - 2))
    files["broken-short"] = png(2, 8, rgb_rows(colour), idat_hook=lambda z: z[:len(z) // 2])
    for name, data in files.items():
        with open(os.path.join(d, name + ".png"), "wb") as f:
            f.write(data)


if __name__ == "__main__":
    main(sys.argv[1])
