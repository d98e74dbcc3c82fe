"""Outgoing mail: SMTP when configured, otherwise the log and an outbox page for administrators."""
