"""The identities of domain.md section 4 checked on a report's chains: held or broken, for the data-trust panel."""

IDENTITIES = {
    "Thụ lý = năm trước chuyển sang + thụ lý mới": lambda c: c["caseload"] == c["brought_forward"] + c["new"],
    "Phải thi hành = thụ lý - ủy thác - hủy quyết định":
        lambda c: c["to_enforce"] == c["caseload"] - c["delegated"] - c["cancelled"],
    "Phải thi hành = có điều kiện + chưa có điều kiện":
        lambda c: c["to_enforce"] == c["enforceable"] + c["not_enforceable"],
    "Chuyển kỳ sau = có điều kiện - thi hành xong + chưa có điều kiện":
        lambda c: c["carried"] == c["enforceable"] - c["completed"] + c["not_enforceable"],
}


def identity_checks(report: dict) -> list[tuple[str, bool, bool]]:
    """Return each identity with whether it holds for the report's cases and for its money."""
    return [(name, holds(report["cases"]), holds(report["money"])) for name, holds in IDENTITIES.items()]
