"""What the desk's filter and entry forms send, as the API's schemas take it: empty fields
left out, a speaker given by name, and refusals in words."""

from dataclasses import dataclass

from marshmallow import ValidationError

from api.pagination import paginate
from api.schemas.common import unstorable
from models.errors import Invalid
from models.queries.speakers import speakers_query
from models.speaker import Speaker, name_key


def given(form) -> dict:
    """The fields filled in (a form sends empty ones too), stripped."""
    return {key: value.strip() for key, value in form.items() if value.strip()}


def kept(filled: dict, schema) -> dict:
    """The fields a schema takes, paging aside: the filters to carry from page to page."""
    return {key: value for key, value in filled.items()
            if key in schema.fields and key not in ("page", "per_page", "cursor")}


def speaker_by_name(filters: dict) -> tuple[str | None, str | None, int]:
    """Replace a speaker filter typed as a name with the id of the speaker it names best; the
    name found, and a message and status (422, or 404 when no speaker matches) when none is."""
    typed = filters.get("speaker")
    if typed is None or typed.isdigit():
        return None, None, 200
    problem = unstorable(typed)
    if problem or not name_key(typed):
        del filters["speaker"]
        return typed, f"speaker: {problem or 'no name in it.'}", 422
    match = (speakers_query(q=typed).where(Speaker.name_key == name_key(typed)).first()
             or speakers_query(q=typed).first())  # the exact name, else the first like it
    if match is None:
        del filters["speaker"]
        return typed, f"No speaker is named like {typed!r}.", 404
    filters["speaker"] = str(match.id)
    return match.name, None, 200


def problems(messages: dict) -> str:
    """A schema's refusal as one line: "since: Not a valid date."."""
    return "; ".join(f"{field}: {' '.join(map(str, found))}"
                     for field, found in sorted(messages.items()))


@dataclass
class Listing:
    """One page of a filtered list as the desk shows it, or why there is none."""

    page: dict | None
    error: str | None
    status: int
    speaker_name: str | None


def listing(args, schema, build_query, records, per_page: int) -> Listing:
    """The page the filters in `args` (a query string) ask for, through the API's schema and
    paging; a refused filter is said in words, with its status."""
    filters = given(args)
    speaker_name, error, status = speaker_by_name(filters)
    if error is not None:
        return Listing(None, error, status, speaker_name)
    try:
        page = paginate(build_query, schema.load(filters | {"per_page": per_page}), records)
    except ValidationError as invalid:
        return Listing(None, problems(invalid.messages), 422, speaker_name)
    except Invalid as refused:  # a search of no words: "*"
        return Listing(None, refused.detail, 422, speaker_name)
    return Listing(page, None, 200, speaker_name)
