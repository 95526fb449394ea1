"""reportlab's platypus, imported with its URL pattern compiled on first use."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from umt_reports.render.pdf.platypus import URL_PATTERN_START, compiled_when_used

URLS = [
    "https://example.com/a/b/c",
    "HTTP://EXAMPLE.COM/Đường/dẫn",
    "ftp://user:pw@10.0.0.1:21/tệp",
    "https://[::1]/x",
    "https://ủy-ban.gov.vn/tin-tức/",
    "không phải địa chỉ",
    "C:\\thư mục\\tệp",
    "",
]

# -- in a new interpreter: reportlab imported only through our module --
_CHILD = """
import json, re, sys
import umt_reports.render.pdf.platypus
from reportlab.platypus import paragraph
deferred = not isinstance(paragraph.uri_pat, re.Pattern)
urls = json.loads(sys.argv[1])
ours = [paragraph._uri_split_pairs(u) for u in urls]
paragraph.uri_pat = re.compile(paragraph.uri_pat.pattern, paragraph.uri_pat.flags)
theirs = [paragraph._uri_split_pairs(u) for u in urls]
print(json.dumps({"deferred": deferred, "same": ours == theirs, "split": ours}))
"""


def test_the_url_pattern_waits_for_its_first_use_and_then_splits_urls_as_reportlab_does() -> None:
    out = subprocess.run(
        [sys.executable, "-c", _CHILD, json.dumps(URLS)], check=True, capture_output=True, text=True
    ).stdout
    result = json.loads(out)
    assert result["deferred"] is True
    assert result["same"] is True
    assert result["split"][0][0] == ["https://example.com/a/b/", "c"]
    assert result["split"][5] is None


def test_only_a_case_insensitive_pattern_with_the_url_start_is_deferred() -> None:
    original = re.compile
    with compiled_when_used(URL_PATTERN_START):
        plain = re.compile("abc")
        sensitive = re.compile(URL_PATTERN_START + "x")
        deferred = re.compile(URL_PATTERN_START + "x", re.IGNORECASE)
    assert re.compile is original
    assert isinstance(plain, re.Pattern)
    assert isinstance(sensitive, re.Pattern)
    assert not isinstance(deferred, re.Pattern)
    assert deferred.match("HTTPS://x") is not None
    assert deferred.flags & re.IGNORECASE


def test_re_compile_is_restored_when_the_import_fails() -> None:
    original = re.compile
    with pytest.raises(ImportError), compiled_when_used(URL_PATTERN_START):
        raise ImportError("no reportlab")
    assert re.compile is original


def test_a_wrong_deferred_pattern_fails_where_it_is_used() -> None:
    with compiled_when_used(URL_PATTERN_START):
        broken = re.compile(URL_PATTERN_START + "(", re.IGNORECASE)
    with pytest.raises(re.error):
        broken.match("x")
