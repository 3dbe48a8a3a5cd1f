"""The code lists of the exchange format (domain.md sections 3 and 7) with their Vietnamese labels."""

UNIT_LEVELS = ("trung_uong", "tinh", "huyen", "khu_vuc")
OFFICER_GRADES = ("so_cap", "trung_cap", "cao_cap")
MODES = {"chu_dong": "Chủ động", "theo_don": "Theo đơn"}

JUDGMENT_TYPES = {
    "dan_su": "Dân sự",
    "hinh_su": "Hình sự",
    "hanh_chinh": "Hành chính",
    "hon_nhan_gia_dinh": "Hôn nhân gia đình",
    "kinh_doanh_thuong_mai": "Kinh doanh thương mại",
    "lao_dong": "Lao động",
    "pha_san": "Phá sản",
    "trong_tai": "Trọng tài",
    "khac": "Khác",
}

GROUPS = {
    "ngan_sach": "Thu ngân sách nhà nước",
    "tin_dung": "Tín dụng, ngân hàng",
    "bhxh": "Bảo hiểm xã hội",
    "thu_hoi_tai_san": "Thu hồi tài sản tham nhũng, kinh tế",
    "trong_diem": "Trọng điểm, số tiền lớn",
}

MONEY_EVENTS = ("thu_tien", "giam")
TERMINAL_EVENTS = ("xong", "dinh_chi", "uy_thac", "huy_quyet_dinh")
CLASSIFICATION_EVENTS = ("co_dieu_kien", "chua_co_dieu_kien", "hoan", "tam_dinh_chi", "tiep_tuc")
LEDGER_EVENTS = ("vao_so_rieng", "ra_so_rieng")
# A verification of the debtor's conditions: recorded on the case's timeline, with no change of state.
VERIFICATION_EVENT = "xac_minh"
EVENT_TYPES = (("phan_cong",) + CLASSIFICATION_EVENTS + (VERIFICATION_EVENT,) + LEDGER_EVENTS + MONEY_EVENTS
               + TERMINAL_EVENTS)

# Order in which events of one day apply (domain.md section 3); equal ranks keep file order.
EVENT_DAY_ORDER = {kind: rank for rank, kinds in enumerate((
    ("phan_cong",), CLASSIFICATION_EVENTS + (VERIFICATION_EVENT,), LEDGER_EVENTS, ("giam",), ("thu_tien",),
    TERMINAL_EVENTS,
)) for kind in kinds}

HOAN_POINTS = tuple("abcdefgh")
# Point c of a deferral (the parties agree) keeps the case enforceable; every other point does not.
HOAN_ENFORCEABLE_POINT = "c"

# Case states stored per day interval. The first two are enforceable; the next four are not enforceable;
# the last four are terminal, named after the event that ended the case.
STATE_IN_PROGRESS = "in_progress"
STATE_DEFERRED_C = "deferred_c"
STATE_DEFERRED = "deferred"
STATE_SUSPENDED = "suspended"
STATE_NOT_ENFORCEABLE = "not_enforceable"
STATE_LEDGER = "ledger"
STATE_DONE = "done"
STATE_TERMINATED = "terminated"
STATE_DELEGATED = "delegated"
STATE_CANCELLED = "cancelled"
STATE_LABELS = {
    STATE_IN_PROGRESS: "đang thi hành",
    STATE_DEFERRED_C: "hoãn theo điểm c",
    STATE_DEFERRED: "hoãn",
    STATE_SUSPENDED: "tạm đình chỉ",
    STATE_NOT_ENFORCEABLE: "chưa có điều kiện",
    STATE_LEDGER: "ở sổ theo dõi riêng",
    STATE_DONE: "đã xong",
    STATE_TERMINATED: "đã đình chỉ",
    STATE_DELEGATED: "đã ủy thác",
    STATE_CANCELLED: "đã hủy quyết định",
}
NOT_ENFORCEABLE_STATES = (STATE_DEFERRED, STATE_SUSPENDED, STATE_NOT_ENFORCEABLE, STATE_LEDGER)
TERMINAL_STATES = {
    "xong": STATE_DONE,
    "dinh_chi": STATE_TERMINATED,
    "uy_thac": STATE_DELEGATED,
    "huy_quyet_dinh": STATE_CANCELLED,
}

TARGET_SCOPES = ("tinh", "don_vi", "chv")

EXCHANGE_COLUMNS = {
    "don_vi": ("ma_don_vi", "ten_don_vi", "cap", "ma_don_vi_cha"),
    "chap_hanh_vien": ("ma_chv", "ho_ten", "ma_don_vi", "ngach"),
    "viec": ("ma_viec", "so_quyet_dinh", "ngay_quyet_dinh", "ma_don_vi", "ma_chv", "loai_ban_an", "hinh_thuc",
             "so_tien_phai_thi_hanh", "nhom"),
    "su_kien": ("ma_viec", "ngay", "loai", "so_tien", "chi_tiet"),
    "chi_tieu": ("nam", "pham_vi", "ma", "ty_le_viec", "ty_le_tien"),
}
# Columns viec.csv may carry after its required ones, each present or absent as a whole, with the field they fill.
OPTIONAL_CASE_COLUMNS = {
    "nguoi_phai_thi_hanh": "debtor",
    "nguoi_duoc_thi_hanh": "creditor",
    "ban_an_so": "judgment_no",
    "toa_an": "court",
}
