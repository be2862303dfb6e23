"""YAML of hostile origin (hand-edited frontmatter), loaded in bounded time and memory.

PyYAML's safe loader still follows anchors and aliases (a 1.6 KB "billion laughs" document
expands to gigabytes), keeps the last of duplicate keys silently, recurses once per nesting
level and accepts any size. Here, in this order and before any Python object is built:
- the text is refused above a size limit;
- one pass over libyaml's parser events (linear in the text, no object built) refuses any
  anchor or alias and any nesting deeper than the limit;
- the composed node tree is checked for duplicate keys;
and only then are the values constructed (the safe constructor: plain data only). Every error is
a `YamlError` with the 1-based line in the text, which callers shift to a file line.
"""
from __future__ import annotations

import yaml

# libyaml when available (fast); the pure-Python classes otherwise, same results.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_START = (yaml.MappingStartEvent, yaml.SequenceStartEvent)
_END = (yaml.MappingEndEvent, yaml.SequenceEndEvent)


class YamlError(ValueError):
    """Refused YAML: `line` is 1-based in the text given to `load` (None when unknown)."""

    def __init__(self, message: str, line: int | None = None):
        super().__init__(message)
        self.line = line


def _line(mark) -> int | None:
    return mark.line + 1 if mark is not None else None


def _events_ok(text: str, max_depth: int) -> None:
    depth = 0
    for ev in yaml.parse(text, Loader=_LOADER):
        if isinstance(ev, yaml.AliasEvent):
            raise YamlError(f"YAML alias *{ev.anchor} is not allowed (anchors and aliases are refused: "
                            "write each value out)", _line(ev.start_mark))
        if getattr(ev, "anchor", None) is not None:
            raise YamlError(f"YAML anchor &{ev.anchor} is not allowed (anchors and aliases are refused: "
                            "write each value out)", _line(ev.start_mark))
        if isinstance(ev, _START):
            depth += 1
            if depth > max_depth:
                raise YamlError(f"values nested more than {max_depth} levels deep", _line(ev.start_mark))
        elif isinstance(ev, _END):
            depth -= 1


def _duplicates_ok(node) -> None:
    stack = [node]
    while stack:
        n = stack.pop()
        if isinstance(n, yaml.MappingNode):
            seen: dict = {}
            for k, v in n.value:
                key = (k.tag, k.value) if isinstance(k, yaml.ScalarNode) else None
                if key is not None and key in seen:
                    raise YamlError(f"duplicate key '{k.value}' (also on line {seen[key]})", _line(k.start_mark))
                if key is not None:
                    seen[key] = _line(k.start_mark)
                stack += [k, v]
        elif isinstance(n, yaml.SequenceNode):
            stack += n.value


class _Constructor(yaml.constructor.SafeConstructor):
    """The safe constructor, naming the line of a value it cannot build (an unquoted
    2019-02-30 is a timestamp that does not exist; an integer of 5,000 digits is refused)."""

    def construct_object(self, node, deep=False):
        try:
            return super().construct_object(node, deep)
        except (ValueError, TypeError, OverflowError) as exc:
            if isinstance(exc, YamlError):
                raise
            raise YamlError(f"not valid YAML: {' '.join(str(exc).split())}", _line(node.start_mark)) from None


def refuse_duplicates(text: str) -> None:
    """YamlError naming the line of a key given twice in one mapping of `text`, which PyYAML
    would resolve silently by keeping the last (a data file's second `any:` list of one entry
    replacing the first)."""
    node = yaml.compose(text, Loader=_LOADER)
    if node is not None:
        _duplicates_ok(node)


def load(text: str, max_bytes: int, max_depth: int) -> tuple[object, dict[str, int]]:
    """(value, {top-level key: 1-based line}) of a YAML document, or YamlError."""
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > max_bytes:
        raise YamlError(f"is {size:,} bytes; the limit is {max_bytes:,} (frontmatter max_bytes in "
                        "wenxian/data/limits.yml)")
    try:
        _events_ok(text, max_depth)
        node = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise YamlError(f"not valid YAML: {' '.join(str(exc.problem or exc).split())}", _line(mark)) from None
    except yaml.YAMLError as exc:
        raise YamlError(f"not valid YAML: {' '.join(str(exc).split())}") from None
    if node is None:
        return None, {}
    _duplicates_ok(node)
    try:
        value = _Constructor().construct_document(node)
    except yaml.MarkedYAMLError as exc:  # e.g. !!python/object tags, bad !!binary
        mark = exc.problem_mark or exc.context_mark
        raise YamlError(f"not valid YAML: {' '.join(str(exc.problem or exc).split())}", _line(mark)) from None
    except yaml.YAMLError as exc:
        raise YamlError(f"not valid YAML: {' '.join(str(exc).split())}", _line(node.start_mark)) from None
    lines = {}
    if isinstance(node, yaml.MappingNode):
        lines = {k.value: _line(k.start_mark) for k, _ in node.value if isinstance(k, yaml.ScalarNode)}
    return value, lines


def item_lines(text: str, key: str) -> list[int]:
    """1-based line of each item of the top-level list `key` (empty when absent or not a
    list). Call after `load` has accepted the text (no aliases, no duplicates)."""
    node = yaml.compose(text, Loader=_LOADER)
    if not isinstance(node, yaml.MappingNode):
        return []
    for k, v in node.value:
        if isinstance(k, yaml.ScalarNode) and k.value == key and isinstance(v, yaml.SequenceNode):
            return [_line(item.start_mark) for item in v.value]
    return []
