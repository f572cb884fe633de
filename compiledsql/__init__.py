"""A queryset's SQL compiled by the ORM once per process, its values bound on each use.

For the queries every page makes (the signed-in user, the site and home page a request
is routed through, a lesson's quizzes): compiling them took longer than running them
(`bench/learning.py --profile`). Django keeps no compiled form of a queryset between
requests, and no maintained library does this for the ORM, so it is ours: it leans on
the ORM to write the SQL, then only swaps the values.

`CompiledQuery(build, **sentinels)`: `build(**sentinels)` makes the queryset; each
sentinel value (one no real value equals, e.g. "\\x00host\\x00" or -731_958_204) must
appear among its SQL's parameters, and every place it appears takes the value given to
`bind`. Below every app: it knows none of them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from django.db import connection
from django.db.models.query import get_related_populators


class CompiledQuery:
    """See the module docstring."""

    def __init__(self, build: Callable[..., Any], **sentinels: Any):
        self.build = build
        self.sentinels = sentinels
        self.compiled: tuple[str, tuple[Any, ...]] | None = None
        self.compiler: Any = None
        self.db = ""

    def _compile(self) -> tuple[str, tuple[Any, ...]]:
        if self.compiled is None:
            queryset = self.build(**self.sentinels)
            compiler = queryset.query.get_compiler(using=queryset.db)
            # as_sql also fills the compiler's select, klass_info and annotation map,
            # which `objects` reads.
            sql, params = compiler.as_sql()
            for sentinel in self.sentinels.values():
                if not any(_same(param, sentinel) for param in params):
                    raise RuntimeError(f"{sentinel!r} is not bound in the query")
            self.compiler, self.db = compiler, queryset.db
            self.compiled = sql, tuple(params)
        return self.compiled

    def bind(self, **values: Any) -> tuple[str, list[Any]]:
        sql, params = self._compile()
        bound = []
        for param in params:
            for name, sentinel in self.sentinels.items():
                if _same(param, sentinel):
                    param = values[name]
                    break
            bound.append(param)
        return sql, bound

    def rows(self, **values: Any) -> Sequence[tuple[Any, ...]]:
        """The query's rows as tuples, in its SELECT's column order."""
        sql, params = self.bind(**values)
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()

    def objects(self, **values: Any) -> list[Any]:
        """The query's model instances, with what it selects related and its annotations,
        made as the ORM's own iterator makes them (django.db.models.query.ModelIterable):
        the same converters, `from_db` and related-object populators."""
        fetched = self.rows(**values)
        compiler = self.compiler
        select, klass_info = compiler.select, compiler.klass_info
        model = klass_info["model"]
        start, end = klass_info["select_fields"][0], klass_info["select_fields"][-1] + 1
        init_list = [column[0].target.attname for column in select[start:end]]
        populators = get_related_populators(klass_info, select, self.db)
        found = []
        for row in compiler.results_iter(results=[fetched]):
            obj = model.from_db(self.db, init_list, row[start:end])
            for populator in populators:
                populator.populate(row, obj)
            for name, position in (compiler.annotation_col_map or {}).items():
                setattr(obj, name, row[position])
            found.append(obj)
        return found


def _same(param: Any, sentinel: Any) -> bool:
    # 1 == True in Python: a boolean is never taken for a number. (The PostgreSQL driver
    # wraps numbers in its own int subclasses, so the type itself is not compared.)
    return isinstance(param, bool) is isinstance(sentinel, bool) and param == sentinel
