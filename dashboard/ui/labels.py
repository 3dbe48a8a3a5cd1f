"""Vietnamese names of the chains on the pages, and how a chain is written in a URL (the columns' names are
dashboard.metrics.chain_labels)."""

CHAIN_TITLES = {"cases": "Về việc", "money": "Về tiền (đồng)"}
COMPLETED_NOTE = {"cases": "xong + đình chỉ", "money": "xong + đình chỉ + giảm"}
CHAIN_NAMES = {"cases": "Về việc", "money": "Về tiền"}
# How each chain is written in a URL parameter.
CHAIN_IN_URL = {"cases": "viec", "money": "tien"}
