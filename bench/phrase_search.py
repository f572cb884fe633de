"""Benchmark of the phrase search on PostgreSQL: Voikko against simplemma at 10,000
Finnish phrases in the same run, and Voikko at 50,000.

    scripts/bench.sh phrase_search                  # 10,000 × both analysers, 50,000
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/hyteopas_bench \\
        .venv/bin/python bench/phrase_search.py --phrases 10000 --large 50000 --repeats 30
    DATABASE_URL=... .venv/bin/python bench/phrase_search.py --baseline COMMIT --sizes 10000 50000

Each run (a size and an analyser, PHRASE_ANALYSER in the children's environment)
recreates the database and measures (learning.settings.test, DEBUG off):

1. End to end: GET /fraasit/tulokset/?q=... (the search-as-you-type fragment) through
   Django's test Client as a signed-in employee with 5 favourites and 20 phrases copied
   in their unit: session, auth, the employee middleware, the search, rendering. 20
   typical queries (base forms, inflected forms, compounds, two typos, a code, two-word
   queries), each --repeats times after 3 warm-ups; median and p95 over all requests.
2. The bare view: GET /bench/bare/ through the same Client and middleware, returning
   "ok" (a URL this bench puts in front of the project's). The end-to-end figures are
   given as multiples of it: the machine is shared, so absolute times vary with its
   load while the ratio does not (much).
3. The selector alone, and a naive ILIKE query over the same rows.
4. The holdout: tests/phrases/test_search_quality.py's 34 queries, each a hit when the
   expected phrase is in the top 3, over its own 12 phrases and then among the N
   Finnish phrases (many synthetic phrases match a one-word query as well, so there the
   figure says how often the test phrase still surfaces).
5. The written test set (tests/phrases/search_test_set.yaml, 156 Finnish and 51
   Swedish queries) among the phrases: top-3 hit rate per language.
6. A fresh process as a web server has it after start, without warming: how much its
   memory grows with its first search, and how long that search takes.

The phrases: the holdout's 12, the test set's, and synthetic ones
(tests/phrases/generated.py) up to N Finnish, plus 0.2 N Swedish; inserted in bulk,
live, with their search terms computed by the model, without revisions.

With --baseline COMMIT: the bench of that commit (a throwaway checkout, its own
database) and of this checkout at each --sizes, in the same run.

How: the parent process never imports Django; it recreates the database and runs
child processes that migrate, build the data and measure. Results: a table on stdout
and bench/results/phrase_search.json.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import harness  # bench/ is first on sys.path when a script runs

ROOT = harness.ROOT
# --root CHECKOUT: a child measuring another checkout's code (the baseline) imports it.
CODE_ROOT = Path(sys.argv[sys.argv.index("--root") + 1]) if "--root" in sys.argv else ROOT
RESULTS = harness.prepare(__file__, code_root=CODE_ROOT)

QUERIES = [
    "liikunta",
    "liikuntaryhmään",
    "potilas",
    "potilaan",
    "kulttuuri",
    "luontoretki",
    "vertaistuki",
    "päihdepalvelut",
    "mielenterveys",
    "unettomuus",
    "ravitsemus",
    "seurakunta",
    "kuntosaliryhmä",
    "muistiyhdistys",
    "perhekahvila",
    "kultuuri",
    "liikunat",
    "HYTE-LIIKUNTA-117",
    "ohjattu ryhmään",
    "ikäihmisten kerho",
]

from tests.phrases.generated import (  # noqa: E402
    insert_phrases,
    synthetic_phrases,
    synthetic_swedish_phrases,
)

SWEDISH_SHARE = 0.2


def build(count: int) -> dict:
    """Migrate; insert the test set and measure its hit rate alone; then insert the
    synthetic phrases and a signed-in nurse with favourites and unit copies."""
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import AnonymousUser
    from django.core.management import call_command
    from django.db import connection
    from wagtail.models import Locale

    from people.models import Employee, JobRole, OrgUnit
    from phrases import lemmas, selectors
    from phrases.models import Phrase, PhraseCopyCount, PhraseFavourite
    from tests.phrases.test_search_quality import PHRASES as TEST_SET
    from tests.phrases.test_search_quality import QUERIES as TEST_QUERIES

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    migrate_s = time.perf_counter() - started
    finnish = Locale.objects.get(language_code="fi")

    from tests.phrases.test_search_test_set import TEST_SET as SET

    holdout_rows = [
        Phrase(locale=finnish, live=True, code=code, title=title, body=body)
        for code, title, body in TEST_SET
    ]
    started = time.perf_counter()
    insert_phrases(holdout_rows)
    alone_hits = 0
    for query, expected in TEST_QUERIES:
        found = selectors.search_phrases(user=AnonymousUser(), unit_id=None, text=query)
        alone_hits += expected in [phrase.code for phrase in found[:3]]

    swedish, _created = Locale.objects.get_or_create(language_code="sv")
    locales = {"fi": finnish, "sv": swedish}
    set_rows = [
        Phrase(locale=locales[language], live=True, **{k: p[k] for k in ("code", "title", "body")})
        for language, phrases in SET.items()
        for p in phrases
    ]
    finnish_count = count - len(TEST_SET) - len(SET["fi"])
    insert_phrases(
        set_rows
        + [Phrase(locale=finnish, live=True, **data) for data in synthetic_phrases(finnish_count)]
        + [
            Phrase(locale=swedish, live=True, **data)
            for data in synthetic_swedish_phrases(int(count * SWEDISH_SHARE))
        ]
    )
    build_s = time.perf_counter() - started
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")

    county = OrgUnit.add_root(code="BENCH", name_fi="Penkkimaakunta", kind=OrgUnit.Kind.COUNTY)
    unit = county.add_child(code="BENCH-1", name_fi="Terveysasema", kind=OrgUnit.Kind.UNIT)
    role = JobRole.objects.create(code="SH", name_fi="Sairaanhoitaja")
    user = get_user_model().objects.create_user(username="90001", password="x")
    Employee.objects.create(
        user=user, employee_number="90001", unit=unit, job_role=role, start_date="2024-01-01"
    )
    some = list(Phrase.objects.order_by("?")[:25])
    for phrase in some[:5]:
        PhraseFavourite.objects.create(user=user, phrase=phrase)
    for number, phrase in enumerate(some[5:], start=1):
        PhraseCopyCount.objects.create(phrase=phrase, unit=unit, count=number)
    return {
        "migrate_s": migrate_s,
        "build_s": build_s,
        "analyser": lemmas.analyser(),
        "phrases": Phrase.objects.count(),
        "finnish_phrases": Phrase.objects.filter(locale=finnish).count(),
        "test_set_phrases": len(TEST_SET),
        "hit_rate_test_set_alone_top3": alone_hits / len(TEST_QUERIES),
    }


def bare_view(request):
    """The least a signed-in request can cost behind the same middleware."""
    from django.http import HttpResponse

    return HttpResponse("ok")


def install_bare_url() -> None:
    import types

    from django.test.utils import override_settings
    from django.urls import path

    import learning.urls

    module = types.ModuleType("bench_phrase_urls")
    module.urlpatterns = [path("bench/bare/", bare_view), *learning.urls.urlpatterns]
    sys.modules["bench_phrase_urls"] = module
    override_settings(ROOT_URLCONF="bench_phrase_urls").enable()


def test_set_hit_rates(*, user, unit_id) -> dict:
    """The written test set (tests/phrases/search_test_set.yaml) among the phrases:
    top-3 hit rate per language and the misses."""
    from django.utils import translation

    from phrases import selectors
    from tests.phrases.test_search_test_set import TEST_SET as SET

    found_rates = {}
    for language, phrases in SET.items():
        hits, misses = 0, []
        with translation.override(language):
            for phrase in phrases:
                for query, kind in phrase["queries"]:
                    codes = [
                        p.code
                        for p in selectors.search_phrases(user=user, unit_id=unit_id, text=query)
                    ]
                    hits += phrase["code"] in codes[:3]
                    if phrase["code"] not in codes[:3]:
                        misses.append([query, kind, phrase["code"], codes[:3]])
        total = sum(len(phrase["queries"]) for phrase in phrases)
        found_rates[language] = {"queries": total, "top3": hits / total, "misses": misses}
    return found_rates


def measure(repeats: int) -> dict:
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, setup_test_environment

    from phrases import lemmas, selectors

    # Lets the test Client's host in, as under pytest; DEBUG stays off.
    setup_test_environment()
    install_bare_url()
    from tests.phrases.test_search_quality import QUERIES as TEST_QUERIES

    user = get_user_model().objects.get(username="90001")
    client = Client()
    client.force_login(user)
    unit_id = user.employee.unit_id
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        version = cursor.fetchone()[0]
        cursor.execute("SELECT id FROM wagtailcore_locale WHERE language_code = 'fi'")
        locale_id = cursor.fetchone()[0]

    def end_to_end(query):
        response = client.get("/fraasit/tulokset/", {"q": query})
        assert response.status_code == 200

    def selector(query):
        selectors.search_phrases(user=user, unit_id=unit_id, text=query)

    def baseline(query):
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT id, code, title, body FROM phrases_phrase WHERE live AND locale_id = %s"
                " AND (title ILIKE %s OR body ILIKE %s OR code ILIKE %s) ORDER BY code LIMIT 50",
                [locale_id, f"%{query}%", f"%{query}%", f"%{query}%"],
            )
            cursor.fetchall()

    def bare(query):
        response = client.get("/bench/bare/", {"q": query})
        assert response.status_code == 200

    scenarios = {
        "end_to_end": end_to_end,
        "bare_view": bare,
        "selector": selector,
        "baseline_ilike": baseline,
    }
    times: dict[str, dict[str, list[float]]] = {name: {} for name in scenarios}
    for query in QUERIES:
        for run in scenarios.values():
            for _ in range(3):
                run(query)
        for _ in range(repeats):
            # Alternate the scenarios so drift hits all alike.
            for name, run in scenarios.items():
                started = time.perf_counter()
                run(query)
                times[name].setdefault(query, []).append((time.perf_counter() - started) * 1000)

    with CaptureQueriesContext(connection) as captured:
        end_to_end("liikunta")
    queries_per_request = len(captured)

    hits3 = hits10 = 0
    misses = []
    for query, expected in TEST_QUERIES:
        codes = [p.code for p in selectors.search_phrases(user=user, unit_id=unit_id, text=query)]
        hits3 += expected in codes[:3]
        hits10 += expected in codes[:10]
        if expected not in codes[:3]:
            misses.append({"query": query, "expected": expected, "got": codes[:3]})

    test_set = test_set_hit_rates(user=user, unit_id=unit_id)
    summary = {}
    for name, per_query in times.items():
        every = [value for values in per_query.values() for value in values]
        summary[name] = {
            "median_ms": statistics.median(every),
            "p95_ms": harness.percentile(every, 0.95),
            "per_query_median_ms": {q: statistics.median(v) for q, v in per_query.items()},
        }
    return {
        "analyser": lemmas.analyser(),
        "test_set": test_set,
        "postgres_version": version,
        "repeats": repeats,
        "queries_per_request": queries_per_request,
        "summary": summary,
        "hit_rate_top3": hits3 / len(TEST_QUERIES),
        "hit_rate_top10": hits10 / len(TEST_QUERIES),
        "test_queries": len(TEST_QUERIES),
        "misses_top3": misses,
    }


def rss_mb() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


def first_search() -> dict:
    """A fresh process as a web server has it after start (apps and URLs loaded, a
    signed-in user, a page served): its memory and time for the first search request
    and the second one."""
    import gc

    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.test import Client
    from django.test.utils import setup_test_environment

    import learning.urls  # noqa: F401

    setup_test_environment()
    client = Client()
    client.force_login(get_user_model().objects.get(username="90001"))
    assert client.get("/fraasit/").status_code == 200
    gc.collect()
    before = rss_mb()
    started = time.perf_counter()
    assert client.get("/fraasit/tulokset/", {"q": "liikuntaryhmään"}).status_code == 200
    first_ms = (time.perf_counter() - started) * 1000
    started = time.perf_counter()
    assert client.get("/fraasit/tulokset/", {"q": "kulttuuri"}).status_code == 200
    second_ms = (time.perf_counter() - started) * 1000
    gc.collect()
    return {
        "rss_growth_mb": rss_mb() - before,
        "first_search_ms": first_ms,
        "second_search_ms": second_ms,
    }


def run_checkout(checkout: Path, phrases: int, repeats: int, database_url: str) -> dict:
    """The whole bench (its own script) of another checkout, on its own database, and
    the first-search figures of its code; returns its results."""
    env = {**os.environ, "DATABASE_URL": database_url}
    subprocess.run(
        [
            sys.executable,
            str(checkout / "bench" / "phrase_search.py"),
            "--phrases",
            str(phrases),
            "--repeats",
            str(repeats),
            *(("--analysers", "voikko", "--large") if checkout == ROOT else ()),
        ],
        check=True,
        env=env,
        cwd=checkout,
    )
    result = json.loads((checkout / "bench" / "results" / "phrase_search.json").read_text())
    if isinstance(result, list):  # this bench writes one result per run
        result = result[0]
    result["first"] = harness.run_in_child(
        __file__, {"kind": "first"}, extra_args=("--root", str(checkout)), env=env, cwd=checkout
    )
    return result


def compare(args) -> None:
    """This checkout against a baseline commit at each size, in one run."""
    base_url = os.environ["DATABASE_URL"]
    rows = []
    results = {}
    for size in args.sizes:
        with harness.baseline_checkout(args.baseline) as checkout:
            before = run_checkout(checkout, size, args.repeats, base_url + "_base")
        after = run_checkout(ROOT, size, args.repeats, base_url)
        results[size] = {"before": before, "after": after}
        for name, figures in (("before", before), ("after", after)):
            e2e = figures["summary"]["end_to_end"]
            rows.append(
                (
                    size,
                    name,
                    e2e["median_ms"],
                    e2e["p95_ms"],
                    figures["summary"]["baseline_ilike"]["p95_ms"],
                    figures["first"]["rss_growth_mb"],
                    figures["first"]["first_search_ms"],
                    figures["hit_rate_test_set_alone_top3"],
                    figures["hit_rate_top3"],
                )
            )
    print(f"\nPhrase search, baseline {args.baseline} (before) against this checkout (after)")
    print(
        f"{'phrases':>8} {'code':<7}{'e2e p50':>9}{'e2e p95':>9}{'ILIKE p95':>10}"
        f"{'RSS +MB':>9}{'1st ms':>8}{'holdout':>9}{'in N':>6}"
    )
    for size, name, p50, p95, ilike, rss, first, alone, among in rows:
        print(
            f"{size:>8} {name:<7}{p50:>9.2f}{p95:>9.2f}{ilike:>10.2f}{rss:>9.1f}"
            f"{first:>8.0f}{alone:>9.2f}{among:>6.2f}"
        )
    harness.write_results(RESULTS.with_name("phrase_search_compare.json"), results)


def main() -> None:
    parser = harness.parser(__doc__)
    parser.add_argument("--phrases", type=int, default=10_000)
    parser.add_argument(
        "--analysers", nargs="+", default=["voikko", "simplemma"], help="at --phrases"
    )
    parser.add_argument(
        "--large", type=int, nargs="*", default=[50_000], help="sizes with the first analyser"
    )
    parser.add_argument("--repeats", type=int, default=30, help="timed requests per query")
    parser.add_argument(
        "--baseline",
        help="a commit to compare with in the same run (its own bench, its own database)",
    )
    parser.add_argument(
        "--sizes", type=int, nargs="+", default=[10_000, 50_000], help="with --baseline"
    )
    parser.add_argument("--root", help=argparse.SUPPRESS)
    args = parser.parse_args()

    kinds = {
        "build": lambda spec: build(spec["phrases"]),
        "measure": lambda spec: measure(spec["repeats"]),
        "first": lambda spec: first_search(),
    }
    if harness.answer_child(args, lambda spec: kinds[spec["kind"]](spec)):
        return
    if args.baseline:
        harness.bench_database()
        compare(args)
        return

    runs = [(args.phrases, analyser) for analyser in args.analysers]
    runs += [(size, args.analysers[0]) for size in args.large]
    results = []
    for size, analyser in runs:
        env = {**os.environ, "PHRASE_ANALYSER": analyser}
        harness.fresh_database(f"Migrating and inserting {size} Finnish phrases ({analyser})…")
        built = harness.run_in_child(
            __file__, {"kind": "build", "phrases": size}, env=env, cwd=ROOT
        )
        measured = harness.run_in_child(
            __file__, {"kind": "measure", "repeats": args.repeats}, env=env, cwd=ROOT
        )
        first = harness.run_in_child(__file__, {"kind": "first"}, env=env, cwd=ROOT)
        results.append({"size": size, **built, **measured, "first": first})
        report(results[-1], args.repeats)
    print("\nSummary (ms; ratios against the bare view in the same run)")
    print(
        f"{'phrases':>8} {'analyser':<10}{'p50':>7}{'p95':>7}{'bare50':>8}{'bare95':>8}"
        f"{'×50':>6}{'×95':>6}{'ILIKE95':>8}{'hold':>6}{'fi':>6}{'sv':>6}{'RSS+MB':>8}{'1st':>6}"
    )
    for r in results:
        e2e, bare = r["summary"]["end_to_end"], r["summary"]["bare_view"]
        print(
            f"{r['size']:>8} {r['analyser']:<10}{e2e['median_ms']:>7.1f}{e2e['p95_ms']:>7.1f}"
            f"{bare['median_ms']:>8.1f}{bare['p95_ms']:>8.1f}"
            f"{e2e['median_ms'] / bare['median_ms']:>6.1f}{e2e['p95_ms'] / bare['p95_ms']:>6.1f}"
            f"{r['summary']['baseline_ilike']['p95_ms']:>8.1f}{r['hit_rate_top3']:>6.2f}"
            f"{r['test_set']['fi']['top3']:>6.2f}{r['test_set']['sv']['top3']:>6.2f}"
            f"{r['first']['rss_growth_mb']:>8.1f}{r['first']['first_search_ms']:>6.0f}"
        )
    harness.write_results(RESULTS, results)


def report(result: dict, repeats: int) -> None:
    summary = result["summary"]
    print(
        f"\nPhrase search, {result['phrases']} phrases ({result['finnish_phrases']} Finnish), "
        f"{result['analyser']}, PostgreSQL {result['postgres_version']}"
    )
    print(
        f"{len(QUERIES)} queries × {repeats} requests; "
        f"{result['queries_per_request']} SQL queries per request"
    )
    base = summary["bare_view"]
    print(f"{'scenario':<16}{'median ms':>11}{'p95 ms':>9}{'median ×bare':>14}")
    for name, figures in summary.items():
        ratio = figures["median_ms"] / base["median_ms"]
        print(f"{name:<16}{figures['median_ms']:>11.2f}{figures['p95_ms']:>9.2f}{ratio:>14.1f}")
    print("Per query, median ms (end to end / bare view):")
    for query in QUERIES:
        e2e = summary["end_to_end"]["per_query_median_ms"][query]
        bare = base["per_query_median_ms"][query]
        print(f"  {query:<22}{e2e:>8.2f}{bare:>8.2f}")
    print(
        f"Holdout (34 queries) over its own 12 phrases: "
        f"{result['hit_rate_test_set_alone_top3']:.2f} top 3; among {result['finnish_phrases']} "
        f"Finnish: {result['hit_rate_top3']:.2f} top 3, {result['hit_rate_top10']:.2f} top 10."
    )
    for language, figures in result["test_set"].items():
        print(
            f"Test set {language}: {figures['top3']:.3f} top 3 of {figures['queries']}; "
            f"misses {figures['misses']}"
        )
    first = result["first"]
    print(
        f"First search in a fresh process: +{first['rss_growth_mb']:.1f} MB, "
        f"{first['first_search_ms']:.0f} ms (second {first['second_search_ms']:.0f} ms)."
    )


if __name__ == "__main__":
    main()
