"""The flow and watch engines agree with a plain case-by-case reading on edge-dense data, for several month ends,
other days, scopes and breakdowns."""

from datetime import date

import pytest

from data_access.engine import open_engine
from data_access.exchange.importer import import_tables
from dashboard.metrics.flow import flow_report
from dashboard.metrics.watch import watch_report
from dashboard.metrics.chains import Scope
from tests.metrics.test_chains_oracle import _differences, _report
from tests.support.edge_data import CASE_UNITS, make_edge_tables
from tests.support.flow_oracle import oracle_flow, oracle_watch
from tests.support.readers import operator

SEED = 11
ENDS = (date(2023, 10, 31), date(2024, 2, 29), date(2024, 3, 1), date(2024, 9, 30), date(2025, 1, 31),
        date(2025, 6, 15))
SCOPES = ([{"unit": unit} for unit in CASE_UNITS] + [{"officer": "CHV08"}, {"group": "trong_diem"},
                                                      {"judgment_type": "hinh_su"}, {"mode": "theo_don"}])
BREAKDOWNS = ("unit", "province", "officer")


@pytest.fixture(scope="module")
def edge(scratch_url):
    tables = make_edge_tables(SEED)
    engine = open_engine(scratch_url)
    import_tables(engine, tables)
    yield engine, tables
    engine.dispose()


def _compare(report, oracle, engine, tables, end, scope=None, by=None):
    got = report(operator(engine), end, Scope(**(scope or {})), by)
    return [f"{report.__name__} end={end} scope={scope} by={by}: {line}"
            for line in _differences(got, oracle(tables, end, scope, by))]


@pytest.mark.parametrize("report, oracle", [(flow_report, oracle_flow), (watch_report, oracle_watch)],
                         ids=["flow", "watch"])
def test_engine_matches_the_plain_reading(edge, report, oracle):
    engine, tables = edge
    lines = []
    for index, end in enumerate(ENDS):
        lines += _compare(report, oracle, engine, tables, end)
        lines += _compare(report, oracle, engine, tables, end, by=BREAKDOWNS[index % len(BREAKDOWNS)])
        lines += _compare(report, oracle, engine, tables, end, SCOPES[index % len(SCOPES)])
    for scope in SCOPES:
        lines += _compare(report, oracle, engine, tables, date(2024, 9, 30), scope)
    assert not lines, _report(lines)


def test_the_data_exercises_every_figure(edge):
    engine, tables = edge
    flow = oracle_flow(tables, date(2024, 9, 30))
    watch = oracle_watch(tables, date(2024, 9, 30))
    assert min(flow["without_action"], flow["large"], flow["verification_due"]) > 0, flow
    # The edge data starts in 2021, so only the hand-worked scenario reaches five years.
    younger = [bucket for name, bucket in flow["ageing"]["enforceable"].items() if name != "ge_5y"]
    assert all(bucket["cases"] > 0 for bucket in younger), flow["ageing"]
    assert 0 < watch["bounce_backs"] < watch["late"] < watch["downgrades"], watch
