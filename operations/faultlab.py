"""Tools to break the dependencies on purpose: a switchable TCP proxy and a gunicorn runner.

Used by the fault tests (``operations/tests``) and ``bench/faults.py``.

``FaultProxy`` listens on 127.0.0.1 and, by ``mode``:

- ``"forward"``: passes bytes to the real server (``upstream``),
- ``"hang"``: accepts the connection and never answers (a hung server),
- ``"refuse"``: accepts and resets at once (a server that drops every connection).

Switching the mode cuts the connections that are open, as a crashed server would.
A port nobody listens on (``closed_port()``) is the "refusing" case at the TCP level.
"""

import contextlib
import os
import socket
import struct
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
PORT_RANGE = range(
    int(os.environ.get("FAULT_PORT_MIN", "18400")), int(os.environ.get("FAULT_PORT_MAX", "18500"))
)


def _port_is_free(port):
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


_next = [0]
_lock = threading.Lock()


def free_port():
    """A free port of ``PORT_RANGE`` (FAULT_PORT_MIN..FAULT_PORT_MAX), tried round-robin."""
    with _lock:
        for _ in range(len(PORT_RANGE)):
            port = PORT_RANGE[_next[0] % len(PORT_RANGE)]
            _next[0] += 1
            if _port_is_free(port):
                return port
    raise RuntimeError("no free port in the fault range")


def closed_port():
    """A port on 127.0.0.1 where nothing listens: connections are refused."""
    return free_port()


def _reset(sock):
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        sock.close()
    except OSError:
        pass


class FaultProxy:
    def __init__(self, upstream=None, mode="forward", port=None):
        self.upstream = upstream
        self.mode = mode if upstream or mode != "forward" else "hang"
        self.port = port or free_port()
        self._open = []
        self._lock = threading.Lock()
        self._server = socket.socket()
        self._server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._server.bind(("127.0.0.1", self.port))
        self._server.listen(64)
        self._running = True
        threading.Thread(target=self._accept, daemon=True).start()

    @property
    def url_host(self):
        return f"127.0.0.1:{self.port}"

    def set_mode(self, mode):
        self.mode = mode
        with self._lock:
            sockets, self._open = self._open, []
        for sock in sockets:
            _reset(sock)

    def close(self):
        self._running = False
        self.set_mode("refuse")
        with contextlib.suppress(OSError):
            self._server.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def _accept(self):
        while self._running:
            try:
                client, _address = self._server.accept()
            except OSError:
                return
            mode = self.mode
            if mode == "refuse":
                _reset(client)
                continue
            with self._lock:
                self._open.append(client)
            if mode == "hang":
                continue  # kept open, never read, never answered
            try:
                upstream = socket.create_connection(self.upstream, timeout=5)
                upstream.settimeout(None)
            except OSError:
                _reset(client)
                continue
            with self._lock:
                self._open.append(upstream)
            threading.Thread(target=self._pipe, args=(client, upstream), daemon=True).start()
            threading.Thread(target=self._pipe, args=(upstream, client), daemon=True).start()

    @staticmethod
    def _pipe(source, target):
        try:
            while True:
                data = source.recv(65536)
                if not data:
                    break
                target.sendall(data)
        except OSError:
            pass
        for sock in (source, target):
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)


class Gunicorn:
    """``gunicorn cms.wsgi`` in a subprocess with the given environment; stderr kept for inspection."""

    def __init__(
        self,
        env,
        port=None,
        settings="cms.settings.production",
        workers=1,
        log_path=None,
        cwd=None,
        ready_path=None,
    ):
        self.port = port or free_port()
        self.ready_path = ready_path or "/healthz"
        self.cwd = Path(cwd or BASE_DIR)
        self.log_path = Path(
            log_path or tempfile.mkstemp(prefix=f"faultlab-gunicorn-{self.port}-", suffix=".log")[1]
        )
        full_env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": settings,
            "SECRET_KEY": "fault-tests-" + "k3y-" * 12,
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "SECURE_SSL_REDIRECT": "false",
            "DB_CONN_MAX_AGE": "0",
            "PYTHONUNBUFFERED": "1",
            **env,
        }
        for name in ("REDIS_URL", "ELASTICSEARCH_URL"):
            if env.get(name) is None:
                full_env.pop(name, None)
        self._log = self.log_path.open("w")
        self.process = subprocess.Popen(  # noqa: S603 (our own gunicorn, fixed arguments)
            [
                str(Path(sys.executable).parent / "gunicorn"),
                "cms.wsgi",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                str(workers),
                "--timeout",
                "30",
            ],
            cwd=self.cwd,
            env=full_env,
            stdout=self._log,
            stderr=subprocess.STDOUT,
        )
        self._wait_until_up()

    def _wait_until_up(self, seconds=60):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited: {self.log()}")
            try:
                self.get(self.ready_path, timeout=5)  # any answer: the worker is up
                return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError(f"gunicorn did not start: {self.log()}")

    def get(self, path, timeout=30, headers=None):
        """(status, headers, body text, seconds) of one GET."""
        request = urllib.request.Request(f"http://127.0.0.1:{self.port}{path}", headers=headers or {})
        started = time.monotonic()
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 (local)
                status, head, body = response.status, response.headers, response.read()
        except urllib.error.HTTPError as error:
            status, head, body = error.code, error.headers, error.read()
        return status, head, body.decode("utf-8", "replace"), time.monotonic() - started

    def log(self):
        self._log.flush()
        return self.log_path.read_text()

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self._log.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()
