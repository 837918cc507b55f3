"""lipcheck: readiness checks for Local Immigration Partnership funding proposals."""

__version__ = "0.2.0"
