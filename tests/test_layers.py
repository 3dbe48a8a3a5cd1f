"""Imports go down only: pages -> ui, display -> view, charts -> metrics -> data_access; demo beside ui.

Every application module is placed in a layer by its path, every module it imports (functions included) is placed
the same way, and each arrow between two layers must be one the rule allows. Streamlit and Plotly stay in the
layers that draw.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("data_access", "dashboard", "pages")
DATA_ACCESS = ("data_access.base", "data_access.engine", "data_access.queries", "data_access.exchange")

# What each layer may import besides itself. A layer may reach any layer below it, never one above or beside it.
ALLOWED = {
    "pages": {"dashboard.ui", "dashboard.display", "dashboard.view", "dashboard.charts", "dashboard.metrics",
              "dashboard.text", "dashboard.reports"},
    "streamlit_app": {"dashboard.ui", "dashboard.view"},
    "dashboard.ui": {"dashboard.view", "dashboard.charts", "dashboard.metrics", "dashboard.text", "dashboard.reports",
                     *DATA_ACCESS},
    "dashboard.display": {"dashboard.view", "dashboard.charts", "dashboard.metrics", "dashboard.text", *DATA_ACCESS},
    "dashboard.view": {"dashboard.database", "dashboard.metrics", "dashboard.text", *DATA_ACCESS},
    "dashboard.charts": {"dashboard.metrics", "dashboard.text", "data_access.base"},
    "dashboard.reports": {"dashboard.charts", "dashboard.metrics", "dashboard.text", *DATA_ACCESS},
    "dashboard.cli": {"dashboard.database", "dashboard.demo", "dashboard.metrics", "dashboard.reports", *DATA_ACCESS},
    "dashboard.database": {"dashboard.demo", *DATA_ACCESS},
    "dashboard.demo": {"dashboard.metrics", *DATA_ACCESS},
    "dashboard.metrics": {*DATA_ACCESS},
    "dashboard.text": set(),
    "dashboard": set(),
    "data_access.exchange": {"data_access.queries", "data_access.base"},
    "data_access.engine": {"data_access.queries", "data_access.base"},
    "data_access.queries": {"data_access.base"},
    "data_access.base": set(),
}
# The layers that may import a drawing library, and which.
UI_LIBRARIES = {"streamlit", "plotly"}
DRAWING_ALLOWED = {
    "pages": {"streamlit"},
    "streamlit_app": {"streamlit"},
    "dashboard.ui": {"streamlit"},
    "dashboard.display": {"streamlit"},
    "dashboard.view": {"streamlit"},
    "dashboard.charts": {"plotly"},
}
# The database drivers stay below the pages.
DATABASE_LIBRARIES = {"sqlalchemy", "psycopg"}
DASHBOARD_PACKAGES = ("ui", "display", "view", "charts", "metrics", "demo", "text", "reports")


def layer_of(module: str) -> str | None:
    """Return the layer of a dotted application module name, None for a module outside the application."""
    parts = module.split(".")
    if parts[0] == "pages":
        return "pages"
    if parts[0] == "streamlit_app":
        return "streamlit_app"
    if parts[0] == "dashboard":
        if len(parts) == 1:
            return "dashboard"
        if parts[1] in DASHBOARD_PACKAGES:
            return f"dashboard.{parts[1]}"
        return {"__main__": "dashboard.cli", "cli": "dashboard.cli", "cli_users": "dashboard.cli",
                "cli_links": "dashboard.cli", "commands": "dashboard.cli",
                "database": "dashboard.database",
                "__init__": "dashboard"}.get(parts[1], "dashboard")
    if parts[0] == "data_access":
        if len(parts) > 1 and parts[1] in ("queries", "exchange", "engine"):
            return f"data_access.{parts[1]}"
        return "data_access.base"
    return None


def _module_name(path: Path, root: Path) -> str:
    return ".".join(path.relative_to(root).with_suffix("").parts)


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


def forbidden_arrows(path: Path, root: Path = ROOT) -> set[str]:
    """Return the arrows "from-layer -> to-layer" of a file's imports that the rule does not allow."""
    own = layer_of(_module_name(path, root))
    allowed = ALLOWED[own] | {own}
    # `from dashboard.ui import tables` names both dashboard.ui and dashboard.ui.tables: the deeper name decides.
    names = _imports(path, root)
    deepest = {name for name in names if not any(other.startswith(name + ".") for other in names)}
    arrows = {f"{own} -> {layer}" for layer in map(layer_of, deepest) if layer is not None and layer not in allowed}
    arrows |= {f"{own} -> {library}" for library in _top_levels(names) & UI_LIBRARIES
               if library not in DRAWING_ALLOWED.get(own, set())}
    if own in ("pages", "streamlit_app"):
        arrows |= {f"{own} -> {library}" for library in _top_levels(names) & DATABASE_LIBRARIES}
    return arrows


