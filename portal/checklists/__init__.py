"""Checklist templates: the YAML format and its schema, the stored versions, browsing and the blank PDF."""
