"""The HTTP side of the fake: a threading server whose handler records, meets faults and routes."""

import json
import sys
import threading
import traceback
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, urlsplit

from tests.platforms import graph, x, youtube
from tests.platforms.shapes import Request, Response
from tests.platforms.state import State

PLATFORMS = (graph, youtube, x)
# What a proxy or a maintenance page may answer with a 200: not JSON.
GARBAGE = b"<!DOCTYPE html><html><head><title>Sorry</title></head><body>Try later.</body></html>"


class Server(ThreadingHTTPServer):
    """A server on 127.0.0.1 at a free port, holding the fake's state."""

    daemon_threads = True

    def __init__(self, state: State, stopping: threading.Event):
        self.state = state
        self.stopping = stopping
        super().__init__(("127.0.0.1", 0), Handler)

    def handle_error(self, request, client_address) -> None:
        """A client that hung up (a timeout in a test) is expected; anything else is printed."""
        if not isinstance(sys.exc_info()[1], ConnectionError | TimeoutError):
            super().handle_error(request, client_address)


def bearer(value: str | None) -> str | None:
    """The token of an `Authorization: Bearer …` (or `OAuth …`) header."""
    scheme, _, token = (value or "").partition(" ")
    if scheme.lower() not in ("bearer", "oauth"):
        return None
    return token.strip() or None


def parse_body(raw: bytes, content_type: str) -> dict | str:
    """A JSON object or a form as a dict, anything else as text; {} when empty."""
    if not raw:
        return {}
    text = raw.decode("utf-8", "replace")
    if "x-www-form-urlencoded" in content_type:
        return dict(parse_qsl(text, keep_blank_values=True))
    try:
        parsed = json.loads(text)
    except ValueError:
        return text
    return parsed if isinstance(parsed, dict) else text


def platform_of(path: str):
    for platform in PLATFORMS:
        if path == platform.PREFIX or path.startswith(platform.PREFIX + "/"):
            return platform
    return None


class Handler(BaseHTTPRequestHandler):
    """One request: recorded (token redacted), maybe faulted, else answered by its platform."""

    server: Server
    timeout = 10
    server_version = "FakePlatforms/1.0"

    def log_message(self, format, *args) -> None:
        """Nothing is logged: no token can leak into a test's output."""

    def do_GET(self) -> None:
        split = urlsplit(self.path)
        platform = platform_of(split.path)
        request = self.read(split, platform)
        response = self.answer(request, platform)
        self.send(response)

    do_POST = do_PUT = do_DELETE = do_PATCH = do_GET

    def read(self, split, platform) -> Request:
        query = dict(parse_qsl(split.query, keep_blank_values=True))
        length = int(self.headers.get("Content-Length") or 0)
        body = parse_body(self.rfile.read(length), self.headers.get("Content-Type", ""))
        token = bearer(self.headers.get("Authorization"))
        in_query = token is None and "access_token" in query
        query_token = query.pop("access_token", None)
        form_token = body.pop("access_token", None) if isinstance(body, dict) else None
        prefix = platform.PREFIX if platform else ""
        return Request(
            method=self.command,
            path=split.path[len(prefix) :],
            query=query,
            body=body,
            token=token or query_token or form_token,
            token_in_query=in_query,
            base_url="http://{}:{}".format(*self.server.server_address[:2]),
            prefix=prefix,
        )

    def record(self, request: Request) -> dict:
        headers = {
            name: "<redacted>" if name.lower() == "authorization" else value
            for name, value in self.headers.items()
        }
        body = dict(request.body) if isinstance(request.body, dict) else request.body
        path = request.prefix + request.path
        return {
            "method": self.command,
            "path": path,
            "query": dict(request.query),
            "body": body,
            "headers": headers,
        }

    def answer(self, request: Request, platform) -> Response:
        """The platform's answer, or the fault's, with the platform's headers."""
        state = self.server.state
        with state.lock:
            state.requests.append(self.record(request))
            fault = state.take_fault(self.command, self.path)
        if platform is None:
            return Response(404, {"error": "Not Found"})
        if fault is not None and fault.kind == "fail":
            body = fault.body if fault.body is not None else platform.server_error(fault.status)
            response = Response(fault.status, body)
            if isinstance(body, str):
                response = Response(fault.status, body.encode(), {"Content-Type": "text/plain"})
        elif fault is not None and fault.kind == "garbage":
            response = Response(200, GARBAGE, {"Content-Type": "text/html; charset=utf-8"})
        elif fault is not None:
            applied = fault.apply
            response = self.apply(request, platform) if applied else None
            self.server.stopping.wait(fault.seconds)
            response = response or Response(503, platform.server_error(503))
        else:
            response = self.apply(request, platform)
        with state.lock:
            response.headers = {**platform.headers(state, request), **response.headers}
        return response

    def apply(self, request: Request, platform) -> Response:
        state = self.server.state
        with state.lock:
            try:
                return platform.handle(state, request)
            except Exception:
                traceback.print_exc()
                return Response(500, platform.server_error(500))

    def send(self, response: Response) -> None:
        body = response.body
        data = json.dumps(body).encode() if isinstance(body, dict) else body or b""
        self.send_response(response.status)
        headers = {}
        if response.status != 204:
            content_type = "application/json; charset=UTF-8"
            headers = {"Content-Type": content_type, "Content-Length": str(len(data))}
        headers.update(response.headers)
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        if data and response.status != 204:
            self.wfile.write(data)
