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
from itertools import pairwise
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw, ImageFilter

ROOT = Path(__file__).resolve().parent.parent
SIZE = (1600, 1200)
SS = 2  # drawn at twice the size and scaled down: smooth edges without an anti-aliasing library
CANVAS = (SIZE[0] * SS, SIZE[1] * SS)
Color = tuple[int, int, int]
BRASS = [
    (0, (74, 50, 12)),
    (0.18, (156, 111, 30)),
    (0.38, (243, 212, 122)),
    (0.5, (217, 169, 65)),
    (0.72, (138, 95, 23)),
    (0.88, (196, 146, 58)),
    (1, (63, 42, 10)),
]


def k(*values: float) -> tuple:
    """Coordinates given on the 1600x1200 picture, scaled to the drawing canvas."""
    return tuple(round(v * SS) for v in values)


def scaled(points) -> list[tuple[int, int]]:
    """A list of (x, y) points scaled to the drawing canvas."""
    return [k(x, y) for x, y in points]


def mix(a: Color, b: Color, t: float) -> Color:
    """The colour a fraction `t` of the way from `a` to `b`."""
    r, g, b_ = (round(x + (y - x) * t) for x, y in zip(a, b, strict=True))
    return r, g, b_


def ramp(stops, t: float) -> Color:
    """The colour at `t` (0..1) along (position, colour) stops."""
    for (t0, c0), (t1, c1) in pairwise(stops):
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
    return [
        (cx + rx * math.cos(t) * ca - ry * math.sin(t) * sa, cy + rx * math.cos(t) * sa + ry * math.sin(t) * ca)
        for t in (2 * math.pi * i / n for i in range(n))
    ]


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
    for p0, p1, p2, p3 in zip(pts, pts[1:], pts[2:], pts[3:], strict=False):
        for i in range(steps):
            t = i / steps
            curve.append(
                tuple(
                    0.5 * (2 * b + (c - a) * t + (2 * a - 5 * b + 4 * c - d) * t * t + (3 * b - a - 3 * c + d) * t**3)
                    for a, b, c, d in zip(p0, p1, p2, p3, strict=True)
                )
            )
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
        tone = mix(colours[0], colours[1], rng.random()) if rng.random() < 0.5 else mix(colours[1], (0, 0, 0), 0.15)
        pen.line(
            scaled((x, y + amp * math.sin(x / 140 + phase)) for x in range(0, SIZE[0] + 20, 20)),
            fill=tone,
            width=k(rng.uniform(1, 3))[0],
        )


def finish(canvas: Image.Image) -> Image.Image:
    """The picture at its final size."""
    return canvas.resize(SIZE, Image.Resampling.LANCZOS)


def draw_batik(rng: random.Random) -> Image.Image:
    """Batik cloth on a table, with a Surya Majapahit-style sun repeated over it, and a canting."""
    canvas = Image.new("RGB", CANVAS)
    wood(canvas, rng, 0, ((92, 60, 36), (58, 37, 22)))
    cloth, pen = new_mask()
    pen.rectangle(k(170, 120, 1430, 1040), fill=255)
    shadow(canvas, cloth, (10, 18), 18, 0.55)
    sogan, cream, indigo = (118, 70, 36), (241, 226, 192), (34, 46, 88)
    layer = Image.new("RGB", CANVAS, sogan)
    ink = ImageDraw.Draw(layer)
    for row, y in enumerate((332, 497, 663, 828)):
        for x in range(240 + (110 if row % 2 else 0), 1430, 220):
            draw_surya(ink, x, y, 74, cream, indigo)
            ink.polygon(
                scaled([(x + 110, y + 70), (x + 124, y + 90), (x + 110, y + 110), (x + 96, y + 90)]), fill=indigo
            )
    for y0, y1, sign in ((120, 200, 1), (960, 1040, -1)):
        ink.rectangle(k(170, y0, 1430, y1), fill=indigo)
        base, tip = (y0 + 8, y1 - 8) if sign > 0 else (y1 - 8, y0 + 8)
        for x in range(170, 1430, 60):
            ink.polygon(scaled([(x + 6, base), (x + 54, base), (x + 30, tip)]), fill=cream)
            ink.ellipse(k(x + 25, (base + tip) / 2 - 5, x + 35, (base + tip) / 2 + 5), fill=indigo)
    folds = Image.new("L", (CANVAS[0], 1))
    folds.putdata(
        [
            round(255 - 46 * (0.5 + 0.5 * math.sin(x / (70 * SS) + 0.6 * math.sin(x / (190 * SS)))) ** 2)
            for x in range(CANVAS[0])
        ]
    )  # soft vertical folds: the cloth lies loosely
    layer = ImageChops.multiply(layer, Image.merge("RGB", [folds.resize(CANVAS)] * 3))
    canvas.paste(layer, (0, 0), cloth)
    draw_canting(canvas)
    return finish(canvas)


