"""A fake crowdfunding platform on loopback, started by the tests themselves.

Each path answers as configured: JSON like the documented APIs, or a hang, a 500, malformed
JSON, a status with headers. It records every request (method, path, headers, body) so tests can count attempts."""

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit


class FakePlatform:
    def __init__(self):
        self.routes = {}
        self.requests = []
        platform = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _answer(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                path = urlsplit(self.path).path
                platform.requests.append(
                    {
                        "method": self.command,
                        "path": path,
                        "query": urlsplit(self.path).query,
                        "headers": dict(self.headers),
                        "body": body,
                    }
                )
                route = platform.routes.get((self.command, path))
                if route is None:
                    self._send(404, {"error": "not found"})
                    return
                if callable(route):
                    route = route(self.path, body)
                mode, payload = route
                if mode == "hang":
                    time.sleep(payload)
                    self._send(200, {})
                elif mode == "malformed":
                    self._send_raw(200, b'{"amount_raised": 12,,,')
                elif mode == "status":  # payload: a status, or (status, {header: value})
                    status, headers = payload if isinstance(payload, tuple) else (payload, {})
                    self._send(status, {"error": "boom"}, headers)
                else:
                    self._send(200, payload)

            def _send(self, status, payload, headers=None):
                self._send_raw(status, json.dumps(payload).encode(), headers)

            def _send_raw(self, status, raw, headers=None):
                try:
                    self.send_response(status)
                    for name, value in (headers or {}).items():
                        self.send_header(name, value)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(raw)))
                    self.end_headers()
                    self.wfile.write(raw)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (timeout): expected in the hang tests

            do_GET = do_POST = _answer

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()

    def route(self, method, path, mode="json", payload=None):
        self.routes[(method, path)] = (mode, payload)

    def hits(self, method, path):
        return [request for request in self.requests if request["method"] == method and request["path"] == path]
