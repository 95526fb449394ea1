"""The public surface of umt_reports.vn is exactly ``__all__``, and every module's ``__all__`` is re-exported."""

from __future__ import annotations

import importlib

import umt_reports.vn as vn

MODULES = ["awards", "collation", "dates", "doctypes", "legacy", "numbers", "proper", "text", "units", "words"]


def test_package_all_lists_exactly_the_public_names() -> None:
    public = {name for name in vars(vn) if not name.startswith("_")} - set(MODULES) - {"annotations"}
    assert set(vn.__all__) == public
    assert sorted(vn.__all__) == vn.__all__


def test_package_re_exports_every_module_all() -> None:
    for module_name in MODULES:
        module = importlib.import_module(f"umt_reports.vn.{module_name}")
        for name in module.__all__:
            assert getattr(vn, name) is getattr(module, name), f"{module_name}.{name}"
