"""The filters every page shares: what they hold, their defaults, and their form in the URL."""

from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date

from data_access import codes
from data_access.queries.viewing import Viewer, home_scope
from dashboard.metrics.chains import Scope
from dashboard.metrics.periods import month_ends, work_year
from dashboard.view.url_values import refused, whole_number

TO_DATE = "nay"
# Where a session keeps the filters it last chose on a page.
FILTERS_KEY = "filters"
# Query-parameter names in the URL, kept short and Vietnamese so a copied link reads naturally.
PARAMETERS = {"year": "nam", "end": "den", "province": "tinh", "unit": "don_vi", "officer": "chv", "group": "nhom",
              "judgment_type": "loai", "mode": "hinh_thuc"}
# The filters that pick a code (None = all), in the order the sidebar draws them.
CODE_FILTERS = ("province", "unit", "officer", "group", "judgment_type", "mode")
# The year list offers the current work-year and this many before it (when the data reaches back so far).
YEARS_OFFERED = 6


@dataclass(frozen=True)
class FilterOptions:
    """What the filters may take: work-years, provinces, units and officers by code, and the day of the choice."""

    years: tuple[int, ...]
    units: dict[str, str]
    today: date
    officers: dict[str, str] = field(default_factory=dict)
    # The unit each officer belongs to.
    officer_units: dict[str, str] = field(default_factory=dict)
    # The provinces (units of level tinh) by code, and the province each unit rolls up to.
    provinces: dict[str, str] = field(default_factory=dict)
    unit_provinces: dict[str, str] = field(default_factory=dict)
    # The codes the viewer's scope fixes (an officer's own unit and code; a province leader's province in a
    # database of several), and the units a unit head may choose (its own), None for every unit named.
    fixed: dict[str, str] = field(default_factory=dict)
    units_chosen: frozenset[str] | None = None
    # Whether the viewer sees less than the whole database.
    restricted: bool = False

    @property
    def national(self) -> bool:
        """Return whether the database holds several provinces, so the top level is the whole country."""
        return len(self.provinces) > 1

    @property
    def top_name(self) -> str:
        """Return the name of the whole scope: "Toàn quốc" for several provinces, else "Toàn tỉnh"."""
        return "Toàn quốc" if self.national else "Toàn tỉnh"

    @property
    def province_offices(self) -> frozenset[str]:
        """Return the units that are a province's own office with regional offices under it."""
        under = [province for code, province in self.unit_provinces.items() if code != province]
        return frozenset(code for code, province in self.unit_provinces.items() if code == province and code in under)

    def units_of(self, province: str | None) -> dict[str, str]:
        """Return the names of a province's units by code (every unit when no province is given)."""
        return {code: name for code, name in self.units.items()
                if province is None or self.unit_provinces.get(code) == province}

    def officers_of(self, unit: str | None, province: str | None = None) -> dict[str, str]:
        """Return the officers of a unit, else of a province, by code; all of them only in a one-province database.

        The whole country's officers are too many for one list: there a province or unit must be chosen first.
        """
        if unit is None and province is None and self.national:
            return {}
        return {code: name for code, name in self.officers.items()
                if (unit is None or self.officer_units.get(code) == unit)
                and (province is None or self.unit_provinces.get(self.officer_units.get(code)) == province)}


@dataclass(frozen=True)
class Filters:
    """One view's filters; end is an ISO month end or TO_DATE, the optional codes None for all."""

    year: int
    end: str
    unit: str | None = None
    officer: str | None = None
    group: str | None = None
    judgment_type: str | None = None
    mode: str | None = None
    province: str | None = None

    def period_end(self, today: date) -> date:
        """Return the last day of the chosen period ("đến nay" is today, or 30/9 for a past work-year)."""
        if self.end == TO_DATE:
            return min(today, date(self.year, 9, 30))
        return date.fromisoformat(self.end)

    def scope(self) -> Scope:
        """Return the scope of the chains engine these filters select."""
        return Scope(province=self.province, unit=self.unit, officer=self.officer, group=self.group,
                     judgment_type=self.judgment_type, mode=self.mode)


