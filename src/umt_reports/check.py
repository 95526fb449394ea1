"""Fact check: the documents of a build, as they are on disk now, against their meeting data.

In: an output folder with its ``manifest.json`` (written by :func:`umt_reports.build.build`).
Out: a :class:`CheckResult` whose :attr:`~CheckResult.problems` list every difference as a
:class:`~umt_reports.errors.Problem` located at the document (``2022-06-22_tin-bai.docx``)
and naming the fact and the phrase. The files are read back as they are *now* — someone may
have edited the Word file by hand since the build — and compared with the meeting data the
manifest points at (``source.path``) and, through it, with each other.

Reading the files (:func:`document_text`): DOCX through python-docx (every paragraph of the
body in order, table cells included, once each), PDF through poppler's ``pdftotext`` (the
page numbers printed from page 2 are not text of the document and are dropped), HTML (page
or fragment) through html5lib (the text of the body; attributes, ``<style>`` and the
``<head>`` are not read). Texts are compared after NFC, with every run of white space as one
space and without regard to letter case (a heading printed in capitals says the same).

The rules:

1. **Facts** (:func:`facts_for`). A report, news item or press release must contain, as the
   documents write them: each chair's name and each of their positions; each named
   attendee's name and position; each statistic's figure with its unit (``19,4%/năm``,
   ``22/27 chỉ tiêu``); the meeting date in running form, only the parts known (``21/6/2022``,
   ``21/6``); each award's counts (``5 tập thể``, ``10 cá nhân``) and every named awardee. Each
   document also carries its own facts: the report its number and symbol; the report and the
   press release their date line (``ngày 22 tháng 6 năm 2022``) and signer; the news item its
   author and its portal timestamp. A missing phrase is a difference (``check.missing_*``).
2. **Figures**. Every number in a file's text is counted (``19,4`` and ``1.387`` are one
   number each, ``21/6/2022`` is three) and the counts are compared with those of the same
   document drawn again from the data now. A number the file holds more often than the data
   gives is an unknown figure (``check.unknown_figure``), shown in the phrase around it; one it
   holds less often is a lost figure (``check.lost_figure``) unless a missing fact already
   names it. So an edited figure in a narrative paragraph is found too, and the formats of one
   document cannot drift apart.
3. When the data file changed since the build (its SHA-256 differs from the manifest's), a
   note says so; the documents are still compared with the data as it is now.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from umt_reports import vn
from umt_reports.errors import InputError, Location, Problem, UmtError
from umt_reports.model import Meeting, Statistic

if TYPE_CHECKING:
    from umt_reports.documents.document import Document

__all__ = ["CheckResult", "Fact", "check", "document_text", "facts_for", "figures"]

#: Kinds whose text tells the meeting (rule 1 applies to them; every kind gets rule 2).
MEETING_KINDS = ("report", "press", "press-release")
#: Formats the checker can read back.
READABLE = ("docx", "pdf", "html", "html-fragment")

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_SPACE = re.compile(r"\s+")
#: Words each side of a figure quoted in a message.
_CONTEXT_WORDS = 4
_PDFTOTEXT_TIMEOUT_S = 60


@dataclass(frozen=True)
class Fact:
    """A phrase a document must contain, and what it is (the message code's suffix and params).

    ``alternatives`` are other spellings that count as the same phrase.
    """

    code: str
    phrase: str
    params: tuple[tuple[str, str], ...] = ()
    alternatives: tuple[str, ...] = ()

    def found_in(self, text: str) -> bool:
        """Whether folded ``text`` holds the phrase as whole words (``Văn Thư`` is not in ``Văn Thượng``)."""
        return any(re.search(rf"(?<!\w){re.escape(_fold(p))}(?!\w)", text) for p in (self.phrase, *self.alternatives))


@dataclass
class CheckResult:
    """What a check read and what it found."""

    out_dir: Path
    #: The documents read (paths relative to ``out_dir``), in manifest order.
    documents: list[str] = field(default_factory=list)
    #: Differences; the check passes when there is none.
    problems: list[Problem] = field(default_factory=list)
    #: Notices that are not differences (data changed since the build, formats not read).
    notes: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


# -- reading documents back ----------------------------------------------------------------


def _fold(text: str) -> str:
    """The form texts are compared in: NFC, one space for any white space, case-folded."""
    text = unicodedata.normalize("NFC", text).replace("\u00ad", "")
    return _SPACE.sub(" ", text).strip().casefold()


def document_text(path: Path, fmt: str, *, page_numbers: bool = True) -> str:
    """The text of the file at ``path`` in format ``fmt``, one block (paragraph, cell) per line.

    ``page_numbers``: the PDF prints page numbers from page 2 on (they are dropped).

    Raises:
        UmtError: ``check.unreadable`` when the file cannot be read as ``fmt``;
            ``check.no_pdftotext`` when poppler's ``pdftotext`` is not installed.
    """
    where = Location(file=path.name)
    try:
        if fmt == "docx":
            return _docx_text(path)
        if fmt == "pdf":
            return _pdf_text(path, page_numbers)
        if fmt in ("html", "html-fragment"):
            return _html_text(path.read_bytes(), fragment=fmt == "html-fragment")
    except UmtError:
        raise
    except Exception as exc:  # -- a hand-edited file may be broken in any way: say which file --
        raise UmtError(Problem("check.unreadable", where, {"format": fmt, "reason": str(exc)[:200]})) from exc
    raise ValueError(f"cannot read format {fmt!r}")


def _docx_text(path: Path) -> str:
    import docx
    from docx.oxml.ns import qn

    body = docx.Document(str(path)).element.body
    fallback, paragraph, text, tab, brk, cr = (
        "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback",
        qn("w:p"), qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr"),
    )
    lines = []
    for p in body.iter(paragraph):
        # -- text boxes saved with a VML fallback hold their text twice: read the first --
        if any(ancestor.tag == fallback for ancestor in p.iterancestors()):
            continue
        parts = []
        for node in p.iter(text, tab, brk, cr):
            # -- only this paragraph's own runs (a text box inside it is a paragraph of its own) --
            if next(node.iterancestors(paragraph)) is not p:
                continue
            parts.append(node.text or "" if node.tag == text else " ")
        lines.append("".join(parts))
    return "\n".join(lines)


def _pdf_text(path: Path, page_numbers: bool) -> str:
    exe = shutil.which("pdftotext")
    if exe is None:
        raise UmtError(Problem("check.no_pdftotext", Location(file=path.name), {}))
    done = subprocess.run(
        [exe, "-enc", "UTF-8", str(path), "-"],
        capture_output=True,
        timeout=_PDFTOTEXT_TIMEOUT_S,
        check=False,
    )
    if done.returncode != 0:
        reason = done.stderr.decode("utf-8", "replace").strip() or f"pdftotext exit {done.returncode}"
        raise UmtError(Problem("check.unreadable", Location(file=path.name), {"format": "pdf", "reason": reason}))
    pages = done.stdout.decode("utf-8", "replace").split("\f")
    kept = []
    for number, page in enumerate(pages, start=1):
        lines = page.split("\n")
        if number > 1 and page_numbers:
            # -- the page number printed in the top margin comes first on pages 2 on --
            first = next((i for i, line in enumerate(lines) if line.strip()), None)
            if first is not None and lines[first].strip().isdigit():
                del lines[first]
        kept.append("\n".join(lines))
    return "\n".join(kept)


#: Elements whose end separates texts (a paragraph, a cell, a line break ...).
_BLOCKS = frozenset(
    ["p", "h1", "h2", "h3", "h4", "h5", "h6", "div", "section", "article", "header", "footer", "figure", "figcaption", "table", "thead", "tbody", "tr", "td", "th", "ul", "ol", "li", "br", "hr", "blockquote", "pre", "dt", "dd"]
)
_SKIPPED = frozenset({"head", "style", "script", "template", "noscript", "title"})


def _html_text(data: bytes, *, fragment: bool) -> str:
    import html5lib

    source = data.decode("utf-8", "replace")
    if fragment:
        root = html5lib.parseFragment(source, container="div", namespaceHTMLElements=False)
    else:
        root = html5lib.parse(source, namespaceHTMLElements=False)
    out: list[str] = []

    def walk(element: Any) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag in _SKIPPED:
            return
        if element.text and tag:
            out.append(element.text)
        for child in element:
            walk(child)
            if child.tail:
                out.append(child.tail)
        if tag in _BLOCKS:
            out.append("\n")

    if fragment:
        if root.text:
            out.append(root.text)
        for child in root:
            walk(child)
            if child.tail:
                out.append(child.tail)
    else:
        walk(root)
    return "".join(out)


# -- what the documents must say --------------------------------------------------------------


def _statistic_phrase(stat: Statistic) -> str:
    """A statistic as every document writes it: ``19,4%/năm``, ``47 đơn``, ``22/27 chỉ tiêu``."""
    return vn.format_figure(stat.value, stat.unit)


def _count_fact(count: int, noun: str, form: str) -> Fact:
    plain, grouped = f"{count} {noun}", f"{vn.format_number(count)} {noun}"
    return Fact("award", grouped, (("form", form),), (plain,) if plain != grouped else ())


def facts_for(meeting: Meeting, kind: str, document: Document | None = None) -> list[Fact]:
    """The phrases a ``kind`` document of ``meeting`` must contain (rule 1 of the module).

    ``document`` (the :class:`~umt_reports.documents.document.Document` drawn from the data)
    gives the document's own facts: number and symbol, date line, signer, timestamp.
    """
    if kind not in MEETING_KINDS:
        return []
    facts: list[Fact] = []
    for chair in meeting.chairs:
        facts.append(Fact("chair", chair.name))
        facts += [Fact("position", position, (("name", chair.name),)) for position in chair.positions]
    for person in meeting.attendees:
        if person.name:
            facts.append(Fact("attendee", person.name))
            if person.position:
                facts.append(Fact("position", person.position, (("name", person.name),)))
    for stat in meeting.statistics:
        facts.append(Fact("statistic", _statistic_phrase(stat), (("label", stat.label),)))
    if meeting.info.date is not None:
        facts.append(Fact("meeting_date", meeting.info.date.text()))
    for award in meeting.awards:
        if award.collective_count:
            facts.append(_count_fact(award.collective_count, "tập thể", award.form))
        if award.individual_count:
            facts.append(_count_fact(award.individual_count, "cá nhân", award.form))
        for group in (award.collectives, award.individuals):
            if group is not None:
                facts += [Fact("awardee", member.name, (("form", award.form),)) for member in group.members]
    if document is not None:
        facts += _own_facts(meeting, kind, document)
    return facts


def _own_facts(meeting: Meeting, kind: str, document: Document) -> list[Fact]:
    meta = document.meta
    facts: list[Fact] = []
    if kind == "press":
        from umt_reports.documents.press import timestamp

        if meeting.press.author:
            facts.append(Fact("author", meeting.press.author))
        stamp = timestamp(meeting.press.published)
        if stamp:
            facts.append(Fact("published", stamp.strip("()")))
        return facts
    if meta.code:
        facts.append(Fact("code", meta.code))
    if meta.date is not None:
        facts.append(Fact("date_line", vn.date_line(meeting.issuer.place, meta.date)))
    if meta.signer_name:
        facts.append(Fact("signer", meta.signer_name))
    return facts


# -- figures --------------------------------------------------------------------------------


def figures(text: str) -> Counter[str]:
    """How often each number occurs in ``text`` (``19,4``, ``1.387``; a date gives its parts)."""
    return Counter(_NUMBER.findall(text))


def _quote(words: list[str], index: int) -> str:
    start = max(0, index - _CONTEXT_WORDS)
    return " ".join(words[start : index + _CONTEXT_WORDS + 1])


def _phrase_of(figure: str, text: str, other: str) -> str:
    """The words around an occurrence of ``figure`` in ``text`` that ``other`` does not have
    (else around the first occurrence): the phrase a message quotes."""
    words = _SPACE.split(unicodedata.normalize("NFC", text).strip())
    folded_other = _fold(other)
    first = None
    for index, word in enumerate(words):
        if figure not in _NUMBER.findall(word):
            continue
        quote = _quote(words, index)
        if first is None:
            first = quote
        # -- the figure with one word each side: the narrowest phrase the other text lacks --
        near = " ".join(words[max(0, index - 1) : index + 2])
        if _fold(near) not in folded_other:
            return quote
    return first or figure


# -- the check ------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Entry:
    path: str
    kind: str
    format: str
    source: Path | None
    sha256: str | None


def _read_manifest(out_dir: Path) -> list[_Entry]:
    manifest = out_dir / "manifest.json"
    where = Location(file=manifest.name)
    if not manifest.is_file():
        raise InputError([Problem("check.no_manifest", where, {"dir": str(out_dir)})])
    try:
        files = json.loads(manifest.read_text(encoding="utf-8"))["files"]
        entries = []
        for item in files:
            source = item.get("source") or {}
            recorded = source.get("path")
            entries.append(
                _Entry(
                    path=str(item["path"]),
                    kind=str(item["kind"]),
                    format=str(item["format"]),
                    source=(out_dir / recorded) if recorded else None,
                    sha256=source.get("sha256"),
                )
            )
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise InputError([Problem("check.bad_manifest", where, {"reason": str(exc)[:200]})]) from None
    return entries


def check(
    out_dir: str | Path,
    *,
    source: str | Path | None = None,
    templates: str | Path | None = None,
    profile_dirs: Iterable[str | Path] = (),
) -> CheckResult:
    """Compare every document listed in ``out_dir/manifest.json`` with its meeting data.

    ``source`` replaces the data file the manifest records (for every entry); ``templates``
    is the ``--templates`` folder the build used, if any (the documents are drawn again with
    it to count their figures).

    Raises:
        InputError: no or unreadable manifest, no data file for an entry, or invalid data.
        UmtError: a document cannot be read (``check.unreadable``, ``check.no_pdftotext``).
    """
    from umt_reports.api import load_meeting
    from umt_reports.build import KINDS, DocumentContext, build_documents
    from umt_reports.documents.wording import Wording

    out_dir = Path(out_dir)
    result = CheckResult(out_dir=out_dir)
    entries = _read_manifest(out_dir)
    wording = Wording(Path(templates) if templates else None)
    meetings: dict[Path, Meeting] = {}
    drawn: dict[tuple[Path, str], Document] = {}
    for entry in entries:
        where = Location(file=entry.path)
        if entry.kind not in KINDS or entry.format not in READABLE:
            result.notes.append(Problem("check.skipped", where, {"kind": entry.kind, "format": entry.format}))
            continue
        data = Path(source) if source is not None else entry.source
        if data is None or not data.is_file():
            shown = str(data) if data is not None else "manifest.json: source.path"
            raise InputError([Problem("check.no_source", where, {"source": shown})])
        data = data.resolve()
        if data not in meetings:
            meetings[data] = load_meeting(data, profile_dirs=profile_dirs)
            if source is None and entry.sha256 and hashlib.sha256(data.read_bytes()).hexdigest() != entry.sha256:
                result.notes.append(Problem("check.source_changed", Location(file=data.name), {}))
        meeting = meetings[data]
        if (data, entry.kind) not in drawn:
            ctx = DocumentContext(wording, data.parent)
            drawn[(data, entry.kind)] = build_documents(meeting, [entry.kind], ctx)[0]
        document = drawn[(data, entry.kind)]
        path = out_dir / entry.path
        result.documents.append(entry.path)
        if not path.is_file():
            result.problems.append(Problem("check.file_missing", where, {}))
            continue
        text = document_text(path, entry.format, page_numbers=document.page_numbers)
        result.problems += _compare(where, text, document.text(), facts_for(meeting, entry.kind, document))
    return result


def _compare(where: Location, text: str, expected: str, facts: list[Fact]) -> Iterator[Problem]:
    """The differences of one file's ``text`` from the document drawn from the data."""
    folded = _fold(text)
    missing = [fact for fact in facts if not fact.found_in(folded)]
    seen: set[tuple[str, str]] = set()
    for fact in missing:
        if (fact.code, fact.phrase) in seen:
            continue
        seen.add((fact.code, fact.phrase))
        yield Problem(f"check.missing_{fact.code}", where, {"phrase": fact.phrase, **dict(fact.params)})
    named = {figure for fact in missing for figure in _NUMBER.findall(fact.phrase)}
    found, wanted = figures(text), figures(expected)
    for figure in sorted(found.keys() | wanted.keys(), key=_figure_order):
        have, want = found[figure], wanted[figure]
        if have > want:
            yield Problem("check.unknown_figure", where,
                          {"figure": figure, "phrase": _phrase_of(figure, text, expected), "found": have,
                           "expected": want})
        elif have < want and figure not in named:
            yield Problem("check.lost_figure", where,
                          {"figure": figure, "phrase": _phrase_of(figure, expected, text), "found": have,
                           "expected": want})


def _figure_order(figure: str) -> tuple[float, str]:
    try:
        return (float(vn.parse_number(figure)), figure)
    except (ValueError, ArithmeticError):
        return (float("inf"), figure)
