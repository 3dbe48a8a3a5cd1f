"""Exchange tables written by hand in tests, around a small default province."""

import pandas as pd

from data_access.codes import EXCHANGE_COLUMNS


def unit(code, name, level="huyen", parent="T01"):
    """Return one don_vi row."""
    return {"ma_don_vi": code, "ten_don_vi": name, "cap": level, "ma_don_vi_cha": parent}


def officer(code, name, unit_code, grade="trung_cap"):
    """Return one chap_hanh_vien row."""
    return {"ma_chv": code, "ho_ten": name, "ma_don_vi": unit_code, "ngach": grade}


def case(code, decided, amount, *, unit="H01", officer="C02", judgment="dan_su", mode="chu_dong", groups=""):
    """Return one viec row; the decision number is derived from the case code."""
    return {
        "ma_viec": code, "so_quyet_dinh": f"{code}/QĐ-THADS", "ngay_quyet_dinh": str(decided), "ma_don_vi": unit,
        "ma_chv": officer, "loai_ban_an": judgment, "hinh_thuc": mode, "so_tien_phai_thi_hanh": str(amount),
        "nhom": groups,
    }


def ev(case_code, day, kind, amount=None, detail=""):
    """Return one su_kien row; amount only for thu_tien and giam, detail the hoãn point or the new officer."""
    return {"ma_viec": case_code, "ngay": str(day), "loai": kind, "so_tien": "" if amount is None else str(amount),
            "chi_tiet": detail}


def target(year, scope, code, cases_rate, money_rate):
    """Return one chi_tieu row."""
    return {"nam": str(year), "pham_vi": scope, "ma": code, "ty_le_viec": str(cases_rate),
            "ty_le_tien": str(money_rate)}


UNITS = (
    unit("T01", "Cục THADS tỉnh", "tinh", ""),
    unit("H01", "Chi cục THADS huyện Đông"),
    unit("H02", "Chi cục THADS huyện Tây"),
)
OFFICERS = (
    officer("C01", "Nguyễn Văn An", "T01", "cao_cap"),
    officer("C02", "Trần Thị Bình", "H01"),
    officer("C03", "Lê Văn Cường", "H01"),
    officer("C04", "Phạm Thị Dung", "H02", "so_cap"),
)


def frame(stem, rows):
    """Return a DataFrame of str holding rows in the column order of the stem's exchange file, then any other
    columns the first row has (the optional columns of viec.csv)."""
    columns = list(EXCHANGE_COLUMNS[stem])
    columns += [column for column in (rows[0] if rows else {}) if column not in columns]
    return pd.DataFrame([[row[column] for column in columns] for row in rows], columns=columns, dtype=str)


def tables(units=UNITS, officers=OFFICERS, cases=(), events=(), targets=()):
    """Return the five exchange tables, keyed by file stem, as import_tables expects them."""
    rows = {"don_vi": units, "chap_hanh_vien": officers, "viec": cases, "su_kien": events, "chi_tieu": targets}
    return {stem: frame(stem, rows[stem]) for stem in EXCHANGE_COLUMNS}
