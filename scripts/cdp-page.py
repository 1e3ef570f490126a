#!/usr/bin/env python3
"""Opens one page in a running headless Chromium over the DevTools protocol (standard library only),
with a cookie set first, and saves its DOM and a full-page PNG screenshot.

Usage: cdp-page.py DEVTOOLS_PORT URL COOKIE_NAME COOKIE_VALUE COOKIE_PATH DOM_OUT PNG_OUT
(the auditor's page check uses it: a token is too long for a URL and must never be put in one)."""
import base64, json, os, socket, struct, sys, urllib.request

port, url, name, value, path, dom_out, png_out = sys.argv[1:8]
target = json.load(urllib.request.urlopen(urllib.request.Request(f"http://127.0.0.1:{port}/json/new?about:blank", method="PUT")))
ws_path = target["webSocketDebuggerUrl"].split(f"127.0.0.1:{port}", 1)[1]
sock = socket.create_connection(("127.0.0.1", int(port)), timeout=60)
key = base64.b64encode(os.urandom(16)).decode()
sock.sendall((f"GET {ws_path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
              f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n").encode())
reply = b""
while b"\r\n\r\n" not in reply:
    reply += sock.recv(1)
assert b" 101 " in reply.split(b"\r\n", 1)[0], reply

def recv_exact(n):
    data = b""
    while len(data) < n:
        chunk = sock.recv(n - len(data))
        if not chunk: raise EOFError("DevTools closed the connection")
        data += chunk
    return data

def send(message):
    payload = json.dumps(message).encode()
    header = bytes([0x81])
    n = len(payload)
    header += bytes([0x80 | n]) if n < 126 else bytes([0x80 | 126]) + struct.pack(">H", n) if n < 65536 else bytes([0x80 | 127]) + struct.pack(">Q", n)
    mask = os.urandom(4)
    sock.sendall(header + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(payload)))

def receive():
    message = b""
    while True:
        first, second = recv_exact(2)
        n = second & 0x7F
        if n == 126: n = struct.unpack(">H", recv_exact(2))[0]
        elif n == 127: n = struct.unpack(">Q", recv_exact(8))[0]
        message += recv_exact(n)
        if first & 0x80: return json.loads(message)

ids = iter(range(1, 1000))
events = []
def call(method, **params):
    i = next(ids)
    send({"id": i, "method": method, "params": params})
    while True:
        m = receive()
        if "method" in m: events.append(m["method"])
        if m.get("id") == i:
            if "error" in m: raise RuntimeError(f"{method}: {m['error']}")
            return m.get("result", {})

call("Network.enable")
call("Page.enable")
base = url.split("/", 3)
call("Network.setCookie", name=name, value=value, url="/".join(base[:3]) + path, path=path, httpOnly=True, sameSite="Strict")
call("Page.navigate", url=url)
while "Page.loadEventFired" not in events:  # the redirect to the login form would load too: the DOM tells
    events.append(receive().get("method"))
html = call("Runtime.evaluate", expression="document.documentElement.outerHTML")["result"]["value"]
open(dom_out, "w", encoding="utf-8").write(html)
png = call("Page.captureScreenshot", format="png", captureBeyondViewport=True)["data"]
open(png_out, "wb").write(base64.b64decode(png))
