#!/usr/bin/env python3
"""A stand-in for systemd's notification socket: receives sd_notify()
datagrams on SOCKET and appends each to LOG as one line

    SECONDS_SINCE_START READY=1 | STATUS=...

so that a test can see READY, STATUS and when each WATCHDOG=1 came.
Runs until killed. Standard library only.

    notify_sink.py SOCKET LOG
"""

import os
import socket
import sys
import time


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: notify_sink.py SOCKET LOG")
    path, log = sys.argv[1], sys.argv[2]
    if os.path.exists(path):
        os.unlink(path)
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    sock.bind(path)
    os.chmod(path, 0o777)
    start = time.monotonic()
    with open(log, "a", buffering=1) as out:
        out.write("%.3f LISTENING\n" % 0.0)
        while True:
            data = sock.recv(65536)
            text = data.decode("utf-8", "replace").strip().replace("\n", " | ")
            out.write("%.3f %s\n" % (time.monotonic() - start, text))


if __name__ == "__main__":
    main()
