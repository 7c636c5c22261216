"""The kinds of data an import understands, one module each, registered in ``registry``.

A kind names its options, its reader, the header words that suggest its columns, and its
CLI flags; the wizard's page for it lives on the app side (``app/metrics/pages``), keyed by
the kind's id, because this package stays free of Qt.
"""
