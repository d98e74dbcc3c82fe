"""Exports of submissions for analysis: CSV (long and wide) with a codebook, XLSX, and the JSON API."""
