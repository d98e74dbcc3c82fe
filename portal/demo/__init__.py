"""Demonstration data for trying the portal out."""
