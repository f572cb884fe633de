"""xAPI statements per second to a real LRS (Ralph with its file backend, started here,
fresh for each scenario), against baselines measured in the same run:

- bare POST, one statement a request: a loop of HTTP POSTs of ready statements, the
  least any sender pays per statement without batching;
- bare POST, batches: the same statements posted XAPI_BATCH_SIZE at a time;
- outbox: statements recorded as the services record them (`xapi_record`, in one
  transaction; the kick after the commit left out), then delivered by
  `xapi_deliver_pending`, the code the `xapi.deliver` task runs (claim with SKIP
  LOCKED, POST a batch, mark sent), at batch sizes 1 and XAPI_BATCH_SIZE.

    scripts/bench.sh xapi [--statements 1000] [--batch 100]
    # prints a table, writes bench/results/xapi.json
"""

from __future__ import annotations

import json
import tempfile
import time
import urllib.request
import uuid
from pathlib import Path

import harness

RESULTS = harness.prepare(__file__)


def _post(url: str, body: object) -> None:
    import base64

    from tests.integration.lrs import PASSWORD, USERNAME

    request = urllib.request.Request(  # noqa: S310 (the bench's own LRS on 127.0.0.1)
        f"{url}/statements",
        data=json.dumps(body).encode(),
        method="POST",
        headers={
            "Content-Type": "application/json",
            "X-Experience-API-Version": "1.0.3",
            "Authorization": "Basic "
            + base64.b64encode(f"{USERNAME}:{PASSWORD}".encode()).decode(),
        },
    )
    with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310
        assert response.status in (200, 204), response.status


def _statements(count: int) -> list[dict]:
    from django.utils import timezone

    from xapi.statements import Activity, Result, build

    return [
        build(
            event_key=f"bench/{uuid.uuid4()}",
            actor=f"E-{number:06d}",
            verb="completed",
            activity=Activity(kind="lesson", key=f"l-{number % 50}", names={"fi": "Oppitunti"}),
            result=Result(completion=True),
            timestamp=timezone.now(),
        )
        for number in range(count)
    ]


def _rate(count: int, seconds: float) -> dict:
    return {
        "statements": count,
        "seconds": round(seconds, 3),
        "per_second": round(count / seconds, 1),
    }


def bare(lrs, count: int, batch: int) -> dict:
    statements = _statements(count)
    started = time.perf_counter()
    for start in range(0, count, batch):
        chunk = statements[start : start + batch]
        _post(lrs.url, chunk)
    result = _rate(count, time.perf_counter() - started)
    assert len(lrs.stored_ids()) == count
    return result


def outbox(lrs, count: int, batch: int) -> dict:
    from django.conf import settings
    from django.db import transaction

    from tests.integration.lrs import PASSWORD, USERNAME
    from xapi import services
    from xapi.models import Statement, StatementStatus
    from xapi.services import Activity, Result, xapi_deliver_pending, xapi_record

    settings.XAPI_LRS_URL = lrs.url
    settings.XAPI_LRS_USERNAME, settings.XAPI_LRS_PASSWORD = USERNAME, PASSWORD
    settings.XAPI_BATCH_SIZE = batch
    Statement.objects.all().delete()
    run = uuid.uuid4()
    # The kick after the commit would deliver in-process here (eager tasks): left out,
    # so the delivery below is timed alone, as the worker's task runs it.
    kick, services.intent_record = services.intent_record, lambda *args, **kwargs: None
    started = time.perf_counter()
    with transaction.atomic():
        for number in range(count):
            xapi_record(
                event_key=f"bench/{run}/{number}",
                employee_number=f"E-{number:06d}",
                user_id=number,
                verb="completed",
                activity=Activity(kind="lesson", key=f"l-{number % 50}", names={"fi": "Oppitunti"}),
                result=Result(completion=True),
            )
    recorded = time.perf_counter() - started
    services.intent_record = kick
    started = time.perf_counter()
    delivered = xapi_deliver_pending(max_seconds=3600)
    seconds = time.perf_counter() - started
    assert delivered.sent == count, delivered
    assert Statement.objects.filter(status=StatementStatus.SENT).count() == count
    assert len(lrs.stored_ids()) == count
    result = _rate(count, seconds)
    result["recording_per_second"] = round(count / recorded, 1)
    return result


def main() -> None:
    parser = harness.parser(__doc__)
    parser.add_argument("--statements", type=int, default=1000)
    parser.add_argument("--batch", type=int, default=100)
    args = parser.parse_args()
    harness.fresh_database()
    harness.migrate()
    from tests.integration.lrs import RalphLRS

    scenarios = [
        ("bare POST, 1 a request", lambda lrs: bare(lrs, args.statements, 1)),
        (f"bare POST, {args.batch} a request", lambda lrs: bare(lrs, args.statements, args.batch)),
        ("outbox, batch 1", lambda lrs: outbox(lrs, args.statements, 1)),
        (f"outbox, batch {args.batch}", lambda lrs: outbox(lrs, args.statements, args.batch)),
    ]
    results: dict = {"statements": args.statements, "batch": args.batch}
    for name, scenario in scenarios:
        with tempfile.TemporaryDirectory(prefix="hyteopas-bench-lrs-") as folder:
            lrs = RalphLRS(Path(folder))
            lrs.start()
            try:
                results[name] = scenario(lrs)
            finally:
                lrs.stop()
        print(f"{name:<28} {results[name]}", flush=True)
    single, batched = "bare POST, 1 a request", f"bare POST, {args.batch} a request"
    results["outbox batch 1 / bare 1 (rate)"] = round(
        results["outbox, batch 1"]["per_second"] / results[single]["per_second"], 2
    )
    results[f"outbox batch {args.batch} / bare {args.batch} (rate)"] = round(
        results[f"outbox, batch {args.batch}"]["per_second"] / results[batched]["per_second"], 2
    )
    results[f"outbox batch {args.batch} / bare 1 (rate)"] = round(
        results[f"outbox, batch {args.batch}"]["per_second"] / results[single]["per_second"], 2
    )
    for key in [k for k in results if "(rate)" in k]:
        print(f"{key:<40} {results[key]}")
    harness.write_results(RESULTS, results)


if __name__ == "__main__":
    main()
