"""Named awardees as official lists print them: in Vietnamese order, grouped, as a table.

Shared by the report's and the decision's ``DANH SÁCH`` annex and by the certificates.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from umt_reports import vn
from umt_reports.documents.document import Cell, Column, Table
from umt_reports.model import Award, Awardee, Meeting

__all__ = ["Listed", "awardee_table", "listed_awardees"]


@dataclass(frozen=True)
class Listed:
    """One named awardee as lists print it: the person or collective, and its award."""

    member: Awardee
    award: Award
    collective: bool


def listed_awardees(meeting: Meeting, *, group_by_unit: bool = False) -> tuple[list[Listed], list[Listed]]:
    """The named collectives and individuals of every award, each list in Vietnamese order.

    Individuals sort by given name, then middle names, then family name
    (:func:`vn.name_sort_key`); collectives by their whole name (:func:`vn.sort_key`).
    ``group_by_unit`` keeps the units in the order they first appear in the data and
    sorts the names inside each unit.
    """
    collectives = [Listed(m, a, True) for a in meeting.awards if a.collectives for m in a.collectives.members]
    individuals = [Listed(m, a, False) for a in meeting.awards if a.individuals for m in a.individuals.members]
    group: Callable[[Listed], str] | None = (lambda item: item.member.unit or "") if group_by_unit else None
    collectives = _ordered(collectives, vn.sort_key, group)
    individuals = vn.sort_names(individuals, key=lambda item: item.member.name, group=group)
    return collectives, individuals


def _ordered(items: list[Listed], key: Callable[[str], Any], group: Callable[[Listed], str] | None) -> list[Listed]:
    if group is None:
        return sorted(items, key=lambda item: key(item.member.name))
    first_seen: dict[str, int] = {}
    for item in items:
        first_seen.setdefault(group(item), len(first_seen))
    return sorted(items, key=lambda item: (first_seen[group(item)], key(item.member.name)))


def awardee_table(
    collectives: list[Listed],
    individuals: list[Listed],
    *,
    last: tuple[str, float, Callable[[Listed], str]],
    by_unit: bool = False,
) -> Table:
    """STT | name | position and unit | a last column, with ``I. TẬP THỂ (n)`` and
    ``II. CÁ NHÂN (m)`` group rows (and a row per unit when ``by_unit``).

    ``last`` gives the fourth column's header, width (fraction of the text width) and cell text.
    """
    header, width, text_of = last
    columns = (
        Column("STT", 0.08, "table.cell.center"),
        Column("Họ và tên / Tên tập thể", 0.36),
        Column("Chức vụ, đơn vị", 0.56 - width),
        Column(header, width),
    )
    rows: list[tuple[Cell, ...]] = []
    number = 0
    for label, members in (("TẬP THỂ", collectives), ("CÁ NHÂN", individuals)):
        if not members:
            continue
        number += 1
        rows.append((Cell(f"{vn.roman(number)}. {label} ({len(members)})", role="table.group", span=4),))
        unit: str | None = None
        for index, item in enumerate(members, start=1):
            member = item.member
            if by_unit and (member.unit or "") != unit:
                unit = member.unit or ""
                if unit:
                    rows.append((Cell(vn.capitalize_first(unit), role="table.group.unit", span=4),))
            where = ", ".join(x for x in (member.position, member.unit) if x)
            rows.append((Cell(str(index)), Cell(member.name), Cell(where), Cell(text_of(item))))
    return Table(columns=columns, rows=tuple(rows))
