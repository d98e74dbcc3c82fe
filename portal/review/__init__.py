"""Submitting a reply, the Secretariat's review (comments, return, accept, reopen), the timeline and the reply PDF."""
