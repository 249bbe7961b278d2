from tests.access import Endpoint, Page

PAGES = [
    Page("coach-try", "signed_in"),
    Page("coach-check", "signed_in", methods=("post",), owner_status=None),
]
ENDPOINTS = [
    Endpoint("/api/smart/analyse", "post", "signed_in", body={"text": "Learn SQL by June 2027"}),
]
