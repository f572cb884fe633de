"""Finnish and Swedish base forms for the phrase search.

Finnish through Voikko (Debian's `libvoikko1` and `voikko-fi`, reached from Python by the
`libvoikko` binding): its morphology gives each word's base form ("potilaan" → "potilas"),
the parts of a compound ("muistihoitajalle" → "muistihoitaja", "muisti", "hoitaja") and
the word a derivation is made from ("yksinäisyys" → "yksinäinen"), from a dictionary the
library maps from disk (about 10 MB per process, loaded in a tenth of a second) instead
of a word list held in Python.

Where Voikko is not installed (or PHRASE_ANALYSER says "simplemma"), simplemma gives
the Finnish base forms instead. It is imported only then: its Finnish word list costs
a process about 340 MB and seconds to load. simplemma knows no compounds or
derivations, so this module splits a word where both halves are word forms simplemma
knows, maps the commonest derivational endings to their base word, and adds
PostgreSQL's Finnish Snowball stem (one query per text) for the endings of words
simplemma does not know; Voikko needs none of these.

Swedish, with either analyser, through PostgreSQL's Swedish Snowball stemmer
(`ts_lexize('swedish_stem', …)`): Voikko has no Swedish, and the stemmer keeps Swedish
data out of the process altogether (simplemma's Swedish would add 93 MB). The stemmer
keeps a neuter noun's definite ending, so "våldet" is also stemmed as "våld". Swedish
compounds split at hyphens only.

Each indexed word contributes itself, its base forms (weight A in the search vector)
and its compound parts and derivation roots (weight B); the query matches indexed words
by prefix ("liikunta" finds "liikuntaryhmä" anyway). Typos are left to the trigram
vocabulary (phrases/search.py).
"""

import logging
import re
import threading
import time
from dataclasses import dataclass
from functools import lru_cache

from django.conf import settings
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
VOIKKO = "voikko"
SIMPLEMMA = "simplemma"
# simplemma's fallback for derivations: the commonest Finnish noun-from-adjective
# endings and the adjective ending they come from ("yksinäisyys" → "yksinäinen").
_DERIVATIONS = (("isyys", "inen"), ("isuus", "inen"), ("llisuus", "llinen"), ("ttomuus", "ton"))


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
                "Voikko is not available (%s): Finnish phrase search uses simplemma's "
                "base forms. Install libvoikko1 and voikko-fi.",
                error,
            )
    return _voikko_handle


def analyser() -> str:
    """The analyser of Finnish words in use: PHRASE_ANALYSER, or for "auto" Voikko when
    it can be opened, else simplemma."""
    wanted = getattr(settings, "PHRASE_ANALYSER", "auto")
    if wanted == SIMPLEMMA:
        return SIMPLEMMA
    if _voikko() is not None:
        return VOIKKO
    return SIMPLEMMA


@dataclass(frozen=True)
class Analysis:
    """What a word contributes: base forms (the word's own readings), compound parts
    and derivation roots."""

    bases: tuple[str, ...]
    parts: tuple[str, ...] = ()
    roots: tuple[str, ...] = ()

    @property
    def relatives(self) -> tuple[str, ...]:
        return tuple(t for t in dict.fromkeys((*self.parts, *self.roots)) if t not in self.bases)


def _unique(terms, *, besides=()) -> tuple[str, ...]:
    return tuple(t for t in dict.fromkeys(terms) if len(t) >= _MIN_PART and t not in besides)


@lru_cache(maxsize=50_000)
def _voikko_analysis(word: str) -> Analysis:
    voikko = _voikko()
    if voikko is None:
        return Analysis(())
    with _voikko_lock:
        found = voikko.analyze(word)
    readings = dict.fromkeys(
        (analysis["BASEFORM"].lower(), analysis.get("WORDBASES", ""))
        for analysis in found
        if analysis.get("BASEFORM")
    )
    bases = tuple(dict.fromkeys(base for base, _ in readings))
    parts = [p for base, wordbases in readings for p in _compound_parts(base, wordbases)]
    roots = [r for base, wordbases in readings for r in _derivation_roots(base, wordbases)]
    return Analysis(bases, _unique(parts, besides=bases), _unique(roots, besides=bases))


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


