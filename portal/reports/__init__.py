"""Compiled reports: the Secretariat's edited report on a cycle, the compilation of all replies, and their PDFs."""
