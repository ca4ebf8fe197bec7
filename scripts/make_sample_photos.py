#!/usr/bin/env python3
"""Draw the sample content's pictures, one per kampung, with Pillow alone.

They are stylised illustrations, not photographs of the real kampung, and their alt text says so;
replace them with real photos (taken with permission) when the kampung provide them. Nothing is
downloaded or copied: every shape is drawn here from a fixed seed, so each run writes the same bytes.

    python scripts/make_sample_photos.py [content folder]   # writes <folder>/images/<slug>-1.jpg
"""
from __future__ import annotations

import math
import random
import sys
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw, ImageFilter

ROOT = Path(__file__).resolve().parent.parent
SIZE = (1600, 1200)
SS = 2  # drawn at twice the size and scaled down: smooth edges without an anti-aliasing library
CANVAS = (SIZE[0] * SS, SIZE[1] * SS)
Color = tuple[int, int, int]
BRASS = [(0, (74, 50, 12)), (.18, (156, 111, 30)), (.38, (243, 212, 122)), (.5, (217, 169, 65)),
         (.72, (138, 95, 23)), (.88, (196, 146, 58)), (1, (63, 42, 10))]


def k(*values: float) -> tuple:
    """Coordinates given on the 1600x1200 picture, scaled to the drawing canvas."""
    return tuple(round(v * SS) for v in values)


def scaled(points) -> list[tuple[int, int]]:
    """A list of (x, y) points scaled to the drawing canvas."""
    return [k(x, y) for x, y in points]


def mix(a: Color, b: Color, t: float) -> Color:
    """The colour a fraction `t` of the way from `a` to `b`."""
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b))


def ramp(stops, t: float) -> Color:
    """The colour at `t` (0..1) along (position, colour) stops."""
    for (t0, c0), (t1, c1) in zip(stops, stops[1:]):
        if t <= t1:
            return mix(c0, c1, (t - t0) / (t1 - t0))
    return stops[-1][1]


def gradient(size, stops, horizontal: bool = False) -> Image.Image:
    """A linear gradient image, top to bottom (or left to right)."""
    n = size[0] if horizontal else size[1]
    line = Image.new("RGB", (n, 1) if horizontal else (1, n))
    line.putdata([ramp(stops, i / max(1, n - 1)) for i in range(n)])
    return line.resize(size, Image.Resampling.NEAREST)


def new_mask() -> tuple[Image.Image, ImageDraw.ImageDraw]:
    """An empty canvas-sized mask and a pen to draw on it."""
    mask = Image.new("L", CANVAS, 0)
    return mask, ImageDraw.Draw(mask)


def paint(canvas: Image.Image, mask: Image.Image, colour: Color, opacity: float = 1.0) -> None:
    """Lay a colour through a mask."""
    if opacity < 1:
        mask = mask.point(lambda v: round(v * opacity))
    canvas.paste(Image.new("RGB", canvas.size, colour), (0, 0), mask)


def paint_gradient(canvas, mask, box, stops, horizontal: bool = True) -> None:
    """Lay a gradient spanning `box` (picture coordinates) through a mask: shading for round things."""
    x0, y0, x1, y1 = k(*box)
    layer = Image.new("RGB", canvas.size)
    layer.paste(gradient((x1 - x0, y1 - y0), stops, horizontal), (x0, y0))
    canvas.paste(layer, (0, 0), mask)


def shadow(canvas, mask, offset=(0, 14), blur: float = 16, strength: float = 0.45) -> None:
    """A soft shadow of a shape, cast below it."""
    moved = Image.new("L", CANVAS, 0)
    moved.paste(mask, k(*offset))
    soft = moved.filter(ImageFilter.GaussianBlur(blur * SS))
    paint(canvas, soft, (0, 0, 0), strength)


def glow(canvas, box, colour=(255, 255, 255), blur: float = 14, strength: float = 0.5, clip=None) -> None:
    """A soft highlight: the gloss on a glazed or polished surface."""
    mask, pen = new_mask()
    pen.ellipse(k(*box), fill=255)
    soft = mask.filter(ImageFilter.GaussianBlur(blur * SS))
    paint(canvas, ImageChops.multiply(soft, clip) if clip else soft, colour, strength)


def oval(cx, cy, rx, ry, angle: float = 0, n: int = 40) -> list[tuple[float, float]]:
    """A rotated ellipse as a polygon, in picture coordinates."""
    ca, sa = math.cos(angle), math.sin(angle)
    return [(cx + rx * math.cos(t) * ca - ry * math.sin(t) * sa, cy + rx * math.cos(t) * sa + ry * math.sin(t) * ca)
            for t in (2 * math.pi * i / n for i in range(n))]


