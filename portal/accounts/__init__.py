"""Accounts, roles, signing in and out, invitations and password resets."""
