"""CSS from the style preset: one declaration list per role, and the page's stylesheet.

In: a :class:`~umt_reports.style.Preset` and the page geometry. Out: declarations
(``property -> value`` pairs) that the writer either gathers into the embedded
``<style>`` (standalone page, one ``.r-<role>`` rule per role used) or inlines in
``style`` attributes (fragment). Every size, margin and font comes from the preset;
the only numbers here convert the preset's units to CSS's or are screen decoration.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Final

from umt_reports.style import SINGLE_LINE_EM, PageSpec, Preset, TextStyle

__all__ = [
    "KIND_RULES",
    "Declarations",
    "css_number",
    "font_stack",
    "inline",
    "kind_declarations",
    "role_class",
    "role_declarations",
    "stylesheet",
]

#: An ordered list of CSS ``(property, value)`` pairs.
Declarations = tuple[tuple[str, str], ...]


#: Room above and below a short line rule, in ems of the text it marks.
_RULE_ABOVE_EM: Final = 0.1
_RULE_BELOW_EM: Final = 0.25

# -- screen decoration only (the preset says nothing about screens): a sheet on a desk --
_DESK_COLOUR: Final = "#e9e9e9"
_SHEET_COLOUR: Final = "#ffffff"
_SHEET_GAP_MM: Final = 8
_BREAK_COLOUR: Final = "#b0b0b0"

_UNSAFE_CLASS_CHARS = re.compile(r"[^A-Za-z0-9_-]")


def css_number(value: float) -> str:
    """A short, stable CSS number: ``12.7``, ``0.75``, ``14`` (at most 3 decimals)."""
    text = f"{round(value, 3):.3f}".rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text


def role_class(role: str) -> str:
    """The class of ``role``'s elements: ``table.cell.center`` -> ``r-table-cell-center``."""
    return "r-" + _UNSAFE_CLASS_CHARS.sub("-", role.replace(".", "-"))


def role_declarations(style: TextStyle) -> Declarations:
    """How text of one role looks, every property explicit (headings and ``<th>`` lose their defaults)."""
    line_height = style.line_spacing * SINGLE_LINE_EM
    pairs: list[tuple[str, str]] = [
        ("font-size", f"{css_number(style.size)}pt"),
        ("font-weight", "bold" if style.bold else "normal"),
        ("font-style", "italic" if style.italic else "normal"),
        ("text-decoration", "underline" if style.underline else "none"),
        ("text-align", style.align),
        ("text-indent", f"{css_number(style.first_indent_mm)}mm"),
        ("margin", f"{css_number(style.space_before_pt)}pt 0 {css_number(style.space_after_pt)}pt"),
        ("line-height", css_number(line_height)),
    ]
    if style.keep_with_next:
        pairs += [("break-after", "avoid"), ("page-break-after", "avoid")]
    return tuple(pairs)


def kind_declarations(preset: Preset) -> Mapping[str, Declarations]:
    """Layout of each kind of element (``k-<kind>`` classes), after the role's declarations."""
    pad = f"{css_number(preset.cell_padding_pt)}pt"
    grid = f"{css_number(preset.grid_pt)}pt solid"
    left, right = preset.header_columns_mm
    sign = preset.signature_column
    return {
        "header": (
            ("display", "grid"),
            ("grid-template-columns", f"minmax(0, {css_number(left)}fr) minmax(0, {css_number(right)}fr)"),
            ("margin", "0"),
        ),
        "signature": (
            ("display", "grid"),
            ("grid-template-columns", f"minmax(0, {css_number(1 - sign)}fr) minmax(0, {css_number(sign)}fr)"),
            ("margin", "0"),
            ("break-inside", "avoid"),
            ("page-break-inside", "avoid"),
        ),
        "cell": (("margin", "0"), ("min-width", "0")),
        # -- a short line: width and thickness come with each rule (inline) --
        "rule": (
            ("border", "0"),
            ("border-top-style", "solid"),
            ("border-top-color", "currentColor"),
            ("height", "0"),
            # -- just under the text it marks, then a little room (as the PDF's line) --
            ("margin", f"{css_number(_RULE_ABOVE_EM)}em auto {css_number(_RULE_BELOW_EM)}em"),
            ("text-indent", "0"),
        ),
        # -- ``*`` / ``-----``: the role's font, centred, without the role's spacing --
        "mark": (
            ("text-align", "center"),
            ("text-indent", "0"),
            ("text-decoration", "none"),
            ("margin", "0"),
        ),
        "table": (
            ("width", "100%"),
            ("table-layout", "fixed"),
            ("border-collapse", "collapse"),
            ("margin", "0"),
            ("break-inside", "auto"),
        ),
        "th": (("border", grid), ("padding", pad), ("vertical-align", "middle"), ("text-indent", "0")),
        "td": (("border", grid), ("padding", pad), ("vertical-align", "top"), ("text-indent", "0")),
        "figure": (("margin", "0"), ("text-align", "center"), ("break-inside", "avoid")),
        "img": (("height", "auto"), ("max-width", "100%"), ("display", "block"), ("margin", "0 auto")),
        "spacer": (("margin", "0"),),
    }


