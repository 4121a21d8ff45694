#!/usr/bin/env python3
"""Draws the home-screen icons (server/offline/icon-192.png, icon-512.png): a child's head
and shoulders under an open hand, white on the site's blue, inside the centre circle a
"maskable" icon must keep. Standard library only; run again after changing the drawing."""
import struct
import zlib
from pathlib import Path

BLUE = (0x0B, 0x53, 0x94)
WHITE = (0xFF, 0xFF, 0xFF)
GOLD = (0xF2, 0xC1, 0x4E)


def colour(x, y):
    """The colour at (x, y), both from 0 to 1."""
    # the roof of a sheltering hand: an arc over the child
    d = ((x - 0.5) ** 2 + (y - 0.62) ** 2) ** 0.5
    if 0.27 < d < 0.32 and y < 0.62:
        return GOLD
    # head
    if (x - 0.5) ** 2 + (y - 0.45) ** 2 < 0.075 ** 2:
        return WHITE
    # shoulders: the top half of an ellipse
    if y > 0.55 and y < 0.70 and ((x - 0.5) / 0.16) ** 2 + ((y - 0.70) / 0.15) ** 2 < 1:
        return WHITE
    return BLUE


def png(size):
    rows = b''.join(
        b'\0' + b''.join(bytes(colour((i + 0.5) / size, (j + 0.5) / size)) for i in range(size))
        for j in range(size))

    def chunk(kind, data):
        return struct.pack('>I', len(data)) + kind + data + struct.pack('>I', zlib.crc32(kind + data))

    return (b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', size, size, 8, 2, 0, 0, 0))
            + chunk(b'IDAT', zlib.compress(rows, 9)) + chunk(b'IEND', b''))


here = Path(__file__).resolve().parent.parent / 'server' / 'offline'
for size in (192, 512):
    (here / f'icon-{size}.png').write_bytes(png(size))
