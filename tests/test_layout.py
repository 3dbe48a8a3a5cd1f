"""The house rules of the tree: every package says what it holds, no module is over 300 lines, the dashboard's top
level stays small, and the tests mirror the packages they test."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CODE = ("dashboard", "data_access", "pages", "benchmarks", "tests")
MAX_MODULE_LINES = 300
# The dashboard's top level holds only the package, the command line and the database it opens; the rest has a room.
MAX_TOP_LEVEL_MODULES = 6


def _python_files() -> list[Path]:
    return sorted(path for folder in CODE for path in (ROOT / folder).rglob("*.py")) + [ROOT / "streamlit_app.py"]


def _relative(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


@pytest.mark.parametrize("path", _python_files(), ids=_relative)
def test_no_module_is_over_300_lines(path):
    assert len(path.read_text(encoding="utf-8").splitlines()) <= MAX_MODULE_LINES


@pytest.mark.parametrize("package", sorted(path.parent for folder in ("dashboard", "data_access")
                                           for path in (ROOT / folder).rglob("__init__.py")), ids=_relative)
def test_every_package_says_what_it_holds_and_what_it_may_import(package):
    docstring = ast.get_docstring(ast.parse((package / "__init__.py").read_text(encoding="utf-8")))
    assert docstring and len(docstring) > 80
    if package.parent != ROOT:
        assert "import" in docstring


def test_the_dashboards_top_level_is_small():
    assert len(list((ROOT / "dashboard").glob("*.py"))) <= MAX_TOP_LEVEL_MODULES


@pytest.mark.parametrize("package", ["metrics", "view", "charts", "ui", "display", "demo"])
def test_each_dashboard_package_has_its_test_folder(package):
    assert list((ROOT / "tests" / package).glob("test_*.py"))
