"""Hostile or broken ``--templates``: every one a located TemplateError (exit 2), never an
internal error, a file read, a memory blow-up or a hang.

Also a property: random templates built from a grammar of Jinja constructs render to text or
fail with a located problem, and nothing else.
"""

from __future__ import annotations

import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import umt_reports
from umt_reports.cli import main
from umt_reports.documents.sandbox import MAX_SECONDS
from umt_reports.documents.wording import Wording
from umt_reports.errors import TemplateError

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "samples" / "u-minh-thuong-2022" / "meeting-awards.yaml"
MEETING = umt_reports.load_meeting(SAMPLE)
CONTEXT: dict[str, Any] = {"meeting": MEETING, "issuer": MEETING.issuer, "award": MEETING.awards[0], "code": None,
                           "has_annex": True, "date_text": "22/6/2022"}  # fmt: skip


def _wording(folder: Path, body: str, prefix: str = "") -> Wording:
    """A Wording whose ``report.j2`` replaces the ``subject`` block by ``body``."""
    text = prefix + '{% extends "default/report.j2" %}{% block subject %}' + body + "{% endblock %}"
    (folder / "report.j2").write_text(text, encoding="utf-8")
    return Wording(folder)


def _subject(folder: Path, body: str, prefix: str = "") -> str:
    return _wording(folder, body, prefix).line("report.j2", "subject", **CONTEXT)


def _failure(folder: Path, body: str, prefix: str = "") -> tuple[str, str]:
    with pytest.raises(TemplateError) as caught:
        _subject(folder, body, prefix)
    problem = caught.value.problems[0]
    return problem.code, str(problem.location)


# -- errors that are not Jinja's -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ("{{ 1/0 }}", "template.division_by_zero"),
        ("{{ 1 // 0 }}", "template.division_by_zero"),
        ("{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}", "template.recursion"),
        ("{{ meeting.chairs | number }}", "template.wrong_value"),
        ("{{ meeting | money }}", "template.wrong_value"),
        ("{{ 'abc' | date }}", "template.wrong_value"),
        ("{{ meeting.info.title | long_date }}", "template.wrong_value"),
        ("{{ meeting.chairs | join_list(3) }}", "template.wrong_value"),
        ("{{ meeting.chairs | sum }}", "template.wrong_value"),
        ("{{ meeting.chairs[99] }}", "template.undefined"),
        ("{{ [1, 2] + 'a' }}", "template.wrong_value"),
    ],
)
def test_an_error_a_template_raises_is_a_located_problem(tmp_path: Path, body: str, code: str) -> None:
    assert _failure(tmp_path, "\n\n" + body) == (code, "report.j2:3")


def test_the_problem_says_no_python_internals(tmp_path: Path) -> None:
    with pytest.raises(TemplateError) as caught:
        _subject(tmp_path, "{{ meeting.chairs | number }}")
    text = caught.value.format("vi") + caught.value.format("en")
    for internal in ("TypeError", "object", "NoneType", "decimal", "Traceback", "'list'"):
        assert internal not in text


def test_a_template_file_that_is_not_utf8_is_a_located_problem(tmp_path: Path) -> None:
    (tmp_path / "report.j2").write_bytes(b"{% block subject %}K\xe9t qu\xe0{% endblock %}")  # -- Latin-1 --
    with pytest.raises(TemplateError) as caught:
        Wording(tmp_path).line("report.j2", "subject", **CONTEXT)
    assert [(p.code, str(p.location)) for p in caught.value.problems] == [("template.not_utf8", "report.j2")]


def test_a_missing_templates_folder_is_a_located_error_in_build(tmp_path: Path) -> None:
    missing = tmp_path / "khong-co"
    with pytest.raises(TemplateError) as caught:
        Wording(missing)
    assert caught.value.problems[0].code == "template.dir_missing"
    result = CliRunner().invoke(main, ["build", str(SAMPLE), "--out", str(tmp_path / "out"), "--kind", "report",
                                       "--format", "html", "--templates", str(missing)])  # fmt: skip
    assert result.exit_code == 2, result.output
    assert f"{missing}: Không có thư mục mẫu câu chữ {missing}" in result.output
    assert not (tmp_path / "out").exists()


# -- the sandbox sees plain values, not the library ----------------------------------------------------------