#: The kinds the writer may use, in the order their rules are written (later wins).
KIND_RULES: Final = ("header", "signature", "cell", "rule", "mark", "table", "th", "td", "figure", "img", "spacer")


def inline(*groups: Iterable[tuple[str, str]]) -> str:
    """A ``style`` attribute value from declaration groups; a later group overrides an earlier one."""
    merged: dict[str, str] = {}
    for group in groups:
        for prop, value in group:
            merged.pop(prop, None)
            merged[prop] = value
    return ";".join(f"{prop}:{value}" for prop, value in merged.items())


def font_stack(names: Sequence[str]) -> str:
    """``"Times New Roman", "Liberation Serif", serif``: each family once, the generic last."""
    unique = dict.fromkeys(n for n in names if n)
    return ", ".join([*(f'"{n}"' for n in unique), "serif"])


def _page_size(page: PageSpec) -> str:
    """``A4``, ``A4 landscape`` or explicit millimetres."""
    if (page.width_mm, page.height_mm) == (210.0, 297.0):
        return "A4"
    if (page.width_mm, page.height_mm) == (297.0, 210.0):
        return "A4 landscape"
    return f"{css_number(page.width_mm)}mm {css_number(page.height_mm)}mm"


def _body(declarations: Iterable[tuple[str, str]]) -> str:
    return "; ".join(f"{prop}: {value}" for prop, value in declarations)


def _rule(selector: str, declarations: Iterable[tuple[str, str]]) -> str:
    return f"{selector} {{ {_body(declarations)} }}"


def stylesheet(
    preset: Preset,
    page: PageSpec,
    fonts: Sequence[str],
    roles: Sequence[str],
    page_number_role: str | None,
) -> str:
    """The embedded stylesheet: page, body, one rule per role in ``roles``, then the element kinds.

    ``page_number_role`` styles the printed page number (pages 2 on); ``None`` prints none.
    """
    margins = " ".join(f"{css_number(v)}mm" for v in (page.top_mm, page.right_mm, page.bottom_mm, page.left_mm))
    lines = [f"@page {{ size: {_page_size(page)}; margin: {margins}; }}"]
    if page_number_role is not None:
        font = [(p, v) for p, v in role_declarations(preset.style(page_number_role)) if p.startswith("font-")]
        number = _body((("content", "counter(page)"), ("font-family", font_stack(fonts)), *font))
        lines.append(f"@page {{ @top-center {{ {number}; }} }}")
        lines.append("@page :first { @top-center { content: none; } }")
    lines += [
        _rule("html", (("background", _DESK_COLOUR),)),
        _rule(
            "body",
            (
                ("font-family", font_stack(fonts)),
                ("background", _SHEET_COLOUR),
                ("color", "#000"),
                ("box-sizing", "border-box"),
                ("width", f"{css_number(page.width_mm)}mm"),
                ("max-width", "100%"),
                ("min-height", f"{css_number(page.height_mm)}mm"),
                ("margin", f"{_SHEET_GAP_MM}mm auto"),
                ("padding", margins),
            ),
        ),
        # -- spaces are data (the blank number slot ``Số:      /BC-UBND``): keep them --
        _rule("p, h1, h2, h3, h4, h5, h6, th, td, figcaption", (("white-space", "pre-wrap"),)),
        _rule(".annex, hr.page-break", (("break-before", "page"), ("page-break-before", "always"))),
        _rule("hr.page-break", (("border", "0"), ("border-top", f"1px dashed {_BREAK_COLOUR}"), ("margin", "2em 0"))),
        _rule(
            ".annex",
            (("border-top", f"1px dashed {_BREAK_COLOUR}"), ("margin-top", "2em"), ("padding-top", "2em")),
        ),
        _rule(".keep", (("break-after", "avoid"), ("page-break-after", "avoid"))),
    ]
    lines += [_rule("." + role_class(role), role_declarations(preset.style(role))) for role in roles]
    kinds = kind_declarations(preset)
    lines += [_rule(f".k-{kind}", kinds[kind]) for kind in KIND_RULES]
    lines.append(
        "@media print { "
        + " ".join(
            (
                _rule("html, body", (("background", "none"),)),
                _rule("body", (("width", "auto"), ("min-height", "0"), ("margin", "0"), ("padding", "0"))),
                _rule("hr.page-break", (("border", "0"), ("margin", "0"))),
                _rule(".annex", (("border", "0"), ("margin", "0"), ("padding", "0"))),
            )
        )
        + " }"
    )
    return "\n".join(lines)
