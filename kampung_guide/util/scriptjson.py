"""JSON to place inside a <script> element (data islands, JSON-LD) that cannot end the element."""

from __future__ import annotations

import json


def script_json(value: object, sort_keys: bool = False) -> str:
    """Compact JSON with <, > and & written as \\u escapes, so no `</script>` or `<!--` can occur."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=sort_keys)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
