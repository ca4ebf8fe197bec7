"""Read a submitted form back into a content value, changing only what the person changed.

The form's fields are named by path (`products[0].name.id`); a list also sends how many items it
has (`products#n`) and where each item stood in the file (`products[0]#from`). Reading walks the
same specs as forms.py and starts from the file's own value: a field whose text is what the form
showed keeps the file's value as it was (`-7.4700` stays written so, `25000` stays a number), fields
the form does not know are kept, and new fields take their place in the order of the content format.
List operations (add, remove, move) rename the submitted fields, so that they work without script.
"""

from __future__ import annotations

import re
from typing import Any

from ..load.yamlfile import YamlError, parse_yaml
from ..util.problems import field_path
from ..validate.specs import Bool, Choice, ListOf, Number, Obj, PriceSpec, Spec, TextSpec
from .forms import MAX_ITEMS, display, text_values

OP = re.compile(r"^(add|remove|up|down):([A-Za-z0-9_.\[\]]{1,200})$")


class Form:
    """Submitted fields by name, each with its values in order (checkboxes send several)."""

    def __init__(self, fields: dict[str, list[str]]):
        self.fields = fields

    def get(self, name: str) -> str | None:
        values = self.fields.get(name)
        return values[0] if values else None

    def getall(self, name: str) -> list[str]:
        return list(self.fields.get(name, ()))

    def count(self, name: str) -> int:
        """How many items the list `name` has, as the form says (bounded)."""
        try:
            return max(0, min(int(self.get(name + "#n") or 0), MAX_ITEMS))
        except ValueError:
            return 0

    def origin(self, name: str) -> int | None:
        """Where the list item `name` stood in the file, or None for an item added in the form."""
        text = self.get(name + "#from") or ""
        return int(text) if text.isdigit() else None

    def renamed(self, old: str, new: str) -> dict[str, list[str]]:
        """The fields under `old` (the item itself and all inside it), named under `new`."""
        return {new + key[len(old) :]: values for key, values in self.fields.items() if _under(key, old)}

    def without(self, prefix: str) -> dict[str, list[str]]:
        return {key: values for key, values in self.fields.items() if not _under(key, prefix)}


def _under(key: str, prefix: str) -> bool:
    return key == prefix or key.startswith((prefix + ".", prefix + "[", prefix + "#"))


def apply_op(form: Form, op: str) -> tuple[Form, str]:
    """The form after a list operation, and the name of the item to focus next ("" for none).

    `add:products`, `remove:products[1]`, `up:products[1]`, `down:products[1]`; an unknown or
    out-of-range operation leaves the form as it was.
    """
    match = OP.match(op or "")
    if not match:
        return form, ""
    action, name = match.groups()
    if action == "add":
        n = form.count(name)
        if n >= MAX_ITEMS:
            return form, ""
        return Form({**form.fields, name + "#n": [str(n + 1)]}), f"{name}[{n}]"
    item = re.match(r"^(.*)\[(\d+)\]$", name)
    if not item:
        return form, ""
    owner, index = item[1], int(item[2])
    n = form.count(owner)
    if index >= n:
        return form, ""
    if action == "remove":
        fields = form.without(name)
        for i in range(index + 1, n):
            fields = {k: v for k, v in fields.items() if not _under(k, f"{owner}[{i}]")}
            fields.update(form.renamed(f"{owner}[{i}]", f"{owner}[{i - 1}]"))
        fields[owner + "#n"] = [str(n - 1)]
        focus = f"{owner}[{min(index, n - 2)}]" if n > 1 else owner
        return Form(fields), focus
    other = index - 1 if action == "up" else index + 1
    if not 0 <= other < n:
        return form, name
    a, b = f"{owner}[{index}]", f"{owner}[{other}]"
    fields = Form(form.without(a)).without(b)
    fields.update(form.renamed(a, b))
    fields.update(form.renamed(b, a))
    return Form(fields), b


