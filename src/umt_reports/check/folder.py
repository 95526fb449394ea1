"""Checking a build folder: every document of its manifest against the same document drawn again.

In: an output folder with its ``manifest.json`` (:mod:`umt_reports.manifest`). Out: a
:class:`CheckResult`. For each entry, in manifest order:

1. Its path must stay inside the folder (``../../etc/passwd`` is refused, never read), its
   recorded SHA-256 must be one, and the file must exist.
2. The document is drawn again from the data file the manifest records (or ``--data``), with
   the recorded kind, format, font and templates (or ``--templates``), through the kinds
   registry and the formats table — the same code the build ran.
3. The file's bytes are compared with the drawing's. Equal bytes: the file is what the data
   gives; if the manifest records another hash, the manifest is wrong (``check.wrong_hash``).
   Otherwise both are read back as text (:mod:`~umt_reports.check.readers`) and compared
   (:mod:`~umt_reports.check.compare`); a file whose bytes changed but whose text did not
   (saved again by Word or LibreOffice) gets a note. When the data file changed since the
   build (its SHA-256 differs from the manifest's), a note says so; the documents are still
   compared with the data as it is now.
"""

from __future__ import annotations

import hashlib
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from umt_reports.check.compare import compare
from umt_reports.check.facts import facts_for
from umt_reports.check.readers import document_text
from umt_reports.errors import InputError, Location, Problem
from umt_reports.manifest import MANIFEST, Entry, ManifestError, read_manifest

if TYPE_CHECKING:
    from umt_reports.documents.document import Document
    from umt_reports.model import Meeting
    from umt_reports.render import Rendered

__all__ = ["CheckResult", "check"]


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


def check(
    out_dir: str | Path,
    *,
    source: str | Path | None = None,
    templates: str | Path | None = None,
    profile_dirs: Iterable[str | Path] = (),
) -> CheckResult:
    """Compare every document listed in ``out_dir/manifest.json`` with the same document drawn again.

    ``source`` replaces the data file the manifest records (for every entry); ``templates``
    replaces the ``--templates`` folder it records.

    Raises:
        InputError: no or unreadable manifest, no data file or templates folder for an entry,
            or invalid data.
        UmtError: a document cannot be read (``check.unreadable``, ``check.no_pdftotext``).
    """
    out_dir = Path(out_dir)
    result = CheckResult(out_dir=out_dir)
    manifest_where = Location(file=MANIFEST)
    try:
        manifest = read_manifest(out_dir / MANIFEST)
    except FileNotFoundError:
        raise InputError([Problem("check.no_manifest", manifest_where, {"dir": str(out_dir)})]) from None
    except ManifestError as exc:
        raise InputError([Problem("check.bad_manifest", manifest_where, {"reason": str(exc)[:200]})]) from None
    redraw = _Redraw(out_dir, source, templates, profile_dirs)
    for entry in manifest.files:
        _check_entry(entry, out_dir, redraw, result)
    return result


def _check_entry(entry: Entry, out_dir: Path, redraw: _Redraw, result: CheckResult) -> None:
    from umt_reports.documents.kinds import get_kind
    from umt_reports.render import get_format

    where = Location(file=entry.path)
    target = entry.file_in(out_dir)
    if target is None:
        result.problems.append(Problem("check.path_outside", Location(file=MANIFEST), {"path": entry.path}))
        return
    kind, row = get_kind(entry.kind), get_format(entry.format)
    if kind is None or row is None or row.name != entry.format or kind.name != entry.kind:
        result.notes.append(Problem("check.skipped", where, {"kind": entry.kind, "format": entry.format}))
        return
    result.documents.append(entry.path)
    if entry.sha256 is not None and not entry.sha256_ok:
        result.problems.append(Problem("check.bad_hash", where, {"recorded": entry.sha256[:80]}))
    if not target.is_file():
        result.problems.append(Problem("check.file_missing", where, {}))
        return
    meeting, document = redraw.document(entry, result)
    drawn = redraw.rendered(entry, document)
    data = target.read_bytes()
    sha = hashlib.sha256(data).hexdigest()
    # -- a signed PDF is the drawing plus incremental updates (the signatures): the document
    #    under them is what the data gives; whether the signatures hold is `signatures`' job --
    if data == drawn.data or (entry.signatures and entry.format == "pdf" and data.startswith(drawn.data)):
        if entry.sha256_ok and str(entry.sha256).lower() != sha:
            result.problems.append(
                Problem("check.wrong_hash", where, {"recorded": str(entry.sha256)[:12], "found": sha[:12]})
            )
        return
    text = document_text(target, entry.format, page_numbers=document.page_numbers)
    expected = _text_of(drawn.data, row.suffix, entry.format, document.page_numbers)
    problems = list(compare(where, text, expected, facts_for(meeting, entry.kind, document)))
    result.problems += problems
    if not problems and entry.sha256_ok and str(entry.sha256).lower() != sha:
        result.notes.append(Problem("check.saved_again", where, {}))


