"""Ralph's LRS application (`ralph.api:app`) as the xAPI tests run it, with one
default changed: its file-system backend appends each POST or PUT to its one file
of statements. Out of the box it writes that file with the operation type `create`,
which refuses every write after the first ("already exists and overwrite is not
allowed"); `append` is one of the backend's own operation types. Everything else
(authentication, the statement id checks, 204 for a statement it has, 409 for a
different one under the same id) is Ralph's own."""

from ralph.backends.data.base import BaseOperationType
from ralph.backends.lrs.fs import FSLRSBackend

FSLRSBackend.default_operation_type = BaseOperationType.APPEND

from ralph.api import app  # noqa: E402

__all__ = ["app"]
