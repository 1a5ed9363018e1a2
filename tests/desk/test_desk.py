"""An editor at the review desk in a real browser: signs in, works the queue (confirm, reject,
skip) by mouse and keyboard, searches, opens a claim, adds a verdict, ingests an article; a bad
key, a read key and a stale page each get a clear message and change nothing. The API is
read beside the page to check what changed."""

import re
from pathlib import Path

import pytest
import requests
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

from tests.api.contract import ARTICLE

AXE = Path(__import__("axe_selenium_python").__file__).parent / "node_modules" / "axe-core" \
    / "axe.min.js"


def sign_in(browser, desk, key: str) -> None:
    browser.delete_all_cookies()
    browser.get(desk.url("/desk/queue"))
    assert "/desk/sign-in" in browser.current_url
    field = browser.find_element(By.ID, "key")
    field.send_keys(key)
    field.submit()
    WebDriverWait(browser, 30).until(lambda b: "/desk/sign-in" not in b.current_url
                                     or b.find_elements(By.CSS_SELECTOR, ".error"))


def arrive(browser, part: str) -> None:
    """Wait until the browser has loaded a page whose address holds `part`."""
    WebDriverWait(browser, 60).until(expected_conditions.url_contains(part))
    WebDriverWait(browser, 60).until(
        lambda b: b.execute_script("return document.readyState") == "complete")


def wait_for_text(browser, selector: str, text: str) -> None:
    """Wait until an element matching `selector` holds `text`; the next page may be loading."""
    waiting = WebDriverWait(browser, 30, ignored_exceptions=[StaleElementReferenceException])
    waiting.until(lambda b: any(
        text in e.text for e in b.find_elements(By.CSS_SELECTOR, selector)))


def queue_items(browser) -> list:
    return browser.find_elements(By.CSS_SELECTOR, ".queue .item")


def item_id(item) -> int:
    return int(item.get_attribute("id").removeprefix("item-"))


def contradiction(desk, link_id: int) -> dict:
    return desk.api("GET", f"/contradictions/{link_id}").json()


def serious_violations(browser) -> list[str]:
    """What axe-core (run in the page) finds of serious or critical impact."""
    browser.execute_script(AXE.read_text(encoding="utf-8"))
    found = browser.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document).then(r => done(r.violations), e => done([{id: String(e)}]));")
    return [f"{v['id']}: {v.get('help')} ({len(v.get('nodes', []))})" for v in found
            if v.get("impact") in ("serious", "critical") or "impact" not in v]


def test_a_bad_key_is_refused_with_a_message(browser, desk):
    sign_in(browser, desk, "ct_not-a-key")
    assert "unknown or has been revoked" in browser.find_element(By.CSS_SELECTOR, ".error").text
    assert "/desk/sign-in" in browser.current_url
    browser.get(desk.url("/desk/queue"))
    assert "/desk/sign-in" in browser.current_url  # still not signed in


def test_an_editor_confirms_rejects_and_skips_from_the_queue(browser, desk, screenshot):
    sign_in(browser, desk, desk.write_key)
    assert browser.current_url.endswith("/desk/queue")
    items = queue_items(browser)
    assert len(items) >= 3, browser.page_source[:2000]
    first, second, third = (item_id(i) for i in items[:3])
    assert browser.find_elements(By.CSS_SELECTOR, ".item mark")  # quotes shown in context
    screenshot("queue")
    assert not serious_violations(browser)

    # Confirm the first with a reason, by mouse.
    browser.find_element(By.ID, f"reason-{first}").send_keys("Both cannot hold")
    browser.find_element(By.CSS_SELECTOR, f"#item-{first} button.confirm").click()
    wait_for_text(browser, ".notice", f"Contradiction {first} confirmed.")
    assert first not in [item_id(i) for i in queue_items(browser)]

    # Skip the second and reject the third, by keyboard alone.
    body = browser.find_element(By.TAG_NAME, "body")
    assert item_id(queue_items(browser)[0]) == second
    body.send_keys("j")  # the first item
    body.send_keys("s")  # skipped: the next one
    body.send_keys("/")
    browser.switch_to.active_element.send_keys("Different events", Keys.ESCAPE)
    browser.switch_to.active_element.send_keys("r")
    wait_for_text(browser, ".notice", f"Contradiction {third} rejected.")

    confirmed, skipped, rejected = (contradiction(desk, i) for i in (first, second, third))
    assert (confirmed["state"], skipped["state"], rejected["state"]) == (
        "confirmed", "suggested", "rejected")
    assert confirmed["review_reason"] == "Both cannot hold"
    assert confirmed["reviewed_by"] == "key:editor"
    assert rejected["review_reason"] == "Different events"
    for claim in (confirmed["claim_a"], confirmed["claim_b"]):  # the API's rule: disputed
        status = desk.api("GET", f"/claims/{claim['id']}").json()["status"]
        assert status in ("disputed", "supported", "refuted", "mixed", "unproven")


