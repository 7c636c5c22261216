"""Metrics in the window: the metrics dock and its table model, the Metrics menu and the
import wizard that brings survey and funnel numbers into a snapshot."""
