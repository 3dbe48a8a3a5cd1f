"""Imports go down only: pages -> dashboard -> data_access; Streamlit and Plotly stay in their named modules."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("data_access", "dashboard", "pages")

# The only application modules that may import a UI library, and which one each may import.
UI_IMPORTS_ALLOWED = {
    "dashboard/cache.py": {"streamlit"},
    "dashboard/ui.py": {"streamlit"},
    "dashboard/filter_bar.py": {"streamlit"},
    "dashboard/drill.py": {"streamlit"},
    "dashboard/display_view.py": {"streamlit"},
    "dashboard/entry.py": {"streamlit"},
    "dashboard/charts.py": {"plotly"},
}
UI_LIBRARIES = {"streamlit", "plotly"}


def _modules() -> list[Path]:
    files = [path for package in PACKAGES for path in sorted((ROOT / package).rglob("*.py"))]
    return files + [ROOT / "streamlit_app.py"]


def _imports(path: Path, root: Path = ROOT) -> set[str]:
    """Return every module a file imports, anywhere in it (functions included), as dotted names."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = list(path.relative_to(root).parent.parts)
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                module = ".".join([*base, node.module] if node.module else base)
            else:
                module = node.module
            found.add(module)
            found.update(f"{module}.{alias.name}" for alias in node.names)
    return found


def _top_levels(names: set[str]) -> set[str]:
    return {name.split(".")[0] for name in names}


def _relative(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


MODULES = _modules()


def test_every_layer_has_modules():
    names = {_relative(path) for path in MODULES}
    assert {"data_access/engine.py", "dashboard/chains.py", "dashboard/cli.py", "pages/overview.py",
            "streamlit_app.py"} <= names
    assert set(UI_IMPORTS_ALLOWED) <= names


def test_the_import_walker_sees_nested_and_relative_imports(tmp_path):
    probe = tmp_path / "data_access" / "probe.py"
    probe.parent.mkdir()
    probe.write_text("from . import codes\nfrom ..dashboard.periods import work_year\n"
                     "def chart():\n    import plotly.express as px\n", encoding="utf-8")
    assert _imports(probe, tmp_path) == {
        "data_access", "data_access.codes", "dashboard.periods", "dashboard.periods.work_year", "plotly.express",
    }
    assert _top_levels(_imports(probe, tmp_path)) & {"dashboard", *UI_LIBRARIES} == {"dashboard", "plotly"}


@pytest.mark.parametrize("path", [p for p in MODULES if _relative(p).startswith("data_access/")], ids=_relative)
def test_data_access_imports_no_upper_layer_and_no_ui(path):
    forbidden = _top_levels(_imports(path)) & {"dashboard", "pages", *UI_LIBRARIES}
    assert forbidden == set()


@pytest.mark.parametrize("path", [p for p in MODULES if _relative(p).startswith("dashboard/")], ids=_relative)
def test_dashboard_imports_no_page_and_ui_only_where_allowed(path):
    tops = _top_levels(_imports(path))
    assert "pages" not in tops
    assert tops & UI_LIBRARIES <= UI_IMPORTS_ALLOWED.get(_relative(path), set())


@pytest.mark.parametrize("path", [p for p in MODULES if _relative(p).startswith("pages/")
                                  or _relative(p) == "streamlit_app.py"], ids=_relative)
def test_pages_go_through_dashboard_only(path):
    tops = _top_levels(_imports(path))
    assert tops & {"data_access", "sqlalchemy", "psycopg", "plotly"} == set()
