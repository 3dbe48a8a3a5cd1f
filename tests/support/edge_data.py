"""Random but valid exchange tables, dense in the edge cases of domain.md sections 2-4, for work-years 2022-2025."""

import random
from datetime import date, timedelta

import pandas as pd

from data_access.codes import EXCHANGE_COLUMNS as COLUMNS

# A national office above two provinces; a khu_vuc unit two levels under its province tests the rollup.
UNITS = (
    ("TW", "Cục Quản lý thi hành án dân sự", "trung_uong", ""),
    ("T1", "Thi hành án dân sự tỉnh Bắc Sơn", "tinh", "TW"),
    ("T2", "Thi hành án dân sự tỉnh Nam Hà", "tinh", "TW"),
    ("H11", "Chi cục THADS huyện Đông Anh", "huyen", "T1"),
    ("H12", "Chi cục THADS huyện Tây Sơn", "huyen", "T1"),
    ("H13", "Chi cục THADS thành phố Bắc Sơn", "huyen", "T1"),
    ("H21", "Chi cục THADS huyện Kim Bảng", "huyen", "T2"),
    ("H22", "Chi cục THADS huyện Lý Nhân", "huyen", "T2"),
    ("H23", "Chi cục THADS thành phố Nam Hà", "huyen", "T2"),
    ("KV1", "Phòng THADS khu vực 1", "khu_vuc", "H23"),
)
CASE_UNITS = ("T1", "T2", "H11", "H12", "H13", "H21", "H22", "H23", "KV1", "TW")
CASE_UNIT_WEIGHTS = (2, 2, 4, 4, 3, 4, 3, 3, 2, 1)
FAMILY_NAMES = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi")
GIVEN_NAMES = ("Văn An", "Thị Bình", "Minh Châu", "Quốc Dũng", "Thu Hà", "Đức Huy", "Thanh Lam", "Hữu Nghĩa")
JUDGMENT_TYPES = ("dan_su", "hinh_su", "hanh_chinh", "hon_nhan_gia_dinh", "kinh_doanh_thuong_mai", "lao_dong",
                  "pha_san", "trong_tai", "khac")
GROUPS = ("ngan_sach", "tin_dung", "bhxh", "thu_hoi_tai_san", "trong_diem")
FIRST_DECISION = date(2021, 10, 1)
LAST_DECISION = date(2025, 9, 30)
LAST_EVENT = date(2025, 12, 31)
TERMINALS = ("xong", "dinh_chi", "uy_thac", "huy_quyet_dinh")
ENFORCEABLE = ("in_progress", "deferred_c")
# Same-day rows of equal rank apply in file order, so the shuffle must keep their relative order.
DAY_RANK = {"phan_cong": 0, "co_dieu_kien": 1, "chua_co_dieu_kien": 1, "hoan": 1, "tam_dinh_chi": 1,
            "tiep_tuc": 1, "xac_minh": 1, "vao_so_rieng": 2, "ra_so_rieng": 2, "giam": 3, "thu_tien": 4,
            "xong": 5, "dinh_chi": 5, "uy_thac": 5, "huy_quyet_dinh": 5}


def _month_end(day: date) -> date:
    following = date(day.year + 1, 1, 1) if day.month == 12 else date(day.year, day.month + 1, 1)
    return following - timedelta(days=1)


def _boundary_days() -> list[date]:
    days = [date(2024, 2, 29), date(2025, 2, 28), date(2023, 2, 28)]
    for year in range(2021, 2026):
        days += [date(year, 9, 30), date(year, 10, 1)]
        days += [_month_end(date(year, month, 1)) for month in range(1, 13)]
    return sorted(day for day in set(days) if FIRST_DECISION <= day <= LAST_DECISION)


BOUNDARY_DAYS = _boundary_days()


def _decision_day(rng: random.Random) -> date:
    draw = rng.random()
    if draw < 0.05:
        return date(2024, 2, 29)
    if draw < 0.35:
        return rng.choice(BOUNDARY_DAYS)
    return FIRST_DECISION + timedelta(days=rng.randrange((LAST_DECISION - FIRST_DECISION).days + 1))


def _next_day(rng: random.Random, day: date) -> date:
    draw = rng.random()
    if draw < 0.15:
        return day + timedelta(days=1)
    if draw < 0.35:
        end = _month_end(day)
        return end if end > day else _month_end(end + timedelta(days=1))
    if draw < 0.45:
        autumn = date(day.year, 9, 30)
        return autumn if autumn > day else date(day.year + 1, 9, 30)
    if draw < 0.55:
        october = date(day.year, 10, 1)
        return october if october > day else date(day.year + 1, 10, 1)
    if draw < 0.85:
        return day + timedelta(days=rng.randint(2, 90))
    return day + timedelta(days=rng.randint(91, 500))


