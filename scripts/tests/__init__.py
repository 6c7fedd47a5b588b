"""Tests for scripts/verify-traces. Run from the repo root:

    python3 -m unittest discover -s scripts/tests -t scripts
"""