def draw_surya(pen, x, y, r, light: Color, dark: Color) -> None:
    """A sun with eight long and eight short rays around a ringed disc, after the Surya Majapahit."""
    for i in range(16):
        a = math.pi * i / 8
        reach, spread = (r, 0.2) if i % 2 == 0 else (r * 0.72, 0.16)
        pen.polygon(
            scaled(
                [
                    (x + reach * math.cos(a), y + reach * math.sin(a)),
                    (x + r * 0.42 * math.cos(a + spread), y + r * 0.42 * math.sin(a + spread)),
                    (x + r * 0.42 * math.cos(a - spread), y + r * 0.42 * math.sin(a - spread)),
                ]
            ),
            fill=light,
        )
    pen.ellipse(k(x - r * 0.5, y - r * 0.5, x + r * 0.5, y + r * 0.5), fill=light)
    pen.ellipse(k(x - r * 0.41, y - r * 0.41, x + r * 0.41, y + r * 0.41), fill=dark)
    for i in range(8):
        a = math.pi * i / 4 + math.pi / 8
        dx, dy = r * 0.27 * math.cos(a), r * 0.27 * math.sin(a)
        pen.ellipse(k(x + dx - 4, y + dy - 4, x + dx + 4, y + dy + 4), fill=light)
    pen.ellipse(k(x - r * 0.12, y - r * 0.12, x + r * 0.12, y + r * 0.12), fill=light)
    for i in range(24):  # isen-isen: the ring of fine dots that fills the ground around a motif
        a = math.pi * i / 12
        dx, dy = r * 1.16 * math.cos(a), r * 1.16 * math.sin(a)
        pen.ellipse(k(x + dx - 2.5, y + dy - 2.5, x + dx + 2.5, y + dy + 2.5), fill=light)


def draw_canting(canvas) -> None:
    """The batik pen: a bamboo handle and a small copper bowl of wax."""
    handle, pen = new_mask()
    pen.line(k(1215, 1118, 1530, 955), fill=255, width=k(20)[0])
    pen.polygon(scaled(oval(1185, 1128, 36, 24, -0.45)), fill=255)
    shadow(canvas, handle, (6, 10), 8, 0.5)
    paint(canvas, handle, (196, 160, 96))
    bowl, pen = new_mask()
    pen.polygon(scaled(oval(1185, 1128, 36, 24, -0.45)), fill=255)
    pen.line(k(1160, 1144, 1128, 1168), fill=255, width=k(6)[0])
    paint_gradient(
        canvas, bowl, (1125, 1100, 1225, 1170), [(0, (120, 62, 30)), (0.45, (214, 140, 84)), (1, (110, 55, 25))]
    )


