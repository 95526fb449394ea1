"""Wording: the office-editable sentences of every document, from Jinja2 templates.

Each document kind has one template file in ``templates/`` (``report.j2`` …) made of
named ``{% block %}``s, one per slot the document fills (``subject``, ``opening`` …).
A ``--templates DIR`` folder may hold a file of the same name that replaces the
default; it can also ``{% extends "default/report.j2" %}`` and redefine only some
blocks.

Templates run in Jinja2's sandbox with ``StrictUndefined``: a misspelt variable is a
located :class:`TemplateError`, never an empty string. Values from the data are passed
as values, never compiled, so data holding ``{{ … }}`` is printed as written. The sandbox
(:mod:`umt_reports.documents.sandbox`) also hides pydantic's own methods, bounds every
text's size and each block's time, and turns anything a template raises into a located
:class:`TemplateError`.
"""

from __future__ import annotations

import hashlib
import os
import re
import sys
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import jinja2

from umt_reports import vn
from umt_reports.documents.sandbox import Sandbox, load_boundary, render_block
from umt_reports.errors import Location, TemplateError
from umt_reports.model import PartialDate
from umt_reports.resources import templates_dir

__all__ = ["Wording", "bytecode_cache"]

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_SPACE = re.compile(r"\s+")
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([,.;:])")


def _date(value: Any) -> str:
    if isinstance(value, PartialDate):
        return value.text()
    return vn.running_date(value)


def _quantity(value: Any, unit: str | None = None) -> str:
    return vn.format_figure(value if isinstance(value, (int, Decimal, float)) else str(value), unit)


_FILTERS: dict[str, Callable[..., Any]] = {
    "number": vn.format_number,
    "money": vn.format_money,
    "money_words": vn.money_in_words,
    "quantity": _quantity,
    "date": _date,
    "long_date": vn.long_date,
    "join_list": vn.join_list,
    "lower_first": vn.lower_first,
    "upper_first": vn.capitalize_first,
    "upper": vn.upper,
}


class Wording:
    """Renders the named blocks of the kind templates into paragraphs of plain text."""

    def __init__(self, override_dir: Path | None = None):
        default = jinja2.FileSystemLoader(str(templates_dir()))
        loaders: list[jinja2.BaseLoader] = []
        if override_dir is not None:
            if not override_dir.is_dir():
                raise TemplateError.of("template.dir_missing", Location(file=str(override_dir)), path=str(override_dir))
            loaders.append(jinja2.FileSystemLoader(str(override_dir)))
        loaders.append(jinja2.PrefixLoader({"default": default}))
        loaders.append(default)
        self.env = Sandbox(
            loader=jinja2.ChoiceLoader(loaders),
            undefined=jinja2.StrictUndefined,
            autoescape=False,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=False,
            bytecode_cache=bytecode_cache(),
        )
        self.env.guard_filters(_FILTERS)
        self._cache: dict[str, jinja2.Template] = {}
        self._chains: dict[str, list[jinja2.Template]] = {}

    def _template(self, name: str) -> jinja2.Template:
        if name not in self._cache:
            with load_boundary(name):
                self._cache[name] = self.env.get_template(name)
        return self._cache[name]

    def paragraphs(self, template: str, block: str, **context: Any) -> list[str]:
        """The paragraphs of ``block`` in ``template``: blank lines separate paragraphs,
        other whitespace is folded, and empty paragraphs are dropped."""
        text = self.text(template, block, **context)
        return [p for p in (_tidy(chunk) for chunk in _PARAGRAPH_BREAK.split(text)) if p]

    def line(self, template: str, block: str, **context: Any) -> str:
        """``block`` rendered as one line of text (may be empty)."""
        return " ".join(self.paragraphs(template, block, **context))

    def _chain(self, name: str) -> list[jinja2.Template]:
        """``name`` and the templates it extends, most derived first (parsed once per name:
        documents such as certificates render blocks thousands of times)."""
        if name not in self._chains:
            with load_boundary(name):
                self._chains[name] = self._find_chain(name)
        return self._chains[name]

    def _find_chain(self, name: str) -> list[jinja2.Template]:
        chain = [self._template(name)]
        while True:
            assert self.env.loader is not None and chain[-1].name is not None  # -- set in __init__ --
            source, _, _ = self.env.loader.get_source(self.env, chain[-1].name)
            parents = _parents(self.env, source)
            if not parents or len(chain) > 8:
                return chain
            chain.append(self._template(parents[0]))

    def text(self, template: str, block: str, **context: Any) -> str:
        chain = self._chain(template)
        tmpl = chain[0]
        ctx = tmpl.new_context(context)
        # -- as {% extends %} does at render time: parents' blocks queue behind the child's --
        for parent in chain[1:]:
            for name, func in parent.blocks.items():
                ctx.blocks.setdefault(name, []).append(func)
        if block not in ctx.blocks:
            raise TemplateError.of("template.no_block", Location(file=template), name=template, block=block)
        return render_block(lambda: ctx.blocks[block][0](ctx), block, tmpl)


#: Template text -> the names it extends (parsing is the costly part of finding a chain).
_PARENTS: dict[str, list[str]] = {}


def _parents(env: jinja2.Environment, source: str) -> list[str]:
    """The templates ``source`` extends by a constant name, parsed once per text in a process."""
    found = _PARENTS.get(source)
    if found is None:
        found = [
            n.template.value
            for n in env.parse(source).find_all(jinja2.nodes.Extends)
            if isinstance(n.template, jinja2.nodes.Const)
        ]
        if len(_PARENTS) > 256:
            _PARENTS.clear()
        _PARENTS[source] = found
    return found


def _tidy(text: str) -> str:
    text = _SPACE.sub(" ", text).strip()
    return _SPACE_BEFORE_PUNCT.sub(r"\1", text)


# -- compiled templates kept between runs ---------------------------------------------


class _HashedBytecodeCache(jinja2.FileSystemBytecodeCache):
    """Jinja's file cache, keyed by the template's own text (and the compiler's settings)
    instead of its name: an edited template gets a new entry, two folders holding different
    ``report.j2`` never share one, and a template changed back finds its old entry again."""

    def get_bucket(
        self, environment: jinja2.Environment, name: str, filename: str | None, source: str
    ) -> jinja2.bccache.Bucket:
        settings = (
            type(environment).__name__,
            jinja2.__version__,
            sys.implementation.cache_tag,
            environment.trim_blocks,
            environment.lstrip_blocks,
            environment.keep_trailing_newline,
            repr(environment.autoescape),
            name,
        )
        key = hashlib.sha256(repr(settings).encode() + b"\0" + source.encode("utf-8")).hexdigest()
        bucket = jinja2.bccache.Bucket(environment, key, self.get_source_checksum(source))
        self.load_bytecode(bucket)
        return bucket


def bytecode_cache() -> jinja2.BytecodeCache | None:
    """The folder where compiled templates are kept between runs: ``$UMT_CACHE_DIR/jinja``, else
    ``$XDG_CACHE_HOME/umt-reports/jinja``, else ``~/.cache/umt-reports/jinja``. ``None`` (compile
    every time) when ``UMT_CACHE_DIR`` is empty or the folder cannot be made."""
    base = os.environ.get("UMT_CACHE_DIR")
    if base == "":
        return None
    if base is None:
        xdg = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        base = os.path.join(xdg, "umt-reports")
    folder = os.path.join(base, "jinja")
    try:
        os.makedirs(folder, mode=0o700, exist_ok=True)
    except OSError:
        return None
    return _HashedBytecodeCache(folder, pattern="%s.jinja")
