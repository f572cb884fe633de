"""Finnish and Swedish base forms for the phrase search.

simplemma turns inflected words into their base form ("potilaan" → "potilas") but does
not split compounds ("liikuntaryhmään" → "liikuntaryhmä"). So each indexed word also
contributes the base forms of the parts it splits into, when both parts are known
words ("liikuntaryhmä" → "liikunta", "ryhmä"), and the query matches indexed words by
prefix ("liikunta" finds "liikuntaryhmä" anyway). Typos are left to trigram matching.
"""

import re
import time
from functools import lru_cache

import simplemma

_WORD_RE = re.compile(r"[\w-]+", re.UNICODE)
# Shorter parts are mostly noise ("uni" + "kko"); the shortest useful Finnish stems.
_MIN_PART = 3
_MIN_COMPOUND = 7


def language_of(language_code: str) -> str:
    return "sv" if language_code.startswith("sv") else "fi"


def words(text: str) -> list[str]:
    return [word.lower() for word in _WORD_RE.findall(text or "")]


@lru_cache(maxsize=100_000)
def lemma(word: str, language: str = "fi") -> str:
    return simplemma.lemmatize(word, lang=language).lower()


@lru_cache(maxsize=100_000)
def compound_parts(word: str, language: str = "fi") -> tuple[str, ...]:
    """Base forms of the two parts of a compound, when the word splits into a known
    word followed by a known word or inflected known word; the longest head wins."""
    if "-" in word:
        return tuple(part for part in word.split("-") if len(part) >= _MIN_PART)
    if len(word) < _MIN_COMPOUND or simplemma.is_known(word, lang=language):
        return ()
    for split in range(len(word) - _MIN_PART, _MIN_PART - 1, -1):
        head, tail = word[:split], word[split:]
        if not simplemma.is_known(head, lang=language):
            continue
        tail_lemma = lemma(tail, language)
        if simplemma.is_known(tail_lemma, lang=language):
            return (head, tail_lemma)
    return ()


def index_terms(text: str, language: str = "fi") -> list[str]:
    """The distinct terms stored for a text: each word, its base form and the base
    forms of its compound parts, in order of first appearance."""
    seen: dict[str, None] = {}
    for word in words(text):
        base = lemma(word, language)
        for term in (word, base, *compound_parts(base, language)):
            if term:
                seen.setdefault(term, None)
    return list(seen)


def query_terms(text: str, language: str = "fi") -> list[tuple[str, ...]]:
    """For each query word, the alternatives any of which may match (the word and its
    base form): the query matches a phrase when every word matches."""
    result = []
    for word in words(text):
        base = lemma(word, language)
        result.append(tuple(dict.fromkeys((base, word))))
    return result


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
    """Load simplemma's Finnish and Swedish data now, when a web or worker process
    starts, rather than in the first search it serves (about 10 s on a busy machine).
    Called from learning/wsgi.py and on `celery worker` start (LEMMAS_WARM); tests and
    management commands do not pay for it. Returns the seconds it took."""
    started = time.perf_counter()
    simplemma.lemmatize("potilaan", lang="fi")
    simplemma.lemmatize("patienten", lang="sv")
    return time.perf_counter() - started
