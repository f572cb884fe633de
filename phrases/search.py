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
most copied by the whole county (among equals in an order unrelated to their theme),
read in that order from the `phrase_live_by_copies` index (PostgreSQL walks it checking
each row against the text query and stops at the bound, or, for a rarer word, takes the
matches from the GIN index and sorts them), plus the matches among the reader's
favourites and their unit's copied phrases and the phrase whose code was typed (one
small indexed set). The candidates are then read by primary key and ranked once, with
the reader's favourite and unit copy count joined, not looked up per row.
"""

import operator
import re
from dataclasses import dataclass
from functools import reduce

from django.contrib.postgres.expressions import ArraySubquery
from django.contrib.postgres.search import SearchQuery, SearchRank, TrigramSimilarity
from django.db.models import (
    BooleanField,
    Case,
    ExpressionWrapper,
    F,
    FilteredRelation,
    FloatField,
    IntegerField,
    Q,
    QuerySet,
    Value,
    When,
)
from django.db.models.functions import Cast, Coalesce, Greatest, Least
from django.db.models.lookups import Lookup

from phrases.lemmas import query_forms, within_one_edit

FAVOURITE_BOOST = 0.3
COPY_BOOST_PER_COPY = 0.01
COPY_BOOST_MAX = 0.3
CODE_SCORE = 100.0
TITLE_BOOST = 0.5
# How many matches are ranked at most (besides favourites, copied phrases and the code).
CANDIDATES = 100
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
            if len(found[word]) < MAX_TYPO_TERMS and is_typo_of(word, term):
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
    any word in any of these, for the rank. `strict_is_broad` when both are the same
    (no word has a root or a likely typo)."""

    strict: SearchQuery
    broad: SearchQuery
    any_word: SearchQuery
    strict_is_broad: bool = False


def tsqueries(query: Query) -> TextQueries | None:
    """The text queries; None when the text has no word to search for."""
    words = query.words
    typos = typo_candidates([own[-1] for own, _roots in words])
    strict_groups, broad_groups, ranked_groups = [], [], []
    for own, roots in words:
        word = own[-1]
        corrections = typos.get(word, [])
        # A correction the word begins already matches through the word's prefix: the
        # broad query needs none of them, while the rank still counts them.
        needed = [term for term in corrections if not term.startswith(word)]
        strict = _tsquery_group(own)
        broad = _tsquery_group((*own, *roots, *needed))
        if broad:
            strict_groups.append(strict or broad)
            broad_groups.append(broad)
            ranked_groups.append(_tsquery_group((*own, *roots, *corrections)))
    if not broad_groups:
        return None

    # Raw tsquery syntax built from word characters only; it goes in as a parameter.
    def raw(text: str) -> SearchQuery:
        return SearchQuery(text, config="simple", search_type="raw")

    strict = " & ".join(f"({group})" for group in strict_groups)
    broad = " & ".join(f"({group})" for group in broad_groups)
    return TextQueries(
        strict=raw(strict),
        broad=raw(broad),
        any_word=raw(" | ".join(f"({group})" for group in ranked_groups)),
        strict_is_broad=strict == broad,
    )


def with_reader_facts(queryset: QuerySet, *, user_id, unit_id) -> QuerySet:
    """The queryset with the reader's facts the ranking reads: `is_favourite` and
    `unit_copies` (their unit's copies of the phrase), each a join on a unique pair
    (user and phrase, unit and phrase), evaluated once per row."""
    queryset = queryset.annotate(
        reader_favourite=FilteredRelation("favourites", condition=Q(favourites__user_id=user_id)),
        is_favourite=ExpressionWrapper(
            Q(reader_favourite__id__isnull=False), output_field=BooleanField()
        ),
    )
    if not unit_id:
        return queryset.annotate(unit_copies=Value(0, output_field=IntegerField()))
    return queryset.annotate(
        unit_copy=FilteredRelation("copy_counts", condition=Q(copy_counts__unit_id=unit_id)),
        unit_copies=Coalesce(F("unit_copy__count"), Value(0), output_field=IntegerField()),
    )


def score(*, query: Query, any_word: SearchQuery):
    """The one ranking of the phrase search (higher first), over a queryset annotated
    by `with_reader_facts`."""
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


class _AnyOf(Lookup):
    """`value = ANY(array)`: a key among an array of keys."""

    lookup_name = "any_of"

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        return f"{lhs} = ANY({rhs})", (*lhs_params, *rhs_params)


def search(
    queryset: QuerySet, query: Query, *, user_id, unit_id, limit: int, fields: tuple[str, ...]
) -> list:
    """The best `limit` phrases of `queryset` (filtered) for the query, best first, each
    with `score`, `is_favourite` and `unit_copies` and its `fields` loaded. Two queries:
    the typo lookup, then one statement whose candidate set is bounded (CANDIDATES
    strict and CANDIDATES broad matches, most copied first, plus the favourites, unit
    copies and code among the matches), ranked once over the candidates alone."""
    found = tsqueries(query)
    if found is None:
        return []
    from phrases.models import CANDIDATE_ORDER, PhraseCopyCount, PhraseFavourite

    matching = queryset.filter(search_vector=found.broad).order_by()
    by_copies = ("-copies_total", CANDIDATE_ORDER, "code")
    # Each part small and index-served; the favourites and copies are looked up from
    # their own tables, so no part reads every match. A strict query equal to the broad
    # one (no roots, no typos) would only read the same rows again.
    parts = [matching.order_by(*by_copies).values("pk")[:CANDIDATES]]
    if not found.strict_is_broad:
        strict = queryset.filter(search_vector=found.strict).order_by(*by_copies)
        parts.append(strict.values("pk")[:CANDIDATES])
    extras = [
        PhraseFavourite.objects.filter(user_id=user_id).values("phrase_id"),
        queryset.model.objects.filter(code=query.code).values("pk"),
    ]
    if unit_id:
        extras.append(
            PhraseCopyCount.objects.filter(unit_id=unit_id, count__gt=0).values("phrase_id")
        )
    parts.append(matching.filter(pk__in=extras[0].union(*extras[1:])).values("pk"))
    # The candidates already passed the filters: the ranking reads them by key alone,
    # as an array, so the plan looks each up in the primary key index rather than
    # reading the whole table to join them.
    keys = ArraySubquery(parts[0].union(*parts[1:]))
    candidates = queryset.model.objects.filter(_AnyOf(F("pk"), keys))
    ranked = (
        with_reader_facts(candidates.only(*fields), user_id=user_id, unit_id=unit_id)
        .annotate(score=score(query=query, any_word=found.any_word))
        .order_by("-score", "code")
    )
    return list(ranked[:limit])
