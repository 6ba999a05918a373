"""Streamlit-free helpers of the review dashboard: filters, query strings, tables, charts.

``app.py`` stays thin: it draws widgets and calls these pure functions, which are tested
without a browser or a Streamlit runtime.
"""
