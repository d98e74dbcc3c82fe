"""A real SMTP server on localhost for the mail tests (aiosmtpd), which refuses some recipients."""

from __future__ import annotations

import socket
import threading
from email import message_from_bytes, policy


def free_port() -> int:
    """Return a TCP port of 127.0.0.1 that nothing listens on (at the time of asking)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class RefusingMailbox:
    """Accepts mail, except for recipients whose address contains "refused" (as a server refuses an unknown mailbox).

    Keeps the messages received and the connections (client address and port) they came over.
    """

    REFUSAL = "550 5.1.1 No such mailbox here"

    def __init__(self):
        self.messages = []
        self.connections: set[tuple[str, int]] = set()
        self.lock = threading.Lock()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if "refused" in address:
            return self.REFUSAL
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            self.messages.append(message_from_bytes(envelope.content, policy=policy.default))
            self.connections.add(tuple(session.peer[:2]))
        return "250 Message accepted for delivery"

    def to(self, address: str):
        """Return the message received for ``address``."""
        return next(message for message in self.messages if message["To"] == address)
