"""Eleven hand-made cases in four units, full of edge situations, on which the oracle is pinned by hand."""

import pandas as pd

from tests.support.edge_data import COLUMNS



def frame(stem: str, rows: list[tuple]) -> pd.DataFrame:
    """Return an exchange table of text cells from rows of values."""
    return pd.DataFrame([[str(value) for value in row] for row in rows], columns=list(COLUMNS[stem]), dtype=str)


def _case(code, decided, amount, officer="A", unit="H", groups=""):
    return (code, f"{code}/QĐ", decided, unit, officer, "dan_su", "chu_dong", amount, groups)


TINY = {
    "don_vi": frame("don_vi", [("T", "Tỉnh Mẫu", "tinh", ""), ("H", "Huyện Một", "huyen", "T"),
                                ("K", "Khu vực Hai", "khu_vuc", "H"), ("X", "Huyện Lẻ", "huyen", "")]),
    "chap_hanh_vien": frame("chap_hanh_vien", [("A", "Lê An", "H", "trung_cap"), ("B", "Vũ Bình", "H", "so_cap")]),
    "viec": frame("viec", [
        _case("V01", "2023-05-10", 1_000_000, groups="ngan_sach"),
        _case("V02", "2023-10-01", 2_000_000, groups="ngan_sach|tin_dung"),
        _case("V03", "2022-12-01", 300_000),
        _case("V04", "2023-09-30", 0),
        _case("V05", "2023-03-03", 800_000, officer="B"),
        _case("V06", "2023-12-31", 700_000, unit="K"),
        _case("V07", "2023-07-01", 1_000),
        _case("V08", "2023-10-02", 10_000, unit="X"),
        _case("V09", "2023-02-02", 5_000),
        _case("V10", "2023-11-11", 50_000),
        _case("V11", "2023-10-15", 90_000),
    ]),
    # File order is not date order; V11's delegation is listed before the same-day collection it follows.
    "su_kien": frame("su_kien", [
        ("V01", "2023-11-15", "xong", "", ""),
        ("V01", "2023-06-01", "thu_tien", 400_000, ""),
        ("V01", "2023-11-15", "thu_tien", 100_000, ""),
        ("V01", "2023-11-15", "phan_cong", "", "B"),
        ("V02", "2023-10-01", "thu_tien", 500_000, ""),
        ("V02", "2023-12-31", "uy_thac", "", ""),
        ("V03", "2023-01-10", "chua_co_dieu_kien", "", ""),
        ("V03", "2023-02-01", "vao_so_rieng", "", ""),
        ("V03", "2023-11-01", "ra_so_rieng", "", ""),
        ("V03", "2023-11-20", "vao_so_rieng", "", ""),
        ("V03", "2023-12-10", "ra_so_rieng", "", ""),
        ("V04", "2023-09-30", "huy_quyet_dinh", "", ""),
        ("V05", "2023-08-01", "hoan", "", "c"),
        ("V05", "2023-10-20", "giam", 200_000, ""),
        ("V05", "2024-01-15", "phan_cong", "", "A"),
        ("V06", "2023-12-31", "tam_dinh_chi", "", ""),
        ("V07", "2023-12-01", "dinh_chi", "", ""),
        ("V08", "2023-10-03", "uy_thac", "", ""),
        ("V09", "2023-03-01", "chua_co_dieu_kien", "", ""),
        ("V09", "2023-04-01", "vao_so_rieng", "", ""),
        ("V10", "2023-11-12", "thu_tien", 50_000, ""),
        ("V11", "2023-11-30", "uy_thac", "", ""),
        ("V11", "2023-11-30", "thu_tien", 30_000, ""),
    ]),
    "chi_tieu": frame("chi_tieu", [(2024, "tinh", "", "83.25", "46.45"), (2024, "don_vi", "H", "85", "50"),
                                    (2024, "chv", "B", "90.5", "55"), (2023, "tinh", "", "82.5", "45.5")]),
}