def add_photo(form: Form, name: str) -> tuple[Form, str]:
    """The form with a new item in `photos` showing the uploaded file `name`."""
    n = form.count("photos")
    fields = {**form.fields, "photos#n": [str(n + 1)], f"photos[{n}].file": [name]}
    return Form(fields), f"photos[{n}]"


# -- reading values -------------------------------------------------------------------------------


def read_form(spec: Obj, form: Form, original: Any, languages: tuple[str, ...]) -> dict:
    """The content value the form holds, built on the file's `original` value."""
    return read_group(spec, form, (), original, languages, root=True) or {}


def read_field(spec: Spec, form: Form, path: tuple, original: Any, languages: tuple[str, ...]) -> Any:
    """The value of one field (None: leave it out), dispatching on the kind of spec."""
    if isinstance(spec, Obj):
        return read_group(spec, form, path, original, languages)
    if isinstance(spec, ListOf):
        if isinstance(spec.item, Choice):
            return read_choices(spec.item, form, path, original)
        return read_list(spec, form, path, original, languages)
    if isinstance(spec, TextSpec):
        return read_text(spec, form, path, original, languages)
    if isinstance(spec, PriceSpec):
        return read_price(form, path, original)
    if isinstance(spec, Bool):
        if form.get(field_path(path)) is not None:
            return True
        return False if original is not None else None
    text = form.get(field_path(path))
    if text is None:  # not on the form at all: keep what the file has
        return original
    text = text.strip()
    if text == display(original):
        return original
    text = " ".join(clean(text).split("\n")).strip()
    if not text:
        return None
    return number(text) if isinstance(spec, Number) else text


INVISIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufeff]")
BREAKS = re.compile("[\x85\u2028\u2029]")


def clean(text: str) -> str:
    """Typed (or pasted) text without the invisible control characters a copy from another program
    brings along; its odd line breaks (NEL, U+2028, U+2029) become plain ones."""
    return BREAKS.sub("\n", INVISIBLE.sub("", text))


def number(text: str) -> Any:
    """A typed number read as YAML reads it (`25.000` is 25.0, as in a file); other text stays text."""
    if "#" in text or " " in text:
        return text
    try:
        value = parse_yaml(text).value
    except YamlError:
        return text
    return value if isinstance(value, (int, float)) and not isinstance(value, bool) else text


def read_group(
    spec: Obj, form: Form, path: tuple, original: Any, languages: tuple[str, ...], root: bool = False
) -> Any:
    """A mapping: the file's keys in their order (unknown ones kept), new fields in the spec's order."""
    before = original if isinstance(original, dict) else {}
    dropped = set(form.getall("#drop"))
    result: dict = {}
    for key, value in before.items():
        if key in spec.fields:
            result[key] = read_field(spec.fields[key].spec, form, path + (key,), value, languages)
        elif field_path(path + (key,)) not in dropped:
            result[key] = value
    for key, fld in spec.fields.items():
        if key not in before:
            result[key] = read_field(fld.spec, form, path + (key,), None, languages)
    result = {key: value for key, value in result.items() if value is not None}
    ordered = order_keys(list(before), list(spec.fields), result)
    if ordered or root:
        return ordered
    return original if original is not None and not isinstance(original, dict) else ({} if original == {} else None)


def order_keys(existing: list[str], spec_order: list[str], values: dict) -> dict:
    """`values` with the file's keys in their order and each new key after the field before it in the spec."""
    keys = [k for k in existing if k in values]
    for key in spec_order:
        if key in values and key not in keys:
            rank = spec_order.index(key)
            before = [i for i, k in enumerate(keys) if k in spec_order and spec_order.index(k) < rank]
            keys.insert(before[-1] + 1 if before else 0, key)
    keys += [k for k in values if k not in keys]
    return {k: values[k] for k in keys}


