"""Drives the careplan shell in a real pseudo-terminal (pexpect): Tab completes a command
and an entry id, Up recalls the previous line from the last run, a line starting with a
space stays out of history, and the history file is mode 0600.

Usage: python3 Tests/Support/pty_shell_test.py PATH/TO/careplan
Prints what it checked and exits 1 on the first failure.
"""
import os
import stat
import sys
import tempfile

import pexpect

PROMPT_NONE = "careplan> "


def start(binary, folder, extra=None):
    env = {
        "HOME": folder,
        "PATH": "/usr/bin:/bin",
        "TERM": "xterm",
        "NO_COLOR": "1",
        "CAREPLAN_HISTORY": os.path.join(folder, "state", "history"),
        "CAREPLAN_AUTHOR": "pty",
        "CAREPLAN_NOW": "2026-11-21T10:00:00Z",
    }
    env.update(extra or {})
    child = pexpect.spawn(binary, ["--store", os.path.join(folder, "store.sqlite")], env=env,
                          encoding="utf-8", timeout=20, dimensions=(40, 120))
    child.expect_exact(PROMPT_NONE)
    return child


def check(condition, message):
    if not condition:
        print("FAIL:", message)
        sys.exit(1)
    print("ok:", message)


def main(binary):
    folder = tempfile.mkdtemp(prefix="careplan-pty-")
    child = start(binary, folder)

    # Tab completes a command word: "stre<Tab>" becomes "strength ".
    child.sendline("new Ada Test")
    child.expect_exact("careplan ")
    child.expect_exact("> ")
    child.sendline("need add Lonely --domain emotional")
    child.expect_exact("revision 2")
    child.expect_exact("> ")
    child.send("stre\t")
    child.expect_exact("strength ")
    child.sendline("add Kind")
    child.expect_exact("add strength S1")
    child.expect_exact("> ")
    check(True, "Tab completes a command word")

    # Tab completes an entry id: "need status N<Tab>" becomes "need status N1 ".
    child.send("need status N\t")
    child.expect_exact("N1 ")
    child.sendline("resolved")
    child.expect_exact("need N1 resolved")
    child.expect_exact("> ")
    check(True, "Tab completes an entry id")

    # Bracketed paste: a pasted email of several lines becomes the text of one note; none of
    # its lines runs as a command (not even "quit").
    child.send("note ")
    child.send("\x1b[200~Hi Sam,\rquit\rstrength add Pasted\r-- Ruth\x1b[201~")
    child.send("\r")
    child.expect_exact("add note D1")
    child.expect_exact("> ")
    child.sendline("show strengths")
    child.expect_exact("> ")
    check("Pasted" not in child.before, "a pasted block runs none of its lines as commands")
    check(child.isalive(), "a pasted quit does not end the shell")
    check(True, "a pasted block of several lines becomes one note")

    # A line starting with a space is kept out of history.
    child.sendline(" note private detail")
    child.expect_exact("add note D2")
    child.expect_exact("> ")
    child.sendline("quit")
    child.expect(pexpect.EOF)

    history = os.path.join(folder, "state", "history")
    mode = stat.S_IMODE(os.stat(history).st_mode)
    check(mode == 0o600, "history file is mode 0600 (got %o)" % mode)
    with open(history, encoding="utf-8") as handle:
        lines = handle.read()
    check("private detail" not in lines, "a line starting with a space is not recorded")

    # Up recalls the previous line from the last run.
    child = start(binary, folder)
    child.send("\x1b[A")
    child.expect_exact("quit")
    child.send("\x1b[A")
    child.expect_exact("show strengths")
    child.send("\x1b[A")
    child.expect_exact("need status N1 resolved")
    check(True, "Up recalls previous lines from the last run")
    child.sendcontrol("u")
    child.sendline("quit")
    child.expect(pexpect.EOF)

    # help is longer than the terminal: it goes through the pager ($PAGER).
    child = start(binary, folder, {"PAGER": "sed s/^/PAGED:/"})
    child.sendline("help")
    child.expect_exact("PAGED:Commands (help COMMAND for details")
    child.expect_exact("> ")
    check(True, "help goes through the pager on a terminal")

    # A second plan for the same name and date of birth needs a yes.
    child.sendline("new Ada Test --dob 1941-06-09")
    child.expect_exact("created plan")
    child.expect_exact("> ")
    child.sendline("new Ada Test --dob 09/06/1941")
    child.expect_exact("make another plan anyway? [y/N] ")
    child.sendline("n")
    child.expect_exact("no plan made")
    child.expect_exact("> ")
    child.sendline("new Ada Test --dob 1941-06-09")
    child.expect_exact("[y/N] ")
    child.sendline("y")
    child.expect_exact("created plan")
    child.expect_exact("> ")
    check(True, "a second plan with the same name and date of birth is made only after a yes")

    child.sendline("quit")
    child.expect(pexpect.EOF)

    # A history file that is a symbolic link is not followed: the target is neither written
    # nor chmod'ed, and the shell says why history is off.
    victim = os.path.join(folder, "victim.txt")
    with open(victim, "w", encoding="utf-8") as handle:
        handle.write("untouched\n")
    os.chmod(victim, 0o644)
    linked = os.path.join(folder, "linked-history")
    os.symlink(victim, linked)
    child = start(binary, folder, {"CAREPLAN_HISTORY": linked})
    child.sendline("plans")
    child.expect_exact("> ")
    child.sendline("quit")
    child.expect(pexpect.EOF)
    with open(victim, encoding="utf-8") as handle:
        check(handle.read() == "untouched\n", "a history symlink's target is not written")
    check(stat.S_IMODE(os.stat(victim).st_mode) == 0o644, "a history symlink's target is not chmod'ed")
    print("all terminal checks passed")


if __name__ == "__main__":
    main(sys.argv[1])
