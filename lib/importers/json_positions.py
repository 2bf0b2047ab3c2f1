"""Where things sit in JSON text, for messages that name a line: json.loads keeps no positions."""

from __future__ import annotations

import json
import re

from lib.importers.errors import BadImportFile

_SPACE = re.compile(r"[ \t\n\r]*")
# Values are only skipped here: numbers need not be converted (nor fail to be).
_DECODER = json.JSONDecoder(parse_int=len)
_PATH_STEP = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def field_line(text: str, field: str, at: int | None = None) -> int | None:
    """The line of the value at a path such as "data[1].from.id", or of the object that
    lacks its last key; None when the path leads nowhere in the text.

    >>> text = '{"data": [\\n  {"id": "1"},\\n  {"id": "2",\\n   "created_time": "hier"}\\n]}'
    >>> field_line(text, "data[1].created_time"), field_line(text, "data[0].created_time")
    (4, 2)
    >>> field_line(text, "data[5]") is None
    True
    """
    at = _skip(text, 0) if at is None else at
    for key, index in _PATH_STEP.findall(field):
        step = key if key else int(index)
        found = _member(text, at, step)
        if found is None:
            if isinstance(step, str) and text[at : at + 1] == "{":
                break  # a missing key: the object that should hold it
            return None
        at = found
    return text.count("\n", 0, at) + 1


def path_to(document, target) -> str | None:
    """The path of the first value that is `target` (by identity), in the document's order.

    >>> found = object()
    >>> path_to({"data": [{"id": "1"}, {"id": found}]}, found), path_to([0, found], found)
    ('data[1].id', '[1]')
    """
    pending = [(document, "")]
    while pending:
        value, path = pending.pop()
        if value is target:
            return path
        if isinstance(value, dict):
            pending.extend((v, f"{path}.{k}" if path else k) for k, v in reversed(value.items()))
        elif isinstance(value, list):
            pending.extend((v, f"{path}[{i}]") for i, v in reversed(list(enumerate(value))))
    return None


def array_items(document, key: str, text: str) -> list[tuple[object, int | None, str, int | None]]:
    """(item, line, path, offset in text) for each element of document[key].

    >>> text = '{"data": [\\n  {"id": "1"},\\n  {"id": "2"}\\n]}'
    >>> [(line, path) for _, line, path, _ in array_items(json.loads(text), "data", text)]
    [(2, 'data[0]'), (3, 'data[1]')]
    """
    if not isinstance(document, dict):
        raise BadImportFile("json_not_object", field="$")
    items = document.get(key, [])
    if isinstance(items, dict):
        items = [items]
    if not isinstance(items, list):
        raise BadImportFile("list_expected", field=key)
    offsets = None
    if items:
        container = _member(text, _skip(text, 0), key)
        if container is not None and text[container] == "[":
            offsets = [offset for _, offset in _members(text, container)]
    if offsets is None or len(offsets) != len(items):
        return [(item, None, f"{key}[{i}]", None) for i, item in enumerate(items)]
    lines, line, previous = [], 1, 0
    for offset in offsets:
        line += text.count("\n", previous, offset)
        lines.append(line)
        previous = offset
    return [(item, lines[i], f"{key}[{i}]", offsets[i]) for i, item in enumerate(items)]


def nested_positions(text: str, offset, line, edge: str, count: int) -> list[tuple]:
    """(line, offset) of each item of `edge.data` in the object at `offset` (on `line`),
    read in that object's own text only; its line for each when they cannot be found."""
    container = None
    if offset is not None:
        holder = _member(text, offset, edge)
        container = _member(text, holder, "data") if holder is not None else None
    offsets = [at for _, at in _members(text, container)] if container is not None else []
    if len(offsets) != count:
        return [(line, None)] * count
    return [(line + text.count("\n", offset, at), at) for at in offsets]


def _skip(text: str, at: int) -> int:
    """Past the white space at `at`."""
    return _SPACE.match(text, at).end()


def _members(text: str, at: int):
    """(key, offset of value) for an object at `at`, (index, offset) for an array; else nothing."""
    if text[at : at + 1] == "{":
        at = _skip(text, at + 1)
        while text[at] != "}":
            name, at = json.decoder.scanstring(text, at + 1)
            at = _skip(text, _skip(text, at) + 1)  # past ":"
            yield name, at
            at = _after_value(text, at)
    elif text[at : at + 1] == "[":
        at, index = _skip(text, at + 1), 0
        while text[at] != "]":
            yield index, at
            at, index = _after_value(text, at), index + 1


def _member(text: str, at: int, step) -> int | None:
    """The offset of `step` (a key, or an index) in the container at `at`; the last one wins,
    as in json.loads."""
    found = None
    for name, offset in _members(text, at):
        if name == step and type(name) is type(step):
            found = offset
            if isinstance(step, int):
                break
    return found


def _after_value(text: str, at: int) -> int:
    """Past the value at `at`, its trailing space and comma: the next member or the closer."""
    at = _skip(text, _DECODER.raw_decode(text, at)[1])
    return _skip(text, at + 1) if text[at : at + 1] == "," else at
