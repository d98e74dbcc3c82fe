"""The page each person lands on after signing in."""
