"""Read a YAML meeting or profile file into plain data with line locations.

Safe by construction: PyYAML's composer builds the node graph (no object
construction; libyaml's C composer when PyYAML was built with it, else the pure-Python
one), and our own walk turns it into dicts, lists and scalars while
counting every node it visits, so an alias bomb is stopped at a fixed budget
instead of being expanded. Only the standard scalar tags are accepted.

Characters PyYAML refuses to read (NUL, DEL, C1 controls: debris of a copy from another
program) are removed before parsing, with a note at their line, as control characters in
values are removed everywhere. Text values are NFC-normalised; a value typed in a legacy encoding (TCVN3, VNI: text pasted
from an old document) is converted to Unicode and reported as a note at its line.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from umt_reports import vn
from umt_reports.errors import InputError, LimitError, Location, Problem
from umt_reports.sources.raw import Path_, RawSource, clean_controls, controls_note, legacy_note

__all__ = ["MAX_DEPTH", "MAX_NODES", "read_yaml", "read_yaml_text"]

#: Nodes visited after alias expansion; a real meeting has a few hundred, a 10,000-name
#: award list about 50,000.
MAX_NODES = 100_000
#: Nodes reached again through ``*alias`` references; real files use few or none, so an
#: alias bomb is stopped long before the whole budget is spent.
MAX_ALIASED_NODES = 5_000
#: Nesting depth of mappings and lists.
MAX_DEPTH = 40

#: The composer: libyaml's (C) when present, else PyYAML's own. Both give the same nodes,
#: marks and errors; libyaml also refuses nesting over 1,000 levels itself.
_Loader: Callable[[str], yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
#: Characters PyYAML's reader refuses (its own definition of "printable").
_UNPRINTABLE = yaml.reader.Reader.NON_PRINTABLE

_SCALAR_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
}


def read_yaml(path: Path) -> RawSource:
    """Read ``path`` (UTF-8 YAML whose top level is a mapping)."""
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError.of("file.not_utf8", Location.of_file(path), offset=exc.start) from None
    return read_yaml_text(text, path)


def read_yaml_text(text: str, path: Path) -> RawSource:
    """Parse YAML ``text`` as if read from ``path`` (used for locations only)."""
    name = path.name
    text, notes = _strip_unprintable(text, name)
    loader = _Loader(text)
    try:
        node = _compose(loader, path)
        walker = _Walker(loader, name)
        walker.notes.extend(notes)
        if node is None:
            raise InputError.of("yaml.not_mapping", Location.of_file(path), found="—")
        data = walker.value(node, (), 0)
    finally:
        loader.dispose()
    if walker.problems:
        error = LimitError if any(p.code.startswith("yaml.too_") for p in walker.problems) else InputError
        raise error(walker.problems)
    if not isinstance(data, dict):
        raise InputError.of("yaml.not_mapping", walker.locations[()], found=type(data).__name__)
    return RawSource(path=path, data=data, locations=walker.locations, notes=walker.notes)


def _compose(loader: yaml.SafeLoader, path: Path) -> yaml.Node | None:
    """The node graph of the single document ``loader`` reads; syntax errors become located
    problems, nesting too deep for the composer a :class:`LimitError`."""
    try:
        return loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        column = mark.column + 1 if mark else None
        where = Location(file=path.name, line=line, column=column)
        if "nesting depth" in (exc.problem or ""):  # -- libyaml's own limit (1,000 levels) --
            raise LimitError.of("yaml.too_deep", where, limit=MAX_DEPTH) from None
        raise InputError.of("yaml.syntax", where, line=line, column=column, reason=exc.problem or str(exc)) from None
    except yaml.YAMLError as exc:
        raise InputError.of("yaml.syntax", Location.of_file(path), line="?", column="?", reason=str(exc)) from None
    except RecursionError:  # -- the pure-Python composer recurses once per level --
        raise LimitError.of("yaml.too_deep", Location.of_file(path), limit=MAX_DEPTH) from None


def _strip_unprintable(text: str, name: str) -> tuple[str, list[Problem]]:
    """``text`` without the characters PyYAML refuses, and a note for each line that had some."""
    if _UNPRINTABLE.search(text) is None:
        return text, []
    notes: list[Problem] = []
    lines = text.split("\n")
    for index, line in enumerate(lines):
        first = _UNPRINTABLE.search(line)
        if first is None:
            continue
        lines[index], count = _UNPRINTABLE.subn("", line)
        notes.append(controls_note(count, Location(file=name, line=index + 1, column=first.start() + 1)))
    return "\n".join(lines), notes


class _Walker:
    """Turns a composed node graph into plain data, recording locations and problems."""

    def __init__(self, loader: yaml.SafeLoader, name: str):
        self.loader = loader
        self.name = name
        self.visited = 0
        self.seen: set[int] = set()
        self.aliased = 0
        self.locations: dict[Path_, Location] = {}
        self.problems: list[Problem] = []
        self.notes: list[Problem] = []

    def where(self, node: yaml.Node) -> Location:
        return Location(file=self.name, line=node.start_mark.line + 1, column=node.start_mark.column + 1)

    def value(self, node: yaml.Node, path: Path_, depth: int, aliased: bool = False) -> Any:
        self.visited += 1
        if not aliased and id(node) in self.seen:
            aliased = True  # -- a *reference: everything below it is visited again --
        self.seen.add(id(node))
        if aliased:
            self.aliased += 1
        if self.visited > MAX_NODES or self.aliased > MAX_ALIASED_NODES:
            raise LimitError.of("yaml.too_many_nodes", self.where(node), limit=MAX_NODES)
        if depth > MAX_DEPTH:
            raise LimitError.of("yaml.too_deep", self.where(node), limit=MAX_DEPTH)
        self.locations.setdefault(path, self.where(node))
        if isinstance(node, yaml.MappingNode):
            return self.mapping(node, path, depth, aliased)
        if isinstance(node, yaml.SequenceNode):
            return [self.value(item, (*path, i), depth + 1, aliased) for i, item in enumerate(node.value)]
        if node.tag not in _SCALAR_TAGS:
            self.problems.append(Problem("yaml.tag", self.where(node), {"tag": node.tag}))
            return None
        try:
            value = self.loader.construct_object(node, deep=True)
        except (ValueError, TypeError, KeyError, AttributeError, ArithmeticError, yaml.YAMLError):
            # -- an explicit tag on a value of another shape: `!!int abc`, `!!timestamp 5` --
            short = node.tag.replace("tag:yaml.org,2002:", "!!")
            self.problems.append(
                Problem("yaml.tag_value", self.where(node), {"tag": short, "value": _shorten(str(node.value))})
            )
            return None
        if isinstance(value, str):
            value, removed = clean_controls(value)
            if removed:
                self.notes.append(controls_note(removed, self.where(node)))
            value = unicodedata.normalize("NFC", value)
            if not value.isascii() and path[-1:] != ("\0key",):
                value = self.unlegacy(value, node)
        return value

    def unlegacy(self, text: str, node: yaml.Node) -> str:
        """``text`` converted to Unicode when typed in TCVN3 or VNI (with a note), else as it is."""
        encoding = vn.detect_legacy(text)
        if encoding is None:
            return text
        converted = vn.to_unicode(text, encoding)
        self.notes.append(legacy_note(text, converted, encoding, self.where(node)))
        return converted

    def mapping(self, node: yaml.MappingNode, path: Path_, depth: int, aliased: bool = False) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first_line: dict[str, int] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                self.problems.append(Problem("yaml.tag", self.where(key_node), {"tag": "<<"}))
                continue
            key = (
                self.value(key_node, (*path, "\0key"), depth + 1, aliased)
                if isinstance(key_node, yaml.ScalarNode)
                else None
            )
            if not isinstance(key, str):
                self.problems.append(Problem("yaml.key_not_text", self.where(key_node), {"found": repr(key)}))
                continue
            line = key_node.start_mark.line + 1
            if key in first_line:
                self.problems.append(
                    Problem("yaml.duplicate_key", self.where(key_node), {"key": key, "first_line": first_line[key]})
                )
                continue
            first_line[key] = line
            self.locations[(*path, key)] = self.where(key_node)
            result[key] = self.value(value_node, (*path, key), depth + 1, aliased)
        self.locations.pop((*path, "\0key"), None)
        return result


def _shorten(text: str, limit: int = 60) -> str:
    """``text`` cut to ``limit`` characters for a message."""
    return text if len(text) <= limit else text[: limit - 1] + "…"
