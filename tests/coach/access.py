from tests.access import Endpoint, Page

PAGES = [
    Page("coach-try", "signed_in"),
    Page("coach-check", "signed_in", methods=("post",), owner_status=None),
    # Public: a visitor tries the coach; signed-in users are sent to their own coach page.
    Page("coach-public", "public", owner_status=302),
    Page("coach-public-check", "public", methods=("post",), owner_status=None),
]
ENDPOINTS = [
    Endpoint("/api/smart/analyse", "post", "signed_in", body={"text": "Learn SQL by June 2027"}),
]
