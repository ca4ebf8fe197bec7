"""Convert generated profiles into a Pelican site with the same Markdown, for a side-by-side build."""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

CONF = """AUTHOR = "bench"
SITENAME = "Kampung"
SITEURL = ""
PATH = "content"
TIMEZONE = "Asia/Jakarta"
DEFAULT_LANG = "id"
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
DEFAULT_PAGINATION = False
LOAD_CONTENT_CACHE = False
"""


def convert(content: Path, out: Path) -> Path:
    """Write a Pelican project for the profiles of `content` into `out`: one article per kampung and language."""
    articles = out / "content"
    articles.mkdir(parents=True, exist_ok=True)
    for path in sorted((content / "kampung").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for lang in ("id", "en"):
            products = "\n".join(f"- **{p['name'][lang]}** {p['description'][lang]}" for p in data["products"])
            body = f"{data['summary'][lang]}\n\n{data['description'][lang]}\n\n## Products\n\n{products}\n"
            (articles / f"{path.stem}-{lang}.md").write_text(
                f"Title: {data['name']}\nDate: 2026-01-01\nCategory: {data['category']}\nSlug: {path.stem}\n"
                f"Lang: {lang}\nTags: {', '.join(str(t) for t in data['tags'])}\n\n{body}",
                encoding="utf-8",
            )
    (out / "pelicanconf.py").write_text(CONF, encoding="utf-8")
    return out


if __name__ == "__main__":
    convert(Path(sys.argv[1]), Path(sys.argv[2]))