@pytest.mark.parametrize(
    "reach",
    [
        'meeting.parse_file("/etc/passwd")',
        'meeting.parse_raw("{}")',
        'meeting.model_validate_json("{}")',
        "meeting.copy()",
        "meeting.json()",
        "meeting.model_dump()",
        "meeting.schema()",
        "meeting.info.construct()",
        "issuer.model_fields",
        "award.model_copy()",
        'meeting["parse_file"]("/etc/passwd")',
    ],
)
def test_pydantic_methods_are_out_of_reach(tmp_path: Path, reach: str) -> None:
    code, where = _failure(tmp_path, "{{ " + reach + " }}")
    assert (code, where) == ("template.unsafe", "report.j2:1")


def test_fields_and_the_models_own_properties_stay_readable(tmp_path: Path) -> None:
    body = "{{ meeting.info.title }}|{{ award.individual_count }}|{{ issuer.full_name }}|{{ meeting.chairs[0].name }}"
    title, count, issuer, chair = _subject(tmp_path, body).split("|")
    assert title == MEETING.info.title
    assert count == str(MEETING.awards[0].individual_count)
    assert issuer == MEETING.issuer.full_name and chair == MEETING.chairs[0].name


# -- size and time ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        '{{ "x" * 300000000 }}',
        '{{ 300000000 * "x" }}',
        '{{ ["x"] * 300000000 }}',
        '{{ "x".center(300000000) }}',
        '{{ "x".ljust(300000000) }}',
        '{{ "x" | center(300000000) }}',
        '{{ "{:>300000000}".format(1) }}',
        '{{ "%300000000d" % 1 }}',
        '{{ "%300000000d" | format(1) }}',
        '{{ ("x" * 100000) | replace("x", "y" * 100000) }}',
        '{{ ("x" * 100000).replace("x", "y" * 100000) }}',
        '{{ ("x\\n" * 100000) | indent(100) }}',
        '{% set ns = namespace(s="x") %}{% for i in range(40) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}{{ ns.s }}',
        '{% set ns = namespace(s="x") %}{% for i in range(40) %}{% set ns.s = ns.s + ns.s %}{% endfor %}{{ ns.s }}',
        "{{ 10 ** (10 ** 10) }}",
        "{{ (10 ** 1000) ** 1000 }}",
    ],
)
def test_a_text_too_long_to_build_is_refused_before_it_is_built(tmp_path: Path, body: str) -> None:
    started = time.perf_counter()
    assert _failure(tmp_path, body) == ("template.too_long", "report.j2:1")
    assert time.perf_counter() - started < 5  # -- refused up front, not after filling the memory --


def test_a_block_whose_output_grows_too_long_is_stopped(tmp_path: Path) -> None:
    assert _failure(tmp_path, "{% for i in range(100000) %}{{ 'x' * 100 }}{% endfor %}") == (
        "template.too_long",
        "report.j2",
    )


@pytest.mark.slow  # -- waits out the 5 s time bound --
def test_a_block_that_runs_too_long_is_stopped_at_its_line(tmp_path: Path) -> None:
    body = "\n{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}"
    started = time.perf_counter()
    assert _failure(tmp_path, body) == ("template.too_slow", "report.j2:2")
    assert MAX_SECONDS <= time.perf_counter() - started < MAX_SECONDS + 5


@pytest.mark.slow  # -- waits out the 5 s time bound --
def test_the_time_bound_holds_in_another_thread_and_leaves_it_usable(tmp_path: Path) -> None:
    results: list[Any] = []

    def work() -> None:
        try:
            _subject(tmp_path, "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}")
        except TemplateError as exc:
            results.append(exc.problems[0].code)
        (tmp_path / "again").mkdir()
        results.append(_subject(tmp_path / "again", "ok"))

    thread = threading.Thread(target=work)
    thread.start()
    thread.join(MAX_SECONDS + 10)
    assert results == ["template.too_slow", "ok"]


def _runaway_code_in_child(folder: str) -> str:
    try:
        _subject(Path(folder), "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}")
    except TemplateError as exc:
        return exc.problems[0].code
    return "finished"


@pytest.mark.slow  # -- waits out the 5 s time bound --
def test_the_time_bound_holds_in_a_forked_worker_of_a_process_that_used_it(tmp_path: Path) -> None:
    import multiprocessing

    _subject(tmp_path, "ok")  # -- the parent's watchdog thread runs; a forked child has none of its own --
    (tmp_path / "child").mkdir()
    with multiprocessing.get_context("fork").Pool(1) as pool:
        code = pool.apply_async(_runaway_code_in_child, (str(tmp_path / "child"),)).get(MAX_SECONDS + 20)
    assert code == "template.too_slow"


