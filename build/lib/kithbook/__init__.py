"""Kithbook: a personal CRM kept as plain-text contact files in a Git repository."""

__version__ = "0.1.0"
