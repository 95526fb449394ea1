"""Wording: the office-editable sentences of every document, from Jinja2 templates.

Each document kind has one template file in ``templates/`` (``report.j2`` …) made of
named ``{% block %}``s, one per slot the document fills (``subject``, ``opening`` …).
A ``--templates DIR`` folder may hold a file of the same name that replaces the
default; it can also ``{% extends "default/report.j2" %}`` and redefine only some
blocks.

Templates run in Jinja2's sandbox with ``StrictUndefined``: a misspelt variable is a
located :class:`TemplateError`, never an empty string. Values from the data are passed
as values, never compiled, so data holding ``{{ … }}`` is printed as written.
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import jinja2
from jinja2.sandbox import ImmutableSandboxedEnvironment

from umt_reports import vn
from umt_reports.errors import Location, TemplateError
from umt_reports.model import PartialDate
from umt_reports.resources import templates_dir

__all__ = ["Wording"]

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_SPACE = re.compile(r"\s+")
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([,.;:])")


def _date(value: Any) -> str:
    if isinstance(value, PartialDate):
        return value.text()
    return vn.running_date(value)


def _quantity(value: Any, unit: str | None = None) -> str:
    return vn.format_figure(value if isinstance(value, (int, Decimal, float)) else str(value), unit)


_FILTERS = {
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
            loaders.append(jinja2.FileSystemLoader(str(override_dir)))
        loaders.append(jinja2.PrefixLoader({"default": default}))
        loaders.append(default)
        self.env = ImmutableSandboxedEnvironment(
            loader=jinja2.ChoiceLoader(loaders),
            undefined=jinja2.StrictUndefined,
            autoescape=False,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=False,
        )
        self.env.filters.update(_FILTERS)
        self._cache: dict[str, jinja2.Template] = {}
        self._chains: dict[str, list[jinja2.Template]] = {}

    def _template(self, name: str) -> jinja2.Template:
        if name not in self._cache:
            try:
                self._cache[name] = self.env.get_template(name)
            except jinja2.TemplateSyntaxError as exc:
                raise TemplateError.of(
                    "template.syntax",
                    Location(file=Path(exc.filename or name).name, line=exc.lineno),
                    reason=exc.message or str(exc),
                ) from None
            except jinja2.TemplateNotFound:
                raise TemplateError.of("template.not_found", Location(file=name), name=name) from None
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
            self._chains[name] = self._find_chain(name)
        return self._chains[name]

    def _find_chain(self, name: str) -> list[jinja2.Template]:
        chain = [self._template(name)]
        while True:
            assert self.env.loader is not None and chain[-1].name is not None  # -- set in __init__ --
            source, _, _ = self.env.loader.get_source(self.env, chain[-1].name)
            parents = [n.template.value for n in self.env.parse(source).find_all(jinja2.nodes.Extends)
                       if isinstance(n.template, jinja2.nodes.Const)]
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
        try:
            return "".join(ctx.blocks[block][0](ctx))
        except jinja2.UndefinedError as exc:
            raise TemplateError.of(
                "template.undefined", _where(exc, tmpl), block=block, reason=exc.message or str(exc)
            ) from None
        except jinja2.exceptions.SecurityError as exc:
            raise TemplateError.of("template.unsafe", _where(exc, tmpl), block=block, reason=str(exc)) from None
        except jinja2.TemplateError as exc:
            raise TemplateError.of("template.failed", _where(exc, tmpl), block=block, reason=str(exc)) from None


def _tidy(text: str) -> str:
    text = _SPACE.sub(" ", text).strip()
    return _SPACE_BEFORE_PUNCT.sub(r"\1", text)


def _where(exc: Exception, tmpl: jinja2.Template) -> Location:
    """The template line an error was raised at (the innermost frame of the template's code)."""
    tb = exc.__traceback__
    line = None
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == tmpl.filename:
            line = tmpl.get_corresponding_lineno(tb.tb_lineno)
        tb = tb.tb_next
    return Location(file=Path(tmpl.filename or tmpl.name or "").name, line=line)
