"""Fact check: the documents of a build, as they are on disk now, against the data they were drawn from.

In: an output folder with its ``manifest.json`` (written by :func:`umt_reports.build.build`).
Out: a :class:`CheckResult` whose :attr:`~CheckResult.problems` list every difference as a
:class:`~umt_reports.errors.Problem` located at the document (``2022-06-22_tin-bai.docx``) and
naming the fact, the figure or the phrase. Each document is compared with the same document
drawn again from the data and the same templates, so the check follows the wording an office
gave its templates; the facts of the data (names, positions, figures, dates, signer) are
named when they are missing.

The package: :mod:`~.readers` (the text of a DOCX, PDF or HTML file), :mod:`~.facts` (what the
data states), :mod:`~.figures` (numbers counted), :mod:`~.compare` (one file against its
drawing) and :mod:`~.folder` (a whole build folder).
"""

from umt_reports.check.facts import Fact, facts_for
from umt_reports.check.figures import figures
from umt_reports.check.folder import CheckResult, check
from umt_reports.check.readers import document_text

__all__ = ["CheckResult", "Fact", "check", "document_text", "facts_for", "figures"]