def leaf(x, y, length, width, angle, n: int = 24) -> list[tuple[float, float]]:
    """A pointed leaf growing from (x, y) towards `angle`."""
    ca, sa = math.cos(angle), math.sin(angle)
    side = [(length * i / n, width / 2 * math.sin(math.pi * i / n) ** 0.8) for i in range(n + 1)]
    outline = side + [(u, -v) for u, v in reversed(side)]
    return [(x + u * ca - v * sa, y + u * sa + v * ca) for u, v in outline]


def smooth(profile, steps: int = 10) -> list[tuple[float, float]]:
    """A Catmull-Rom curve through (y, radius) points, so lathe outlines have no corners."""
    pts = [profile[0]] + list(profile) + [profile[-1]]
    curve = []
    for p0, p1, p2, p3 in zip(pts, pts[1:], pts[2:], pts[3:]):
        for i in range(steps):
            t = i / steps
            curve.append(tuple(0.5 * (2 * b + (c - a) * t + (2 * a - 5 * b + 4 * c - d) * t * t
                                      + (3 * b - a - 3 * c + d) * t ** 3) for a, b, c, d in zip(p0, p1, p2, p3)))
    return curve + [profile[-1]]


def lathe(cx, top, profile) -> tuple[Image.Image, tuple]:
    """The mask of a round object seen from the side, from (depth, radius) pairs, and its box."""
    curve = smooth(profile)
    outline = [(cx + r, top + y) for y, r in curve] + [(cx - r, top + y) for y, r in reversed(curve)]
    mask, pen = new_mask()
    pen.polygon(scaled(outline), fill=255)
    radius = max(r for _, r in curve)
    return mask, (cx - radius, top, cx + radius, top + curve[-1][0])


def wood(canvas, rng, top: float, colours: tuple[Color, Color], lines: int = 70) -> None:
    """A wooden surface from `top` down: a gradient with wavy grain."""
    canvas.paste(gradient(k(SIZE[0], SIZE[1] - top), [(0, colours[0]), (1, colours[1])]), (0, k(top)[0]))
    pen = ImageDraw.Draw(canvas)
    for _ in range(lines):
        y, amp, phase = rng.uniform(top, SIZE[1]), rng.uniform(2, 9), rng.uniform(0, 6.3)
        tone = mix(colours[0], colours[1], rng.random()) if rng.random() < .5 else mix(colours[1], (0, 0, 0), .15)
        pen.line(scaled((x, y + amp * math.sin(x / 140 + phase)) for x in range(0, SIZE[0] + 20, 20)),
                 fill=tone, width=k(rng.uniform(1, 3))[0])


def finish(canvas: Image.Image) -> Image.Image:
    """The picture at its final size."""
    return canvas.resize(SIZE, Image.Resampling.LANCZOS)


def draw_batik(rng: random.Random) -> Image.Image:
    """Batik cloth on a table, with a Surya Majapahit-style sun repeated over it, and a canting."""
    canvas = Image.new("RGB", CANVAS)
    wood(canvas, rng, 0, ((92, 60, 36), (58, 37, 22)))
    cloth, pen = new_mask()
    pen.rectangle(k(170, 120, 1430, 1040), fill=255)
    shadow(canvas, cloth, (10, 18), 18, .55)
    sogan, cream, indigo = (118, 70, 36), (241, 226, 192), (34, 46, 88)
    layer = Image.new("RGB", CANVAS, sogan)
    ink = ImageDraw.Draw(layer)
    for row, y in enumerate((332, 497, 663, 828)):
        for x in range(240 + (110 if row % 2 else 0), 1430, 220):
            draw_surya(ink, x, y, 74, cream, indigo)
            ink.polygon(scaled([(x + 110, y + 70), (x + 124, y + 90), (x + 110, y + 110), (x + 96, y + 90)]),
                        fill=indigo)
    for y0, y1, sign in ((120, 200, 1), (960, 1040, -1)):
        ink.rectangle(k(170, y0, 1430, y1), fill=indigo)
        base, tip = (y0 + 8, y1 - 8) if sign > 0 else (y1 - 8, y0 + 8)
        for x in range(170, 1430, 60):
            ink.polygon(scaled([(x + 6, base), (x + 54, base), (x + 30, tip)]), fill=cream)
            ink.ellipse(k(x + 25, (base + tip) / 2 - 5, x + 35, (base + tip) / 2 + 5), fill=indigo)
    folds = Image.new("L", (CANVAS[0], 1))
    folds.putdata([round(255 - 46 * (0.5 + 0.5 * math.sin(x / (70 * SS) + 0.6 * math.sin(x / (190 * SS)))) ** 2)
                   for x in range(CANVAS[0])])  # soft vertical folds: the cloth lies loosely
    layer = ImageChops.multiply(layer, Image.merge("RGB", [folds.resize(CANVAS)] * 3))
    canvas.paste(layer, (0, 0), cloth)
    draw_canting(canvas)
    return finish(canvas)


