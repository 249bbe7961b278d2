from tests.access import Page

PAGES = [
    Page("core-home", "public", owner_status=302),
    Page("core-dashboard", "signed_in"),
    Page("core-healthz", "public"),
]
ENDPOINTS: list = []
