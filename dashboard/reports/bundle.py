"""Everything a month's documents show, read once through the viewer's scope: the chains, last year, the target's
pace and forecast, the paragraph, a row per unit (or per province) and the months of the work-year so far."""

from dataclasses import dataclass, field
from datetime import date

from data_access.queries.lookups import dimension_names, province_names
from data_access.queries.scope import Scope
from data_access.queries.viewing import Reader
from dashboard.metrics.chains import chain_report
from dashboard.metrics.narrative import actor_of, budget_scope, report_paragraph
from dashboard.metrics.on_track import on_track
from dashboard.metrics.periods import work_year
from dashboard.metrics.trend import monthly_series

AGENCY = "Thi hành án dân sự"


@dataclass(frozen=True)
class MonthBundle:
    """The figures of one period end and scope, as the forms and the monthly report print them."""

    end: date
    scope: Scope
    # Who the documents are of, e.g. "Thi hành án dân sự tỉnh Quảng Ninh" or a regional office's own name.
    scope_name: str
    # on_track(chain_report(end, scope)): both chains, same_period_last_year, target, needed, pace, forecast.
    report: dict
    # The 'ngan_sach' group's chain_report, None for a scope already narrowed to a group.
    budget: dict | None
    paragraph: str
    # "unit" or "province": what each of `rows` is.
    row_level: str
    # on_track rows of chain_report(end, scope, by=row_level), ordered as the forms list them.
    rows: list[dict]
    # Month by month to `end`: month, end, cases_rate, money_rate, last_cases_rate, last_money_rate, new, completed.
    trend: list[dict] = field(default_factory=list)


def _name_of(reader: Reader, scope: Scope) -> str:
    if scope.officer:
        return f"Chấp hành viên {dimension_names(reader, 'officer').get(scope.officer, scope.officer)}"
    if scope.unit:
        return dimension_names(reader, "unit").get(scope.unit, scope.unit)
    provinces = province_names(reader.engine)
    if scope.province:
        return provinces.get(scope.province, scope.province)
    if len(provinces) == 1:
        return next(iter(provinces.values()))
    return f"{AGENCY} toàn quốc"


def _row_level(reader: Reader, scope: Scope) -> str:
    whole = not (scope.province or scope.unit or scope.officer)
    return "province" if whole and len(province_names(reader.engine)) > 1 else "unit"


def _ordered(rows: list[dict], level: str, offices: set[str]) -> list[dict]:
    """Return the rows with each province office first, then the others by name, as the forms list them."""
    if level != "unit":
        return sorted(rows, key=lambda row: row["name"])
    return sorted(rows, key=lambda row: (row["key"] not in offices, row["name"]))


def month_bundle(reader: Reader, end: date, scope: Scope = Scope()) -> MonthBundle:
    """Return the bundle of a period end and scope, read as the reader's viewer may read it."""
    report = on_track(reader, end, chain_report(reader, end, scope), scope)
    narrowed = budget_scope(scope)
    budget = chain_report(reader, end, narrowed) if narrowed else None
    level = _row_level(reader, scope)
    if scope.officer:
        rows = []
    else:
        by_level = chain_report(reader, end, scope, level)
        offices = set(province_names(reader.engine))
        rows = _ordered(on_track(reader, end, by_level, scope, level)["rows"], level, offices)
    series = monthly_series(lambda month_end: chain_report(reader, month_end, scope), work_year(end), end)
    return MonthBundle(end=end, scope=scope, scope_name=_name_of(reader, scope), report=report, budget=budget,
                       paragraph=report_paragraph(report, budget, actor=actor_of(scope)), row_level=level, rows=rows,
                       trend=series.to_dict("records"))
