"""The shape of the HTTP contract the tests check: base path, error and list bodies, and a
sample article."""

API = "/api/v1"

ARTICLE = (
    "Mayor Jane Holloway said on Monday that the new harbour bridge will open in March. "
    '"We are on schedule and on budget," Ms. Holloway told reporters at City Hall.\n\n'
    "But the city engineer, Tom Reyes, said the bridge would not open before September. "
    '"The steel has not even arrived," Mr. Reyes said.'
)


def problem_of(response) -> dict:
    """The problem+json body of an error response (asserting that it is one)."""
    assert response.mimetype == "application/problem+json", response.data[:300]
    return response.get_json()


def ids_of(response) -> list[int]:
    assert response.status_code == 200, response.get_json()
    return [item["id"] for item in response.get_json()["items"]]


def walked_ids(client, url: str) -> list[int]:
    """The ids of every item of a list, following `next` from url to the last page."""
    seen = []
    while url:
        body = client.get(url).get_json()
        seen += [item["id"] for item in body["items"]]
        url = body["next"]
    return seen