def _text_of(data: bytes, suffix: str, fmt: str, page_numbers: bool) -> str:
    """The text of drawn bytes, read back as the file on disk is."""
    with tempfile.TemporaryDirectory(prefix="umt-check-") as folder:
        path = Path(folder) / f"drawn{suffix}"
        path.write_bytes(data)
        return document_text(path, fmt, page_numbers=page_numbers)


class _Redraw:
    """Draws the documents of a folder again, each meeting, document and rendering once."""

    def __init__(
        self, out_dir: Path, source: str | Path | None, templates: str | Path | None, profile_dirs: Iterable[str | Path]
    ):
        self.out_dir = out_dir
        self.source = Path(source) if source is not None else None
        self.templates = Path(templates) if templates is not None else None
        self.profile_dirs = list(profile_dirs)
        self.meetings: dict[tuple[Path, str], Meeting] = {}
        self.documents: dict[tuple[Path, str, Path | None], Document] = {}
        self.drawings: dict[tuple[int, str, str | None], Rendered] = {}

    def _data(self, entry: Entry) -> Path:
        where = Location(file=entry.path)
        recorded = entry.source.path if entry.source is not None else None
        data = self.source if self.source is not None else (self.out_dir / recorded if recorded else None)
        if data is None or not data.is_file():
            shown = str(data) if data is not None else "manifest.json: source.path"
            raise InputError([Problem("check.no_source", where, {"source": shown})])
        return data.resolve()

    def _templates(self, entry: Entry) -> Path | None:
        folder = self.templates
        if folder is None and entry.options.templates:
            folder = self.out_dir / entry.options.templates
        if folder is not None and not folder.is_dir():
            raise InputError([Problem("check.no_templates", Location(file=entry.path), {"path": str(folder)})])
        return folder.resolve() if folder is not None else None

    def document(self, entry: Entry, result: CheckResult) -> tuple[Meeting, Document]:
        """The meeting of ``entry`` and its document drawn again."""
        from umt_reports.documents.kinds import KINDS, DocumentContext
        from umt_reports.documents.wording import Wording
        from umt_reports.model.validate import validate
        from umt_reports.sources import read_source

        data = self._data(entry)
        if (data, entry.kind) not in self.meetings:
            # -- validated as the build did for this kind: photos only where it prints them,
            #    a block the kind does not use left out --
            self.meetings[data, entry.kind] = validate(
                read_source(data), photos=False, kinds=[entry.kind], profile_dirs=[Path(p) for p in self.profile_dirs]
            )
            recorded = entry.source.sha256 if entry.source is not None else None
            if self.source is None and recorded and hashlib.sha256(data.read_bytes()).hexdigest() != recorded:
                result.notes.append(Problem("check.source_changed", Location(file=data.name), {}))
        templates = self._templates(entry)
        key = (data, entry.kind, templates)
        if key not in self.documents:
            meeting = self.meetings[data, entry.kind]
            self.documents[key] = KINDS[entry.kind].build(meeting, DocumentContext(Wording(templates), data.parent))
        return self.meetings[data, entry.kind], self.documents[key]

    def rendered(self, entry: Entry, document: Document) -> Rendered:
        """``document`` drawn in the entry's format with its recorded options."""
        from umt_reports.build import file_stem
        from umt_reports.render import FORMATS, RenderOptions

        key = (id(document), entry.format, entry.options.font)
        if key not in self.drawings:
            options = replace(RenderOptions(font=entry.options.font), asset_prefix=f"{file_stem(document)}_")
            self.drawings[key] = FORMATS[entry.format].render(document, options)
        return self.drawings[key]
