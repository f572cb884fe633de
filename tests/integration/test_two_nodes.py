"""Several nodes, without Docker: two gunicorn nodes on two ports behind a real haproxy
(Debian's, installed by scripts/test.sh), two Celery workers and two beat processes on
one PostgreSQL and one Redis (the test's own).

- a session started on one node works on the other (and through the proxy);
- an export built by one of the workers downloads through either node;
- the reminder sweep, sent every two seconds by each of two beats, mails each
  reminder exactly once.

It also measures, in the same run: the first phrase search after a node starts with
the lemma data warmed (node A) and without (node B), and the throughput of the two
nodes behind the proxy against one node alone. With HYTEOPAS_BENCH_OUT set the figures
are written there as JSON (bench/two_nodes.py)."""

import datetime
import json
import os
import re
import shutil
import signal
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from http.cookiejar import CookieJar
from pathlib import Path

import pytest
from django.db import connection
from django.utils import timezone

from notifications.models import OutboxStatus, ReminderOutbox
from onboarding.models import Checklist, ChecklistItem, ItemKind
from supervision.models import ExportJob
from tests.conftest import need
from tests.factories import make_unit
from tests.integration.mail_log import delivered
from tests.integration.processes import (
    BIN,
    OwnRedis,
    database_url,
    free_port,
    spawn,
    start_worker,
    stop,
    wait_or_show_log,
    wait_port,
)
from tests.supervision.conftest import person

pytestmark = [pytest.mark.redis, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PASSWORD = "kaksi-solmua-2026"
HAPROXY_CFG = """
global
    maxconn 512
defaults
    mode http
    timeout connect 5s
    timeout client 60s
    timeout server 60s
frontend www
    bind 127.0.0.1:{port}
    default_backend web
backend web
    balance roundrobin
    server a 127.0.0.1:{a}
    server b 127.0.0.1:{b}
"""


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Browser:
    """One person's browser: a cookie jar shared by requests to any node."""

    def __init__(self):
        self.jar = CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar), _NoRedirect
        )

    def request(self, port: int, path: str, data: dict | None = None):
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", data=body)
        if data is not None:
            request.add_header("Referer", f"http://127.0.0.1:{port}{path}")
        try:
            with self.opener.open(request, timeout=60) as response:
                return response.status, response.headers, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read()

    def csrf(self) -> str:
        return next(cookie.value for cookie in self.jar if cookie.name == "csrftoken")

    def sign_in(self, port: int, username: str) -> None:
        status, _headers, _body = self.request(port, "/kirjaudu/")
        assert status == 200
        status, headers, body = self.request(
            port,
            "/kirjaudu/",
            {"csrfmiddlewaretoken": self.csrf(), "username": username, "password": PASSWORD},
        )
        assert status == 302, body[:2000]


def _gunicorn(env: dict, port: int, log: Path):
    return spawn(
        [
            str(BIN / "gunicorn"),
            "learning.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "2",
            "--preload",
            "--timeout",
            "120",
        ],
        env,
        log,
    )


def _first_search(browser: Browser, port: int) -> float:
    started = time.perf_counter()
    status, _headers, _body = browser.request(
        port, "/fraasit/tulokset/?" + urllib.parse.urlencode({"q": "potilaan liikuntaryhmään"})
    )
    assert status == 200
    return time.perf_counter() - started


def _throughput(browser: Browser, port: int, requests: int = 120, threads: int = 8) -> float:
    def one(_):
        status, _headers, _body = browser.request(port, "/tiimi/")
        assert status == 200

    started = time.perf_counter()
    with ThreadPoolExecutor(threads) as pool:
        list(pool.map(one, range(requests)))
    return requests / (time.perf_counter() - started)


