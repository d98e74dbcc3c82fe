"""A State's reply in a cycle: its answers, their full history, its status and its timeline."""