def test_enter_in_the_reason_decides_nothing(browser, desk):
    """An editor typing why they reject presses Enter: the item must not be confirmed (the
    form's first button) nor rejected; they choose with the buttons or the keys."""
    sign_in(browser, desk, desk.write_key)
    link_id = item_id(queue_items(browser)[0])
    browser.find_element(By.ID, f"reason-{link_id}").send_keys("Different years", Keys.ENTER)
    browser.find_element(By.CSS_SELECTOR, f"#item-{link_id} button.reject").click()
    wait_for_text(browser, ".notice", f"Contradiction {link_id} rejected.")
    rejected = contradiction(desk, link_id)
    assert (rejected["state"], rejected["review_reason"]) == ("rejected", "Different years")


def test_back_after_a_review_shows_the_queue_as_it_is_now(browser, desk):
    sign_in(browser, desk, desk.write_key)
    browser.get(desk.url("/desk/queue?per_page=5"))
    link_id = item_id(queue_items(browser)[0])
    browser.find_element(By.CSS_SELECTOR, f"#item-{link_id} button.reject").click()
    wait_for_text(browser, ".notice", f"Contradiction {link_id} rejected.")
    browser.back()
    arrive(browser, "per_page=5")
    WebDriverWait(browser, 30, ignored_exceptions=[StaleElementReferenceException]).until(
        lambda b: link_id not in [item_id(i) for i in queue_items(b)])


def test_a_stale_page_tells_the_editor_and_changes_nothing(browser, desk):
    sign_in(browser, desk, desk.write_key)
    link_id = item_id(queue_items(browser)[0])
    answer = desk.api("PATCH", f"/contradictions/{link_id}", json={"state": "confirmed",
                                                                   "reason": "by another"})
    assert answer.status_code == 200, answer.text
    browser.find_element(By.CSS_SELECTOR, f"#item-{link_id} button.reject").click()
    wait_for_text(browser, ".error", "in the meantime")
    assert "nothing was changed" in browser.find_element(By.CSS_SELECTOR, ".error").text
    assert contradiction(desk, link_id)["state"] == "confirmed"


def test_a_read_key_looks_but_cannot_act(browser, desk):
    sign_in(browser, desk, desk.read_key)
    assert queue_items(browser)
    assert not browser.find_elements(By.CSS_SELECTOR, "form.decide")
    assert "read key" in browser.find_element(By.CSS_SELECTOR, ".readonly").text
    link_id = item_id(queue_items(browser)[0])
    # A hand-made request with the read session is refused with the reason, and changes nothing.
    session = requests.Session()
    session.cookies.set("desk_session", browser.get_cookie("desk_session")["value"])
    token = re.search(r'name="csrf_token" value="([^"]+)"', browser.page_source).group(1)
    answer = session.post(desk.url(f"/desk/queue/{link_id}/review"), timeout=30, data={
        "csrf_token": token, "state": "rejected", "seen_state": "suggested"})
    assert answer.status_code == 403 and "read key" in answer.text
    assert contradiction(desk, link_id)["state"] == "suggested"


def test_a_form_without_its_token_is_refused(browser, desk):
    sign_in(browser, desk, desk.write_key)
    link_id = item_id(queue_items(browser)[0])
    session = requests.Session()
    session.cookies.set("desk_session", browser.get_cookie("desk_session")["value"])
    answer = session.post(desk.url(f"/desk/queue/{link_id}/review"), timeout=30,
                          data={"state": "rejected"})
    assert answer.status_code == 400 and "expired" in answer.text
    assert contradiction(desk, link_id)["state"] == "suggested"


def test_an_editor_searches_opens_a_claim_and_adds_a_verdict(browser, desk, screenshot):
    sign_in(browser, desk, desk.write_key)
    browser.find_element(By.LINK_TEXT, "Claims").click()
    arrive(browser, "/desk/claims")
    search = browser.find_element(By.NAME, "q")
    search.send_keys("deal")
    search.submit()
    arrive(browser, "q=deal")
    rows = browser.find_elements(By.CSS_SELECTOR, "table.list tbody td a")
    assert rows and all("deal" in r.text.lower() for r in rows)
    rows[0].click()
    arrive(browser, "/desk/claims/")
    claim_id = int(browser.current_url.rsplit("/", 1)[1])
    assert browser.find_elements(By.CSS_SELECTOR, ".appearance mark")
    screenshot("claim")
    assert not serious_violations(browser)

    form = browser.find_element(By.CSS_SELECTOR, "form.verdict")
    form.find_element(By.NAME, "rating").send_keys("refuted")
    form.find_element(By.NAME, "reviewer").send_keys("Ana Checker")
    form.find_element(By.NAME, "url").send_keys("https://factdesk.example/checks/genoa")
    form.find_element(By.NAME, "explanation").send_keys("No agreement was signed at Genoa.")
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    wait_for_text(browser, ".notice", "Verdict added.")
    claim = desk.api("GET", f"/claims/{claim_id}").json()
    assert claim["status"] == "refuted"
    assert claim["reviews"][-1]["reviewer"] == "Ana Checker"


