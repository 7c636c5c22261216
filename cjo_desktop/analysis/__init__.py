"""Metrics, pain points and discovery over a journey; pure Python, plain data out."""
