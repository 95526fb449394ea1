"""Model: the one validated meeting that every document is made from.

In: a :class:`~umt_reports.sources.RawSource`. Out: a :class:`Meeting` (immutable,
trusted by every later stage) or an :class:`~umt_reports.errors.InputError` that
lists every problem with its location.
"""

from umt_reports.model._types import PartialDate
from umt_reports.model.meeting import (
    Attendee,
    Award,
    Awardee,
    AwardeeGroup,
    Chair,
    DecisionInfo,
    Meeting,
    MeetingInfo,
    Photo,
    PressInfo,
    ReportInfo,
    Section,
    Statistic,
)
from umt_reports.model.profile import Issuer, Signer, SigningMode
from umt_reports.model.validate import field_label, load_issuer, validate

__all__ = [
    "Attendee",
    "Award",
    "Awardee",
    "AwardeeGroup",
    "Chair",
    "DecisionInfo",
    "Issuer",
    "Meeting",
    "MeetingInfo",
    "PartialDate",
    "Photo",
    "PressInfo",
    "ReportInfo",
    "Section",
    "Signer",
    "SigningMode",
    "Statistic",
    "field_label",
    "load_issuer",
    "validate",
]