def draw_surya(pen, x, y, r, light: Color, dark: Color) -> None:
    """A sun with eight long and eight short rays around a ringed disc, after the Surya Majapahit."""
    for i in range(16):
        a = math.pi * i / 8
        reach, spread = (r, .2) if i % 2 == 0 else (r * .72, .16)
        pen.polygon(scaled([(x + reach * math.cos(a), y + reach * math.sin(a)),
                            (x + r * .42 * math.cos(a + spread), y + r * .42 * math.sin(a + spread)),
                            (x + r * .42 * math.cos(a - spread), y + r * .42 * math.sin(a - spread))]), fill=light)
    pen.ellipse(k(x - r * .5, y - r * .5, x + r * .5, y + r * .5), fill=light)
    pen.ellipse(k(x - r * .41, y - r * .41, x + r * .41, y + r * .41), fill=dark)
    for i in range(8):
        a = math.pi * i / 4 + math.pi / 8
        dx, dy = r * .27 * math.cos(a), r * .27 * math.sin(a)
        pen.ellipse(k(x + dx - 4, y + dy - 4, x + dx + 4, y + dy + 4), fill=light)
    pen.ellipse(k(x - r * .12, y - r * .12, x + r * .12, y + r * .12), fill=light)
    for i in range(24):  # isen-isen: the ring of fine dots that fills the ground around a motif
        a = math.pi * i / 12
        dx, dy = r * 1.16 * math.cos(a), r * 1.16 * math.sin(a)
        pen.ellipse(k(x + dx - 2.5, y + dy - 2.5, x + dx + 2.5, y + dy + 2.5), fill=light)


def draw_canting(canvas) -> None:
    """The batik pen: a bamboo handle and a small copper bowl of wax."""
    handle, pen = new_mask()
    pen.line(k(1215, 1118, 1530, 955), fill=255, width=k(20)[0])
    pen.polygon(scaled(oval(1185, 1128, 36, 24, -.45)), fill=255)
    shadow(canvas, handle, (6, 10), 8, .5)
    paint(canvas, handle, (196, 160, 96))
    bowl, pen = new_mask()
    pen.polygon(scaled(oval(1185, 1128, 36, 24, -.45)), fill=255)
    pen.line(k(1160, 1144, 1128, 1168), fill=255, width=k(6)[0])
    paint_gradient(canvas, bowl, (1125, 1100, 1225, 1170), [(0, (120, 62, 30)), (.45, (214, 140, 84)),
                                                            (1, (110, 55, 25))])


def sole_mask(cx, cy, length, width, angle, left: bool, inset: float = 0) -> Image.Image:
    """The outline of a shoe sole, toe up: heel and forefoot ovals joined, then rounded off."""
    mask, pen = new_mask()
    side = -1 if left else 1  # the big toe and the arch are on the inner side
    top = cy - length / 2
    pen.ellipse(k(cx - width * .36 + inset, cy + length * .12 + inset, cx + width * .36 - inset,
                  cy + length / 2 - inset), fill=255)
    pen.ellipse(k(cx - width / 2 + side * width * .04 + inset, top + inset, cx + width / 2 + side * width * .04 - inset,
                  top + length * .56 - inset), fill=255)
    pen.polygon(scaled([(cx - width * .33 - side * width * .05 + inset, cy + length * .3),
                        (cx + width * .33 - side * width * .05 - inset, cy + length * .3),
                        (cx + width * .42 - inset, cy - length * .05), (cx - width * .42 + inset, cy - length * .05)]),
                fill=255)
    rounded = mask.filter(ImageFilter.GaussianBlur(26 * SS)).point(lambda v: 255 if v > 128 else 0)
    return rounded.rotate(angle, Image.Resampling.BICUBIC, center=k(cx, cy))