def offered_years(first_decision: date | None, today: date) -> tuple[int, ...]:
    """Return the work-years to offer, newest first: from the first with data (at most YEARS_OFFERED back)."""
    current = work_year(today)
    first = work_year(first_decision) if first_decision else current
    return tuple(range(current, max(first, current - YEARS_OFFERED + 1) - 1, -1))


def viewer_limits(viewer: Viewer | None, officer_units: dict[str, str], unit_provinces: dict[str, str],
                  several: bool, everything: bool) -> dict:
    """Return the FilterOptions fields that bind the filters to a viewer's scope: the codes it fixes, the units a
    unit head may choose, whether it sees less than `everything`; `several` says whether the database holds
    several provinces."""
    home = home_scope(viewer) or Scope()
    unit = home.unit or officer_units.get(home.officer)
    province = home.province or unit_provinces.get(unit)
    fixed = {"province": province} if several and province else {}
    if home.officer:
        fixed |= {"unit": unit, "officer": home.officer}
    elif home.unit and viewer.role != "don_vi":
        fixed |= {"unit": home.unit}
    return {"fixed": {name: code for name, code in fixed.items() if code},
            "units_chosen": frozenset({home.unit}) if viewer and viewer.role == "don_vi" else None,
            "restricted": not everything}


def end_choices(year: int, today: date) -> list[str]:
    """Return the period ends of a work-year, newest first: "đến nay" for the current year, then month ends."""
    ends = [end.isoformat() for end in reversed(month_ends(year, until=today))]
    return [TO_DATE, *ends] if year == work_year(today) else ends


def default_end(year: int, today: date) -> str:
    """Return the period end chosen when none is: the last closed month, or "đến nay" before the first one."""
    ends = [end for end in end_choices(year, today) if end != TO_DATE]
    return ends[0] if ends else TO_DATE


def default_filters(options: FilterOptions) -> Filters:
    """Return the filters of a first visit: the current work-year to its last closed month, a unit head's own unit,
    everything else all."""
    year = options.years[0]
    own = sorted(options.units_chosen or ())
    return Filters(year=year, end=default_end(year, options.today), unit=own[0] if len(own) == 1 else None)


def told_apart(names: dict[str, str]) -> dict[str, str]:
    """Return the names by code, each name two codes share followed by its code: "Trần Xuân Hoa (CHV012)"."""
    counts = Counter(names.values())
    return {code: f"{name} ({code})" if counts[name] > 1 else name for code, name in names.items()}


def allowed_codes(name: str, filters: Filters, options: FilterOptions) -> dict[str, str]:
    """Return the codes a code filter may take, with their names; a unit or officer must be of the chosen place."""
    if name == "officer":
        return options.officers_of(filters.unit, filters.province)
    if name in options.fixed:
        return {}
    if name == "unit":
        return {code: unit for code, unit in options.units_of(filters.province).items()
                if options.units_chosen is None or code in options.units_chosen}
    if name == "province":
        return options.provinces if options.national else {}
    return {"group": codes.GROUPS, "judgment_type": codes.JUDGMENT_TYPES,
            "mode": codes.MODES}[name]


def from_query(query: dict[str, str], options: FilterOptions) -> tuple[Filters, list[str]]:
    """Return the filters a URL asks for and a Vietnamese notice for every value that was refused."""
    filters = default_filters(options)
    notices = []
    year_text = query.get(PARAMETERS["year"])
    if year_text is not None:
        year = whole_number(year_text)
        if year in options.years:
            filters = replace(filters, year=year, end=default_end(year, options.today))
        else:
            notices.append(_notice("year", year_text, f"năm công tác {filters.year}"))
    end_text = query.get(PARAMETERS["end"])
    if end_text is not None:
        if end_text in end_choices(filters.year, options.today):
            filters = replace(filters, end=end_text)
        else:
            notices.append(_notice("end", end_text, f"kỳ {_end_label(filters.end)}"))
    for name in CODE_FILTERS:
        value = query.get(PARAMETERS[name])
        if value is None or value == "" or options.fixed.get(name) == value:
            continue
        if value in allowed_codes(name, filters, options):
            filters = replace(filters, **{name: value})
        else:
            notices.append(_notice(name, value, "tất cả"))
    return settled(filters, options), notices