def _derivation_roots(base: str, wordbases: str) -> list[str]:
    """The words a derivation is made from: a part's base form followed by a
    derivational ending ("+yksinäisy(yksinäinen)+ys(+ys)" → "yksinäinen")."""
    segments = [(s, b.replace("=", "")) for s, b in _SEGMENT_RE.findall(wordbases)]
    found = []
    for (_, base_of), (_, following) in zip(segments, segments[1:], strict=False):
        if base_of and not base_of.startswith("+") and following.startswith("+"):
            found.append(base_of.lower())
    return [term for term in found if len(term) >= _MIN_PART and term != base]


def _simplemma():
    import simplemma  # noqa: PLC0415 (its data only where Voikko is missing)

    return simplemma


@lru_cache(maxsize=50_000)
def _simplemma_lemma(word: str) -> str:
    return _simplemma().lemmatize(word, lang="fi").lower()


@lru_cache(maxsize=50_000)
def _simplemma_known(word: str) -> bool:
    return _simplemma().is_known(word, lang="fi")


@lru_cache(maxsize=50_000)
def _simplemma_analysis(word: str) -> Analysis:
    """simplemma's base form of a word it knows; for one it does not, a split into a
    known head and a known inflected tail ("muisti" + "hoitajalle" → "muistihoitaja"),
    else its guess; a derivation's root by the endings above."""
    if not word.isalpha():
        return Analysis(())
    bases = [_simplemma_lemma(word)]
    parts: list[str] = []
    if not _simplemma_known(word):
        for cut in range(len(word) - 4, _MIN_PART - 1, -1):  # longest known head first
            head, tail = word[:cut], word[cut:]
            if _simplemma_known(head) and _simplemma_known(tail):
                tail_base = _simplemma_lemma(tail)
                bases = [head + tail_base]
                parts = [head, _simplemma_lemma(head), tail_base]
                break
    roots = [
        base[: -len(ending)] + root_ending
        for base in bases
        for ending, root_ending in _DERIVATIONS
        if base.endswith(ending) and len(base) - len(ending) >= _MIN_PART
    ]
    besides = (*bases, word)
    return Analysis(tuple(bases), _unique(parts, besides=besides), _unique(roots, besides=besides))


def analysis(word: str, language: str = "fi", stems: dict | None = None) -> Analysis:
    """Base forms (the word itself where none is known), parts and roots of a word.
    `stems`: the Snowball stems of the text's words (see `snowball_stems`)."""
    stems = stems or {}
    hyphen_parts = tuple(p for p in word.split("-") if len(p) >= _MIN_PART) if "-" in word else ()
    if language == "sv":
        bases = [stems.get(form, form) for form in (word, *_swedish_indefinite(word))]
        return Analysis(tuple(dict.fromkeys(bases)), hyphen_parts)
    if analyser() == VOIKKO:
        found = _voikko_analysis(word)
        return Analysis(
            found.bases or (word,), tuple(dict.fromkeys((*found.parts, *hyphen_parts))), found.roots
        )
    head, _dash, last = word.rpartition("-")
    found = _simplemma_analysis(last)
    prefix = f"{head}-" if head else ""
    bases = [prefix + base for base in found.bases] or [word]
    if stems.get(word):
        bases.append(stems[word])
    return Analysis(
        _unique(bases) or (word,),
        tuple(dict.fromkeys((*found.parts, *hyphen_parts))),
        found.roots,
    )


def _swedish_indefinite(word: str) -> tuple[str, ...]:
    """The indefinite form of a Swedish neuter noun in the definite, which the Snowball
    stemmer keeps ("våldet" → "våld", "blodsockret" → "blodsocker")."""
    if len(word) < 6 or not word.endswith("et"):
        return ()
    return (word[:-3] + "er",) if word.endswith("ret") else (word[:-2],)


