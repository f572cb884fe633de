"""The phrase search: base-form matching of every query word (by prefix, so a word
also finds the compounds it starts), typos corrected through trigram neighbours in the
vocabulary of indexed terms, and the ranking, here and nowhere else: an exact code
first, then the full-text rank, a title that holds the query, the reader's favourites
and their unit's copies.

Two queries, both on PostgreSQL indexes through `django.contrib.postgres.search`: the
typo lookup in the vocabulary (`TrigramSimilarity`, the `trigram_similar` lookup on a
trigram GIN index), then the search on the stored `search_vector` (GIN). A broad word
such as "liikunta" matches a quarter of the library; ranking every match would cost a
`ts_rank` per row, so only a bounded candidate set is ranked: the CANDIDATES matches
most copied by the whole county (then by code), read in that order from the
`phrase_live_by_copies` index (PostgreSQL walks it checking each row against the text
query and stops at the bound, or, for a rare word, takes the few matches from the GIN
index and sorts them), plus the matches among the reader's favourites and their unit's
copied phrases and the phrase whose code was typed (each a small indexed set).
"""

import operator
import re
from dataclasses import dataclass
from functools import reduce

from django.contrib.postgres.search import SearchQuery, SearchRank, TrigramSimilarity
from django.db.models import Case, F, FloatField, Q, QuerySet, Value, When
from django.db.models.functions import Cast, Greatest, Least

from phrases.lemmas import query_forms, within_one_edit

FAVOURITE_BOOST = 0.3
COPY_BOOST_PER_COPY = 0.01
COPY_BOOST_MAX = 0.3
CODE_SCORE = 100.0
TITLE_BOOST = 0.5
# How many matches are ranked at most (besides favourites, copied phrases and the code).
CANDIDATES = 300
# Words shorter than this are not corrected for typos: too many near neighbours.
MIN_TYPO_WORD = 4
# The closest few are enough; a long list would only slow the full-text query down.
MAX_TYPO_TERMS = 5
_TSQUERY_PIECE = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class Query:
    text: str
    language: str

    @property
    def code(self) -> str:
        return self.text.strip().upper()

    @property
    def words(self) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
        """Per word: its own forms (the word last) and the words it derives from."""
        return query_forms(self.text, self.language)


def is_typo_of(word: str, term: str) -> bool:
    """A vocabulary term that the query word misspells, whole or as its beginning. Codes
    and numbers are never corrected: a near code is another phrase."""
    if len(word) < MIN_TYPO_WORD or not word.isalpha():
        return False
    return within_one_edit(word, term) or (
        len(term) > len(word) and within_one_edit(word, term[: len(word)])
    )


def typo_candidates(words: list[str]) -> dict[str, list[str]]:
    """For each query word, the indexed terms it may misspell: trigram neighbours from
    the vocabulary (the index-served `%` operator), closest first, kept when within one
    edit. One query."""
    from phrases.models import PhraseSearchTerm

    wanted = [word for word in dict.fromkeys(words) if len(word) >= MIN_TYPO_WORD]
    wanted = [word for word in wanted if word.isalpha()]
    found: dict[str, list[str]] = {word: [] for word in words}
    if not wanted:
        return found
    similarities = [TrigramSimilarity("term", word) for word in wanted]
    neighbours = (
        PhraseSearchTerm.objects.filter(
            reduce(operator.or_, (Q(term__trigram_similar=word) for word in wanted))
        )
        .annotate(similarity=Greatest(*similarities) if len(wanted) > 1 else similarities[0])
        .order_by("-similarity", "term")
        .values_list("term", flat=True)
    )
    for term in neighbours:
        for word in wanted:
            if term != word and len(found[word]) < MAX_TYPO_TERMS and is_typo_of(word, term):
                found[word].append(term)
    return found


