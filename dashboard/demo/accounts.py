"""The demo database's accounts: one per role, all with the same published password, for trying the dashboard."""

from datetime import datetime

from sqlalchemy.engine import Engine

from data_access.accounts import add_account, find_account
from dashboard.demo.province import PROVINCE_OFFICE, Province

# Published in the README and on the demo's sign-in page: the demo holds generated data only.
DEMO_PASSWORD = "thads-demo-2026"
DEMO_UNIT = "QN01"
DEMO_CREATOR = "dữ liệu mẫu"


def demo_accounts(province: Province) -> list[dict]:
    """Return the demo accounts as add_account's arguments: a leader and a statistician of the province, the head
    of its first regional office, one officer of that office, and an administrator."""
    officer = province.officers_by_unit[DEMO_UNIT][0]
    officer_name = next(name for code, name, *_ in province.officers if code == officer)
    office = PROVINCE_OFFICE[0]
    return [
        {"login": "lanhdao", "role": "lanh_dao", "province": office, "name": "Lãnh đạo tỉnh (mẫu)"},
        {"login": "thongke", "role": "thong_ke", "province": office, "name": "Thống kê tỉnh (mẫu)"},
        {"login": "donvi", "role": "don_vi", "unit": DEMO_UNIT, "name": "Trưởng phòng khu vực 1 (mẫu)"},
        {"login": "chv", "role": "chv", "officer": officer, "name": officer_name},
        {"login": "quantri", "role": "quan_tri", "name": "Quản trị (mẫu)"},
    ]


def add_demo_accounts(engine: Engine, province: Province, now: datetime) -> list[str]:
    """Return the logins of the demo accounts added: those not yet in the database (a rebuild keeps accounts)."""
    added = []
    for account in demo_accounts(province):
        if find_account(engine, account["login"]) is None:
            add_account(engine, password=DEMO_PASSWORD, now=now, by=DEMO_CREATOR, **account)
            added.append(account["login"])
    return added