def sole_mask(cx, cy, length, width, angle, left: bool, inset: float = 0) -> Image.Image:
    """The outline of a shoe sole, toe up: heel and forefoot ovals joined, then rounded off."""
    mask, pen = new_mask()
    side = -1 if left else 1  # the big toe and the arch are on the inner side
    top = cy - length / 2
    pen.ellipse(
        k(cx - width * 0.36 + inset, cy + length * 0.12 + inset, cx + width * 0.36 - inset, cy + length / 2 - inset),
        fill=255,
    )
    pen.ellipse(
        k(
            cx - width / 2 + side * width * 0.04 + inset,
            top + inset,
            cx + width / 2 + side * width * 0.04 - inset,
            top + length * 0.56 - inset,
        ),
        fill=255,
    )
    pen.polygon(
        scaled(
            [
                (cx - width * 0.33 - side * width * 0.05 + inset, cy + length * 0.3),
                (cx + width * 0.33 - side * width * 0.05 - inset, cy + length * 0.3),
                (cx + width * 0.42 - inset, cy - length * 0.05),
                (cx - width * 0.42 + inset, cy - length * 0.05),
            ]
        ),
        fill=255,
    )
    rounded = mask.filter(ImageFilter.GaussianBlur(26 * SS)).point(lambda v: 255 if v > 128 else 0)
    return rounded.rotate(angle, Image.Resampling.BICUBIC, center=k(cx, cy))


