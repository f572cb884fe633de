"""A queryset's SQL compiled by the ORM once per process, its values bound on each use.

For the queries every page makes (the signed-in user, the site and home page a request
is routed through, a lesson's quizzes): compiling them took longer than running them
(`bench/learning.py --profile`). Django keeps no compiled form of a queryset between
requests, and no maintained library does this for the ORM, so it is ours: it leans on
the ORM to write the SQL, then only swaps the values. The values are bound on the
server, so PostgreSQL prepares each query on its connection after a few runs
(`prepared_cursor`) and plans it once: for these small queries planning took longer
than running them, too.

`CompiledQuery(build, **sentinels)`: `build(**sentinels)` makes the queryset; each
sentinel value (one no real value equals, e.g. "\\x00host\\x00" or -731_958_204) must
appear among its SQL's parameters, and every place it appears takes the value given to
`bind`. Below every app: it knows none of them.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from typing import Any

from django.db import connection
from django.db.backends.postgresql.base import ServerBindingCursor
from django.db.backends.utils import CursorWrapper
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
        with prepared_cursor() as cursor:
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


def prepared_cursor() -> Any:
    """A cursor that binds its values on the server, so that PostgreSQL may keep the
    query's plan: after `prepare_threshold` runs on one connection (DATABASES' OPTIONS;
    Django's own cursors bind on the client and are never prepared). Wrapped by Django
    as its own cursors are: logged, counted, its errors Django's."""
    # As Django opens its own cursors: a persistent connection that died (a database
    # restart) is replaced first (CONN_HEALTH_CHECKS).
    connection.close_if_health_check_failed()
    connection.ensure_connection()
    with connection.wrap_database_errors:
        connection.validate_thread_sharing()
        return _PreparedCursorWrapper(ServerBindingCursor(connection.connection), connection)


class _PreparedCursorWrapper(CursorWrapper):
    """Django's cursor wrapper (execute wrappers, error translation), logging its
    queries as Django's debug cursor does, with their values in the SQL: a prepared
    query is sent by name, so the driver has no SQL text for Django to log."""

    def execute(self, sql: str, params: Any = None) -> Any:
        if not self.db.queries_logged:
            return super().execute(sql, params)
        started = time.monotonic()
        try:
            return super().execute(sql, params)
        finally:
            took = time.monotonic() - started
            logged = self.db.ops.compose_sql(sql, params)
            self.db.queries_log.append({"sql": logged, "time": f"{took:.3f}"})


def _same(param: Any, sentinel: Any) -> bool:
    # 1 == True in Python: a boolean is never taken for a number. (The PostgreSQL driver
    # wraps numbers in its own int subclasses, so the type itself is not compared.)
    return isinstance(param, bool) is isinstance(sentinel, bool) and param == sentinel


class CompiledByIds:
    """A queryset over a list of ids, `build(ids)`, compiled once per process for each
    list length up to `longest` (an IN list has a placeholder per id); a longer list is
    compiled each time, as the ORM would."""

    def __init__(self, build: Callable[[list[Any]], Any], longest: int = 16):
        self.build = build
        self.longest = longest
        self.by_length: dict[int, CompiledQuery] = {}

    def objects(self, ids: Sequence[Any]) -> list[Any]:
        ids = list(ids)
        if not ids:
            return []
        if len(ids) > self.longest:
            return list(self.build(ids))
        query = self.by_length.get(len(ids))
        if query is None:
            names = [f"id{number}" for number in range(len(ids))]
            sentinels = {name: -900_000_001 - number for number, name in enumerate(names)}
            query = CompiledQuery(
                lambda **given: self.build([given[n] for n in names]), **sentinels
            )
            self.by_length[len(ids)] = query
        return query.objects(**{f"id{number}": value for number, value in enumerate(ids)})
