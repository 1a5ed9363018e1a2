"""Fetching an article from the web: http(s) only, bounded in time and size, public
addresses only unless allowed, and its text and metadata extracted with trafilatura."""

import datetime
import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import urlsplit

import requests
import trafilatura

from models.errors import Invalid, Upstream


@dataclass(frozen=True)
class FetchedArticle:
    text: str
    title: str | None
    outlet: str | None
    published: datetime.date | None
    language: str | None


def _check_address(host: str, port: int) -> None:
    """Refuse hosts that resolve to loopback, private or link-local addresses: the service must
    not be a way into the network it runs in."""
    try:
        infos = socket.getaddrinfo(host, port, proto=socket.IPPROTO_TCP)
    except socket.gaierror as error:
        raise Upstream(f"The host {host!r} cannot be resolved.") from error
    for info in infos:
        address = ipaddress.ip_address(info[4][0])
        if not address.is_global:
            raise Invalid(f"{host} is a private or local address; it is not fetched.",
                          field="url")


def fetch_article(url: str, *, timeout: float, max_bytes: int,
                  allow_private: bool = False) -> FetchedArticle:
    """Download a page and extract the article in it."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise Invalid("Only http and https URLs are fetched.", field="url")
    if not allow_private:
        _check_address(parts.hostname, parts.port or (443 if parts.scheme == "https" else 80))
    try:
        with requests.get(url, timeout=timeout, stream=True, allow_redirects=False,
                          headers={"User-Agent": "claimtracker"}) as response:
            if response.status_code != 200:
                raise Upstream(f"{url} answered {response.status_code}.")
            kind = response.headers.get("Content-Type", "")
            if "html" not in kind and not kind.startswith("text/"):
                raise Invalid(f"{url} is {kind or 'of no stated type'}, not a web page.",
                              field="url")
            body = b""
            for chunk in response.iter_content(64 * 1024):
                body += chunk
                if len(body) > max_bytes:
                    raise Invalid(f"{url} is larger than {max_bytes} bytes.", field="url")
    except requests.RequestException as error:
        raise Upstream(f"{url} could not be fetched: {type(error).__name__}.") from error
    return extract_article(body.decode(response.encoding or "utf-8", errors="replace"))


def extract_article(html: str) -> FetchedArticle:
    """The main text and metadata of a page; its paragraphs become blank-line separated."""
    document = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    found = document.as_dict() if document is not None else {}
    lines = [line.strip() for line in (found.get("text") or "").splitlines() if line.strip()]
    title = found.get("title")
    if lines and title and lines[0] == title.strip():
        lines = lines[1:]  # the headline is metadata, not a claim
    if not lines:
        raise Invalid("No article text was found on that page.", field="url")
    published = None
    if found.get("date"):
        try:
            published = datetime.date.fromisoformat(found["date"][:10])
        except ValueError:
            published = None
    return FetchedArticle(text="\n\n".join(lines), title=title,
                          outlet=found.get("sitename"), published=published,
                          language=found.get("language"))
