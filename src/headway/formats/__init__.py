"""Date formats: one style on every page and in every email ("3 Jun 2027")."""
