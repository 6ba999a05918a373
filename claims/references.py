"""What names a list of references or labels one entry, what opens an entry, and what
ends a list (a notice about the page): one vocabulary for extraction, segmentation and
tagging.

Entries under such a heading resolve citation markers; they are no claims of their own.
"""

from __future__ import annotations

import re

# A heading over a list of references ("References", "Sources", "5. Literature", a
# podcast's "Links").
_REFERENCE_HEADING = re.compile(
    r"(?:\d{1,2}[.)]?\s*)?(?:references?|bibliography|sources|works cited|citations"
    r"|literature cited|literature|footnotes|notes|endnotes|(?:useful |related )?links"
    r"|further reading)\s*:?",
    re.IGNORECASE,
)
# A label before one reference ("Citation:", "Source:", "Journal reference:"): what
# follows it is an entry, but it opens no list that later paragraphs belong to.
_ENTRY_LABEL = re.compile(
    r"(?:(?:journal |full )?(?:citations?|references?)|sources?)\s*:?", re.IGNORECASE
)
# The number that opens a reference entry: "[1]", "1.", "1)", "(1)".
_NUMBER_MARKER = r"(?:\[\d{1,4}\]|\(?\d{1,4}[.)]|\(\d{1,4}\))"
# What opens an entry of a reference list: its number, or a bullet.
ENTRY_START = re.compile(rf"[^\S\n]*(?:{_NUMBER_MARKER}|[-*•])\s")

# A notice about the page itself, which no reference entry is: "This page is for general
# information only and is not medical advice." It ends a References section it follows.
_PAGE_NOTICE = re.compile(
    r"\b(?:this (?:page|site|website|article|leaflet|sheet|newsletter|e-?mail|post|blog|content)"
    r"\b|(?:for )?(?:general )?information(?:al)? (?:purposes )?only\b|not (?:intended as |meant "
    r"as |a substitute for )?(?:medical|professional) advice\b|results (?:may|can|will) vary\b"
    r"|all rights reserved\b|not been evaluated by the (?:food and drug administration|fda)\b"
    r"|not intended to diagnose\b)",
    re.IGNORECASE,
)
# What marks a reference entry even when its title has notice words ("Why results may
# vary"): a number or marker at its start, a volume/pages detail, a DOI, "et al."
_ENTRY_SIGN = re.compile(
    rf"^\s*{_NUMBER_MARKER}\s|\b(?:19|20)\d{{2}}\s?[;:]|\bdoi\b|\bet al\b", re.IGNORECASE
)


def is_reference_heading(text: str) -> bool:
    """True for a heading such as "References", "Sources:", "5. Literature" or "Notes"."""
    return _REFERENCE_HEADING.fullmatch(text.strip()) is not None


def in_reference_section(section: str) -> bool:
    """True when the innermost heading of a section path ("A > References") names a list
    of references or labels one ("A > Citation:")."""
    last = section.rpartition(" > ")[2]
    return is_reference_heading(last) or _ENTRY_LABEL.fullmatch(last.strip()) is not None


def is_page_notice(text: str) -> bool:
    """True for a disclaimer or notice about the page ("not medical advice", "This site
    ..."), which can follow a reference list but is no entry of it."""
    return _PAGE_NOTICE.search(text) is not None and _ENTRY_SIGN.search(text) is None
