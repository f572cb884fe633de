"""Benchmark of the phrase search over 10,000 published phrases on PostgreSQL.

    scripts/bench.sh phrase_search                  # this one only
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/hyteopas_bench \\
        .venv/bin/python bench/phrase_search.py --baseline COMMIT --sizes 10000 50000
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/hyteopas_bench \\
        .venv/bin/python bench/phrase_search.py --phrases 10000 --repeats 30

What it measures (PostgreSQL, learning.settings.test, DEBUG off):

1. End to end on the server: GET /fraasit/tulokset/?q=... (the search-as-you-type
   fragment) through Django's test Client as a signed-in employee with 5 favourites and
   20 phrases copied in their unit: session, auth, the employee middleware, the search
   query, rendering. 20 typical queries (base forms, inflected forms, compounds, two
   typos, a code, two-word queries), each --repeats times after 3 warm-up requests;
   median and p95 over all requests, and the median per query.
2. The selector alone (phrases.selectors.search_phrases), the same queries.
3. Baseline, measured in the same run over the same rows: a bare SQL query with ILIKE
   on the title and body (what a naive search would do), through the same connection,
   for the same queries (its hit quality is not comparable: it finds no inflected forms).
4. Hit rate of the Finnish test set (tests/phrases/test_search_quality.py), each of its
   34 queries a hit when the expected phrase is among the first 3 results: first over
   its own 12 phrases alone, as in the test, then with them among the 10,000 (top 3 and
   top 10; many synthetic phrases are as good a match for a one-word query, so there
   the figure says how often the test phrase still surfaces, not a quality).

The synthetic phrases combine Finnish sentences from word lists (inflected forms,
compounds) with codes HYTE-<THEME>-<n>; they are inserted in bulk (live, with their
search terms computed by the model), without revisions, which the search never reads.

5. With --baseline COMMIT: the whole bench of that commit (a throwaway checkout, its own
   database) and of this checkout, at each --sizes, in the same run, plus for each the
   first search request in a fresh process after a page was served (as a web process has
   it after start, without warming): how much its memory grows and how long it takes.

How: the parent process never imports Django; it recreates the database and runs one
child process that migrates, builds the data and measures. Results: a table on stdout
and bench/results/phrase_search.json.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

THIS_FILE = Path(__file__).resolve()
HERE = THIS_FILE.parent
ROOT = HERE.parent
# --root CHECKOUT: a child measuring another checkout's code (the baseline) imports it.
CODE_ROOT = Path(sys.argv[sys.argv.index("--root") + 1]) if "--root" in sys.argv else ROOT
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != HERE]
sys.path.insert(0, str(CODE_ROOT))
from bench.harness import bench_database, recreate_database, run_in_child  # noqa: E402

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "learning.settings.test")
os.environ["DEBUG"] = "False"
RESULTS = ROOT / "bench" / "results" / "phrase_search.json"

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

SUBJECTS = ["Asiakas", "Potilas", "Nuori", "Vanhempi", "Ikäihminen", "Asukas", "Omainen"]
VERBS = [
    "ohjattu",
    "ohjattiin",
    "on kiinnostunut tutustumaan",
    "sai tietoa",
    "haluaa osallistua",
    "kertoi käyneensä",
]
TARGETS = {
    "liikunta": ["liikuntaryhmään", "kuntosaliryhmään", "kävelyryhmään", "vesijumppaan"],
    "kulttuuri": ["kuoroon", "kulttuuritoimintaan", "taidepajaan", "lukupiiriin"],
    "luonto": ["luontoretkelle", "metsäkävelylle", "retkeilyryhmään", "puutarhakerhoon"],
    "osallisuus": ["vertaistukiryhmään", "kohtaamispaikkaan", "asukastupaan", "kerhoon"],
    "mieli": ["mielenterveysyhdistyksen ryhmään", "rentoutusryhmään", "keskusteluryhmään"],
    "paihde": ["päihdepalveluihin", "vertaistukeen", "tukipuhelimeen", "A-klinikalle"],
    "ravinto": ["ravitsemusterapeutille", "ruokapiiriin", "kokkikerhoon"],
    "uni": ["uniryhmään", "unikouluun", "rentoutusharjoituksiin"],
}
ORGANISERS = [
    "seurakunnan",
    "järjestön",
    "kunnan liikuntapalveluiden",
    "muistiyhdistyksen",
    "kansalaisopiston",
    "nuorisotalon",
    "perhekeskuksen",
]
TAILS = [
    "Sovittu seurannasta seuraavalla käynnillä.",
    "Asiakkaalle annettu esite ja yhteystiedot.",
    "Keskusteltu jaksamisesta ja arjen voimavaroista.",
    "Omainen osallistuu tarvittaessa mukaan.",
    "Tavoitteena säännöllinen osallistuminen kerran viikossa.",
    "{{date}} alkaen.",
    "{{text?:Lisätieto}}",
]
THEME_CODES = {
    "liikunta": "liikunta",
    "kulttuuri": "kulttuuri",
    "luonto": "luonto",
    "osallisuus": "osallisuus",
    "mieli": "mielen_hyvinvointi",
    "paihde": "paihteet",
    "ravinto": "ravitsemus",
    "uni": "uni",
}


def synthetic_phrases(count: int, seed: int = 7) -> list[dict]:
    rng = random.Random(seed)
    phrases = []
    numbers: dict[str, int] = {}
    for _ in range(count):
        theme = rng.choice(list(TARGETS))
        # From 100: the test set's own codes (HYTE-LIIKUNTA-1, ...) stay unique.
        numbers[theme] = numbers.get(theme, 99) + 1
        target = rng.choice(TARGETS[theme])
        body = (
            f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {target} "
            f"({rng.choice(ORGANISERS)} toiminta {{{{activity}}}}). {rng.choice(TAILS)}"
        )
        phrases.append(
            {
                "code": f"HYTE-{theme.upper()}-{numbers[theme]}",
                "title": f"{target.capitalize()} – {rng.choice(SUBJECTS).lower()}",
                "body": body,
                "themes": [THEME_CODES[theme]],
            }
        )
    return phrases


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(share * len(ordered) + 0.5) - 1))
    return ordered[index]


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
    from phrases import selectors
    from phrases.models import Phrase, PhraseCopyCount, PhraseFavourite, PhraseSearchTerm
    from tests.phrases.test_search_quality import PHRASES as TEST_SET
    from tests.phrases.test_search_quality import QUERIES as TEST_QUERIES

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    migrate_s = time.perf_counter() - started
    finnish = Locale.objects.get(language_code="fi")

    def insert(rows):
        for phrase in rows:
            phrase.search_lemmas = phrase.build_search_lemmas()
        Phrase.objects.bulk_create(rows, batch_size=1000)
        PhraseSearchTerm.remember(term for phrase in rows for term in phrase.search_lemmas.split())

    insert(
        [
            Phrase(locale=finnish, live=True, code=code, title=title, body=body)
            for code, title, body in TEST_SET
        ]
    )
    alone_hits = 0
    for query, expected in TEST_QUERIES:
        found = selectors.search_phrases(user=AnonymousUser(), unit_id=None, text=query)
        alone_hits += expected in [phrase.code for phrase in found[:3]]

    started = time.perf_counter()
    insert(
        [
            Phrase(locale=finnish, live=True, **data)
            for data in synthetic_phrases(count - len(TEST_SET))
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
        "phrases": Phrase.objects.count(),
        "test_set_phrases": len(TEST_SET),
        "hit_rate_test_set_alone_top3": alone_hits / len(TEST_QUERIES),
    }


def measure(repeats: int) -> dict:
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, setup_test_environment

    from phrases import selectors

    # Lets the test Client's host in, as under pytest; DEBUG stays off.
    setup_test_environment()
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

    scenarios = {"end_to_end": end_to_end, "selector": selector, "baseline_ilike": baseline}
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

    summary = {}
    for name, per_query in times.items():
        every = [value for values in per_query.values() for value in values]
        summary[name] = {
            "median_ms": statistics.median(every),
            "p95_ms": percentile(every, 0.95),
            "per_query_median_ms": {q: statistics.median(v) for q, v in per_query.items()},
        }
    return {
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
        ],
        check=True,
        env=env,
        cwd=checkout,
    )
    result = json.loads((checkout / "bench" / "results" / "phrase_search.json").read_text())
    result["first"] = run_in_child(
        __file__, {"kind": "first"}, extra_args=("--root", str(checkout)), env=env, cwd=checkout
    )
    return result


def compare(args) -> None:
    """This checkout against a baseline commit at each size, in one run."""
    from bench.harness import baseline_checkout

    base_url = os.environ["DATABASE_URL"]
    rows = []
    results = {}
    for size in args.sizes:
        with baseline_checkout(args.baseline) as checkout:
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
    out = ROOT / "bench" / "results" / "phrase_search_compare.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2, ensure_ascii=False, default=str))


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--phrases", type=int, default=10_000)
    parser.add_argument("--repeats", type=int, default=30, help="timed requests per query")
    parser.add_argument(
        "--baseline",
        help="a commit to compare with in the same run (its own bench, its own database)",
    )
    parser.add_argument(
        "--sizes", type=int, nargs="+", default=[10_000, 50_000], help="with --baseline"
    )
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    parser.add_argument("--root", help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.child:
        spec = json.loads(args.child)
        kinds = {
            "build": lambda: build(spec["phrases"]),
            "measure": lambda: measure(spec["repeats"]),
            "first": first_search,
        }
        Path(args.out).write_text(json.dumps(kinds[spec["kind"]](), default=str))
        return
    if args.baseline:
        bench_database()
        compare(args)
        return

    config = bench_database()
    print(f"Recreating database {config['NAME']}…", flush=True)
    recreate_database(config)
    print(f"Migrating and inserting {args.phrases} phrases…", flush=True)
    built = run_in_child(__file__, {"kind": "build", "phrases": args.phrases})
    print(f"  {built['phrases']} phrases in {built['build_s']:.1f} s.", flush=True)
    measured = run_in_child(__file__, {"kind": "measure", "repeats": args.repeats})
    result = {**built, **measured}

    print(f"\nPhrase search, {built['phrases']} phrases, PostgreSQL {measured['postgres_version']}")
    print(
        f"{len(QUERIES)} queries × {args.repeats} requests; "
        f"{measured['queries_per_request']} SQL queries per request"
    )
    base = measured["summary"]["baseline_ilike"]
    print(f"{'scenario':<16}{'median ms':>11}{'p95 ms':>9}{'median ×base':>14}")
    for name, figures in measured["summary"].items():
        ratio = figures["median_ms"] / base["median_ms"]
        print(f"{name:<16}{figures['median_ms']:>11.2f}{figures['p95_ms']:>9.2f}{ratio:>14.1f}")
    print("\nPer query, median ms (end to end / baseline):")
    for query in QUERIES:
        e2e = measured["summary"]["end_to_end"]["per_query_median_ms"][query]
        bare = base["per_query_median_ms"][query]
        print(f"  {query:<22}{e2e:>8.2f}{bare:>8.2f}")
    print(
        f"\nHit rate of the Finnish test set ({measured['test_queries']} queries) over its "
        f"own {built['test_set_phrases']} phrases: "
        f"{built['hit_rate_test_set_alone_top3']:.2f} in the top 3."
    )
    print(
        f"Hit rate of the Finnish test set among {built['phrases']} phrases: "
        f"{measured['hit_rate_top3']:.2f} in the top 3, {measured['hit_rate_top10']:.2f} "
        f"in the top 10 ({measured['test_queries']} queries)."
    )
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
