"""A real HTTP server on 127.0.0.1 standing for Teams' and Slack's incoming webhooks: it keeps
each request and answers the status a test sets (`server.status = 500`).

The fixture `webhook_server` wraps `running_webhook_server()`: a test module imports it as
`from tests.webhook_server import webhook_server_fixture  # noqa: F401`.

>>> import httpx
>>> with running_webhook_server() as server:
...     httpx.post(server.url + "/hook", json={"text": "Bonjour"}).status_code
...     server.requests[0].path, server.requests[0].body
200
('/hook', {'text': 'Bonjour'})
"""

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

HOST = "127.0.0.1"


@dataclass(frozen=True)
class Request:
    method: str
    path: str
    headers: dict[str, str]  # names in lower case
    body: object  # the JSON posted, or None when the body was not JSON


@dataclass
class WebhookServer:
    url: str  # http://127.0.0.1:PORT, without a trailing slash
    status: int = 200  # what every request is answered, until a test changes it
    requests: list[Request] = field(default_factory=list)


@contextmanager
def running_webhook_server() -> Iterator[WebhookServer]:
    """The server on a free port of 127.0.0.1 until the block ends."""
    httpd = ThreadingHTTPServer((HOST, 0), _Handler)
    httpd.daemon_threads = True
    httpd.webhook = WebhookServer(f"http://{HOST}:{httpd.server_address[1]}")
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield httpd.webhook
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()


@pytest.fixture(name="webhook_server")
def webhook_server_fixture() -> Iterator[WebhookServer]:
    """A webhook server answering 200 until the test sets `status`."""
    with running_webhook_server() as server:
        yield server


class _Handler(BaseHTTPRequestHandler):
    def do_POST(self):
        raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        try:
            body = json.loads(raw)
        except ValueError:
            body = None
        headers = {name.lower(): value for name, value in self.headers.items()}
        webhook = self.server.webhook
        webhook.requests.append(Request("POST", self.path, headers, body))
        self.send_response(webhook.status)
        if 300 <= webhook.status < 400:
            # Somewhere a client that followed redirects would post to: nothing listens there.
            self.send_header("Location", f"{webhook.url}/moved")
        answer = b"1"  # what Teams' and Slack's webhooks answer on success
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)

    def log_message(self, format, *args):
        """Silent: a test's output is its assertions."""