def settled(filters: Filters, options: FilterOptions) -> Filters:
    """Return the filters with the codes the viewer's scope fixes, and the province of their unit filled in, so a
    unit is always seen in its province."""
    filters = replace(filters, **options.fixed)
    if filters.unit and not filters.province and options.national:
        return replace(filters, province=options.unit_provinces.get(filters.unit))
    return filters


def forbidden_place(query: dict[str, str], options: FilterOptions) -> str | None:
    """Return the notice "Không có quyền xem ..." for a URL naming a province, unit or officer beyond a viewer's
    scope, None when it names none (or the viewer sees the whole database, where a wrong code is only refused)."""
    if not (options.fixed or options.units_chosen is not None or options.restricted):
        return None
    filters = default_filters(options)
    for name, noun in (("province", "tỉnh"), ("unit", "đơn vị"), ("officer", "chấp hành viên")):
        value = query.get(PARAMETERS[name])
        if not value or options.fixed.get(name) == value:
            continue
        if value not in allowed_codes(name, filters, options):
            return f"Không có quyền xem {noun} {value}."
        filters = replace(filters, **{name: value})
    return None


def _end_label(end: str) -> str:
    return "đến nay" if end == TO_DATE else date.fromisoformat(end).strftime("%d/%m/%Y")


def _notice(name: str, value: str, fallback: str) -> str:
    return refused(PARAMETERS[name], value, f"đang hiển thị {fallback}", "không hợp lệ hoặc không có dữ liệu")


def to_query(filters: Filters) -> dict[str, str]:
    """Return the URL query parameters that reproduce the filters (the period always, codes when set)."""
    query = {PARAMETERS["year"]: str(filters.year), PARAMETERS["end"]: filters.end}
    for name in CODE_FILTERS:
        value = getattr(filters, name)
        if value is not None:
            query[PARAMETERS[name]] = value
    return query


def scope_name(filters: Filters, options: FilterOptions) -> str:
    """Return the name of the place the filters choose: the unit, else the province, else the whole scope."""
    if filters.unit:
        return options.units.get(filters.unit, filters.unit)
    if filters.province:
        return options.provinces.get(filters.province, filters.province)
    return options.top_name


def scope_in_sentence(filters: Filters, options: FilterOptions) -> str:
    """Return scope_name as it reads inside a sentence: "toàn quốc", "toàn tỉnh" or the place's own name."""
    name = scope_name(filters, options)
    return name.lower() if name == options.top_name else name


def carried_query(query: dict[str, str], session_filters: Filters | None) -> dict[str, str]:
    """Return the URL query with the filters the session last chose on a page when the URL names none: a screen
    opened from the sidebar shows the period and scope the person was looking at."""
    if session_filters is None or any(name in query for name in PARAMETERS.values()):
        return query
    return to_query(session_filters) | query


def describe(filters: Filters, options: FilterOptions) -> str:
    """Return a Vietnamese line naming the scope and the period, for page headings and exports."""
    end = filters.period_end(options.today)
    parts = [scope_name(filters, options)]
    if filters.officer:
        parts.append(f"chấp hành viên {options.officers.get(filters.officer, filters.officer)}")
    if filters.group:
        parts.append(f"nhóm {codes.GROUPS[filters.group].lower()}")
    if filters.judgment_type:
        parts.append(f"án {codes.JUDGMENT_TYPES[filters.judgment_type].lower()}")
    if filters.mode:
        parts.append(codes.MODES[filters.mode].lower())
    start = date(filters.year - 1, 10, 1)
    return f"{', '.join(parts)}; từ {start:%d/%m/%Y} đến hết {end:%d/%m/%Y}"