def _amount(rng: random.Random) -> int:
    draw = rng.random()
    if draw < 0.15:
        return 0
    if draw < 0.5:
        return rng.randint(1, 200) * 100_000
    if draw < 0.9:
        return rng.randint(1_000_000, 3_000_000_000)
    return rng.randint(10_000_000_000, 90_000_000_000)


class _Simulation:
    """One case walked forward through a valid sequence of days; every row it emits obeys the import rules."""

    def __init__(self, rng: random.Random, code: str, amount: int, officer: str, officers: list[str]):
        self.rng, self.code, self.amount, self.officer, self.officers = rng, code, amount, officer, officers
        self.standing, self.in_ledger, self.paid, self.ended = "in_progress", False, 0, False
        self.rows: list[tuple] = []

    def _emit(self, day: date, kind: str, amount: int | str = "", detail: str = "") -> None:
        self.rows.append((self.code, day.isoformat(), kind, str(amount), detail))

    def _remaining(self) -> int:
        return self.amount - self.paid

    def _reassign(self, day: date) -> None:
        self.officer = self.rng.choice([o for o in self.officers if o != self.officer])
        self._emit(day, "phan_cong", detail=self.officer)

    def _classify(self, day: date) -> None:
        choices = ["chua_co_dieu_kien", "hoan", "hoan", "tam_dinh_chi"]
        if self.standing != "in_progress":
            choices += ["co_dieu_kien"] * 2
        if self.standing in ("deferred", "deferred_c", "suspended"):
            choices += ["tiep_tuc"] * 2
        kind = self.rng.choice(choices)
        if kind == "hoan":
            point = "c" if self.rng.random() < 0.4 else self.rng.choice("abdefgh")
            self.standing = "deferred_c" if point == "c" else "deferred"
            self._emit(day, kind, detail=point)
            return
        self.standing = {"chua_co_dieu_kien": "not_yet", "tam_dinh_chi": "suspended",
                         "co_dieu_kien": "in_progress", "tiep_tuc": "in_progress"}[kind]
        self._emit(day, kind)

    def _ledger(self, day: date) -> None:
        if self.in_ledger:
            if self.rng.random() < 0.45:
                self.in_ledger = False
                self._emit(day, "ra_so_rieng")
                if self.rng.random() < 0.35:
                    # Restored and classified the same day: the file lists the restore first, the day order
                    # applies the classification first, while the case is still in the ledger.
                    self._classify(day)
                if self.standing not in ENFORCEABLE and self.rng.random() < 0.15:
                    self.in_ledger = True
                    self._emit(day, "vao_so_rieng")
        elif self.standing not in ENFORCEABLE and self.rng.random() < 0.35:
            self.in_ledger = True
            self._emit(day, "vao_so_rieng")
            if self.rng.random() < 0.15:
                self.in_ledger = False
                self._emit(day, "ra_so_rieng")

    def _collect(self, day: date, kind: str, chance: float, full_chance: float) -> None:
        if self.in_ledger or self._remaining() == 0 or self.rng.random() >= chance:
            return
        for _ in range(self.rng.choice((1, 1, 1, 2))):
            if self._remaining() == 0:
                break
            if self.rng.random() < full_chance:
                value = self._remaining()
            else:
                value = self.rng.randint(1, self._remaining())
            self.paid += value
            self._emit(day, kind, value)

    def _finish(self, day: date, kind: str) -> None:
        self.ended = True
        self._emit(day, kind)

    def _terminal(self, day: date) -> None:
        if self.in_ledger:
            return
        if self.amount > 0 and self._remaining() == 0:
            if self.rng.random() < 0.35:  # the rest stay fully collected but open for a while
                self._finish(day, "xong")
            return
        if self.rng.random() < 0.13:
            self._finish(day, self.rng.choices(TERMINALS, weights=(3, 3, 3, 2))[0])

    def live_day(self, day: date) -> None:
        """Emit the events of one day, in the day order of domain.md section 3."""
        rng = self.rng
        combo = rng.random()
        if combo < 0.04 and not self.in_ledger:
            # A closing day: reassignment, collection and completion together.
            self._reassign(day)
            self._collect(day, "thu_tien", 1.0, 0.7)
            self._finish(day, "xong")
            return
        if combo < 0.08 and not self.in_ledger:
            self._emit(day, "co_dieu_kien")
            self.standing = "in_progress"
            self._collect(day, "thu_tien", 1.0, 0.3)
            return
        if rng.random() < 0.12:
            self._reassign(day)
        if rng.random() < 0.1:
            self._emit(day, "xac_minh")
        if not self.in_ledger or rng.random() < 0.3:
            for _ in range(rng.choice((0, 0, 1, 1, 1, 2))):
                self._classify(day)
        self._ledger(day)
        self._collect(day, "giam", 0.08, 0.2)
        enforceable = self.standing in ENFORCEABLE and not self.in_ledger
        self._collect(day, "thu_tien", 0.4 if enforceable else 0.05, 0.25)
        self._terminal(day)

    def run(self, decided: date) -> list[tuple]:
        """Return the event rows of the case from its decision day on."""
        day = decided
        if self.rng.random() < 0.4:
            self.live_day(day)
        while not self.ended:
            day = _next_day(self.rng, day)
            if day > LAST_EVENT:
                break
            self.live_day(day)
        return self.rows


