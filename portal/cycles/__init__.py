"""Reporting cycles: one round of reporting on one checklist template version."""
