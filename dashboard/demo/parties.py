"""What a real export carries beside a case's figures: its parties, the court's judgment and the court, and the
officer's verifications of the debtor's conditions. None of it changes a figure, so each is drawn from a stream
of its own and added after the case's story (and the demo's calibration) is settled."""

import random
from datetime import date, timedelta

from data_access import codes
from data_access.exchange.timeline import Event, replay

FAMILY = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Phan", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý")
MIDDLE = ("Văn", "Thị", "Đức", "Minh", "Thu", "Quang", "Thanh", "Hữu", "Ngọc", "Xuân", "Hồng", "Mạnh")
GIVEN = ("An", "Bình", "Chi", "Dũng", "Giang", "Hà", "Hải", "Hiếu", "Hoa", "Hùng", "Hương", "Khánh", "Lan",
         "Linh", "Long", "Mai", "Nam", "Nga", "Phong", "Phương", "Quân", "Sơn", "Tâm", "Thảo", "Trang", "Tuấn",
         "Việt", "Yến")
_COMPANY_KINDS = ("Công ty TNHH", "Công ty cổ phần", "Doanh nghiệp tư nhân", "Hợp tác xã")
_COMPANY_NAMES = ("Hải Long", "Minh Phát", "Thành Đạt", "Hoàng Gia", "Việt Hưng", "Phú Thịnh", "An Bình",
                  "Đông Bắc", "Hạ Long Xanh", "Trường Sơn", "Bình Minh", "Quảng Thành")
_BANKS = ("Ngân hàng Nông nghiệp và Phát triển Nông thôn Việt Nam", "Ngân hàng TMCP Ngoại thương Việt Nam",
          "Ngân hàng TMCP Đầu tư và Phát triển Việt Nam", "Ngân hàng TMCP Công thương Việt Nam",
          "Ngân hàng TMCP Quân đội", "Ngân hàng Chính sách xã hội")
# The court abbreviations in judgment numbers ("125/2023/HS-ST"), by judgment type.
_JUDGMENT_SIGNS = {"dan_su": "DS", "hinh_su": "HS", "hanh_chinh": "HC", "hon_nhan_gia_dinh": "HNGĐ",
                   "kinh_doanh_thuong_mai": "KDTM", "lao_dong": "LĐ", "pha_san": "PS", "trong_tai": "TT",
                   "khac": "QĐ"}
# The officer verifies a case soon after accepting it, then every six months while it is not enforceable and
# every year while it sits in the separate ledger (the law's periods).
FIRST_VERIFICATION_DAYS = (3, 20)
VERIFICATION_DAYS = (150, 183)
LEDGER_VERIFICATION_DAYS = (330, 366)


def person(rng: random.Random) -> str:
    """Return a random Vietnamese full name."""
    return f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"


def _company(rng: random.Random) -> str:
    return f"{rng.choice(_COMPANY_KINDS)} {rng.choice(_COMPANY_NAMES)}"


def case_parties(seed: int, code: str, judgment_type: str, groups: list[str], decided_on: date,
                 province: str) -> tuple[str, str, str, str]:
    """Return the case's debtor, creditor, judgment number and court, the same for a seed and a case code."""
    rng = random.Random(f"{seed}:{code}:parties")
    debtor = _company(rng) if judgment_type in ("kinh_doanh_thuong_mai", "pha_san") or rng.random() < 0.08 \
        else person(rng)
    if "ngan_sach" in groups:
        creditor = "Ngân sách nhà nước"
    elif "tin_dung" in groups:
        creditor = rng.choice(_BANKS)
    elif "bhxh" in groups:
        creditor = f"Bảo hiểm xã hội tỉnh {province}"
    else:
        creditor = person(rng) if rng.random() < 0.8 else _company(rng)
    judged = decided_on - timedelta(days=rng.randint(20, 200))
    stage = "ST" if rng.random() < 0.8 else "PT"
    number = f"{rng.randint(1, 480)}/{judged.year}/{_JUDGMENT_SIGNS[judgment_type]}-{stage}"
    # Regional courts since 1/7/2025, the province's court for appeals and the larger first-instance cases.
    court = (f"Tòa án nhân dân tỉnh {province}" if stage == "PT" or rng.random() < 0.3
             else f"Tòa án nhân dân khu vực {rng.randint(1, 5)} - {province}")
    return debtor, creditor, number, court


def verifications(seed: int, code: str, decided_on: date, amount: int, officer: str, events: list[tuple],
                  until: date) -> list[tuple]:
    """Return the case's xac_minh events up to `until`: one after acceptance, then every six months while not
    enforceable (every year in the separate ledger), never after its terminal event."""
    rng = random.Random(f"{seed}:{code}:verifications")
    timeline, _ = replay(decided_on, amount, officer, [Event(line, on, kind, value, detail) for line,
                                                        (on, kind, value, detail) in enumerate(events)])
    last = min(until, timeline.exit_on - timedelta(days=1) if timeline.exit_on else until)
    found = []
    day = decided_on + timedelta(days=rng.randint(*FIRST_VERIFICATION_DAYS))
    if day <= last:
        found.append(day)
    for span in timeline.spans:
        if span.status not in codes.NOT_ENFORCEABLE_STATES:
            continue
        period = LEDGER_VERIFICATION_DAYS if span.status == codes.STATE_LEDGER else VERIFICATION_DAYS
        day = span.valid_from + timedelta(days=rng.randint(*period))
        while day < span.valid_to and day <= last:
            found.append(day)
            day += timedelta(days=rng.randint(*period))
    return [(day, codes.VERIFICATION_EVENT, None, "") for day in sorted(set(found))]


def with_verifications(seed: int, case, until: date) -> list[tuple]:
    """Return a generated case's events up to `until` with its verifications among them, in day order."""
    checked = verifications(seed, case.code, case.decided_on, case.amount, case.officer, case.events, until)
    told = [event for event in case.events if event[0] <= until] + checked
    return sorted(told, key=lambda event: (event[0], codes.EVENT_DAY_ORDER[event[1]]))
