"""Write N synthetic, valid kampung profiles in the guide's content format (seeded, deterministic).

Each profile carries a ~300-word Markdown description per language, five products and two
workshops, like the peers' benchmark in shared/notes/performance.md.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

CRAFTS = [
    ("batik", "Batik", "#8b4513"),
    ("gerabah", "Gerabah", "#a0522d"),
    ("anyaman", "Anyaman", "#556b2f"),
    ("kuliner", "Kuliner", "#b03a2e"),
    ("kayu", "Ukiran Kayu", "#6b4226"),
    ("kulit", "Kulit", "#7b3f00"),
    ("tenun", "Tenun", "#4b0082"),
    ("logam", "Logam", "#8b7500"),
    ("bambu", "Bambu", "#2e6b30"),
    ("keramik", "Keramik", "#1f5f8b"),
    ("sepatu", "Sepatu", "#5b2c6f"),
    ("hidroponik", "Hidroponik", "#1e7b34"),
]
ID_WORDS = [
    "kampung",
    "perajin",
    "membuat",
    "kain",
    "motif",
    "tradisional",
    "warga",
    "pagi",
    "belajar",
    "pasar",
    "oleh-oleh",
    "rumah",
    "produksi",
    "tangan",
    "warna",
    "alami",
    "halus",
    "kerja",
    "keluarga",
    "generasi",
    "pengunjung",
    "melihat",
    "proses",
    "desa",
    "kota",
    "bahan",
]
EN_WORDS = [
    "village",
    "makers",
    "craft",
    "cloth",
    "pattern",
    "traditional",
    "residents",
    "morning",
    "learn",
    "market",
    "souvenir",
    "workshop",
    "hand",
    "colour",
    "natural",
    "fine",
    "family",
    "generation",
    "visitors",
    "watch",
    "process",
    "town",
    "material",
    "skill",
]


def paragraph(rng: random.Random, words: list[str], count: int) -> str:
    chosen = [rng.choice(words) for _ in range(count)]
    sentences, i = [], 0
    while i < len(chosen):
        n = rng.randint(8, 16)
        sentences.append(" ".join(chosen[i : i + n]).capitalize() + ".")
        i += n
    return " ".join(sentences)


def description(rng: random.Random, words: list[str]) -> str:
    parts = [
        paragraph(rng, words, 100),
        f"### {paragraph(rng, words, 3)[:-1]}",
        paragraph(rng, words, 100),
        "\n".join(f"- **{rng.choice(words)}** {paragraph(rng, words, 8)}" for _ in range(4)),
        paragraph(rng, words, 70),
    ]
    return "\n\n".join(parts)


def indent(text: str, spaces: int) -> str:
    return "\n".join((" " * spaces + line) if line else "" for line in text.splitlines())


def profile(rng: random.Random, index: int) -> str:
    craft = CRAFTS[index % len(CRAFTS)]
    lat, lon = -7.40 - rng.random() * 0.15, 112.35 + rng.random() * 0.15
    products = "\n".join(
        f"  - name: {{id: Produk {craft[1]} {i}, en: {craft[1]} product {i}}}\n"
        f"    price_idr: {rng.randrange(10, 500) * 1000}\n"
        f"    description: {{id: {paragraph(rng, ID_WORDS, 10)}, en: {paragraph(rng, EN_WORDS, 10)}}}"
        for i in range(1, 6)
    )
    workshops = "\n".join(
        f"  - name: {{id: Kelas {craft[1]} {i}, en: {craft[1]} class {i}}}\n"
        f"    duration_minutes: {rng.choice([60, 90, 120, 180])}\n"
        f"    price_idr: [{rng.randrange(25, 75) * 1000}, {rng.randrange(75, 150) * 1000}]\n"
        f"    booking: {{id: Hubungi sehari sebelumnya, en: Message a day before}}"
        for i in range(1, 3)
    )
    return f"""name: Kampung {craft[1]} {index:05d}
category: {craft[0]}
summary:
  id: {paragraph(rng, ID_WORDS, 18)}
  en: {paragraph(rng, EN_WORDS, 18)}
description:
  id: |
{indent(description(rng, ID_WORDS), 4)}
  en: |
{indent(description(rng, EN_WORDS), 4)}
location:
  lat: {lat:.5f}
  lon: {lon:.5f}
  address: Kelurahan {rng.choice(ID_WORDS).capitalize()}, Kota Contoh
  approximate: true
opening_hours: Mo-Sa 08:00-16:00; Su off
products:
{products}
experiences:
{workshops}
contact:
  whatsapp: "+62 812 {rng.randrange(1000, 9999)} {rng.randrange(1000, 9999)}"
tags: [{craft[0]}, oleh-oleh, {rng.choice(ID_WORDS)}]
"""


def generate(folder: Path, count: int, seed: int = 7) -> Path:
    """Write a content folder with `count` profiles; returns the folder."""
    rng = random.Random(seed)
    (folder / "kampung").mkdir(parents=True, exist_ok=True)
    (folder / "site.yaml").write_text(
        "title: {id: Kampung Contoh, en: Example Villages}\ncity: Kota Contoh\nlanguages: [id, en]\n"
        "map:\n  center: [-7.47, 112.43]\n  zoom: 12\n",
        encoding="utf-8",
    )
    (folder / "categories.yaml").write_text(
        "".join(f'{cid}:\n  name: {{id: {name}, en: {name}}}\n  color: "{color}"\n' for cid, name, color in CRAFTS),
        encoding="utf-8",
    )
    for index in range(count):
        (folder / "kampung" / f"kampung-{index:05d}.yaml").write_text(profile(rng, index), encoding="utf-8")
    return folder


if __name__ == "__main__":
    generate(Path(sys.argv[1]), int(sys.argv[2]))