def base_forms(word: str, language: str = "fi", stems: dict | None = None) -> list[str]:
    """The word's base forms (several where the reading is ambiguous), or the word."""
    return list(analysis(word, language, stems).bases)


def compound_parts(word: str, language: str = "fi") -> tuple[str, ...]:
    """The parts of a compound (hyphenated words split at the hyphens)."""
    return analysis(word, language).parts


def derivation_roots(word: str, language: str = "fi") -> tuple[str, ...]:
    """The words a word is derived from ("yksinäisyys" → "yksinäinen")."""
    return analysis(word, language).roots


# Stems already asked for, per dictionary (a stem never changes): a bulk index or a
# repeated query word costs no query.
_stem_cache: dict[str, dict[str, str | None]] = {}
_STEM_CACHE_SIZE = 50_000


def snowball_stems(text_words: list[str], language: str) -> dict[str, str]:
    """Stems from PostgreSQL's Snowball stemmers, one query for all words: Swedish
    always, Finnish where simplemma is the analyser (its base forms miss many inflected
    compounds; the stem catches their endings). At most one query, none for words
    stemmed before."""
    if language == "sv":
        wanted = {form for word in text_words for form in (word, *_swedish_indefinite(word))}
        dictionary = "swedish_stem"
    elif analyser() == SIMPLEMMA:
        wanted = set(text_words)
        dictionary = "finnish_stem"
    else:
        return {}
    wanted = {word for word in wanted if word.isalpha()}
    known = _stem_cache.setdefault(dictionary, {})
    missing = sorted(wanted - known.keys())
    if missing:
        if len(known) > _STEM_CACHE_SIZE:
            known.clear()
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT w, (ts_lexize(%s::regdictionary, w))[1] FROM unnest(%s::text[]) AS w",
                [dictionary, missing],
            )
            known.update(cursor.fetchall())
    return {word: known[word] for word in wanted if known.get(word)}


def weighted_terms(text: str, language: str = "fi") -> tuple[list[str], list[str]]:
    """The distinct terms stored for a text, in order of first appearance: the words and
    their base forms, then the compound parts and derivation roots not among them."""
    text_words = words(text)
    stems = snowball_stems(text_words, language)
    own: dict[str, None] = {}
    relatives: dict[str, None] = {}
    for word in text_words:
        found = analysis(word, language, stems)
        own.setdefault(word, None)
        own.update(dict.fromkeys(found.bases))
        relatives.update(dict.fromkeys(found.relatives))
    return [t for t in own if t], [t for t in relatives if t and t not in own]


def index_terms(text: str, language: str = "fi") -> list[str]:
    """Every distinct term stored for a text (both weights)."""
    own, relatives = weighted_terms(text, language)
    return own + relatives


def query_forms(text: str, language: str = "fi") -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    """For each query word, its own forms (base forms and the word itself, last) and the
    words it derives from. Compound parts are not among them: a query for
    "liikuntaryhmä" must not match every "ryhmä"."""
    text_words = words(text)
    stems = snowball_stems(text_words, language)
    found = []
    for word in text_words:
        analysed = analysis(word, language, stems)
        own = tuple(dict.fromkeys((*analysed.bases, word)))
        found.append((own, tuple(root for root in analysed.roots if root not in own)))
    return found


def query_terms(text: str, language: str = "fi") -> list[tuple[str, ...]]:
    """For each query word, the alternatives any of which may match (its base forms
    and the word itself, last): the query matches a phrase when every word matches."""
    return [own for own, _roots in query_forms(text, language)]


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
    worker` start (LEMMAS_WARM). Returns the seconds it took. Where simplemma is the
    analyser (Voikko missing), its word list is loaded here instead."""
    started = time.perf_counter()
    if analyser() == VOIKKO:
        _voikko_analysis("potilaan")
    else:
        _simplemma_analysis("potilaan")
    return time.perf_counter() - started
