"""The seed corpus, loaded through the same operation as POST /api/v1/sources."""

import datetime
import json
from pathlib import Path

from models.ingest import ingest_article

ARTICLES = Path(__file__).parent / "articles"


def seed_articles() -> list[tuple[str, dict]]:
    """Each seed article's file name, and its text and metadata, in file order."""
    metadata = json.loads((ARTICLES / "metadata.json").read_text(encoding="utf-8"))
    articles = []
    for path in sorted(ARTICLES.glob("*.txt")):
        meta = metadata.get(path.name, {})
        published = meta.get("published")
        articles.append((path.name, {
            "text": path.read_text(encoding="utf-8"),
            "title": meta.get("title"),
            "outlet": meta.get("outlet"),
            "url": meta.get("url"),
            "published": datetime.date.fromisoformat(published) if published else None,
        }))
    return articles


def load_seed() -> int:
    """Ingest every seed article not stored yet; return how many were new."""
    return sum(ingest_article(actor="seed", **article).created for _, article in seed_articles())
