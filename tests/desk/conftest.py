"""The desk as an editor meets it: gunicorn serving a seeded base, driven by Debian's headless
Chromium through Selenium (no browser or driver is downloaded)."""

import os
import shutil
from pathlib import Path

import pytest
import requests

from tests.conftest import empty_tables
from tests.servers import cli, running_server

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"


class Desk:
    """The running server, its keys, and the API beside the desk to check what changed."""

    def __init__(self, base_url: str, write_key: str, read_key: str):
        self.base_url, self.write_key, self.read_key = base_url, write_key, read_key

    def url(self, path: str) -> str:
        return self.base_url + path

    def api(self, method: str, path: str, **kwargs) -> requests.Response:
        headers = {"Authorization": f"Bearer {self.write_key}"}
        return requests.request(method, f"{self.base_url}/api/v1{path}", headers=headers,
                                timeout=60, **kwargs)


@pytest.fixture(scope="module")
def desk(database_url, tmp_path_factory):
    """gunicorn on the seeded base, with a write key and a read key."""
    empty_tables()
    env = {**os.environ, "DATABASE_URL": database_url, "RATELIMIT_ENABLED": "false",
           "PUBLISHER_NAME": "Factdesk", "PUBLIC_BASE_URL": "https://claims.example"}
    cli(env, "seed")
    write_key = cli(env, "keys", "create", "--name", "editor", "--scope", "write")
    read_key = cli(env, "keys", "create", "--name", "intern", "--scope", "read")
    with running_server(env, tmp_path_factory.mktemp("desk") / "server.log") as base_url:
        yield Desk(base_url, write_key, read_key)


@pytest.fixture(scope="module")
def browser():
    """Headless Chromium at 1280 px wide."""
    if not (Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()):
        if os.environ.get("CI"):
            pytest.fail("CI is set but chromium and chromium-driver are not installed")
        pytest.skip("the browser tests need Debian's chromium and chromium-driver")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
                     "--window-size=1280,900", "--force-device-scale-factor=1"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.implicitly_wait(5)
    yield driver
    driver.quit()


@pytest.fixture
def screenshot(browser):
    """Save the page as it looks at 1280 px and at 390 px wide."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def take(name: str) -> list[Path]:
        saved = []
        for width in (1280, 390):
            browser.set_window_size(width, 900)
            height = browser.execute_script("return document.documentElement.scrollHeight")
            browser.set_window_size(width, min(max(height, 600), 4000))
            path = SCREENSHOTS / f"{name}-{width}.png"
            browser.save_screenshot(str(path))
            saved.append(path)
        browser.set_window_size(1280, 900)
        return saved

    return take
