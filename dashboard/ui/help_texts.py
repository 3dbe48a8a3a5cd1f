"""What each word that judges a rate means, in one sentence a director understands: shown on hover (help=)."""

from dashboard.metrics.pace import BEHIND, MIN_RANKED, ON_COURSE, PACE_MARGIN_POINTS, WATCH
from dashboard.metrics.formatting import format_percent

MARGIN = format_percent(PACE_MARGIN_POINTS, 0).removesuffix("%")
STATUS_HELP = {
    ON_COURSE: "Đúng tiến độ: tỷ lệ lũy kế đã bằng hoặc cao hơn mức cần đạt đến ngày này để về đích chỉ tiêu năm.",
    WATCH: f"Cần chú ý: tỷ lệ lũy kế thấp hơn mức cần đạt không quá {MARGIN} điểm, khoảng một tháng làm việc "
           "bình thường, còn bắt kịp được.",
    BEHIND: f"Chậm tiến độ: tỷ lệ lũy kế thấp hơn mức cần đạt hơn {MARGIN} điểm.",
}
PACE_HELP = ("Mức cần đạt đến nay là chỉ tiêu năm nhân với phần của tỷ lệ cuối năm mà các năm công tác trước đã "
             "đạt được đến cùng ngày này, tính từ số liệu của chính phạm vi (chưa đủ hai năm thì của phạm vi trên).")
FORECAST_HELP = ("Dự báo giả định từ nay đến 30/9 sẽ giải quyết được cùng một phần số còn lại như năm trước đã làm "
                 "từ cùng ngày đến 30/9; khoảng 80% là nơi 8 trong 10 trường hợp của các năm trước rơi vào.")
NEEDED_HELP = ("Tính trên số có điều kiện thi hành hiện nay; số này còn tăng trong năm (việc mới, việc trở lại có "
               "điều kiện) nên đây là mức tối thiểu.")
UNJUDGED_HELP = (f"Dưới {MIN_RANKED} việc có điều kiện thi hành, một việc làm tỷ lệ thay đổi hơn "
                 f"{100 // MIN_RANKED} điểm, nên chỉ hiện số liệu kèm số việc, không xếp hạng hay tô màu.")
