"""The phrase search: base-form matching of every query word (by prefix, so a word
also finds the compounds it starts), a trigram fallback for typos, and the ranking
(exact code first, then text rank, boosted by the user's favourites and their unit's
copies).

PostgreSQL does it in one query over the stored base forms (GIN indexes from migration
0002). SQLite, used by the local run, fetches the filtered phrases and matches in Python.
"""

import re
from dataclasses import dataclass

from django.db import connection
from django.db.models import BooleanField, FloatField, QuerySet
from django.db.models.expressions import RawSQL

from phrases.lemmas import query_terms, within_one_edit

# Word similarity (pg_trgm) from which a misspelt word still counts as found; one
# wrong letter in a word of six or more letters stays above it (see the test set).
TRIGRAM_THRESHOLD = 0.5
FAVOURITE_BOOST = 0.3
COPY_BOOST_PER_COPY = 0.01
COPY_BOOST_MAX = 0.3
_TSQUERY_PIECE = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class Query:
    text: str
    language: str

    @property
    def code(self) -> str:
        return self.text.strip().upper()

    @property
    def words(self) -> list[tuple[str, ...]]:
        return query_terms(self.text, self.language)


def set_trigram_threshold(sender, connection, **kwargs) -> None:
    """Per new PostgreSQL connection: lower pg_trgm's word-similarity threshold (0.6 by
    default) so that `<%` (which the trigram index serves) finds one-letter typos."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"SET pg_trgm.word_similarity_threshold = {TRIGRAM_THRESHOLD}")


def _tsquery_alternatives(alternatives: tuple[str, ...]) -> str:
    pieces = []
    for alternative in alternatives:
        parts = _TSQUERY_PIECE.findall(alternative)
        if parts:
            pieces.append(" & ".join(f"'{part}':*" for part in parts))
    return " | ".join(f"({piece})" for piece in pieces)


def postgres_search(queryset: QuerySet, query: Query) -> QuerySet:
    """Filter to phrases where every query word matches by base-form prefix or by
    trigram similarity, and annotate `text_rank`."""
    vector = "to_tsvector('simple', phrases_phrase.search_lemmas)"
    every = []
    for alternatives in query.words:
        tsquery = _tsquery_alternatives(alternatives)
        if not tsquery:
            continue
        every.append(tsquery)
        # The SQL text is fixed; every value from the query goes in as a parameter.
        queryset = queryset.filter(
            RawSQL(  # noqa: S611
                f"({vector} @@ to_tsquery('simple', %s) OR %s <%% phrases_phrase.search_lemmas)",
                (tsquery, alternatives[-1]),
                output_field=BooleanField(),
            )
        )
    if not every:
        return queryset.annotate(text_rank=RawSQL("0", (), output_field=FloatField()))
    any_word = " | ".join(f"({tsquery})" for tsquery in every)
    return queryset.annotate(
        text_rank=RawSQL(  # noqa: S611 (fixed SQL, values as parameters)
            f"CASE WHEN upper(phrases_phrase.code) = %s THEN 100 ELSE 0 END"
            f" + ts_rank({vector}, to_tsquery('simple', %s))"
            f" + 0.5 * word_similarity(%s, phrases_phrase.search_lemmas)"
            f" + CASE WHEN phrases_phrase.title ILIKE %s THEN 0.5 ELSE 0 END",
            (query.code, any_word, query.text.lower(), f"%{query.text.strip()}%"),
            output_field=FloatField(),
        )
    )


def python_score(phrase, query: Query) -> float | None:
    """The same matching for SQLite, over one phrase's stored terms: None when some
    query word is not found."""
    terms = phrase.search_lemmas.split()
    if phrase.code.upper() == query.code:
        return 100.0
    score = 0.0
    for alternatives in query.words:
        best = 0.0
        for term in terms:
            for alternative in alternatives:
                if term == alternative:
                    best = max(best, 1.0)
                elif term.startswith(alternative):
                    best = max(best, 0.7)
                elif len(alternative) >= 4 and (
                    within_one_edit(alternative, term)
                    or within_one_edit(alternative, term[: len(alternative)])
                ):
                    best = max(best, 0.4)
        if best == 0.0:
            return None
        score += best
    if query.text.strip().lower() in phrase.title.lower():
        score += 0.5
    return score


def uses_postgres() -> bool:
    return connection.vendor == "postgresql"
