"""Two careplan shells in real pseudo-terminals, logged in to one team store as different
staff, with one plan open: each is told of the other's change while it waits at the prompt,
without anything typed; edits of different entries made at the same moment are both kept.

Usage: python3 Tests/Support/pty_two_shells.py CAREPLAN SAM_URL RUTH_URL PLAN_ID
with SAM_PGPASSWORD and RUTH_PGPASSWORD in the environment.
Prints what it checked and exits 1 on the first failure.
"""
import os
import subprocess
import sys
import tempfile
import time

import pexpect


def start(binary, url, password, folder):
    env = {
        "HOME": folder, "PATH": "/usr/bin:/bin", "TERM": "xterm", "NO_COLOR": "1",
        "PGPASSWORD": password, "CAREPLAN_NOW": "2026-11-21T10:00:00Z",
    }
    child = pexpect.spawn(binary, ["--no-history", "--store", url], env=env, encoding="utf-8", timeout=15,
                          dimensions=(40, 160))
    child.expect_exact("careplan> ")
    return child


def check(condition, message):
    if not condition:
        print("FAIL:", message)
        sys.exit(1)
    print("ok:", message)


def main(binary, sam_url, ruth_url, plan_id):
    folder = tempfile.mkdtemp(prefix="careplan-pty-team-")
    sam = start(binary, sam_url, os.environ["SAM_PGPASSWORD"], folder)
    ruth = start(binary, ruth_url, os.environ["RUTH_PGPASSWORD"], folder)
    for shell in (sam, ruth):
        shell.sendline("open " + plan_id)
        shell.expect_exact(plan_id + " ")
        shell.expect_exact("> ")

    # Sam changes the plan; Ruth, typing nothing, is told within a second or two.
    sam.sendline("strength add Kind to neighbours")
    sam.expect_exact("add strength S1")
    sam.expect_exact("> ")
    started = time.monotonic()
    ruth.expect_exact("Sam Osei changed this plan", timeout=5)
    waited = time.monotonic() - started
    check(waited < 2.0, "the other shell is told of a colleague's change without typing anything (%.2fs)" % waited)
    ruth.expect_exact("> ")

    # Both edit different entries at the same moment: both kept.
    sam.sendline("goal add Walk to the shops")
    ruth.sendline("need add Lonely --domain emotional")
    sam.expect_exact("add goal G1")
    ruth.expect_exact("add need N1")
    time.sleep(1.0)
    for shell in (sam, ruth):
        shell.sendline("quit")
        shell.expect(pexpect.EOF)
    shown = subprocess.run([binary, "export", plan_id, "--store", sam_url], capture_output=True, text=True,
                           env={"HOME": folder, "PATH": "/usr/bin:/bin", "PGPASSWORD": os.environ["SAM_PGPASSWORD"]})
    check(shown.returncode == 0, "the plan exports: " + shown.stderr.strip())
    check("Walk to the shops" in shown.stdout and "Lonely" in shown.stdout and "Kind to neighbours" in shown.stdout,
          "edits of different entries made at the same moment are both kept")


if __name__ == "__main__":
    main(*sys.argv[1:5])
