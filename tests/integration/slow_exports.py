"""Imported by the workers of the export SIGKILL test (HYTEOPAS_TEST_IMPORTS): each
completion row comes EXPORT_ROW_DELAY seconds after the last, so the test can kill the
worker in the middle of writing the file."""

import os
import time

from supervision import exports

_rows = exports.completion_rows


def _slow_rows(completions):
    delay = float(os.environ.get("EXPORT_ROW_DELAY", "0.02"))
    for row in _rows(completions):
        time.sleep(delay)
        yield row


exports.completion_rows = _slow_rows
