"""Administration pages: user accounts."""
