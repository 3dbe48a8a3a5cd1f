"""Small Streamlit helpers shared by the pages."""

from contextlib import contextmanager

import streamlit as st
from sqlalchemy.exc import SQLAlchemyError

from data_access.engine import DatabaseUnavailable, URL_VARIABLE


@contextmanager
def database_guard():
    """Run the block; if the database fails, show what to check in Vietnamese and stop the page."""
    try:
        yield
    except DatabaseUnavailable as error:
        st.error(str(error))
        st.stop()
    except SQLAlchemyError as error:
        first_line = str(error).strip().splitlines()[0]
        st.error(f"Không đọc được cơ sở dữ liệu: {first_line}. Kiểm tra máy chủ cơ sở dữ liệu đang chạy và "
                 f"biến {URL_VARIABLE} hoặc tệp .streamlit/secrets.toml.")
        st.stop()
