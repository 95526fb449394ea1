"""The registry of document kinds: every kind is one module of ``documents/`` declaring a :class:`Kind`.

A kind module (``report.py``, ``conclusion.py`` …) holds, beside its builder, one module-level
:class:`Kind` value (two for modules drawing two kinds). :data:`KINDS` finds them by looking at
every module of this package on first use, so adding a kind means adding one module (with its
``Kind``) and one template: the CLI, the build, ``check`` and the help texts read the registry.

In: a name as a user types it (``report``, ``bao-cao``, ``Báo cáo``). Out: the :class:`Kind`
(:func:`get_kind`), or ``None``.
"""

from __future__ import annotations

import importlib
import pkgutil
import unicodedata
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from umt_reports.documents.document import Document
    from umt_reports.documents.wording import Wording
    from umt_reports.model import Meeting

__all__ = ["ALL_FORMATS", "DATA_PARTS", "FACT_GROUPS", "KINDS", "DocumentContext", "Kind", "get_kind", "kind_names"]

#: Every format a flowing document (paragraphs, tables) can be drawn in.
ALL_FORMATS: tuple[str, ...] = ("docx", "pdf", "html", "html-fragment")

#: Parts of the data a kind may need -> (how to tell the meeting has it, the workbook sheet that holds it).
DATA_PARTS: dict[str, tuple[Callable[[Meeting], bool], str]] = {
    "chairs": (lambda meeting: bool(meeting.chairs), "Chủ trì"),
    "attendees": (lambda meeting: bool(meeting.attendees), "Thành phần"),
    "statistics": (lambda meeting: bool(meeting.statistics), "Số liệu"),
    "sections": (lambda meeting: bool(meeting.sections), "Nội dung"),
    "awards": (lambda meeting: bool(meeting.awards), "Khen thưởng"),
}

#: Facts of the data ``check`` can look for in a document (see :mod:`umt_reports.check.facts`).
FACT_GROUPS: frozenset[str] = frozenset(
    {
        "chairs",
        "attendees",
        "statistics",
        "meeting_date",
        "awardees",
        "code",
        "date_line",
        "signer",
        "author",
        "published",
    }
)


@dataclass(frozen=True)
class DocumentContext:
    """What a document builder may use besides the meeting."""

    wording: Wording
    #: Folder of the data file (photos are relative to it).
    source_dir: Path | None = None


@dataclass(frozen=True)
class Kind:
    """One kind of document: how it is named, what it needs, how it is built and checked.

    ``name`` is the kind's ASCII name (``--kind``, the manifest); ``vn_name`` its Vietnamese
    name, also accepted by ``--kind`` (as written or as a slug, ``bao-cao``) and used in
    messages; ``aliases`` are other names a user may type. ``formats`` lists the formats it
    can be drawn in (a request for another is noted, not built). ``needs`` names the parts of
    the data (:data:`DATA_PARTS`) without which the kind cannot be built. ``facts`` names the
    facts of the data (:data:`FACT_GROUPS`) the document states, which ``check`` looks for.
    ``variant`` names the kind ``--print-on-form`` turns this one into.
    """

    name: str
    vn_name: str
    builder: Callable[[Meeting, DocumentContext], Document]
    formats: tuple[str, ...] = ALL_FORMATS
    needs: tuple[str, ...] = ()
    facts: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    template: str | None = None
    variant: str | None = None
    #: Place in listings (help texts, messages): lower first.
    order: int = 100
    #: Names the kind answers to, folded (filled in by ``__post_init__``).
    names: frozenset[str] = field(init=False, default=frozenset(), compare=False, repr=False)

    def __post_init__(self) -> None:
        unknown = [part for part in self.needs if part not in DATA_PARTS]
        unknown += [fact for fact in self.facts if fact not in FACT_GROUPS]
        if unknown:
            raise ValueError(f"kind {self.name!r}: unknown needs/facts {unknown}")
        typed = (self.name, self.vn_name, *self.aliases)
        object.__setattr__(self, "names", frozenset(n for t in typed for n in (_fold(t), _slug(t))))

    def build(self, meeting: Meeting, ctx: DocumentContext) -> Document:
        """The document of this kind for ``meeting``."""
        return self.builder(meeting, ctx)

    def missing(self, meeting: Meeting) -> list[str]:
        """The workbook sheets (data parts) this kind needs and ``meeting`` lacks."""
        return [DATA_PARTS[part][1] for part in self.needs if not DATA_PARTS[part][0](meeting)]


def _fold(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split()).casefold()


def _slug(text: str) -> str:
    from umt_reports import vn

    return vn.slug(text)


class _Registry(Mapping[str, Kind]):
    """Kind name -> :class:`Kind`, found in the modules of ``documents/`` on first use."""

    def __init__(self) -> None:
        self._kinds: dict[str, Kind] | None = None

    def _load(self) -> dict[str, Kind]:
        if self._kinds is None:
            package = importlib.import_module("umt_reports.documents")
            found: dict[str, Kind] = {}
            for info in pkgutil.iter_modules(package.__path__):
                if info.name.startswith("_"):
                    continue
                module = importlib.import_module(f"{package.__name__}.{info.name}")
                for value in vars(module).values():
                    if isinstance(value, Kind):
                        found.setdefault(value.name, value)
            self._kinds = dict(sorted(found.items(), key=lambda item: (item[1].order, item[0])))
        return self._kinds

    def __getitem__(self, name: str) -> Kind:
        return self._load()[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._load())

    def __len__(self) -> int:
        return len(self._load())


#: Every document kind, in listing order.
KINDS: Mapping[str, Kind] = _Registry()


def get_kind(name: str) -> Kind | None:
    """The kind called ``name`` (ASCII name, Vietnamese name or its slug, any case), or ``None``."""
    wanted = {_fold(name), _slug(name)} - {""}
    for kind in KINDS.values():
        if wanted & kind.names:
            return kind
    return None


def kind_names() -> str:
    """``report (báo cáo), press (tin bài), …`` for help texts and messages."""
    return ", ".join(f"{kind.name} ({kind.vn_name})" for kind in KINDS.values())