def test_a_verdict_without_a_rating_is_explained_and_not_stored(browser, desk):
    sign_in(browser, desk, desk.write_key)
    claim_id = desk.api("GET", "/claims?per_page=1").json()["items"][0]["id"]
    before = desk.api("GET", f"/claims/{claim_id}").json()["reviews"]
    browser.get(desk.url(f"/desk/claims/{claim_id}"))
    form = browser.find_element(By.CSS_SELECTOR, "form.verdict")
    form.find_element(By.NAME, "url").send_keys("not a url")
    browser.execute_script("arguments[0].noValidate = true", form)  # past the browser's checks
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    errors = " ".join(e.text for e in browser.find_elements(By.CSS_SELECTOR, "form .error"))
    assert "rating" in errors and "url" in errors
    assert desk.api("GET", f"/claims/{claim_id}").json()["reviews"] == before


def test_an_editor_ingests_an_article_and_sees_its_claims(browser, desk):
    sign_in(browser, desk, desk.write_key)
    browser.find_element(By.LINK_TEXT, "Sources").click()
    arrive(browser, "/desk/sources")
    form = browser.find_element(By.CSS_SELECTOR, "form.ingest")
    form.find_element(By.NAME, "text").send_keys(ARTICLE)
    form.find_element(By.NAME, "title").send_keys("Harbour bridge delayed")
    form.find_element(By.NAME, "outlet").send_keys("Desk Gazette")
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    arrive(browser, "/desk/sources/")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Harbour bridge delayed"
    found = browser.find_elements(By.CSS_SELECTOR, ".found li a")
    source_id = int(browser.current_url.split("/desk/sources/")[1].split("?")[0])
    stored = desk.api("GET", f"/sources/{source_id}").json()
    assert [a.text for a in found] == [c["text"] for c in stored["claims"]] and found


@pytest.mark.parametrize("width", [1280, 390])
def test_pages_are_accessible_at_both_widths(browser, desk, width):
    sign_in(browser, desk, desk.write_key)
    browser.set_window_size(width, 900)
    try:
        for path in ("/desk/queue", "/desk/claims", "/desk/sources", "/desk/claims/1"):
            browser.get(desk.url(path))
            assert not serious_violations(browser), path
            overflow = browser.execute_script(
                "return document.documentElement.scrollWidth - window.innerWidth")
            assert overflow <= 0, f"{path} scrolls sideways at {width} px"
    finally:
        browser.set_window_size(1280, 900)


def test_signing_out_ends_the_session(browser, desk):
    sign_in(browser, desk, desk.write_key)
    token = browser.get_cookie("desk_session")["value"]
    browser.find_element(By.CSS_SELECTOR, ".who button").click()
    arrive(browser, "/desk/sign-in")
    assert browser.get_cookie("desk_session") is None
    answer = requests.get(desk.url("/desk/queue"), cookies={"desk_session": token},
                          allow_redirects=False, timeout=30)
    assert answer.status_code == 302 and "/desk/sign-in" in answer.headers["Location"]


def test_a_decision_after_the_session_ended_elsewhere_is_said_undone_and_leads_back(
        browser, desk):
    """Signed out in another tab: the browser no longer holds the session, and the page it
    shows still has the form."""
    sign_in(browser, desk, desk.write_key)
    browser.get(desk.url("/desk/queue?kind=disagreement"))
    link_id = item_id(queue_items(browser)[0])
    browser.delete_cookie("desk_session")
    browser.find_element(By.CSS_SELECTOR, f"#item-{link_id} button.reject").click()
    arrive(browser, "/desk/sign-in")
    assert "nothing was changed" in browser.find_element(By.CSS_SELECTOR, ".notice").text
    field = browser.find_element(By.ID, "key")
    field.send_keys(desk.write_key)
    field.submit()
    arrive(browser, "kind=disagreement")
    assert contradiction(desk, link_id)["state"] == "suggested"
