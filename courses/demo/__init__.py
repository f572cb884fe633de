"""Demo courses for the local run and the browser tests (content in `content.py`)."""
