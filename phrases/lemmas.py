"""Finnish and Swedish base forms for the phrase search.

Finnish through Voikko (Debian's `libvoikko1` and `voikko-fi`, reached from Python by the
`libvoikko` binding): its morphology gives each word's base form ("potilaan" → "potilas")
and the parts of a compound ("liikuntaryhmään" → "liikunta", "ryhmä"), from a dictionary
the library maps from disk (about 10 MB per process, loaded in a tenth of a second)
instead of a word list held in Python. Swedish through PostgreSQL's Swedish Snowball
stemmer (`ts_lexize('swedish_stem', …)`), so no Swedish data lives in the process at all.

Each indexed word contributes itself, its base forms and its compound parts; the query
matches indexed words by prefix ("liikunta" finds "liikuntaryhmä" anyway). Typos are
left to trigram matching (phrases/search.py). Where Voikko is not installed, Finnish
words stand for themselves (prefix matching still works) and a warning says so once.
"""

import logging
import re
import threading
import time
from functools import lru_cache

from django.db import connection

logger = logging.getLogger(__name__)

_WORD_RE = re.compile(r"[\w-]+", re.UNICODE)
# Shorter parts are mostly noise; the shortest useful Finnish stems.
_MIN_PART = 3
# "+liiku(liikkua)+nta(+ta)": a part as written and, in brackets, its base form.
_SEGMENT_RE = re.compile(r"\+([^+(]*)(?:\(([^)]*)\))?")
# One Voikko handle per process; the library asks that a handle be used by one thread
# at a time (runserver and gthread workers serve requests in threads).
_voikko_lock = threading.Lock()
_voikko_handle = None
_voikko_missing = False


def language_of(language_code: str) -> str:
    return "sv" if language_code.startswith("sv") else "fi"


def words(text: str) -> list[str]:
    return [word.lower() for word in _WORD_RE.findall(text or "")]


def _voikko():
    global _voikko_handle, _voikko_missing
    if _voikko_handle is None and not _voikko_missing:
        try:
            import libvoikko

            _voikko_handle = libvoikko.Voikko("fi")
        except (ImportError, OSError) as error:  # the library or its dictionary missing
            _voikko_missing = True
            logger.warning(
                "Voikko is not available (%s): Finnish phrase search matches words as "
                "written. Install libvoikko1 and voikko-fi.",
                error,
            )
    return _voikko_handle


@lru_cache(maxsize=50_000)
def _analyses(word: str) -> tuple[tuple[str, str], ...]:
    """Voikko's (base form, word bases) readings of a Finnish word; empty when unknown."""
    voikko = _voikko()
    if voikko is None:
        return ()
    with _voikko_lock:
        found = voikko.analyze(word)
    return tuple(
        dict.fromkeys(
            (analysis["BASEFORM"].lower(), analysis.get("WORDBASES", ""))
            for analysis in found
            if analysis.get("BASEFORM")
        )
    )


def _compound_parts(base: str, wordbases: str) -> list[str]:
    """The parts of a compound from Voikko's word bases ("+liiku(liikkua)+nta(+ta)
    +ryhmä(ryhmä)" → "liikunta", "ryhmä", and the tails the later parts make). A part
    other than the last is kept as written and in its base form ("mielen", "mieli");
    the last is the rest of the compound's base form."""
    parts: list[list[str]] = []  # per part: surface, base
    for surface, base_of in _SEGMENT_RE.findall(wordbases):
        base_of = base_of.replace("=", "")
        if surface == "-":
            continue
        if parts and (not base_of or base_of.startswith("+")):
            parts[-1][0] += surface  # a derivational ending or a linking letter
            parts[-1][1] = ""
        else:
            parts.append([surface, base_of])
    if len(parts) < 2:
        return []
    head = "".join(surface for surface, _ in parts[:-1])
    last = base[len(head) :] if base.startswith(head) else parts[-1][1] or parts[-1][0]
    found = [term for surface, base_of in parts[:-1] for term in (surface, base_of)]
    found.append(last)
    for start in range(1, len(parts) - 1):  # "saliryhmä" from "kuntosaliryhmä"
        found.append("".join(surface for surface, _ in parts[start:-1]) + last)
    found = [term.strip("-").lower() for term in found]
    return [term for term in found if len(term) >= _MIN_PART and term != base]


def _swedish_stems(swedish_words: list[str]) -> dict[str, str]:
    """Swedish stems from PostgreSQL's Snowball stemmer, one query for all words."""
    wanted = sorted({word for word in swedish_words if word.isalpha()})
    if not wanted:
        return {}
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT w, (ts_lexize('swedish_stem', w))[1] FROM unnest(%s::text[]) AS w",
            [wanted],
        )
        return {word: stem for word, stem in cursor.fetchall() if stem}


def base_forms(word: str, language: str = "fi", stems: dict | None = None) -> list[str]:
    """The word's base forms (several where the reading is ambiguous), or the word."""
    if language == "sv":
        return [(stems or {}).get(word, word)]
    return list(dict.fromkeys(base for base, _ in _analyses(word))) or [word]


def compound_parts(word: str, language: str = "fi") -> tuple[str, ...]:
    """Base forms of the parts of a compound (hyphenated words split at the hyphens)."""
    found: dict[str, None] = {}
    if "-" in word:
        found.update(dict.fromkeys(part for part in word.split("-") if len(part) >= _MIN_PART))
    if language != "fi":
        return tuple(found)
    for base, wordbases in _analyses(word):
        found.update(dict.fromkeys(_compound_parts(base, wordbases)))
    return tuple(found)


def index_terms(text: str, language: str = "fi") -> list[str]:
    """The distinct terms stored for a text: each word, its base forms and the base
    forms of its compound parts, in order of first appearance."""
    text_words = words(text)
    stems = _swedish_stems(text_words) if language == "sv" else None
    seen: dict[str, None] = {}
    for word in text_words:
        seen.setdefault(word, None)
        for base in base_forms(word, language, stems):
            seen.setdefault(base, None)
        for part in compound_parts(word, language):
            seen.setdefault(part, None)
    return [term for term in seen if term]


def query_terms(text: str, language: str = "fi") -> list[tuple[str, ...]]:
    """For each query word, the alternatives any of which may match (its base forms and
    the word itself, last): the query matches a phrase when every word matches."""
    text_words = words(text)
    stems = _swedish_stems(text_words) if language == "sv" else None
    return [tuple(dict.fromkeys((*base_forms(word, language, stems), word))) for word in text_words]


def within_one_edit(a: str, b: str) -> bool:
    """True if a and b differ by at most one insertion, deletion, substitution or
    swap of two neighbouring letters."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diffs = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diffs) == 1:
            return True
        return (
            len(diffs) == 2
            and diffs[1] == diffs[0] + 1
            and a[diffs[0]] == b[diffs[1]]
            and a[diffs[1]] == b[diffs[0]]
        )
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


def warm() -> float:
    """Open Voikko's Finnish dictionary now, when a web or worker process starts, rather
    than in the first search it serves. Called from learning/wsgi.py and on `celery
    worker` start (LEMMAS_WARM). Returns the seconds it took."""
    started = time.perf_counter()
    _analyses("potilaan")
    return time.perf_counter() - started
