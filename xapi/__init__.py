"""xAPI (Experience API 1.0.3) statements about learning, sent to a learning record
store (LRS) through an outbox.

The services that cause a statement (a course or lesson completed, a quiz attempt, a
session attended) record it with `xapi.services.xapi_record` in their own transaction,
passing plain values: this app sits at the ground beside `intents` and knows none of
the apps above it. A statement gets its id (a UUID) and its whole text when recorded,
so a statement sent again is the same statement and the LRS keeps it once.
"""
