"""Shared plumbing: extensions, the database base, access rules, mail and security helpers."""
