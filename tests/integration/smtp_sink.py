"""A minimal SMTP server for tests: accepts every message and keeps it, so a test can
count who got what over a real SMTP connection; it can be stopped (connections are
refused, as when the mail server is down) and started again on the same port.

Python 3.11's `smtpd` is deprecated and gone in 3.12, and aiosmtpd is not a dependency;
the few commands Django's SMTP backend uses fit in this class."""

import email
import os
import socket
import socketserver
import threading


class _Handler(socketserver.StreamRequestHandler):
    def _reply(self, line: str) -> None:
        self.wfile.write(f"{line}\r\n".encode())
        self.wfile.flush()

    def handle(self) -> None:
        self._reply("220 sink ready")
        recipients: list[str] = []
        while True:
            raw = self.rfile.readline()
            if not raw:
                return
            command = raw.decode("utf-8", "replace").strip()
            verb = command[:4].upper()
            if verb in ("EHLO", "HELO"):
                self._reply("250 sink")
            elif verb == "MAIL":
                recipients = []
                self._reply("250 OK")
            elif verb == "RCPT":
                recipients.append(command.split(":", 1)[1].strip().strip("<>"))
                self._reply("250 OK")
            elif verb == "DATA":
                self._reply("354 go ahead")
                lines = []
                while True:
                    line = self.rfile.readline()
                    if not line or line in (b".\r\n", b".\n"):
                        break
                    lines.append(line[1:] if line.startswith(b"..") else line)
                raw = b"".join(lines)
                self.server.sink.received(email.message_from_bytes(raw), recipients, raw=raw)
                self._reply("250 queued")
            elif verb == "QUIT":
                self._reply("221 bye")
                return
            else:  # RSET, NOOP and the rest
                self._reply("250 OK")


class _Server(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True


class SmtpSink:
    def __init__(self) -> None:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.messages: list[tuple[str, str, str]] = []  # (outbox row id, to, subject)
        self._lock = threading.Lock()
        self._server: _Server | None = None

    def received(self, message, recipients: list[str], raw: bytes = b"") -> None:
        with self._lock:
            for to in recipients:
                self.messages.append(
                    (message.get("X-Hyteopas-Outbox", "-"), to, str(message.get("Subject", "")))
                )

    def start(self) -> None:
        self._server = _Server(("127.0.0.1", self.port), _Handler)
        self._server.sink = self
        threading.Thread(target=self._server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def row_ids(self) -> list[int]:
        with self._lock:
            return [int(row) for row, _to, _subject in self.messages if row != "-"]


class SavingSink(SmtpSink):
    """Keeps each message as it arrived, one .eml file per message in `folder`."""

    def __init__(self, folder: str, port: int) -> None:
        super().__init__()
        self.port, self.folder, self.count = port, folder, 0

    def received(self, message, recipients: list[str], raw: bytes = b"") -> None:
        super().received(message, recipients, raw)
        with self._lock:
            self.count += 1
            number = self.count
        path = f"{self.folder}/{number:05d}.eml"
        with open(f"{path}.part", "wb") as handle:
            handle.write(raw)
        os.replace(f"{path}.part", path)


def main() -> None:
    """`python -m tests.integration.smtp_sink PORT FOLDER`: a sink in its own process
    (tests/notifications/test_email_clients.py) until it is terminated."""
    import signal
    import sys

    stop = {signal.SIGTERM, signal.SIGINT}
    signal.pthread_sigmask(signal.SIG_BLOCK, stop)  # before the server thread starts
    sink = SavingSink(sys.argv[2], int(sys.argv[1]))
    sink.start()
    print("ready", flush=True)
    signal.sigwait(stop)
    sink.stop()


if __name__ == "__main__":
    main()