def test_two_nodes_two_workers_two_beats(tmp_path, settings):
    need(connection.vendor == "postgresql", "PostgreSQL (DATABASE_URL)")
    for program in ("redis-server", "haproxy"):
        need(shutil.which(program) is not None, program)
    redis = OwnRedis(tmp_path / "redis")
    redis.start()
    exports_root = tmp_path / "exports"
    mail_log = tmp_path / "mail.log"
    settings.EXPORT_ROOT = exports_root

    unit = make_unit("U1", make_unit("HVA"))
    lead = person(unit, "Esimies", "Eila")
    lead.user.set_password(PASSWORD)
    lead.user.save()
    team = [person(unit, f"Tiimiläinen{n}", "Tea", lead) for n in range(3)]
    for member in team:
        checklist, _created = Checklist.objects.get_or_create(employee=member)
        item = ChecklistItem.objects.create(
            checklist=checklist,
            kind=ItemKind.TASK,
            title="Hae avaimet",
            owner="employee",
            due_date=timezone.localdate() + datetime.timedelta(days=0),
        )
        # Made a month ago, so today's stage lies after its creation and is sent.
        ChecklistItem.objects.filter(pk=item.pk).update(
            created_at=timezone.now() - datetime.timedelta(days=30)
        )

    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.integration.worker_settings",
        "DATABASE_URL": database_url(),
        "CELERY_BROKER_URL": redis.url,
        "REDIS_URL": redis.url,
        "EXPORT_ROOT": str(exports_root),
        "HYTEOPAS_MAIL_LOG": str(mail_log),
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    ports = {"a": free_port(), "b": free_port(), "proxy": free_port()}
    figures: dict = {}
    processes = []
    try:
        # Node A loads the lemma data at start; node B does not (the comparison).
        started = {}
        for name, warm in (("a", "1"), ("b", "0")):
            started[name] = time.perf_counter()
            processes.append(
                _gunicorn({**env, "LEMMAS_WARM": warm}, ports[name], tmp_path / f"web-{name}.log")
            )
        for name in ("a", "b"):
            wait_port(ports[name], timeout=120)
            figures[f"node_{name}_listening_s"] = round(time.perf_counter() - started[name], 2)
        config = tmp_path / "haproxy.cfg"
        config.write_text(HAPROXY_CFG.format(port=ports["proxy"], a=ports["a"], b=ports["b"]))
        processes.append(
            spawn([shutil.which("haproxy"), "-f", str(config), "-db"], env, tmp_path / "proxy.log")
        )
        wait_port(ports["proxy"])

        # A session started on node A works on node B and through the proxy.
        browser = Browser()
        browser.sign_in(ports["a"], lead.employee_number)
        figures["first_search_warm_s"] = round(_first_search(browser, ports["a"]), 3)
        figures["first_search_cold_s"] = round(_first_search(browser, ports["b"]), 3)
        for port in (ports["b"], ports["a"], ports["proxy"], ports["proxy"]):
            status, _headers, body = browser.request(port, "/tiimi/")
            assert status == 200, (port, body[:500])
            assert "Tiimiläinen0" in body.decode()

        # Two workers and two beats on the one broker and database.
        for name in ("w1", "w2"):
            processes.append(start_worker(env, tmp_path / f"{name}.log", f"twonodes-{name}"))
        for name in ("beat1", "beat2"):
            processes.append(
                spawn(
                    [
                        str(BIN / "celery"),
                        "-A",
                        "learning",
                        "beat",
                        "--loglevel=INFO",
                        "-s",
                        str(tmp_path / f"{name}-schedule"),
                    ],
                    {**env, "HYTEOPAS_FAST_BEAT": "1"},
                    tmp_path / f"{name}.log",
                )
            )

        # An export asked for on node A, built by a worker, downloads through either node.
        status, headers, _body = browser.request(
            ports["a"], "/seuranta/tiimi/vienti-xlsx/", {"csrfmiddlewaretoken": browser.csrf()}
        )
        assert status == 302
        token = re.search(r"/seuranta/viennit/([0-9a-f-]+)/", headers["Location"]).group(1)
        wait_or_show_log(
            tmp_path / "w1.log",
            lambda: ExportJob.objects.filter(token=token, status=ExportJob.Status.DONE).exists(),
        )
        downloads = []
        for port in (ports["a"], ports["b"], ports["proxy"]):
            status, _headers, body = browser.request(port, f"/seuranta/viennit/{token}/lataa/")
            assert status == 200 and body.startswith(b"PK"), (port, status)
            downloads.append(body)
        assert downloads[0] == downloads[1] == downloads[2]

        # Each beat sends the sweep every two seconds: each reminder goes out once.
        wait_or_show_log(
            tmp_path / "beat1.log",
            lambda: ReminderOutbox.objects.filter(status=OutboxStatus.SENT).count() == 3,
        )
        time.sleep(8)  # several more sweeps from both beats
        assert sorted(delivered(mail_log)) == sorted(
            ReminderOutbox.objects.values_list("pk", flat=True)
        )
        assert len(delivered(mail_log)) == 3
        for name in ("beat1", "beat2"):
            assert "Sending due task reminders-sweep-hourly" in (
                tmp_path / f"{name}.log"
            ).read_text(errors="replace")

        # Throughput: the two nodes behind the proxy against node A alone.
        _throughput(browser, ports["proxy"], requests=16)  # warm both
        figures["one_node_requests_per_s"] = round(_throughput(browser, ports["a"]), 1)
        figures["two_nodes_requests_per_s"] = round(_throughput(browser, ports["proxy"]), 1)
    finally:
        for process in reversed(processes):
            stop(process, signal.SIGTERM, timeout=30)
        redis.stop()
    print("two-node figures:", json.dumps(figures))
    if os.environ.get("HYTEOPAS_BENCH_OUT"):
        Path(os.environ["HYTEOPAS_BENCH_OUT"]).write_text(json.dumps(figures, indent=2))
