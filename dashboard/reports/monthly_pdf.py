"""The monthly report as an A4 PDF: heading, paragraph, both chains beside last year, the target's pace and
forecast, the charts and a row per unit, typeset by Typst with the Noto Sans fonts shipped beside this module.

Every figure and name reaches Typst as JSON in `sys.inputs`, read as plain strings by the template, so no text from
the data can ever become Typst markup."""

import json
import shutil
import tempfile
from datetime import date
from pathlib import Path

import typst

from dashboard.charts.axis_labels import short_unit_names
from dashboard.metrics.chains import CASE_KEYS, MONEY_KEYS
from dashboard.metrics.formatting import (
    MISSING, format_billion_number, format_count, format_date, format_money_short, format_percent, format_points,
    rate_change, relative_change,
)
from dashboard.metrics.on_track_text import on_track_sentence
from dashboard.metrics.pace import MIN_RANKED, STATUS_LABELS
from dashboard.reports.bundle import MonthBundle
from dashboard.reports.pdf_figures import draw_pictures, is_paced, office_keys

HERE = Path(__file__).resolve().parent
TEMPLATE = HERE / "monthly.typ"
FONTS = HERE / "fonts"
TITLE = "BÁO CÁO KẾT QUẢ THI HÀNH ÁN DÂN SỰ"
# The overview page's words for the chain rows (dashboard/ui/labels.py sits above this layer).
ROW_LABELS = {
    "brought_forward": "Năm trước chuyển sang", "new": "Thụ lý mới", "caseload": "Tổng số thụ lý",
    "delegated": "Ủy thác", "cancelled": "Hủy, thu hồi quyết định", "to_enforce": "Phải thi hành",
    "done": "Xong", "terminated": "Đình chỉ", "reduced": "Giảm thi hành án", "in_progress": "Đang thi hành",
    "deferred_c": "Hoãn (điểm c)", "not_enforceable": "Chưa có điều kiện", "enforceable": "Có điều kiện thi hành",
    "completed": "Thi hành xong", "rate": "Tỷ lệ xong", "carried": "Chuyển kỳ sau",
}
# The sums the forms print in bold: each closes a step of the chain.
TOTALS = {"caseload", "to_enforce", "enforceable", "completed", "rate", "carried"}
CHAINS = {"cases": ("Về việc", CASE_KEYS, "xong + đình chỉ"),
          "money": ("Về tiền (tỷ đồng)", MONEY_KEYS, "xong + đình chỉ + giảm")}
UNJUDGED = "không xếp hạng"


def _span(window: dict) -> str:
    return f"{format_date(window['start'])}–{format_date(window['end'])}"


def _signed_percent(change: float | None) -> str:
    return MISSING if change is None else f"{'+' if change > 0 else ''}{format_percent(change)}"


def _chain_table(report: dict, chain: str) -> dict:
    title, keys, completed = CHAINS[chain]
    now, before = report[chain], report["same_period_last_year"][chain]
    shown = format_count if chain == "cases" else format_billion_number
    rows = []
    for key in keys:
        if key == "rate":
            cells = [format_percent(now[key]), format_percent(before[key]),
                     format_points(rate_change(now[key], before[key]))]
        else:
            cells = [shown(now[key]), shown(before[key]), _signed_percent(relative_change(now[key], before[key]))]
        rows.append({"cells": [ROW_LABELS[key], *cells], "total": key in TOTALS})
    return {"title": title, "note": f"Thi hành xong = {completed}.",
            "columns": ["Nội dung", f"Kỳ này\n{_span(report['window'])}",
                        f"Cùng kỳ năm trước\n{_span(report['same_period_last_year']['window'])}", "Tăng/giảm"],
            "rows": rows}


def _last_year_note(report: dict, chain: str) -> str:
    now, before = report[chain]["rate"], report["same_period_last_year"][chain]["rate"]
    return f"Cùng kỳ năm trước: {format_percent(before)} ({format_points(rate_change(now, before))})"


def _status(pace: dict | None, chain: str) -> str:
    if pace is None or pace[chain] is None:
        return MISSING
    status = pace[f"{chain}_status"]
    return STATUS_LABELS[status] if status else UNJUDGED


def _on_track_table(report: dict) -> dict | None:
    """Return the target, pace, status, forecast and what is still needed per chain; None without a target."""
    target, pace, forecast, needed = report["target"], report["pace"], report["forecast"], report["needed"]
    if target is None:
        return None
    rows = [["Chỉ tiêu năm", *(format_percent(target[chain]) for chain in CHAINS)],
            ["Tỷ lệ đạt đến nay", *(format_percent(report[chain]["rate"]) for chain in CHAINS)]]
    if pace is not None:
        rows += [["Mức cần đạt đến nay", *(format_percent(pace[chain]) for chain in CHAINS)],
                 ["Tình trạng", *(_status(pace, chain) for chain in CHAINS)]]
    if forecast is not None:
        made = [forecast.get(chain) for chain in CHAINS]
        rows += [["Dự báo đến 30/9", *(MISSING if one is None else format_percent(one["rate"]) for one in made)],
                 ["Khoảng dự báo 80%", *(MISSING if one is None else
                                         f"{format_percent(one['low'])}–{format_percent(one['high'])}"
                                         for one in made)]]
    if needed is not None:
        rows.append(["Còn phải thi hành xong (ít nhất)", f"{format_count(needed['cases'])} việc",
                     format_money_short(needed["money"])])
    return {"columns": ["", "Về việc", "Về tiền"], "rows": rows}


