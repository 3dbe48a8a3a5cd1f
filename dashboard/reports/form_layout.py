"""The columns of the Ministry's statistical forms of results of civil-judgment enforcement (by cases, by money):
which chain figure each numbered column holds and the grouped headers over them."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Group:
    """A header over one or more figure columns: a single column is merged down the header rows; several have their
    first as "Tổng số" and the others under "Chia ra"."""

    label: str
    keys: tuple[str, ...]
    # The label of each column under "Chia ra", in the order of keys[1:].
    parts: tuple[str, ...] = ()


@dataclass(frozen=True)
class Form:
    """One sheet of the forms: its sheet name, title, unit of measure and header groups."""

    chain: str
    sheet: str
    title: str
    unit: str
    groups: tuple[Group, ...]

    @property
    def keys(self) -> tuple[str, ...]:
        """Return the chain key of each numbered column, column (1) first."""
        return tuple(key for group in self.groups for key in group.keys)


CASELOAD = Group("Tổng số thụ lý", ("caseload", "brought_forward", "new"), ("Năm trước chuyển sang", "Thụ lý mới"))
DEDUCTED = (Group("Ủy thác", ("delegated",)), Group("Thu hồi, hủy quyết định", ("cancelled",)),
            Group("Tổng số phải thi hành", ("to_enforce",)))
PENDING = (Group("Chưa có điều kiện thi hành", ("not_enforceable",)), Group("Tỷ lệ hoàn thành (%)", ("rate",)),
           Group("Chuyển kỳ sau", ("carried",)))

CASE_FORM = Form(
    chain="cases", sheet="Kết quả về việc", title="KẾT QUẢ THI HÀNH ÁN DÂN SỰ TÍNH BẰNG VIỆC",
    unit="Đơn vị tính: việc",
    groups=(CASELOAD, *DEDUCTED,
            Group("Có điều kiện thi hành", ("enforceable", "done", "terminated", "in_progress", "deferred_c"),
                  ("Thi hành xong", "Đình chỉ", "Đang thi hành", "Hoãn (điểm c)")),
            *PENDING),
)
MONEY_FORM = Form(
    chain="money", sheet="Kết quả về tiền", title="KẾT QUẢ THI HÀNH ÁN DÂN SỰ TÍNH BẰNG TIỀN",
    unit="Đơn vị tính: nghìn đồng",
    groups=(CASELOAD, *DEDUCTED,
            Group("Có điều kiện thi hành", ("enforceable", "done", "terminated", "reduced", "in_progress",
                                            "deferred_c"),
                  ("Thi hành xong", "Đình chỉ", "Giảm thi hành án", "Đang thi hành", "Hoãn (điểm c)")),
            *PENDING),
)
FORMS = (CASE_FORM, MONEY_FORM)
