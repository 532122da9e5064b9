"""Output formats, one module each. No draft text appears anywhere but ``redacted``."""