def _unit_rows(bundle: MonthBundle) -> dict | None:
    """Return a row per unit (or province): its counts, both rates and, when paced, its pace and status."""
    if not bundle.rows:
        return None
    place = "Tỉnh, thành phố" if bundle.row_level == "province" else "Đơn vị"
    paced = is_paced(bundle)
    columns = [place, "Xong/có ĐK (việc)", "Tỷ lệ về việc"]
    columns += ["Mức cần đạt", "Tiến độ"] if paced else []
    columns += ["Tỷ lệ về tiền"] + (["Mức cần đạt", "Tiến độ"] if paced else [])
    names = short_unit_names(bundle.rows, office_keys(bundle))
    rows = []
    for row in bundle.rows:
        counts = row["cases"]
        cells = [names[row["key"]], f"{format_count(counts['completed'])}/{format_count(counts['enforceable'])}"]
        for chain in CHAINS:
            cells.append(format_percent(row[chain]["rate"]))
            if paced:
                cells += [format_percent((row["pace"] or {}).get(chain)), _status(row["pace"], chain)]
        rows.append(cells)
    return {"columns": columns, "rows": rows, "text_columns": [index for index, name in enumerate(columns)
                                                                if index == 0 or name == "Tiến độ"]}


def _ranking_note(bundle: MonthBundle) -> str:
    noun = "tỉnh" if bundle.row_level == "province" else "đơn vị"
    if is_paced(bundle):
        return (f"Mỗi {noun} được so với mức cần đạt đến nay để về đích chỉ tiêu năm của chính mình (vạch đen), xếp "
                "từ xa mức đó nhất; màu: xanh đúng tiến độ, vàng cần chú ý, đỏ chậm tiến độ, xám không xếp hạng "
                f"(dưới {MIN_RANKED} việc có điều kiện). Hình thoi: tỷ lệ cùng kỳ năm trước. Bên phải: tỷ lệ và số "
                "việc xong/có điều kiện.")
    return "Hình thoi: tỷ lệ cùng kỳ năm trước; đường đứt nét: chỉ tiêu năm (nếu có)."


def _trend_note(report: dict) -> str:
    said = ["Mỗi điểm là tỷ lệ lũy kế từ 01/10 đến hết tháng, bên cạnh cùng kỳ năm công tác trước."]
    if report["pace"]:
        said.append("Điểm đen: mức cần đạt đến nay để về đích chỉ tiêu năm.")
    if report["forecast"]:
        said.append("Vùng tím: dự báo đến 30/9 với khoảng 80% khả năng.")
    return " ".join(said)


def report_data(bundle: MonthBundle, pictures: dict[str, list[str]], *, made_on: date,
                data_note: str | None = None, closed_note: str | None = None) -> dict:
    """Return everything the template prints, as plain strings, lists and picture file names."""
    report = bundle.report
    window = report["window"]
    return {
        "title": TITLE, "scope_name": bundle.scope_name,
        "period": f"Từ {format_date(window['start'])} đến {format_date(window['end'])}",
        "notes": [note for note in (data_note, closed_note) if note],
        "made_on": f"Ngày lập báo cáo: {format_date(made_on)}", "made_on_iso": made_on.isoformat(),
        "paragraphs": [text for text in (bundle.paragraph, on_track_sentence(report)) if text],
        "on_track": _on_track_table(report),
        "chains": [_chain_table(report, chain) for chain in CHAINS],
        "gauge_notes": [_last_year_note(report, chain) for chain in CHAINS],
        "pictures": pictures,
        "ranking_note": _ranking_note(bundle),
        "trend_note": _trend_note(report),
        "units": _unit_rows(bundle),
        "unit_title": "Kết quả theo tỉnh, thành phố" if bundle.row_level == "province" else "Kết quả theo đơn vị",
    }


def monthly_pdf(bundle: MonthBundle, *, made_on: date, data_note: str | None = None,
                closed_note: str | None = None) -> bytes:
    """Return the monthly report of a bundle as the bytes of an A4 PDF with its fonts embedded."""
    with tempfile.TemporaryDirectory(prefix="thads_pdf_") as workdir:
        folder = Path(workdir)
        pictures = draw_pictures(bundle, folder)
        data = report_data(bundle, pictures, made_on=made_on, data_note=data_note, closed_note=closed_note)
        # The template must sit inside the compile root, where Typst alone may read the pictures.
        main = folder / TEMPLATE.name
        shutil.copyfile(TEMPLATE, main)
        return typst.compile(str(main), root=str(folder), font_paths=[str(FONTS)], ignore_system_fonts=True,
                             sys_inputs={"data": json.dumps(data, ensure_ascii=False)})
