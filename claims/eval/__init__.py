"""Evaluation harness: BioScope hedge-cue scoring and the hand-labelled gold set.

``claims eval hedges`` scores speculation detection on BioScope / CoNLL-2010 XML;
``claims eval gold`` scores full claim records against ``tests/gold``-style files.
"""

from claims.eval.metrics import PRF, Counts

__all__ = ["PRF", "Counts"]