def _modules() -> list[Path]:
    files = [path for package in PACKAGES for path in sorted((ROOT / package).rglob("*.py"))]
    return files + [ROOT / "streamlit_app.py"]


def _relative(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


MODULES = _modules()


def test_every_module_has_a_layer_and_every_layer_has_modules():
    layers = {layer_of(_module_name(path, ROOT)) for path in MODULES}
    assert None not in layers
    assert layers == set(ALLOWED)


def test_the_import_walker_sees_nested_and_relative_imports(tmp_path):
    probe = tmp_path / "data_access" / "probe.py"
    probe.parent.mkdir()
    probe.write_text("from . import codes\nfrom ..dashboard.metrics.periods import work_year\n"
                     "def chart():\n    import plotly.express as px\n", encoding="utf-8")
    assert _imports(probe, tmp_path) == {
        "data_access", "data_access.codes", "dashboard.metrics.periods", "dashboard.metrics.periods.work_year",
        "plotly.express",
    }


@pytest.mark.parametrize(("module", "source", "arrows"), [
    ("dashboard/metrics/probe.py", "from dashboard.ui.tables import styled\n", {"dashboard.metrics -> dashboard.ui"}),
    ("dashboard/metrics/probe.py", "import streamlit as st\n", {"dashboard.metrics -> streamlit"}),
    ("dashboard/display/probe.py", "from dashboard.ui import drill\n", {"dashboard.display -> dashboard.ui"}),
    ("dashboard/ui/probe.py", "from dashboard.display.screen import run_display\n",
     {"dashboard.ui -> dashboard.display"}),
    ("dashboard/charts/probe.py", "def f():\n    from dashboard.view import cache\n",
     {"dashboard.charts -> dashboard.view"}),
    ("dashboard/demo/probe.py", "from dashboard.charts.figures import ranked_rates\n",
     {"dashboard.demo -> dashboard.charts"}),
    ("dashboard/demo/probe.py", "import plotly.graph_objects as go\n", {"dashboard.demo -> plotly"}),
    ("data_access/queries/probe.py", "from data_access.exchange.importer import import_tables\n",
     {"data_access.queries -> data_access.exchange"}),
    ("data_access/probe.py", "from dashboard.metrics import chains\n", {"data_access.base -> dashboard.metrics"}),
    ("pages/probe.py", "from data_access.queries.case_list import case_list\nimport sqlalchemy\n",
     {"pages -> data_access.queries", "pages -> sqlalchemy"}),
    ("pages/probe.py", "from dashboard.ui.drill import trail\nfrom dashboard.view import cache\n", set()),
])
def test_an_arrow_against_the_rule_is_caught(tmp_path, module, source, arrows):
    probe = tmp_path / module
    probe.parent.mkdir(parents=True)
    probe.write_text(source, encoding="utf-8")
    assert forbidden_arrows(probe, tmp_path) == arrows


@pytest.mark.parametrize("path", MODULES, ids=_relative)
def test_every_import_goes_down_the_layers(path):
    assert forbidden_arrows(path) == set()