def _shuffled(rng: random.Random, rows: list[tuple]) -> list[tuple]:
    """Return rows in random order, except rows of one case, day and rank keep their relative order."""
    order = list(range(len(rows)))
    rng.shuffle(order)
    slots: dict[tuple, list[int]] = {}
    for position, index in enumerate(order):
        row = rows[index]
        slots.setdefault((row[0], row[1], DAY_RANK[row[2]]), []).append(position)
    placed = [None] * len(rows)
    for positions in slots.values():
        indexes = sorted(order[position] for position in positions)
        for position, index in zip(positions, indexes):
            placed[position] = rows[index]
    return placed


def _frame(stem: str, rows: list[tuple]) -> pd.DataFrame:
    return pd.DataFrame([[str(value) for value in row] for row in rows], columns=list(COLUMNS[stem]), dtype=str)


def _rate(rng: random.Random, low: int, high: int) -> str:
    value = rng.randint(low * 100, high * 100)
    return f"{value / 100:.2f}" if rng.random() < 0.7 else str(value // 100)


def make_edge_tables(seed: int, n_cases: int = 400) -> dict[str, pd.DataFrame]:
    """Return the five exchange tables (str values) of a small two-province agency, dense in edge cases."""
    rng = random.Random(seed)
    officers, officer_rows = [], []
    for number in range(1, 26):
        code = f"CHV{number:02d}"
        unit = CASE_UNITS[(number - 1) % len(CASE_UNITS)]
        name = f"{rng.choice(FAMILY_NAMES)} {rng.choice(GIVEN_NAMES)}"
        officers.append(code)
        officer_rows.append((code, name, unit, rng.choice(("so_cap", "trung_cap", "cao_cap"))))
    officers_by_unit = {unit: [row[0] for row in officer_rows if row[2] == unit] for unit in CASE_UNITS}

    case_rows, event_rows = [], []
    for number in range(1, n_cases + 1):
        code = f"V{seed}-{number:04d}"
        decided = _decision_day(rng)
        unit = rng.choices(CASE_UNITS, weights=CASE_UNIT_WEIGHTS)[0]
        officer = rng.choice(officers_by_unit[unit])
        amount = _amount(rng)
        groups = rng.sample(GROUPS, rng.choice((0, 0, 1, 1, 1, 2, 3)))
        case_rows.append((code, f"{number}/QĐ-THADS", decided.isoformat(), unit, officer,
                          rng.choice(JUDGMENT_TYPES), rng.choice(("chu_dong", "theo_don")), amount, "|".join(groups)))
        event_rows += _Simulation(rng, code, amount, officer, officers).run(decided)

    target_rows = []
    for year in range(2022, 2026):
        target_rows.append((year, "tinh", "", _rate(rng, 80, 86), _rate(rng, 40, 55)))
        target_rows += [(year, "don_vi", unit, _rate(rng, 75, 92), _rate(rng, 30, 60))
                        for unit in rng.sample(CASE_UNITS, 5)]
        target_rows += [(year, "chv", officer, _rate(rng, 75, 95), _rate(rng, 30, 60))
                        for officer in rng.sample(officers, 8)]
    return {
        "don_vi": _frame("don_vi", UNITS),
        "chap_hanh_vien": _frame("chap_hanh_vien", officer_rows),
        "viec": _frame("viec", case_rows),
        "su_kien": _frame("su_kien", _shuffled(rng, event_rows)),
        "chi_tieu": _frame("chi_tieu", target_rows),
    }
