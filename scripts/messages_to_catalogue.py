#!/usr/bin/env python3
"""Move check messages written the old way into the catalogues:

    python scripts/messages_to_catalogue.py REV [--replace KEY,KEY]

Until issue 14, a new message of `check` went into util/messages.py's MESSAGES dict as an
(English, Indonesian) pair. The messages now live in kampung_guide/locale/messages/ (messages.pot,
the English source, and id.po). For a branch written before that, this reads the MESSAGES dict of
git revision REV (the branch's tip, or a merge's other side) and adds each message the catalogues
lack at the end of both files. A message whose English differs is only listed: the catalogue may
have reworded it on purpose, so a person decides (`--replace` takes REV's text for those keys).
"""

from __future__ import annotations

import re
import string
import subprocess
import sys
from pathlib import Path

from babel.messages.pofile import escape

ROOT = Path(__file__).resolve().parent.parent
CATALOGUES = ROOT / "kampung_guide" / "locale" / "messages"


def old_messages(rev: str) -> dict[str, tuple[str, str]]:
    """The MESSAGES dict of util/messages.py at `rev` (empty when that revision has none)."""
    command = ["git", "show", f"{rev}:kampung_guide/util/messages.py"]
    source = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=True).stdout
    if "MESSAGES" not in source:
        return {}
    namespace: dict[str, object] = {}
    exec(compile(source, "messages.py", "exec"), namespace)  # the project's own file, at a revision one names
    found = namespace.get("MESSAGES")
    return {str(k): (str(v[0]), str(v[1])) for k, v in found.items()} if isinstance(found, dict) else {}


def entry(key: str, english: str, translated: str) -> str:
    """A catalogue entry, flagged python-brace-format when its English has placeholders."""
    braces = any(name for _, name, _, _ in string.Formatter().parse(english) if name)
    flag = "#, python-brace-format\n" if braces else ""
    return f"{flag}msgctxt {escape(key)}\nmsgid {escape(english)}\nmsgstr {escape(translated)}"


def merge_into(
    path: Path, messages: dict[str, tuple[str, str]], index: int | None, replace: set[str]
) -> tuple[list[str], list[str]]:
    """Add `messages` to one catalogue (`index` 1: with the Indonesian), replacing those in
    `replace`; the keys written, and those left as they are although their English differs."""
    blocks = path.read_text(encoding="utf-8").rstrip("\n").split("\n\n")
    where: dict[str, int] = {}
    english: dict[str, str] = {}
    for i, block in enumerate(blocks):
        context = re.search(r'^msgctxt "(.*)"$', block, re.M)
        text = re.search(r'^msgid "(.*)"$', block, re.M)
        if context:
            where[context.group(1)] = i
            english[context.group(1)] = text.group(1) if text else ""
    written: list[str] = []
    differ: list[str] = []
    for key, pair in messages.items():
        if key in english and english[key] == escape(pair[0])[1:-1]:
            continue
        if key in english and key not in replace:
            differ.append(key)
            continue
        written_entry = entry(key, pair[0], "" if index is None else pair[index])
        if key in where:
            blocks[where[key]] = written_entry
        else:
            blocks.append(written_entry)
        written.append(key)
    path.write_text("\n\n".join(blocks) + "\n", encoding="utf-8")
    return written, differ


def main(rev: str, replace: set[str]) -> int:
    messages = old_messages(rev)
    written, differ = merge_into(CATALOGUES / "messages.pot", messages, None, replace)
    merge_into(CATALOGUES / "id.po", messages, 1, replace)
    print(f"{len(written)} messages written: {', '.join(written) or 'none'}")
    if differ:
        print(f"left as the catalogue has them (their English differs; --replace takes {rev}'s): {', '.join(differ)}")
    return 0


if __name__ == "__main__":
    args = sys.argv[1:]
    keys: set[str] = set()
    if len(args) == 3 and args[1] == "--replace":
        keys = set(args[2].split(","))
    elif len(args) != 1:
        sys.exit(__doc__)
    sys.exit(main(args[0], keys))
