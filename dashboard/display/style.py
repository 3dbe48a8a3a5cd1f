"""The meeting-room screen's look: Streamlit's frame hidden, light text on a dark ground, sizes read from five
metres."""

STYLE = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stHeader"],
[data-testid="stToolbar"], [data-testid="stDecoration"], [data-testid="stStatusWidget"], footer {
  display: none !important;
}
.stApp, [data-testid="stAppViewContainer"], [data-testid="stMain"] { background: #0b1220; color: #f5f7fa; }
[data-testid="stMainBlockContainer"] { padding: 1rem 2.5rem 0 2.5rem; max-width: 100%; }
/* A slide being redrawn keeps full colour: no fading on a screen nobody touches. */
.stale-element, [data-stale="true"] { opacity: 1 !important; transition: none !important; }
.screen-head { display: flex; justify-content: space-between; align-items: baseline; gap: 2rem;
  border-bottom: 2px solid #2c3a55; padding-bottom: 0.4rem; }
.screen-head .scope { font-size: 30px; font-weight: 600; }
.screen-head .time { font-size: 30px; color: #ffd54f; white-space: nowrap; }
.screen-title { font-size: 48px; font-weight: 700; margin: 0.5rem 0 0 0; }
.screen-lost { background: #b71c1c; color: #fff; font-size: 32px; font-weight: 700; padding: 0.5rem 1rem;
  margin-top: 0.5rem; border-radius: 6px; }
.screen-notice { color: #ffd54f; font-size: 24px; line-height: 1.3; }
.screen-more { color: #ffd54f; font-size: 30px; margin-top: 0.4rem; }
.screen-note { color: #c5cbd6; font-size: 26px; margin-bottom: 0.3rem; }
.screen-figure { font-size: 72px; font-weight: 700; text-align: center; line-height: 1.1; }
.screen-figure small { display: block; font-size: 30px; font-weight: 400; color: #c5cbd6; }
.screen-dots { position: fixed; left: 0; right: 0; bottom: 10px; text-align: center; font-size: 30px;
  letter-spacing: 0.6rem; color: #8d99ae; }
.screen-dots .here { color: #ffd54f; }
.screen-table { width: 100%; border-collapse: collapse; font-size: 30px; }
.screen-table th { text-align: left; color: #c5cbd6; font-weight: 600; border-bottom: 2px solid #2c3a55; }
.screen-table td { padding: 0.25rem 0.5rem 0.25rem 0; border-bottom: 1px solid #1d2940; }
.screen-table td.num { text-align: right; color: #a5d6a7; }
.screen-table td.num.behind { color: #ff8a80; font-weight: 700; }
.screen-table td.num.watch { color: #ffd54f; font-weight: 700; }
.screen-pace { font-size: 30px; text-align: center; color: #f5f7fa; line-height: 1.3; }
.screen-pace .on_course { color: #69f0ae; } .screen-pace .watch { color: #ffd54f; }
.screen-pace .behind { color: #ff8a80; }
.screen-table td.goal { text-align: right; color: #c5cbd6; }
.screen-none { font-size: 34px; color: #a5d6a7; }
.screen-tiles { display: grid; grid-template-columns: repeat(3, 1fr); gap: 1.5rem; margin-top: 1.2rem; }
.screen-tile { border: 2px solid #2c3a55; border-left: 12px solid #ff8a80; border-radius: 8px; padding: 1rem 1.4rem; }
.screen-tile.calm { border-left-color: #69f0ae; } .screen-tile.plain { border-left-color: #8d99ae; }
.screen-tile .count { display: block; font-size: 88px; font-weight: 700; line-height: 1.05; }
.screen-tile .label { display: block; font-size: 32px; color: #f5f7fa; line-height: 1.25; }
.screen-tile .more { display: block; font-size: 26px; color: #c5cbd6; margin-top: 0.3rem; }
.screen-chain { font-size: 34px; font-weight: 600; text-align: center; color: #c5cbd6; }
</style>
"""
