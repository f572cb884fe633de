"""The morning rush as Locust users: employees, supervisors and phrase users, 8 : 1 : 1.

Run by bench/load/run.py, which builds the bench county, signs its people in (a server
session each, made in the database) and names the sessions file in LOAD_SESSIONS. Every
simulated user takes a signed-in person of its kind and sends their session cookie,
as a browser would after signing in; think time 0.5–1.5 s between pages, so a step of
64 users asks for about 60 pages a second.

Pages, by weight within each kind:
- employee: home (3), My learning (3), a lesson (3), the course page (1);
- supervisor: the team dashboard (4), a team member (1), home (1);
- phrase user: a search as typed (4), a phrase page (2), the library's front page (1).
"""

from __future__ import annotations

import itertools
import json
import os
import random
import threading

from locust import HttpUser, between, task

with open(os.environ["LOAD_SESSIONS"]) as sessions_file:
    DATA = json.load(sessions_file)

_lock = threading.Lock()
_turns = {kind: itertools.cycle(people) for kind, people in DATA["people"].items()}
SEARCHES = ["liikunta", "yksinäisyys", "muisti", "ravitsemus", "uni", "päihteet", "ryhmä"]


def _next(kind: str) -> dict:
    with _lock:
        return next(_turns[kind])


class _Signed(HttpUser):
    abstract = True
    kind = ""
    wait_time = between(0.5, 1.5)

    def on_start(self) -> None:
        self.person = _next(self.kind)
        self.client.cookies.set(DATA["cookie"], self.person["session"])
        # As behind the county's TLS-terminating load balancer.
        self.client.headers["X-Forwarded-Proto"] = "https"

    def page(self, url: str, name: str) -> None:
        with self.client.get(url, name=name, allow_redirects=False, catch_response=True) as got:
            if got.status_code != 200:
                got.failure(f"{got.status_code} for {url}")


class Employee(_Signed):
    weight = 8
    kind = "employee"

    @task(3)
    def home(self) -> None:
        self.page("/", "home /")

    @task(3)
    def my_learning(self) -> None:
        self.page("/opinnot/", "my learning /opinnot/")

    @task(3)
    def lesson(self) -> None:
        self.page(random.choice(DATA["lessons"]), "lesson page")

    @task(1)
    def course(self) -> None:
        self.page(DATA["course"], "course page")


class Supervisor(_Signed):
    weight = 1
    kind = "supervisor"

    @task(4)
    def team(self) -> None:
        self.page("/tiimi/", "team dashboard /tiimi/")

    @task(1)
    def member(self) -> None:
        self.page(f"/tiimi/{random.choice(self.person['reports'])}/", "team member /tiimi/<n>/")

    @task(1)
    def home(self) -> None:
        self.page("/", "home /")


class PhraseUser(_Signed):
    weight = 1
    kind = "phrase"

    @task(4)
    def search(self) -> None:
        self.page(f"/fraasit/tulokset/?q={random.choice(SEARCHES)}", "phrase search")

    @task(2)
    def phrase(self) -> None:
        self.page(f"/fraasit/{random.choice(DATA['phrases'])}/", "phrase page")

    @task(1)
    def library(self) -> None:
        self.page("/fraasit/", "phrase library /fraasit/")
