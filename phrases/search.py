"""The phrase search: base-form matching of every query word (by prefix, so a word
also finds the compounds it starts), typos corrected through trigram neighbours in the
vocabulary of indexed terms, and the ranking (exact code first, then text rank, boosted
by the user's favourites and their unit's copies).

PostgreSQL: a typo lookup in the vocabulary, then one full-text query on the stored
tsvector (migration 0004). SQLite, used by the local run, fetches the filtered phrases
and matches in Python with the same rules.
"""

import re
from dataclasses import dataclass

from django.db import connection
from django.db.models import BooleanField, FloatField, QuerySet
from django.db.models.expressions import RawSQL

from phrases.lemmas import query_terms, within_one_edit

FAVOURITE_BOOST = 0.3
COPY_BOOST_PER_COPY = 0.01
COPY_BOOST_MAX = 0.3
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
    def words(self) -> list[tuple[str, ...]]:
        return query_terms(self.text, self.language)


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
    the vocabulary (index-served `%`), kept when within one edit. One query."""
    wanted = [word for word in words if len(word) >= MIN_TYPO_WORD and word.isalpha()]
    found: dict[str, list[str]] = {word: [] for word in words}
    if not wanted:
        return found
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT q.word, t.term FROM unnest(%s::text[]) AS q(word) "
            "JOIN phrases_phrasesearchterm t ON t.term %% q.word "
            "ORDER BY similarity(t.term, q.word) DESC",
            [wanted],
        )
        for word, term in cursor.fetchall():
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


def postgres_search(queryset: QuerySet, query: Query) -> QuerySet:
    """Filter to phrases where every query word matches (its base form or the word
    itself as a prefix of an indexed term, or a term it misspells) and annotate
    `text_rank`. Two queries: the typo lookup and the search, on the stored tsvector."""
    words = query.words
    typos = typo_candidates([alternatives[-1] for alternatives in words])
    groups = [
        group
        for alternatives in words
        if (group := _tsquery_group((*alternatives, *typos.get(alternatives[-1], []))))
    ]
    if not groups:
        return queryset.none().annotate(
            text_rank=RawSQL("0", (), output_field=FloatField())  # noqa: S611
        )
    every = " & ".join(f"({group})" for group in groups)
    any_word = " | ".join(f"({group})" for group in groups)
    # The SQL text is fixed; every value from the query goes in as a parameter.
    return queryset.filter(
        RawSQL(  # noqa: S611
            "phrases_phrase.search_vector @@ to_tsquery('simple', %s)",
            (every,),
            output_field=BooleanField(),
        )
    ).annotate(
        text_rank=RawSQL(  # noqa: S611
            "CASE WHEN upper(phrases_phrase.code) = %s THEN 100 ELSE 0 END"
            " + ts_rank(phrases_phrase.search_vector, to_tsquery('simple', %s))"
            " + CASE WHEN phrases_phrase.title ILIKE %s THEN 0.5 ELSE 0 END",
            (query.code, any_word, f"%{query.text.strip()}%"),
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
                elif is_typo_of(alternative, term):
                    best = max(best, 0.4)
        if best == 0.0:
            return None
        score += best
    if query.text.strip().lower() in phrase.title.lower():
        score += 0.5
    return score


def uses_postgres() -> bool:
    return connection.vendor == "postgresql"