def draw_soles(rng: random.Random) -> Image.Image:
    """Shoe soles on a workbench: two pairs, ribbed rubber and crepe."""
    canvas = Image.new("RGB", CANVAS)
    wood(canvas, rng, 0, ((206, 160, 110), (170, 122, 76)))
    pairs = (((330, 610, 4, True), (620, 590, -3, False)), ((980, 600, 5, True), (1270, 620, -6, False)))
    looks = (((52, 50, 50), (34, 33, 33), "ribs", 0.16), ((190, 128, 72), (160, 102, 52), "dots", -0.3))
    for pair, (rim, face, tread, tone) in zip(pairs, looks, strict=True):
        for cx, cy, angle, left in pair:
            outline = sole_mask(cx, cy, 800, 290, angle, left)
            shadow(canvas, outline, (8, 14), 12, 0.5)
            paint(canvas, outline, mix(rim, (255, 255, 255), 0.12))
            inner = sole_mask(cx, cy, 800, 290, angle, left, inset=12)
            paint(canvas, inner, face)
            pattern, pen = new_mask()
            if tread == "ribs":
                for y in range(int(cy - 420), int(cy + 420), 28):
                    pen.line(
                        scaled((x, y + (10 if (x // 24) % 2 else 0)) for x in range(int(cx - 160), int(cx + 170), 24)),
                        fill=255,
                        width=k(7)[0],
                    )
                pen.rectangle(k(cx - 160, cy + 90, cx + 160, cy + 112), fill=0)
            else:
                for _ in range(1400):
                    px, py = rng.uniform(cx - 160, cx + 160), rng.uniform(cy - 420, cy + 420)
                    pen.ellipse(k(px - 3, py - 3, px + 3, py + 3), fill=255)
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
        ImageDraw.Draw(canvas).ellipse(
            k(x - r, y - r, x + r, y + r), fill=mix((150, 160, 168), (235, 238, 240), rng.random())
        )
    stack = [(1370, 640 - 22 * i, -6, False) for i in range(4)]
    pairs = [(250, 640, 6, True), (510, 620, -4, False), (810, 680, 7, True), (1070, 670, -3, False)]
    colours = [((232, 96, 44), (248, 240, 226), (38, 38, 42), (28, 60, 110))] * 2 + [
        ((40, 110, 160), (248, 240, 226), (38, 38, 42), (230, 170, 40))
    ] * 2
    for (cx, cy, angle, left), layers in zip(
        stack, [((84, 150, 116), (248, 240, 226), (38, 38, 42), None)] * 4, strict=False
    ):
        draw_sandal(canvas, cx, cy, angle, left, layers, strap=False)
    for (cx, cy, angle, left), strapped in zip(pairs, colours, strict=True):
        draw_sandal(canvas, cx, cy, angle, left, strapped, strap=True)
    return finish(canvas)


def draw_sandal(canvas, cx, cy, angle, left: bool, layers, strap: bool) -> None:
    """One sandal: foam layers seen at the edge, the footbed on top, and a thong strap."""
    top, middle, bottom, band = layers
    footbed = sole_mask(cx, cy, 640, 250, angle, left)
    edge = Image.new("L", CANVAS, 0)
    edge.paste(footbed, (0, k(22)[0]))
    shadow(canvas, edge, (6, 14), 12, 0.45)
    paint(canvas, edge, bottom)
    half = Image.new("L", CANVAS, 0)
    half.paste(footbed, (0, k(11)[0]))
    paint(canvas, half, middle)
    paint(canvas, footbed, top)
    paint(canvas, sole_mask(cx, cy, 640, 250, angle, left, inset=20), mix(top, (255, 255, 255), 0.12))
    if not strap:
        return
    straps, pen = new_mask()
    post = (cx + (12 if left else -12), cy - 185)
    for dx, dy in ((-116, 10), (116, 10)):
        bend = (cx + dx * 0.8, post[1] + 40)  # straps bow outwards over the foot
        curve = [
            tuple(
                (1 - t) ** 2 * p + 2 * (1 - t) * t * c + t * t * e
                for p, c, e in zip(post, bend, (cx + dx, cy + dy), strict=True)
            )
            for t in (i / 16 for i in range(17))
        ]
        pen.line(scaled(curve), fill=255, width=k(30)[0], joint="curve")
        pen.ellipse(k(cx + dx - 16, cy + dy - 16, cx + dx + 16, cy + dy + 16), fill=255)
    pen.ellipse(k(post[0] - 20, post[1] - 20, post[0] + 20, post[1] + 20), fill=255)
    straps = straps.rotate(angle, Image.Resampling.BICUBIC, center=k(cx, cy))
    shadow(canvas, straps, (4, 12), 8, 0.45)
    paint(canvas, straps, band)


def draw_onde_onde(rng: random.Random) -> Image.Image:
    """Onde-onde, fried rice balls rolled in sesame, on a banana leaf on a plate."""
    canvas = Image.new("RGB", CANVAS)
    wood(canvas, rng, 0, ((150, 96, 58), (112, 68, 38)))
    plate, pen = new_mask()
    pen.ellipse(k(190, 230, 1410, 1070), fill=255)
    shadow(canvas, plate, (0, 22), 24, 0.5)
    paint_gradient(canvas, plate, (190, 230, 1410, 1070), [(0, (236, 236, 232)), (1, (200, 200, 196))], False)
    well, pen = new_mask()
    pen.ellipse(k(300, 310, 1300, 990), fill=255)
    paint_gradient(
        canvas, well, (300, 310, 1300, 990), [(0, (214, 214, 210)), (0.3, (250, 250, 248)), (1, (240, 240, 236))], False
    )
    draw_banana_leaf(canvas, 800, 650)
    spots = [(0, 0)] + [(math.cos(a) * 250, math.sin(a) * 160) for a in (math.pi * i / 3 + 0.3 for i in range(6))]
    for dx, dy in sorted(spots, key=lambda p: p[1]):
        draw_ball(canvas, rng, 800 + dx, 610 + dy, 118)
    return finish(canvas)


def draw_banana_leaf(canvas, cx, cy) -> None:
    """A square of banana leaf, the usual bed for jajanan pasar."""
    sheet, pen = new_mask()
    edge = [
        (x + 6 * math.sin(i * 1.7), y + 6 * math.cos(i * 2.3))
        for i, (x, y) in enumerate(oval(cx, cy, 440, 285, -0.05, 90))
    ]  # a leaf cut round by hand
    pen.polygon(scaled(edge), fill=255)
    paint(canvas, sheet, (78, 138, 58))
    veins, pen = new_mask()
    for i in range(-40, 41):
        x = cx + i * 12
        pen.line(k(x, cy - 360, x + 60, cy + 360), fill=255, width=k(2)[0])
    paint(canvas, ImageChops.multiply(veins, sheet), (96, 160, 72))
    glow(canvas, (cx - 420, cy - 260, cx + 100, cy), (210, 240, 170), 60, 0.25, sheet)


def draw_ball(canvas, rng, cx, cy, r) -> None:
    """One onde-onde: a golden-brown sphere covered in sesame seeds, with a soft gloss of oil."""
    body, pen = new_mask()
    pen.ellipse(k(cx - r, cy - r, cx + r, cy + r), fill=255)
    shadow(canvas, body, (14, 26), 16, 0.55)
    layer = Image.new("RGB", CANVAS)
    ink = ImageDraw.Draw(layer)
    stops = [(0, (118, 68, 26)), (0.55, (198, 132, 58)), (1, (238, 186, 106))]
    for i in range(48):  # shrinking discs drifting towards the light: a sphere lit from the top left
        t = i / 47
        rr, shift = r * (1 - t * 0.9), r * 0.35 * t
        ink.ellipse(k(cx - shift - rr, cy - shift - rr, cx - shift + rr, cy - shift + rr), fill=ramp(stops, t))
    for _ in range(230):
        a, d = rng.uniform(0, 2 * math.pi), r * math.sqrt(rng.random()) * 0.96
        x, y = cx + d * math.cos(a), cy + d * math.sin(a)
        squash = math.sqrt(max(0.15, 1 - (d / r) ** 2))  # seeds near the rim are seen edge-on
        seed = oval(x, y, 7 * (squash if rng.random() < 0.5 else 1), 3.4, a + rng.uniform(-0.6, 0.6), 12)
        ink.polygon(scaled(seed), fill=mix((240, 226, 188), (190, 150, 96), (d / r) ** 3 * 0.8 + rng.random() * 0.15))
    canvas.paste(layer, (0, 0), body)
    glow(canvas, (cx - r * 0.7, cy - r * 0.75, cx - r * 0.05, cy - r * 0.2), (255, 246, 220), 10, 0.35, body)


def draw_hydroponics(rng: random.Random) -> Image.Image:
    """A rack of white PVC pipes with leafy greens growing from holes along the top."""
    canvas = Image.new("RGB", CANVAS)
    canvas.paste(
        gradient(
            CANVAS,
            [
                (0, (178, 218, 240)),
                (0.17, (226, 240, 248)),
                (0.171, (238, 226, 200)),
                (0.8, (222, 206, 176)),
                (0.801, (160, 156, 148)),
                (1, (128, 124, 118)),
            ],
        )
    )
    wall = ImageDraw.Draw(canvas)
    wall.rectangle(k(0, 186, 1600, 204), fill=(176, 92, 60))  # the roof edge of the house behind
    for y in range(226, 960, 46):  # plastered brick courses showing faintly through
        wall.line(k(0, y, 1600, y), fill=(228, 214, 186), width=k(2)[0])
    posts, pen = new_mask()
    for x in (200, 1400):
        pen.rectangle(k(x - 14, 300, x + 14, 1080), fill=255)
    shadow(canvas, posts, (18, 8), 10, 0.3)
    paint_gradient(canvas, posts, (186, 300, 1414, 1080), [(0, (150, 156, 160)), (1, (110, 116, 120))])
    for y in (430, 650, 870):
        for x in range(260, 1380, 138):
            draw_plant(canvas, rng, x + rng.uniform(-8, 8), y - 34, rng.uniform(0.75, 1.15))
        draw_pipe(canvas, y)
    hose, pen = new_mask()
    pen.line(
        scaled([(1440, 430), (1470, 430), (1470, 650), (1440, 650), (1470, 650), (1470, 870), (1440, 870)]),
        fill=255,
        width=k(12)[0],
        joint="curve",
    )
    paint(canvas, hose, (60, 120, 180))
    return finish(canvas)


def draw_pipe(canvas, y) -> None:
    """One horizontal pipe, shaded as a cylinder, with its end caps."""
    pipe, pen = new_mask()
    pen.rounded_rectangle(k(150, y - 38, 1450, y + 38), radius=k(12)[0], fill=255)
    shadow(canvas, pipe, (0, 20), 14, 0.35)
    paint_gradient(
        canvas,
        pipe,
        (150, y - 38, 1450, y + 38),
        [(0, (168, 176, 180)), (0.28, (250, 251, 251)), (0.5, (238, 240, 241)), (1, (132, 140, 146))],
        False,
    )
    caps, pen = new_mask()
    for x in (150, 1420):
        pen.rounded_rectangle(k(x, y - 44, x + 30, y + 44), radius=k(8)[0], fill=255)
    paint_gradient(
        canvas,
        caps,
        (150, y - 44, 1450, y + 44),
        [(0, (120, 128, 134)), (0.3, (214, 218, 220)), (1, (100, 108, 114))],
        False,
    )


def draw_plant(canvas, rng, x, y, size) -> None:
    """A lettuce-like plant in a net pot: a fan of leaves, darker behind and lighter in front."""
    pot, pen = new_mask()
    pen.polygon(scaled([(x - 24, y + 10), (x + 24, y + 10), (x + 18, y + 40), (x - 18, y + 40)]), fill=255)
    paint(canvas, pot, (40, 44, 46))
    leaves, pen = new_mask()
    greens = [(46, 112, 46), (74, 150, 58), (118, 188, 82)]
    for layer, colour in enumerate(greens):
        mask, pen = new_mask()
        for _ in range(4):
            angle = -math.pi / 2 + rng.uniform(-1.2, 1.2) * (1 - layer * 0.25)
            length = size * rng.uniform(95, 150) * (1 - layer * 0.18)
            pen.polygon(scaled(leaf(x, y + 12, length, length * 0.55, angle)), fill=255)
        paint(canvas, mask, colour)
        glow(canvas, (x - 60 * size, y - 130 * size, x + 60 * size, y - 40 * size), (220, 250, 200), 20, 0.12, mask)


def glaze(base: Color) -> list:
    """Shading stops across a glossy round object of one colour."""
    return [
        (0, mix(base, (0, 0, 0), 0.6)),
        (0.22, base),
        (0.34, mix(base, (255, 255, 255), 0.35)),
        (0.5, base),
        (0.85, mix(base, (0, 0, 0), 0.35)),
        (1, mix(base, (0, 0, 0), 0.65)),
    ]


def draw_turned(canvas, cx, base_y, profile, stops, bands=(), gold=(214, 170, 70)) -> Image.Image:
    """A vessel or bell from its profile, shaded, with painted bands; returns its mask."""
    height = profile[-1][0]
    mask, box = lathe(cx, base_y - height, profile)
    foot, pen = new_mask()
    pen.ellipse(k(cx - profile[-1][1], base_y - 14, cx + profile[-1][1], base_y + 10), fill=255)
    shadow(canvas, foot, (26, 6), 14, 0.5)
    paint_gradient(canvas, mask, box, stops)
    for top, bottom in bands:
        band, pen = new_mask()
        pen.rectangle(k(box[0], base_y - height + top, box[2], base_y - height + bottom), fill=255)
        paint_gradient(canvas, ImageChops.multiply(band, mask), box, glaze(gold))
    return mask


def draw_fibre(rng: random.Random) -> Image.Image:
    """Glossy moulded fibreglass souvenirs: a tall vase, a jar and a bowl on a shelf."""
    canvas = Image.new("RGB", CANVAS)
    canvas.paste(
        gradient(CANVAS, [(0, (58, 92, 100)), (0.74, (30, 52, 60)), (0.741, (222, 208, 184)), (1, (190, 172, 144))])
    )
    vase = draw_turned(
        canvas,
        560,
        1000,
        [(0, 78), (26, 64), (110, 60), (200, 130), (330, 196), (470, 168), (600, 104), (660, 98), (690, 108)],
        glaze((158, 30, 42)),
        [(150, 166), (300, 330), (560, 576)],
    )
    glow(canvas, (470, 420, 520, 800), blur=12, strength=0.55, clip=vase)
    rim, pen = new_mask()
    pen.ellipse(k(486, 300, 634, 330), fill=255)
    paint(canvas, rim, (70, 14, 20))
    jar = draw_turned(
        canvas,
        1000,
        1000,
        [(0, 56), (20, 50), (60, 100), (170, 124), (280, 92), (320, 76)],
        glaze((26, 128, 132)),
        [(70, 84)],
    )
    glow(canvas, (940, 730, 970, 900), blur=8, strength=0.5, clip=jar)
    bowl = draw_turned(canvas, 1330, 1010, [(0, 170), (50, 160), (110, 110), (140, 70)], glaze((210, 160, 52)))
    glow(canvas, (1220, 900, 1300, 940), blur=8, strength=0.45, clip=bowl)
    openings, pen = new_mask()
    pen.ellipse(k(946, 674, 1054, 694), fill=255)
    pen.ellipse(k(1166, 858, 1494, 886), fill=255)
    paint(canvas, openings, (60, 40, 14))
    speck = ImageDraw.Draw(canvas)
    for _ in range(300):  # the fine grit of a workshop shelf
        x, y = rng.uniform(0, 1600), rng.uniform(900, 1200)
        speck.point(k(x, y), fill=(170, 152, 124))
    return finish(canvas)


def draw_brass(rng: random.Random) -> Image.Image:
    """Cast-brass pieces on dark cloth: two bells and a miniature temple gate."""
    canvas = Image.new("RGB", CANVAS)
    canvas.paste(gradient(CANVAS, [(0, (46, 26, 28)), (0.72, (22, 14, 16)), (0.721, (70, 40, 30)), (1, (40, 22, 16))]))
    for x0, size in ((380, 1.0), (720, 0.72)):
        p = [(0, 16), (16, 22), (34, 14), (50, 26), (80, 70), (150, 98), (270, 118), (340, 150), (372, 184), (386, 184)]
        bell = draw_turned(canvas, x0, 1010, [(y * size, r * size) for y, r in p], BRASS, gold=(200, 150, 60))
        glow(canvas, (x0 - 70 * size, 700, x0 - 40 * size, 960), (255, 236, 170), 10, 0.35, bell)
        ring, pen = new_mask()
        for y in (300, 330):
            yy = 1010 - 386 * size + y * size
            pen.line(k(x0 - 190 * size, yy, x0 + 190 * size, yy), fill=255, width=k(4)[0])
        paint(canvas, ImageChops.multiply(ring, bell), (90, 60, 16))
    draw_gate(canvas, 1170, 1010)
    return finish(canvas)


def draw_gate(canvas, cx, base_y) -> None:
    """A miniature roofed temple gate like Bajang Ratu: a doorway under tiers narrowing to a finial."""
    tiers = [
        (0, 40, 210),
        (40, 70, 190),
        (70, 290, 150),
        (290, 330, 170),
        (330, 380, 140),
        (380, 420, 150),
        (420, 465, 115),
        (465, 500, 122),
        (500, 540, 88),
        (540, 570, 94),
        (570, 610, 60),
        (610, 650, 30),
    ]
    gate, pen = new_mask()
    for bottom, top, half in tiers:
        pen.rectangle(k(cx - half, base_y - top, cx + half, base_y - bottom), fill=255)
    pen.polygon(scaled([(cx - 22, base_y - 650), (cx + 22, base_y - 650), (cx, base_y - 700)]), fill=255)
    shadow(canvas, gate, (26, 8), 14, 0.55)
    paint_gradient(canvas, gate, (cx - 210, base_y - 700, cx + 210, base_y), BRASS)
    lines, pen = new_mask()
    for bottom, _, half in tiers[1:]:
        pen.line(k(cx - half, base_y - bottom, cx + half, base_y - bottom), fill=255, width=k(4)[0])
    pen.rectangle(k(cx - 38, base_y - 250, cx + 38, base_y - 70), fill=255)  # the doorway
    paint(canvas, ImageChops.multiply(lines, gate), (60, 38, 10))


SCENES = {
    "batik-majapahit": draw_batik,
    "alas-sepatu": draw_soles,
    "alas-sandal": draw_sandals,
    "onde-onde": draw_onde_onde,
    "hidroponik": draw_hydroponics,
    "suvenir-fiber": draw_fibre,
    "cor-kuningan": draw_brass,
}


def main(argv: list[str]) -> int:
    """Draw every scene and save it as <content>/images/<slug>-1.jpg."""
    folder = (Path(argv[0]) if argv else ROOT / "content") / "images"
    folder.mkdir(parents=True, exist_ok=True)
    for slug, draw in SCENES.items():
        path = folder / f"{slug}-1.jpg"
        draw(random.Random(slug)).save(path, "JPEG", quality=85, optimize=True)
        print(f"wrote {path} ({path.stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
