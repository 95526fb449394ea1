"""Vietnamese language rules, in one place: dates, numbers, amounts in words, collation, text, type abbreviations.

Everything here is a pure function of its arguments (no I/O). Modules:

- :mod:`.dates` — ND30 place-date line, running-text dates, reading typed dates;
- :mod:`.numbers` — ``19,4``/``1.234.567`` via Babel ``vi``, reading typed numbers;
- :mod:`.words` — amounts in words (``Bằng chữ``);
- :mod:`.collation` — Vietnamese sort keys and name order;
- :mod:`.text` — NFC, diacritics, slugs, header folding, list letters, Roman numerals;
- :mod:`.legacy` — TCVN3 (ABC) and VNI-Windows text: detection and conversion to Unicode;
- :mod:`.doctypes` — ND30 type abbreviations and award forms;
- :mod:`.awards` — the forms of Luật Thi đua, khen thưởng 2022 and how data names them;
- :mod:`.units` — units that count things and units that measure.
"""

from __future__ import annotations

from .awards import AWARD_CATALOGUE, AwardForm, recognise_award, recognise_award_form
from .collation import SortKey, name_sort_key, sort_key, sort_names
from .dates import (
    DATE_BLANK,
    VIETNAM_TIME,
    date_line,
    date_line_partial,
    day_start,
    is_real_date,
    long_date,
    parse_date_text,
    parse_datetime_text,
    portal_date,
    portal_timestamp,
    running_date,
    running_date_partial,
)
from .doctypes import (
    AWARD_FORMS,
    COPY_FORM_ABBREVIATIONS,
    DOCUMENT_TYPE_ABBREVIATIONS,
    abbreviation,
    match_award_form,
)
from .legacy import (
    LEGACY_ENCODINGS,
    TCVN3_TABLE,
    VNI_PAIRS,
    VNI_SINGLES,
    LegacyEncoding,
    detect_legacy,
    font_encoding,
    is_capitals_font,
    is_syllable,
    to_unicode,
)
from .numbers import (
    CURRENCY_WORD,
    Quantity,
    format_figure,
    format_money,
    format_number,
    format_percent_value,
    format_quantity,
    parse_number,
    parse_number_with_unit,
)
from .proper import NBSP, keep_together, starts_proper
from .text import (
    LETTERS,
    capitalize_first,
    clean_spaces,
    fold_header,
    join_list,
    lower_first,
    nfc,
    point_letter,
    point_letters,
    roman,
    shorten,
    slug,
    strip_diacritics,
    upper,
)
from .units import MEASURE_WORDS, counts_things
from .words import MAX_AMOUNT, amount_in_words, money_in_words

__all__ = [
    "AWARD_CATALOGUE",
    "AWARD_FORMS",
    "AwardForm",
    "COPY_FORM_ABBREVIATIONS",
    "CURRENCY_WORD",
    "DATE_BLANK",
    "DOCUMENT_TYPE_ABBREVIATIONS",
    "LEGACY_ENCODINGS",
    "LETTERS",
    "LegacyEncoding",
    "MAX_AMOUNT",
    "MEASURE_WORDS",
    "NBSP",
    "Quantity",
    "SortKey",
    "TCVN3_TABLE",
    "VIETNAM_TIME",
    "VNI_PAIRS",
    "VNI_SINGLES",
    "abbreviation",
    "amount_in_words",
    "capitalize_first",
    "clean_spaces",
    "counts_things",
    "date_line",
    "date_line_partial",
    "day_start",
    "detect_legacy",
    "fold_header",
    "font_encoding",
    "format_figure",
    "format_money",
    "format_number",
    "format_percent_value",
    "format_quantity",
    "is_capitals_font",
    "is_real_date",
    "is_syllable",
    "join_list",
    "keep_together",
    "long_date",
    "lower_first",
    "match_award_form",
    "money_in_words",
    "name_sort_key",
    "nfc",
    "parse_date_text",
    "parse_datetime_text",
    "parse_number",
    "parse_number_with_unit",
    "point_letter",
    "point_letters",
    "portal_date",
    "portal_timestamp",
    "recognise_award",
    "recognise_award_form",
    "roman",
    "running_date",
    "running_date_partial",
    "shorten",
    "slug",
    "sort_key",
    "sort_names",
    "starts_proper",
    "strip_diacritics",
    "to_unicode",
    "upper",
]
