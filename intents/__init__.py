"""Work that must follow a commit, recorded in the same transaction as the change.

A service that needs a Celery task to run after its change commits records a task
intent (`intents.services.intent_record`) instead of calling the task: the row is
written in the service's transaction, so the change and the promise of its follow-up
commit or roll back together. On commit the intent is handed to Celery straight away;
a relay run by beat every minute hands over whatever is still waiting (the broker was
down at commit time, the process died in between). A broker outage therefore delays
the work and never loses it, and the request that made the change still succeeds.

Handing over is at least once (a hand-over whose mark is lost is handed over again), so
every task named in an intent is idempotent. This app is at the ground: it knows the
task names only as text and imports nothing of the apps above it.

Our own rather than a library: the transactional-outbox packages for Django we looked at
either replace Celery's publishing altogether or need a message bus of their own; this
is one table and two short functions on top of Celery's `send_task`.
"""
