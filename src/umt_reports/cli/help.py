"""Help in the message language: ``--lang`` anywhere on the line, texts from the catalogue.

In: the command line (``--lang vi|en`` before or after the subcommand, or ``UMT_LANG``).
Out: the language every message and help screen of this run uses, and help screens whose
every line follows it: the command and option texts (catalogue codes ``help.<command>`` and
``help.<command>.<option>``, e.g. ``help.build.out``, ``help.archive.add.replace``; see :func:`_option_code`) and
click's own lines (``Usage:``, ``Options:``, ``Commands:``, ``[default: …]``, the ``--help``
line). A command or option without a catalogue entry shows the help written in its decorator.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from typing import IO, Any

import click

from umt_reports.messages import CATALOGUE, render

__all__ = ["LANG_META", "LANGUAGES", "LocalizedCommand", "LocalizedGroup", "current_lang", "help_code"]

#: Where the language of the run is kept in ``click.Context.meta`` (shared by every context).
LANG_META = "umt_reports.lang"
LANGUAGES = ("vi", "en")
#: The name of the root command group (``umt-reports``), left out of help codes.
ROOT_NAME = "main"
_BRACKETS = re.compile(r"\[([^\[\]]*)\]$")


def current_lang(ctx: click.Context | None = None) -> str:
    """The language of the running command (or of ``ctx``): ``--lang`` anywhere on the line,
    else ``UMT_LANG``, else vi."""
    ctx = ctx or click.get_current_context(silent=True)
    if ctx is not None:
        lang = ctx.meta.get(LANG_META) or ctx.find_root().params.get("lang")
        if lang in LANGUAGES:
            return str(lang)
    env = os.environ.get("UMT_LANG", "vi")
    return env if env in LANGUAGES else "vi"


def _say(code: str, **params: object) -> str:
    return render(code, params, current_lang())


def _scan_lang(args: Sequence[str]) -> str | None:
    """The value of the last ``--lang X`` / ``--lang=X`` among ``args`` (up to ``--``), if valid."""
    found: str | None = None
    for index, arg in enumerate(args):
        if arg == "--":
            break
        value = None
        if arg == "--lang" and index + 1 < len(args):
            value = args[index + 1]
        elif arg.startswith("--lang="):
            value = arg.split("=", 1)[1]
        if value in LANGUAGES:
            found = value
    return found


def _path(ctx: click.Context) -> list[str]:
    """Command names from the top of ``ctx``, the root group left out: ``["archive", "add"]``, ``[]``."""
    names: list[str] = []
    current: click.Context | None = ctx
    while current is not None:
        names.append(current.command.name or "")
        current = current.parent
    names.reverse()
    return names[1:] if names and names[0] == ROOT_NAME else names


def help_code(names: Sequence[str], param: str | None = None) -> str:
    """The catalogue code of a command's help (``help.archive.add``; the root's is ``help.main``)
    or of one of its options (``help.archive.add.replace``)."""
    return ".".join(["help", *(names or [ROOT_NAME]), *([param] if param else [])])


def _text(code: str, fallback: str | None) -> str | None:
    """The catalogue text of ``code`` in the current language, else ``fallback``."""
    if code not in CATALOGUE:
        return fallback
    from umt_reports.documents.kinds import KINDS, kind_names
    from umt_reports.render.formats import FORMATS

    # -- the kinds and formats an option lists are read from their registries when shown;
    #    English names the kinds by their ASCII names only --
    kinds = kind_names() if current_lang() == "vi" else ", ".join(KINDS)
    return _say(code, kinds=kinds, formats=", ".join(FORMATS))


def _short(text: str, limit: int) -> str:
    """The first sentence of ``text``, cut at a word to fit ``limit`` (as click shortens help)."""
    words = text.split("\n\n", 1)[0].split()
    line = ""
    for word in words:
        candidate = f"{line} {word}" if line else word
        if len(candidate) > limit - 3:
            return line + "..."
        line = candidate
        if word.endswith("."):
            break
    return line


def _option_code(names: Sequence[str], param: str) -> str:
    """The code of an option's help, looked up from the command outwards.

    ``help.archive.add.kind``, then ``help.archive.kind`` (shared by a group's commands), then
    ``help.option.kind`` (shared by every command); the first that exists, else the first.
    """
    candidates = [help_code(names[:end], param) for end in range(len(names), 0, -1)] or [help_code([], param)]
    candidates.append(f"help.option.{param}")
    return next((code for code in candidates if code in CATALOGUE), candidates[0])


def _metavar(text: str) -> str:
    """An option's name column with click's kinds of values (``TEXT``, ``DIRECTORY`` …) translated."""
    return " ".join(
        _say(f"help.metavar.{word}") if f"help.metavar.{word}" in CATALOGUE else word for word in text.split(" ")
    )


class _UsageError(click.UsageError):
    """click's usage error, shown with the hint and the ``Error:`` label in the message language.

    The reason itself (``No such option '--bogus'``) is click's own English sentence.
    """

    def show(self, file: IO[Any] | None = None) -> None:
        color = self.ctx.color if self.ctx is not None else None
        # -- shown after click has left the context: the language is read from it, not from the stack --
        lang = current_lang(self.ctx)
        if self.ctx is not None:
            with self.ctx:
                usage = self.ctx.get_usage()
            names = self.ctx.command.get_help_option_names(self.ctx)
            if names and self.ctx.command.get_help_option(self.ctx) is not None:
                params = {"command": self.ctx.command_path, "option": max(names, key=len)}
                usage = f"{usage}\n{render('help.label.try', params, lang)}"
            click.echo(f"{usage}\n", file=file, err=file is None, color=color)
        message = render("help.label.error", {"message": self.format_message()}, lang)
        click.echo(message, file=file, err=file is None, color=color)


def _localized(error: click.UsageError) -> _UsageError:
    return _UsageError(error.format_message(), error.ctx)


def _lang_option() -> click.Option:
    """``--lang`` on every command; its value is read from the line before parsing (see ``parse_args``)."""
    return click.Option(
        ["--lang"],
        type=click.Choice(LANGUAGES),
        default=None,
        expose_value=False,
        is_eager=True,
        help="Ngôn ngữ thông báo: vi hoặc en (mặc định vi; biến môi trường UMT_LANG).",
    )


class _Localized(click.Command):
    """What every command of the tool shares: ``--lang`` after the subcommand, help in that language."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not any(param.name == "lang" for param in self.params):
            self.params.append(_lang_option())

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        lang = _scan_lang(args)
        if lang is not None:
            ctx.meta[LANG_META] = lang
        try:
            return super().parse_args(ctx, args)
        except click.UsageError as error:
            raise error if isinstance(error, _UsageError) else _localized(error) from None

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        translated = {
            self.options_metavar: _say("help.label.options_metavar"),
            getattr(self, "subcommand_metavar", None): _say("help.label.command_metavar"),
        }
        pieces = [translated.get(piece) or piece for piece in self.collect_usage_pieces(ctx)]
        formatter.write_usage(ctx.command_path, " ".join(pieces), prefix=f"{_say('help.label.usage')} ")

    def format_help_text(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        text = _text(help_code(_path(ctx)), self.help)
        if text:
            formatter.write_paragraph()
            with formatter.indentation():
                formatter.write_text(text.partition("\f")[0])

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [row for param in self.get_params(ctx) if (row := self._help_row(ctx, param)) is not None]
        if rows:
            with formatter.section(_say("help.label.options")):
                formatter.write_dl(rows)

    def _help_row(self, ctx: click.Context, param: click.Parameter) -> tuple[str, str] | None:
        """One option's line: its catalogue help (``--help``, ``--version`` and ``--lang`` are shared)."""
        if not isinstance(param, click.Option):
            return None
        name = param.name or ""
        if param is self.get_help_option(ctx):
            code = "help.option.help"
        elif name in ("version", "lang"):
            code = f"help.option.{name}"
        else:
            code = _option_code(_path(ctx), name)
        written = param.help
        param.help = _text(code, written)
        try:
            row = param.get_help_record(ctx)
        finally:
            param.help = written
        if row is None:
            return None
        return _metavar(row[0]), _BRACKETS.sub(lambda match: "[" + self._extras(match[1]) + "]", row[1])

    @staticmethod
    def _extras(text: str) -> str:
        """click's ``default: x; required`` in the current language."""
        parts = []
        for part in text.split("; "):
            if part.startswith("default: "):
                part = f"{_say('help.label.default')}: {part.removeprefix('default: ')}"
            elif part == "required":
                part = _say("help.label.required")
            parts.append(part)
        return "; ".join(parts)


class LocalizedCommand(_Localized):
    """A command whose help follows ``--lang``."""


class LocalizedGroup(_Localized, click.Group):
    """A command group whose help, and the list of its commands, follow ``--lang``."""

    command_class = LocalizedCommand
    group_class = type

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        super().format_options(ctx, formatter)
        self.format_commands(ctx, formatter)

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        try:
            return super().resolve_command(ctx, args)
        except click.UsageError as error:
            raise error if isinstance(error, _UsageError) else _localized(error) from None

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        commands = []
        for name in self.list_commands(ctx):
            command = self.get_command(ctx, name)
            if command is not None and not command.hidden:
                commands.append((name, command))
        if not commands:
            return
        limit = formatter.width - 6 - max(len(name) for name, _ in commands)
        rows = []
        for name, command in commands:
            text = _text(help_code([*_path(ctx), name]), None)
            short = _short(text, limit) if text is not None else command.get_short_help_str(limit)
            rows.append((name, short))
        with formatter.section(_say("help.label.commands")):
            formatter.write_dl(rows)
