"""Vietnamese names of the chain columns, as the agency's statistical forms name them: for pages, the command
line and the documents alike."""

CHAIN_LABELS = {
    "brought_forward": "Năm trước chuyển sang",
    "new": "Thụ lý mới",
    "caseload": "Tổng số thụ lý",
    "delegated": "Ủy thác",
    "cancelled": "Hủy, thu hồi quyết định",
    "to_enforce": "Phải thi hành",
    "done": "Xong",
    "terminated": "Đình chỉ",
    "reduced": "Giảm",
    "in_progress": "Đang thi hành",
    "deferred_c": "Hoãn (điểm c)",
    "not_enforceable": "Chưa có điều kiện",
    "enforceable": "Có điều kiện",
    "completed": "Thi hành xong",
    "rate": "Tỷ lệ xong (%)",
    "carried": "Chuyển kỳ sau",
}
