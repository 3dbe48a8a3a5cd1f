"""The Vietnamese words of the flow and watch figures, shared by the command line, the pages and the display."""

AGE_LABELS = {"lt_6m": "Dưới 6 tháng", "6_12m": "6 - 12 tháng", "1_2y": "1 - 2 năm", "2_5y": "2 - 5 năm",
              "ge_5y": "Từ 5 năm"}
PENDING_LABELS = {"enforceable": "Tồn có điều kiện", "not_enforceable": "Tồn chưa có điều kiện"}
FLOW_LABELS = {
    "pending_enforceable": "Tồn có điều kiện",
    "clearance_rate": "Tỷ lệ giải quyết so với thụ lý mới",
    "disposition_days": "Số ngày giải quyết ước tính",
    "median_days_to_completion": "Số ngày đến khi xong (trung vị)",
    "without_action": "Lâu không có tác nghiệp (trên 180 ngày)",
    "large": "Việc lớn (từ 1 tỷ đồng hoặc trọng điểm)",
    "verification_due": "Quá hạn xác minh",
}
WATCH_LABELS = {
    "downgrades": "Chuyển sang chưa có điều kiện",
    "late": "Trong 7 ngày cuối tháng",
    "late_share": "Tỷ lệ cuối tháng",
    "bounce_backs": "Quay lại có điều kiện trong 30 ngày",
}
# The cases behind each warning, as the case list's filter names them.
WARNING_LABELS = {
    "without_action": "Lâu không có tác nghiệp (trên 180 ngày)",
    "large": "Việc lớn (từ 1 tỷ đồng hoặc trọng điểm)",
    "large_idle": "Việc lớn không thu được tiền trên 90 ngày",
    "verification_due": "Quá hạn xác minh",
}