def _tsquery_group(alternatives) -> str:
    pieces = []
    for alternative in dict.fromkeys(alternatives):
        parts = _TSQUERY_PIECE.findall(alternative)
        if parts:
            pieces.append(" & ".join(f"'{part}':*" for part in parts))
    return " | ".join(f"({piece})" for piece in pieces)


@dataclass(frozen=True)
class TextQueries:
    """strict: every word matches in one of its own forms; broad: every word matches
    in its own forms, a word it derives from or a likely correction of a typo; any_word:
    any word in any of these, for the rank."""

    strict: SearchQuery
    broad: SearchQuery
    any_word: SearchQuery


def tsqueries(query: Query) -> TextQueries | None:
    """The text queries; None when the text has no word to search for."""
    words = query.words
    typos = typo_candidates([own[-1] for own, _roots in words])
    strict_groups, broad_groups = [], []
    for own, roots in words:
        strict = _tsquery_group(own)
        broad = _tsquery_group((*own, *roots, *typos.get(own[-1], [])))
        if broad:
            strict_groups.append(strict or broad)
            broad_groups.append(broad)
    if not broad_groups:
        return None

    # Raw tsquery syntax built from word characters only; it goes in as a parameter.
    def raw(text: str) -> SearchQuery:
        return SearchQuery(text, config="simple", search_type="raw")

    return TextQueries(
        strict=raw(" & ".join(f"({group})" for group in strict_groups)),
        broad=raw(" & ".join(f"({group})" for group in broad_groups)),
        any_word=raw(" | ".join(f"({group})" for group in broad_groups)),
    )


def score(*, query: Query, any_word: SearchQuery):
    """The one ranking of the phrase search (higher first), over a queryset annotated
    with `is_favourite` and `unit_copies`."""
    return (
        Case(When(Q(code=query.code), then=Value(CODE_SCORE)), default=Value(0.0))
        + SearchRank(F("search_vector"), any_word)
        + Case(
            When(Q(title__icontains=query.text.strip()), then=Value(TITLE_BOOST)),
            default=Value(0.0),
        )
        + Case(When(Q(is_favourite=True), then=Value(FAVOURITE_BOOST)), default=Value(0.0))
        + Least(
            Cast(F("unit_copies"), FloatField()) * Value(COPY_BOOST_PER_COPY),
            Value(COPY_BOOST_MAX),
        )
    )


def search(queryset: QuerySet, query: Query, *, user_id, unit_id, limit: int) -> list:
    """The best `limit` phrases of `queryset` (filtered, annotated with `is_favourite`
    and `unit_copies`) for the query, best first, each with `score`. Two queries: the
    typo lookup, then one statement whose candidate set is bounded (CANDIDATES strict
    and CANDIDATES broad matches, most copied first, plus the favourites, unit copies
    and code among the matches)."""
    found = tsqueries(query)
    if found is None:
        return []
    from phrases.models import PhraseCopyCount, PhraseFavourite

    matching = queryset.filter(search_vector=found.broad).order_by()
    by_copies = ("-copies_total", "code")
    # Each part small and index-served; the favourites and copies are looked up from
    # their own tables, so no part reads every match.
    parts = [
        queryset.filter(search_vector=found.strict).order_by(*by_copies).values("pk")[:CANDIDATES],
        matching.order_by(*by_copies).values("pk")[:CANDIDATES],
        matching.filter(
            pk__in=PhraseFavourite.objects.filter(user_id=user_id).values("phrase_id")
        ).values("pk"),
        matching.filter(code=query.code).values("pk"),
    ]
    if unit_id:
        copied = PhraseCopyCount.objects.filter(unit_id=unit_id, count__gt=0)
        parts.append(matching.filter(pk__in=copied.values("phrase_id")).values("pk"))
    candidates = Q(pk__in=parts[0].union(*parts[1:]))
    ranked = (
        queryset.filter(candidates)
        .annotate(score=score(query=query, any_word=found.any_word))
        .order_by("-score", "code")
    )
    return list(ranked[:limit])