def read_list(spec: ListOf, form: Form, path: tuple, original: Any, languages: tuple[str, ...]) -> Any:
    """A list's items in the form's order; each built on the file's item it came from."""
    name = field_path(path)
    n = form.count(name)
    if form.get(name + "#n") is None:
        return original
    before = original if isinstance(original, list) else []
    items = []
    for i in range(n):
        origin = form.origin(f"{name}[{i}]")
        source = before[origin] if origin is not None and origin < len(before) else None
        item = read_field(spec.item, form, path + (i,), source, languages)
        if item is None and not isinstance(spec.item, Obj):
            continue  # an empty row of a list of words is no word
        items.append({} if item is None else item)
    if not items:
        if original is not None and not isinstance(original, list):
            return original
        return [] if original == [] else None
    return items


def read_choices(spec: Choice, form: Form, path: tuple, original: Any) -> Any:
    """Ticked choices: the file's order kept for those still ticked, new ones in the spec's order."""
    ticked = form.getall(field_path(path))
    before = [v for v in original if v in ticked] if isinstance(original, list) else []
    added = [v for v in spec.choices if v in ticked and v not in before]
    added += [v for v in ticked if v not in spec.choices and v not in before and v not in added]
    chosen = before + added
    if isinstance(original, list) and chosen == original:
        return original
    return chosen or None


def read_text(spec: TextSpec, form: Form, path: tuple, original: Any, languages: tuple[str, ...]) -> Any:
    """A text in each language; a plain text stays plain while every language still reads the same."""
    if len(languages) == 1:
        return read_one_language(spec, form, path, original, languages[0])
    given = {lang: _text(form.get(field_path(path + (lang,))), spec) for lang in languages}
    if all(text is None for text in given.values()):
        return original  # not on the form
    shown = text_values(original, languages)
    if all(given[lang] is None or given[lang] == _text(shown[lang], spec) for lang in languages):
        return original
    texts = {lang: text for lang, text in given.items() if text}
    if isinstance(original, str) and len(texts) == len(languages) and len(set(texts.values())) == 1:
        return texts[languages[0]]
    order = list(original) if isinstance(original, dict) else []
    order += [lang for lang in languages if lang not in order]
    result = {}
    for key in order:  # the file's order; a language the site lacks is kept for check to report
        if key not in languages:
            result[key] = original[key]
        elif key in texts:
            result[key] = texts[key]
    return result or None


def read_one_language(spec: TextSpec, form: Form, path: tuple, original: Any, lang: str) -> Any:
    """A text of a one-language form (a page file, a one-language site): one box."""
    text = _text(form.get(field_path(path)), spec)
    if text is None or text == _text(text_values(original, (lang,))[lang], spec):
        return original
    if isinstance(original, dict):
        kept = {k: v for k, v in original.items() if k != lang}
        return ({**original, lang: text} if text else kept) or None
    return text or None


def _text(value: str | None, spec: TextSpec) -> str | None:
    """A submitted text as the file would hold it: one line trimmed, Markdown with plain line ends."""
    if value is None:
        return None
    value = clean(value)
    if not spec.markdown:
        return " ".join(value.split("\n")).strip()
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    if "\n" in value.strip():  # several lines end with one line break (written `|`, as in content/)
        return value.rstrip() + "\n"
    return value.strip()


def read_price(form: Form, path: tuple, original: Any) -> Any:
    """An amount, or `[low, high]` when the second box is filled."""
    low_text, high_text = form.get(field_path(path + (0,))), form.get(field_path(path + (1,)))
    if low_text is None and high_text is None:
        return original
    was_range = isinstance(original, list)
    before = (original + [None, None])[:2] if was_range else [original, None]
    low, high = (_amount(t, b) for t, b in ((low_text, before[0]), (high_text, before[1])))
    if high is None:
        if low is None:
            return None
        return original if not was_range and low == original and type(low) is type(original) else low
    result = [low, high]
    return original if was_range and result == original else result


def _amount(text: str | None, before: Any) -> Any:
    text = (text or "").strip()
    if text == display(before):
        return before
    return number(text) if text else None
