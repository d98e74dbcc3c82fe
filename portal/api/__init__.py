"""The read-only JSON API under /api/v1, authenticated with personal API tokens."""
