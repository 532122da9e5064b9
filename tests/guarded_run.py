"""Run `phi-guard` in this fresh interpreter under an audit hook that refuses the network.

    python guarded_run.py EVENTS_FILE [--inject] -- ARGV...     (ARGV of phi-guard, run in turn,
                                                                  several separated by "--")

Every socket connection, name lookup or datagram is recorded and refused (sys.addaudithook sees
them however a library reaches them: socket, http.client, urllib, ssl). After the runs, one
lookup is attempted on purpose, to prove the hook was live; EVENTS_FILE gets every event seen.

With --inject, a detector also logs the draft text through third-party loggers, phi-guard's own
logger and warnings.warn, and raises an exception quoting the text for drafts with "Pemberton":
what a careless dependency or a bug would do. None of it may reach stderr.
"""

from __future__ import annotations

import json
import sys

NETWORK_EVENTS = {"socket.connect", "socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyaddr",
                  "socket.sendto", "socket.sendmsg", "socket.bind", "urllib.Request", "http.client.connect",
                  "ftplib.connect", "smtplib.connect", "ssl.wrap_socket"}
events: list[str] = []


LOOPBACK = {"::1", "127.0.0.1", "localhost"}


def hook(event: str, args: tuple) -> None:
    if event == "socket.bind" and isinstance(args[1], tuple) and args[1][0] in LOOPBACK:
        return  # urllib3 binds ::1 at import to learn whether IPv6 works: local, not network
    if event in NETWORK_EVENTS:
        events.append(event)
        raise OSError(f"network refused in this test ({event})")


def inject() -> None:
    import logging
    import warnings

    from phi_guard.detectors import terms

    real = terms.TermDetector.detect

    def detect(self, text):
        logging.getLogger("presidio-analyzer").error("Failed to validate text %s", text)
        logging.getLogger("spacy").warning("odd token in %s", text)
        logging.getLogger("some.dependency").warning("looking at %s", text)
        logging.getLogger("some.dependency").error(f"looking at {text}")
        logging.getLogger("phi_guard.injected").debug("draft %s", text)
        warnings.warn(f"strange text: {text}")
        if "Pemberton" in text:
            raise ValueError(f"cannot handle {text}")
        return real(self, text)

    terms.TermDetector.detect = detect


def main() -> int:
    events_file, *rest = sys.argv[1:]
    if rest[:1] == ["--inject"]:
        inject()
        rest = rest[1:]
    sys.addaudithook(hook)
    from phi_guard.cli import main as cli_main

    runs, current = [], []
    for arg in rest[1:] if rest[:1] == ["--"] else rest:
        if arg == "--":
            runs.append(current)
            current = []
        else:
            current.append(arg)
    runs.append(current)
    codes = [cli_main(argv) for argv in runs]
    import socket

    probe = "refused"
    try:
        socket.getaddrinfo("phi-guard-probe.invalid", 443)
        probe = "not refused"
    except OSError:
        pass
    with open(events_file, "w", encoding="utf-8") as fh:
        json.dump({"codes": codes, "events": events, "probe": probe}, fh)
    return 0


if __name__ == "__main__":
    sys.exit(main())