def test_the_cli_reports_a_runaway_template_with_exit_2(tmp_path: Path) -> None:
    folder = tmp_path / "mau"
    folder.mkdir()
    (folder / "report.j2").write_text(
        '{% extends "default/report.j2" %}{% block subject %}{{ "x" * 300000000 }}{% endblock %}', encoding="utf-8"
    )
    result = CliRunner().invoke(main, ["build", str(SAMPLE), "--out", str(tmp_path / "out"), "--kind", "report",
                                       "--format", "html", "--templates", str(folder)])  # fmt: skip
    assert result.exit_code == 2, result.output
    assert "report.j2:1: Khối «subject» tạo ra đoạn chữ dài quá 2.000.000 ký tự" in result.output


# -- the property ---------------------------------------------------------------------------------------------

_NAMES = ["meeting", "meeting.info", "meeting.info.title", "meeting.chairs", "meeting.awards", "award",
          "award.amount", "award.individual_count", "issuer.full_name", "code", "has_annex", "nothing",
          "meeting.info.date", "meeting.statistics", "meeting.parse_file", "meeting.__class__", "loop"]  # fmt: skip
_LITERALS = ["0", "1", "-3", "2.5", "10 ** 6", "''", "'chữ'", "'%s'", "[1, 'a']", "{'k': 1}", "none", "true"]
_FILTERS = ["number", "money", "money_words", "quantity", "date", "long_date", "join_list", "lower_first",
            "upper_first", "upper", "length", "first", "last", "join", "string", "int", "sum", "list",
            "replace('a', 'bb')", "center(9)", "format(1)", "default('x')", "round", "abs", "sort", "unique",
            "attr('name')", "map(attribute='name')", "select", "batch(2)", "truncate(5)", "indent(2)"]  # fmt: skip
_OPERATORS = ["+", "-", "*", "/", "//", "%", "**", "~", "==", "<", "and", "or", "in"]


def _expressions() -> st.SearchStrategy[str]:
    leaf = st.sampled_from(_NAMES + _LITERALS)
    return st.recursive(
        leaf,
        lambda inner: st.one_of(
            st.tuples(inner, st.sampled_from(_FILTERS)).map(lambda t: f"({t[0]}) | {t[1]}"),
            st.tuples(inner, st.sampled_from(_OPERATORS), inner).map(lambda t: f"({t[0]}) {t[1]} ({t[2]})"),
            st.tuples(inner, inner).map(lambda t: f"({t[0]})[{t[1]}]"),
            st.tuples(inner, st.sampled_from(["name", "title", "upper", "items", "count", "mro", "model_dump"])).map(
                lambda t: f"({t[0]}).{t[1]}"
            ),
            st.tuples(inner, inner).map(lambda t: f"({t[0]})({t[1]})"),
            inner.map(lambda e: f"not ({e})"),
            st.tuples(inner, inner, inner).map(lambda t: f"({t[0]}) if ({t[1]}) else ({t[2]})"),
        ),
        max_leaves=6,
    )


def _templates() -> st.SearchStrategy[str]:
    expr = _expressions()
    piece = st.one_of(
        st.sampled_from(["chữ ", "\n\n", " , ", "{{", "{%", "}}", "{% endif %}", "{# c #}"]),
        expr.map(lambda e: "{{ " + e + " }}"),
        st.tuples(expr, expr).map(lambda t: "{% if " + t[0] + " %}{{ " + t[1] + " }}{% endif %}"),
        st.tuples(expr, expr).map(lambda t: "{% for x in " + t[0] + " %}{{ x }}{{ " + t[1] + " }}{% endfor %}"),
        st.tuples(expr, expr).map(lambda t: "{% set v = " + t[0] + " %}{{ v }}{{ " + t[1] + " }}"),
        expr.map(lambda e: "{% macro m(a) %}{{ a }}{{ m(a) if " + e + " else '' }}{% endmacro %}{{ m(1) }}"),
        expr.map(
            lambda e: (
                "{% set ns = namespace(s=" + e + ") %}{% for i in range(30) %}"
                "{% set ns.s = ns.s ~ ns.s %}{% endfor %}{{ ns.s | length }}"
            )
        ),
        expr.map(lambda e: "{% for i in range(" + e + ") %}.{% endfor %}"),
    )
    return st.lists(piece, min_size=1, max_size=5).map("".join)


@pytest.mark.slow
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(body=_templates())
def test_any_template_gives_text_or_a_located_problem(body: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        try:
            text = _subject(Path(folder), body)
        except TemplateError as exc:
            for problem in exc.problems:
                assert problem.location is not None and problem.location.file == "report.j2", problem
                assert problem.code.startswith("template."), problem
                assert problem.message("vi") and problem.message("en")
        else:
            assert isinstance(text, str)