def draw_soles(rng: random.Random) -> Image.Image:
    """Shoe soles on a workbench: two pairs, ribbed rubber and crepe."""
    canvas = Image.new("RGB", CANVAS)
    wood(canvas, rng, 0, ((206, 160, 110), (170, 122, 76)))
    pairs = (((330, 610, 4, True), (620, 590, -3, False)), ((980, 600, 5, True), (1270, 620, -6, False)))
    looks = (((52, 50, 50), (34, 33, 33), "ribs", .16), ((190, 128, 72), (160, 102, 52), "dots", -.3))
    for pair, (rim, face, tread, tone) in zip(pairs, looks):
        for cx, cy, angle, left in pair:
            outline = sole_mask(cx, cy, 800, 290, angle, left)
            shadow(canvas, outline, (8, 14), 12, .5)
            paint(canvas, outline, mix(rim, (255, 255, 255), .12))
            inner = sole_mask(cx, cy, 800, 290, angle, left, inset=12)
            paint(canvas, inner, face)
            pattern, pen = new_mask()
            if tread == "ribs":
                for y in range(int(cy - 420), int(cy + 420), 28):
                    pen.line(scaled((x, y + (10 if (x // 24) % 2 else 0)) for x in range(int(cx - 160),
                                                                                      int(cx + 170), 24)),
                             fill=255, width=k(7)[0])
                pen.rectangle(k(cx - 160, cy + 90, cx + 160, cy + 112), fill=0)
            else:
                for _ in range(1400):
                    x, y = rng.uniform(cx - 160, cx + 160), rng.uniform(cy - 420, cy + 420)
                    pen.ellipse(k(x - 3, y - 3, x + 3, y + 3), fill=255)
            pattern = pattern.rotate(angle, Image.Resampling.BICUBIC, center=k(cx, cy))
            lines = mix(face, (255, 255, 255), tone) if tone > 0 else mix(face, (0, 0, 0), -tone)
            paint(canvas, ImageChops.multiply(pattern, inner), lines)
    return finish(canvas)


def draw_sandals(rng: random.Random) -> Image.Image:
    """Flip-flop sandals with layered foam soles, and a stack of soles waiting for their straps."""
    canvas = Image.new("RGB", CANVAS)
    canvas.paste(gradient(CANVAS, [(0, (214, 222, 226)), (1, (176, 188, 196))]))
    for _ in range(900):  # the speckle of a concrete workshop floor
        x, y, r = rng.uniform(0, 1600), rng.uniform(0, 1200), rng.uniform(1, 3)
        ImageDraw.Draw(canvas).ellipse(k(x - r, y - r, x + r, y + r), fill=mix((150, 160, 168), (235, 238, 240),
                                                                               rng.random()))
    stack = [(1300, 380 - 22 * i, 80, False) for i in range(4)]
    pairs = [(300, 640, 8, True), (560, 620, -6, False), (870, 700, 10, True), (1120, 690, -4, False)]
    colours = [((232, 96, 44), (248, 240, 226), (38, 38, 42), (28, 60, 110))] * 2 + \
              [((40, 110, 160), (248, 240, 226), (38, 38, 42), (230, 170, 40))] * 2
    for (cx, cy, angle, left), layers in zip(stack, [colours[0]] * 4):
        draw_sandal(canvas, cx, cy, angle, left, layers, strap=False)
    for (cx, cy, angle, left), layers in zip(pairs, colours):
        draw_sandal(canvas, cx, cy, angle, left, layers, strap=True)
    return finish(canvas)


def draw_sandal(canvas, cx, cy, angle, left: bool, layers, strap: bool) -> None:
    """One sandal: foam layers seen at the edge, the footbed on top, and a thong strap."""
    top, middle, bottom, band = layers
    footbed = sole_mask(cx, cy, 640, 250, angle, left)
    edge = Image.new("L", CANVAS, 0)
    edge.paste(footbed, (0, k(22)[0]))
    shadow(canvas, edge, (6, 14), 12, .45)
    paint(canvas, edge, bottom)
    half = Image.new("L", CANVAS, 0)
    half.paste(footbed, (0, k(11)[0]))
    paint(canvas, half, middle)
    paint(canvas, footbed, top)
    paint(canvas, sole_mask(cx, cy, 640, 250, angle, left, inset=20), mix(top, (255, 255, 255), .12))
    if not strap:
        return
    straps, pen = new_mask()
    post = (cx + (10 if left else -10), cy - 170)
    for dx, dy in ((-112, 40), (112, 40)):
        pen.line([k(*post), k(cx + dx, cy + dy)], fill=255, width=k(30)[0], joint="curve")
        pen.ellipse(k(cx + dx - 16, cy + dy - 16, cx + dx + 16, cy + dy + 16), fill=255)
    pen.ellipse(k(post[0] - 20, post[1] - 20, post[0] + 20, post[1] + 20), fill=255)
    straps = straps.rotate(angle, Image.Resampling.BICUBIC, center=k(cx, cy))
    shadow(canvas, straps, (4, 12), 8, .45)
    paint(canvas, straps, band)
