"""Segmentation: extracted text -> units (statements, headings, questions) with sections.

Blocks from the extractor give the structure the format knows; inside paragraph and
list-item blocks the lines are classified again (standalone headings, list labels such
as ``1. Non-Invasive:``, list items, table rows), run-in labels (``Early Studies:
...``) become their own heading units, and the rest is split into sentences.

Sections are " > "-joined heading texts by level. Format headings keep their level;
a heading found in the text is the title (level 1) when it opens the document, else
one level below the last format heading (plain text: level 2). List and run-in labels
are the innermost level until the next heading or label. A heading that ends in "?"
(FAQ pages) is a ``question`` unit but still opens a section.

Sentence splitting is a single regex scan for candidate boundaries (``.``, ``!``,
``?``, ellipses and line-final colons followed by whitespace, with closing quotes,
brackets and glued citation markers such as ``.[1]`` included), each decided from the
token before and the token after: abbreviation classes loaded once from
``claims/lexicons/abbreviations.yaml``, initials, acronyms, list numbers, open
parentheses, lower-case continuation. There is no per-character loop and no external
splitter, so it stays far faster than pysbd (see ``bench/segmentation.py``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields, replace
from functools import cache
from typing import Any

from claims.errors import LexiconError
from claims.ingest.spans import line_spans, paragraph_spans, trim_span
from claims.lexicon import read_packaged_yaml
from claims.models import Block, ExtractedText, Unit, UnitKind
from claims.references import ENTRY_START, is_page_notice, is_reference_heading

__all__ = ["Abbreviations", "load_abbreviations", "parse_abbreviations", "segment"]

_ENTRY = re.compile(r"[a-z0-9][a-z0-9.']*")


@dataclass(frozen=True, slots=True)
class Abbreviations:
    """Abbreviation classes (see the YAML file) and typical sentence openers, lower case."""

    never: frozenset[str]
    numeric: frozenset[str]
    final: frozenset[str]
    ambiguous: frozenset[str]
    openers: frozenset[str]
    continuers: frozenset[str]


_LEXICON_KEYS: tuple[str, ...] = tuple(f.name for f in fields(Abbreviations))


def parse_abbreviations(data: Any, source: str = "abbreviations.yaml") -> Abbreviations:
    """Validate the parsed YAML: the six keys, each a list of lower-case words.

    Raises ``LexiconError`` naming the file and the problem, so a broken data file is
    caught at load time rather than producing silent mis-splits.
    """
    if not isinstance(data, dict):
        raise LexiconError(f"{source}: expected a mapping with keys {', '.join(_LEXICON_KEYS)}")
    unknown = sorted(str(k) for k in data if k not in _LEXICON_KEYS)
    if unknown:
        raise LexiconError(f"{source}: unknown key(s) {', '.join(unknown)}")
    sets: dict[str, frozenset[str]] = {}
    owner: dict[str, str] = {}
    for key in _LEXICON_KEYS:
        entries = data.get(key)
        if not isinstance(entries, list) or not entries:
            raise LexiconError(f"{source}: '{key}' must be a non-empty list of words")
        for entry in entries:
            if not isinstance(entry, str):
                raise LexiconError(
                    f"{source}: '{key}' entry {entry!r} is not a string (quote it in YAML)"
                )
            if _ENTRY.fullmatch(entry) is None or entry.endswith("."):
                raise LexiconError(
                    f"{source}: '{key}' entry {entry!r} must be lower case, without spaces "
                    "or a final period"
                )
            if key not in ("openers", "continuers"):  # words, not abbreviations
                if entry in owner and owner[entry] != key:
                    raise LexiconError(
                        f"{source}: {entry!r} is in both '{owner[entry]}' and '{key}'"
                    )
                owner[entry] = key
        sets[key] = frozenset(entries)
    return Abbreviations(**sets)


@cache
def load_abbreviations() -> Abbreviations:
    """The packaged abbreviation lexicon, read and validated once per process."""
    source = "claims/lexicons/abbreviations.yaml"
    data = read_packaged_yaml("abbreviations.yaml")
    return parse_abbreviations(data, source)


# --- Patterns -------------------------------------------------------------------

# A candidate sentence end: terminal punctuation (a colon only at the end of a line),
# then closing quotes/brackets, glued citation markers ("[1]", "[2, 3]", "[4-6]",
# superscripts), and whitespace or the end of the run after it.
_CANDIDATE = re.compile(
    r"(\.{2,}|…|[.!?]+|:(?=[^\S\n]*\n))"
    r"[\"'”’»)\]]*"
    r"(?:[ ]?\[\d{1,4}(?:[^\S\n]*[,\u2013\u2014-][^\S\n]*\d{1,4})*\])*"
    r"[\u00b9\u00b2\u00b3\u2070-\u2079]*"
    r"(?=\s|$)"
)
_PAREN = re.compile(r"[()]")
_NEXT_TOKEN = re.compile(r"\s*(\S+)")
_OPEN_PUNCT = "\"'“‘«([{*_¿¡"
_CLOSE_PUNCT = "\"'”’»)]},;:.!?*_"
_BULLET_CHARS = frozenset("-*•◦▪‣–—·")
# A list number / letter that opens a line: "1.", "a.", "iv." (the token before the period).
_LIST_NUMBER = re.compile(r"\d{1,3}|[A-Za-z]|[ivxlcIVXLC]{1,6}")
# A lower-case token that still opens a sentence: "p38", "mRNA", "cDNA", "n-Acetyl".
_SYMBOL_START = re.compile(r"[a-z][\w-]*[A-Z0-9]")
_PLAIN_WORD = re.compile(r"[A-Za-z0-9][\w-]*[A-Za-z0-9]")
# Words after which a single capital is an initial, not the end of a name.
_NAME_LEADS = frozenset({"by", "and", "with", "from", "to", "of", "for", "dear", "cc"})
_ACRONYM = re.compile(r"(?:[a-z]\.)+[a-z]")
# A line that starts a numbered or lettered item: "1." / "1)" / "(1)", "a)" / "(b)", "a. ".
_NUMBERED = re.compile(r"(?:\(?\d{1,3}[.)]|\(?[A-Za-z][.)]|\([ivxlcIVXLC]{1,6}\))[^\S\n]+")
_BULLET = re.compile(r"[-*•◦▪‣–·][^\S\n]+")
# A run-in label at the start of a sentence: optional list number, up to 60 characters
# without sentence punctuation (a leading figure such as "100% natural:" allowed), a colon,
# then a capitalised word on the same line. A full stop inside is allowed only after an
# abbreviation that never ends a sentence ("DR. OKAFOR:", a speaker in a transcript).
_RUN_IN_LABEL = re.compile(
    r"(\(?(?:\d{1,3}|[A-Za-z])[.)][^\S\n]+)?"
    r"((?:\d[\d,]*%?[^\S\n]+)?[^\W\d_][^:\n!?;,]{0,40}?(?:, ?[^:\n.!?;,]{1,30}?)?):"
    r"(?=[^\S\n]+[\"'“‘(]?[A-Z0-9])"
)
_LABEL_PERIOD = re.compile(r"(\w*)\.")
# A social-media handle as a speaker's label: "@healthnerd_sam: Your liver already ...".
_HANDLE_LABEL = re.compile(r"(@[\w.]{1,30}:)[^\S\n]+(?=\S)")
# A reference entry outside a References section: "[1] Lee A. Title. J Med. 2019;35(4):212."
# or "Citation: ..." in a press release, with a volume/pages detail or a DOI in the line.
_BIB_DETAIL = r"(?=.*?(?:\b(?:19|20)\d{2};[^\S\n]?\d+(?:\(\d+\))?:|\bdoi:?[^\S\n]?10\.\d))"
_CITATION_LINE = re.compile(
    r"(?:\[\d{1,4}\]|\d{1,3}\.|((?:(?:journal |full )?(?:citation|reference)|source|cite as):))"
    r"[^\S\n]+" + _BIB_DETAIL,
    re.IGNORECASE,
)
_QUESTION_TAIL = "\"'”’»)]}0123456789[,-–— \t\n¹²³⁰⁴⁵⁶⁷⁸⁹"
_TERMINAL = frozenset(".!?;,…")

_MAX_HEADING_CHARS = 100
_MAX_HEADING_WORDS = 12
_MAX_LABEL_WORDS = 10
_MAX_RUN_IN_WORDS = 5
# An all-capitals run-in label, as on marketplace listings ("SAY GOODBYE TO DIGITAL EYE
# STRAIN: ..."), is a label by its typography even when it is longer.
_MAX_CAPS_RUN_IN_WORDS = 8
# A bold run-in label is a label by its typography, whatever case follows it.
_MAX_BOLD_LABEL_WORDS = 8
# A letter's greeting or closing on a line of its own ("To your health,"), with the
# signature or the letter's first sentence on the next line: a unit of its own.
_CLOSING_LINE = re.compile(r"([^\W\d_][^\n.!?:;,]{0,30},)[^\S\n]*\n[^\S\n]*(?=[A-Z])")
_MAX_CLOSING_WORDS = 4
# A dash and a name after a quotation: its attribution, part of the quoted sentence.
_ATTRIBUTION = re.compile(
    r"[-–—]{1,2}[^\S\n]*(?:Dr\.[^\S\n]+)?[A-Z][\w'’-]*\.?"  # a name or an initial,
    r"(?:[^\S\n]+(?:[A-Z][\w'’-]*\.?|and|&|de|van|von|da|del|la)){0,4}"  # more of them,
    r"(?:,[^\n]{0,60})?"  # and a place or role after a comma
)
# A short aside in brackets after a finished sentence, itself no sentence: a citation or
# a reviewer's name ('... 30 days. (Lee et al., 2019)', '"I love it!" (@kate_runs)').
_TRAILING_ASIDE = re.compile(r"\([^()\n]{0,80}[^()\n.!?]\)")
_MAX_ASIDE_WORDS = 8
# What may follow such an aside: the end of the run or a new line; a new sentence only
# after a citation or a handle, never after a figure panel's "(B)" that opens one.
_ASIDE_END = re.compile(r"$|[^\S\n]*\n")
_CITED_ASIDE = re.compile(r"\((?:@[\w.]+|.*\b(?:19|20)\d\d[a-z]?)\)")
# A notice in capitals is no part of the sentence: "(ABSTRACT TRUNCATED AT 250 WORDS)".
_NOTICE = re.compile(r"\([^a-z]*(?: [^a-z]*){2,}\)")
_NEXT_SENTENCE = re.compile(r"[^\S\n]+[\"'“‘(\[]?[A-Z]")
_CLOSE_QUOTES = "\"”’'"
_PAREN_SPAN = 400
_TOKEN_WINDOW = 64


# --- Small helpers ----------------------------------------------------------------


def _capitalised_share(words: list[str]) -> float:
    """Share of words starting with a capital letter or digit (title-case test)."""
    if not words:
        return 0.0
    caps = sum(1 for w in words if w[:1].isupper() or w[:1].isdigit())
    return caps / len(words)


def _title_like(line: str) -> bool:
    """Starts with a capital (or digit) and at least half its longer words are capitalised."""
    if not (line[:1].isupper() or line[:1].isdigit()):
        return False
    long_words = [w for w in line.split() if len(w) >= 4 and w[:1].isalpha()]
    return not long_words or _capitalised_share(long_words) >= 0.5


def _is_question(sentence: str) -> bool:
    """True when the sentence ends in "?" (closing quotes, brackets, markers aside)."""
    return sentence.rstrip(_QUESTION_TAIL).endswith("?")


# --- Sentence splitting ---------------------------------------------------------


def _parenthesised(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(open, close) positions of the outermost matched parentheses, in order.

    Unmatched brackets (common in chemical names) are ignored, and so are pairs more
    than a few hundred characters apart, so a stray "(" cannot swallow a paragraph.
    """
    if text.find("(", start, end) == -1:
        return []
    stack: list[int] = []
    pairs: list[tuple[int, int]] = []
    for m in _PAREN.finditer(text, start, end):
        if m.group() == "(":
            stack.append(m.start())
        elif stack:
            opened = stack.pop()
            if m.start() - opened <= _PAREN_SPAN:
                pairs.append((opened, m.start()))
    pairs.sort()
    merged: list[tuple[int, int]] = []
    for opened, closed in pairs:
        if merged and opened <= merged[-1][1]:
            if closed > merged[-1][1]:
                merged[-1] = (merged[-1][0], closed)
        else:
            merged.append((opened, closed))
    return merged


class _Splitter:
    """Sentence boundaries inside one run of body text (a paragraph or list item)."""

    __slots__ = (
        "_ambiguous", "_continuers", "_final", "_known", "_never", "_numeric", "_openers",
    )  # fmt: skip

    def __init__(self, abbreviations: Abbreviations) -> None:
        self._never = abbreviations.never
        self._numeric = abbreviations.numeric
        self._final = abbreviations.final
        self._ambiguous = abbreviations.ambiguous
        self._openers = abbreviations.openers
        self._continuers = abbreviations.continuers
        self._known = self._never | self._numeric | self._final | self._ambiguous

    def titles_only(self, label: str) -> bool:
        """Whether every full stop in ``label`` closes an abbreviation that never ends
        a sentence ("DR. OKAFOR", not "Results. Next")."""
        return all(m.group(1).lower() in self._never for m in _LABEL_PERIOD.finditer(label))

    def split(self, text: str, start: int, end: int) -> list[tuple[int, int]]:
        """Untrimmed sentence spans covering text[start:end] in order."""
        spans: list[tuple[int, int]] = []
        sentence_start = start
        parens = _parenthesised(text, start, end)
        k = 0
        for match in _CANDIDATE.finditer(text, start, end):
            stop = match.end()
            while k < len(parens) and parens[k][1] < stop:
                k += 1
            if k < len(parens) and parens[k][0] < stop:
                continue  # inside a parenthesis that closes later: "(It ran. It had ...)"
            if self._is_boundary(text, match, start, end):
                spans.append((sentence_start, stop))
                sentence_start = stop
        if sentence_start < end:
            spans.append((sentence_start, end))
        return spans

    def _is_boundary(self, text: str, match: re.Match[str], start: int, end: int) -> bool:
        """Decide one candidate from the token before its punctuation and the one after."""
        nxt_match = _NEXT_TOKEN.match(text, match.end(), end)
        if nxt_match is None:
            return True
        nxt = nxt_match.group(1)
        core = nxt.lstrip(_OPEN_PUNCT)
        first = core[:1]
        if not first:
            return True
        punct = match.group(1)
        last = punct[-1]
        if last in "?!":
            return not first.islower()
        if last == ":":
            return first.isupper() or first.isdigit() or nxt[0] in _BULLET_CHARS
        if len(punct) > 1 or last == "…":  # ellipsis: a boundary only before a capital
            return first.isupper()
        dot = match.start(1)
        window = max(start, dot - _TOKEN_WINDOW)  # bounded look-back: no quadratic scans
        space = max(text.rfind(" ", window, dot), text.rfind("\n", window, dot))
        token_start = max(space + 1, window)
        token = text[token_start:dot].lstrip(_OPEN_PUNCT)
        if first.islower():
            # "approx. three", "e.g. the" continue; "... cells. p38 binds" / "... vivo.
            # mRNA levels" start a sentence with a lower-case symbol after a plain word.
            return (
                _SYMBOL_START.match(core) is not None
                and _PLAIN_WORD.fullmatch(token) is not None
                and token.lower() not in self._known
            )
        if not token:
            return True
        if _LIST_NUMBER.fullmatch(token) and self._list_number(text, token_start, start):
            return False  # "1. Smith J ..." / "... in vitro. 2. Flow cytometry": a list number
        if len(token) == 1 and token.isupper():
            return self._after_initial(text, token_start, start, core)
        lower = token.lower()
        if lower in self._never:
            return False
        if lower in self._numeric:
            return not first.isdigit()
        if lower in self._final:  # "... at 9 a.m. ET." goes on with its time zone
            return first.isupper() and core.rstrip(_CLOSE_PUNCT).lower() not in self._continuers
        if lower in self._ambiguous or _ACRONYM.fullmatch(lower):
            return core.rstrip(_CLOSE_PUNCT).lower() in self._openers
        return True

    def _list_number(self, text: str, token_start: int, start: int) -> bool:
        """A number or letter opening the run or following a sentence end (not "Fig. 2.")."""
        if token_start == start:
            return True
        before = text[max(start, token_start - 30) : token_start].split()
        if not before or before[-1][-1] not in ".!?:;":
            return False
        return before[-1].rstrip(".!?:;").lstrip(_OPEN_PUNCT).lower() not in self._known

    def _after_initial(self, text: str, token_start: int, start: int, core: str) -> bool:
        """A single capital before the period: an initial ("J. K. Smith") or the end of
        a name such as "vitamin D." / "NF-kappa B." (after a lower-case word)."""
        word = core.rstrip(_CLOSE_PUNCT)
        if len(word) == 1 and core[1:2] == ".":
            return False  # another initial follows
        before = text[max(start, token_start - 60) : token_start].split()
        previous = before[-1].lstrip(_OPEN_PUNCT) if before else ""
        last_part = previous.rsplit("-", 1)[-1]
        if last_part[:1].islower() and previous.lower() not in _NAME_LEADS:
            return True  # "vitamin D. The", "NF-kappa B. NF-kappa B binds"
        return word.lower() in self._openers


@cache
def _splitter() -> _Splitter:
    return _Splitter(load_abbreviations())


# --- Structure and sections -----------------------------------------------------


class _Builder:
    """Collects units in order and tracks the heading path (sections)."""

    __slots__ = ("label", "section", "seen_block_heading", "stack", "text", "units")

    def __init__(self, text: str) -> None:
        self.text = text
        self.units: list[Unit] = []
        self.stack: list[tuple[int, str]] = []  # (level, heading text)
        self.label: str | None = None  # run-in / list label: the innermost level
        self.seen_block_heading = 0  # deepest level of the last block heading
        self.section = ""  # path() cached for body units

    def path(self, with_label: bool = True) -> str:
        parts = [t for _, t in self.stack]
        if with_label and self.label is not None:
            parts.append(self.label)
        return " > ".join(parts)

    def in_references(self) -> bool:
        if self.label is not None and is_reference_heading(self.label):
            return True
        return bool(self.stack) and is_reference_heading(self.stack[-1][1])

    def end_references(self) -> None:
        """Leave a References section: what follows belongs to the section around it."""
        self.label = None
        while self.stack and is_reference_heading(self.stack[-1][1]):
            self.stack.pop()
        self.section = self.path()

    def heading(self, start: int, end: int, level: int) -> None:
        """A heading at ``level``: its section is its parents; it opens a new section."""
        heading_text = " ".join(self.text[start:end].split())
        while self.stack and self.stack[-1][0] >= level:
            self.stack.pop()
        self.label = None
        kind: UnitKind = "question" if _is_question(heading_text) else "heading"
        self.units.append(Unit(kind, start, end, self.path()))
        self.stack.append((level, heading_text))
        self.section = self.path()

    def text_heading(self, start: int, end: int) -> None:
        """A heading found in the text: the title when it opens the document, else one
        level below the last heading the format gave."""
        level = 1 if not self.units else max(self.seen_block_heading, 1) + 1
        self.heading(start, end, level)

    def add_label(self, start: int, end: int) -> None:
        """A list or run-in label: a heading unit that becomes the innermost section."""
        self.units.append(Unit("heading", start, end, self.path(with_label=False)))
        self.label = " ".join(self.text[start:end].split())
        self.section = self.path()

    def sentence(self, start: int, end: int) -> None:
        span = trim_span(self.text, start, end)
        if span is None:
            return
        s, e = span
        kind: UnitKind = "question" if _is_question(self.text[max(s, e - 32) : e]) else "statement"
        self.units.append(Unit(kind, s, e, self.section))


def _label_words_ok(label: str, max_words: int, strict: bool) -> bool:
    """A label: few words, first capitalised, title-like; no sentence punctuation inside."""
    words = label.split()
    if not words or len(words) > max_words or not (words[0][:1].isupper() or words[0][0].isdigit()):
        return False
    if label.count("(") != label.count(")") or len(label.strip()) < 2:
        return False  # unbalanced, or "Q:" / "A:" of an FAQ, which stays in its sentence
    if strict:
        if "," in label:  # "Same results, lower price:", never "However, the results:"
            return _verbless(words) and words[0].lower().rstrip(",") not in _DISCOURSE
        return _capitalised_share(words) >= 0.5 or _verbless(words)
    return _title_like(label)


# Finite verbs that make a short phrase before a colon a clause ("The results were
# clear: ..."), not a sentence-case run-in label ("Better than pills: ...").
_FINITE = frozenset({
    "is", "are", "was", "were", "be", "been", "am", "has", "have", "had", "do", "does",
    "did", "can", "could", "will", "would", "may", "might", "must", "shall", "should",
})  # fmt: skip


# Openers of a sentence that a comma follows ("However, the results: ..."), no label.
_DISCOURSE = frozenset({
    "however", "first", "second", "third", "finally", "also", "thus", "therefore", "still",
    "yet", "instead", "meanwhile", "indeed", "moreover", "in", "for", "as", "so", "but", "and",
})  # fmt: skip


def _verbless(words: list[str]) -> bool:
    """A sentence-case label: at most four words, none of them a common finite verb."""
    return len(words) <= 4 and not any(w.lower() in _FINITE or "'" in w or "’" in w for w in words)


def _line_kind(text: str, lines: list[tuple[int, int]], i: int, block: Block) -> str:
    """Classify a line of a body block: "heading", "label", "item", "row" or "text"."""
    s, e = lines[i]
    line = text[s:e]
    if _BULLET.match(line):
        return "item"
    if " | " in line or "\t" in line:
        return "row"  # a table row: one unit, never a heading
    numbered = _NUMBERED.match(line)
    core = line[numbered.end() :] if numbered else line  # never empty: lines are trimmed
    body = "item" if numbered else "text"  # what the line is when it is no heading or label
    if line.endswith(":"):
        label = core[:-1]
        limit = _MAX_LABEL_WORDS if numbered else 6
        if len(line) <= _MAX_HEADING_CHARS and _label_words_ok(label, limit, strict=False):
            return "label"
        return body
    if block.kind == "list_item" or line[-1] in _TERMINAL or len(line) > _MAX_HEADING_CHARS:
        return body
    if len(line.split()) > _MAX_HEADING_WORDS or not (line[0].isupper() or line[0].isdigit()):
        return body
    if line[-1] in "\"'”’)]":
        return body
    if len(lines) == 1:
        return "label" if numbered else "heading"
    prev_ok = i == 0 or text[lines[i - 1][1] - 1] in ".!?:…"
    if not prev_ok or not _title_like(core):
        return body
    if i + 1 < len(lines):
        ns, ne = lines[i + 1]
        following = text[ns:ne]
        if following[:1].islower():
            return body
        if numbered and _NUMBERED.match(following):
            return "item"  # a list of short numbered items, not a label
    return "label" if numbered else "heading"


def _body_block(builder: _Builder, splitter: _Splitter, block: Block) -> None:
    """Split a paragraph or list-item block into headings, labels and sentences."""
    text = builder.text
    # label_end is 0 or inside the block (``_clean_blocks``)
    if block.label_end and not _CITATION_LINE.match(text, block.start):
        label = text[block.start : block.label_end]
        rest = trim_span(text, block.label_end, block.end)
        if rest is not None and len(label.split()) <= _MAX_BOLD_LABEL_WORDS:
            builder.add_label(block.start, block.label_end)  # "**Rebuild cartilage:** our ..."
            if "\n" not in text[rest[0] : rest[1]]:  # the label's text, never a heading
                _body_run(builder, splitter, rest[0], rest[1], {rest[0]})
                return
            block = replace(block, start=rest[0], label_end=0)
    lines = line_spans(text, block.start, block.end)
    if not lines:
        return
    run: list[int] | None = None  # [start, end] of the current run of body lines
    line_starts: set[int] = set()
    for i, (s, e) in enumerate(lines):
        cite = _CITATION_LINE.match(text, s, e)
        if cite is not None:  # one entry, full stops and all; a "Citation:" label apart
            if run is not None:
                _body_run(builder, splitter, run[0], run[1], line_starts)
                run = None
            if cite.group(1):
                builder.add_label(s, cite.end(1))
            builder.sentence(cite.end(1) if cite.group(1) else s, e)
            line_starts.add(s)
            continue
        kind = _line_kind(text, lines, i, block)
        breaks = kind in ("heading", "label", "item", "row")
        if breaks and run is not None:
            _body_run(builder, splitter, run[0], run[1], line_starts)
            run = None
        if kind == "heading":
            builder.text_heading(s, e)
        elif kind == "row":
            builder.sentence(s, e)
        elif kind == "label":
            builder.add_label(s, e)
        elif run is None:
            run = [s, e]
        else:
            run[1] = e
        line_starts.add(s)
    if run is not None:
        _body_run(builder, splitter, run[0], run[1], line_starts)


def _body_run(
    builder: _Builder, splitter: _Splitter, start: int, end: int, line_starts: set[int]
) -> None:
    """Sentences of a run; a sentence opening a line may start with a run-in label."""
    text = builder.text
    spans: list[tuple[int, int]] = []
    for s, e in splitter.split(text, start, end):
        span = trim_span(text, s, e)
        if span is None:
            continue
        s, e = span
        owned = _owned_by_previous(text, spans[-1][1], s, e) if spans else None
        if owned is not None:
            spans[-1] = (spans[-1][0], owned)
            rest = trim_span(text, owned, e)  # a sentence after it, if any
            if rest is None:
                continue
            s = rest[0]
        spans.append((s, e))
    for s, e in spans:
        closing = _CLOSING_LINE.match(text, s, e) if s in line_starts else None
        if closing is not None and len(closing.group(1).split()) <= _MAX_CLOSING_WORDS:
            builder.sentence(s, closing.end(1))  # "To your health," above the signature
            s = closing.end()
        if s in line_starts:
            handle = _HANDLE_LABEL.match(text, s, e)
            if handle is not None:
                builder.add_label(s, handle.end(1))
                s = handle.end()
            label = _RUN_IN_LABEL.match(text, s, e)
            if (
                label is not None
                and splitter.titles_only(label.group(2))
                and _label_words_ok(label.group(2), _run_in_words(label.group(2)), True)
            ):
                builder.add_label(s, label.end())
                s = label.end()
        builder.sentence(s, e)


def _owned_by_previous(text: str, previous_end: int, s: int, e: int) -> int | None:
    """End of what opens the split span ``text[s:e]`` but belongs to the sentence before
    it, which ends at ``previous_end``: its citation or reviewer in brackets ("... users.
    (Smith et al., 2019)"), or who said a quotation ('"... younger!" - Linda R., Tucson').
    """
    aside = _TRAILING_ASIDE.match(text, s, e)
    if (
        aside is not None
        and len(aside.group().split()) <= _MAX_ASIDE_WORDS
        and not _NOTICE.fullmatch(aside.group())
        and "\n" not in text[previous_end:s]
        and (
            _ASIDE_END.match(text, aside.end(), e)
            or (
                _CITED_ASIDE.fullmatch(aside.group()) and _NEXT_SENTENCE.match(text, aside.end(), e)
            )
        )
    ):
        return aside.end()
    if text[previous_end - 1] in _CLOSE_QUOTES:
        who = _ATTRIBUTION.match(text, s, e)
        if who is not None and (who.end() == e or text[who.end()] == "\n"):
            return who.end()  # a review on the next line stays a sentence of its own
    return None


def _run_in_words(label: str) -> int:
    """How many words a run-in label may have: more when it is all capitals."""
    caps = label.isupper() and sum(c.isalpha() for c in label) >= 8
    return _MAX_CAPS_RUN_IN_WORDS if caps else _MAX_RUN_IN_WORDS


def _reference_block(builder: _Builder, start: int, end: int) -> None:
    """Entries of a block under a References heading: one unit per entry."""
    text = builder.text
    lines = line_spans(text, start, end)
    # Unmarked entries: a line ending in "." followed by a capitalised line starts a new one.
    unmarked = not any(ENTRY_START.match(text, s, e) is not None for s, e in lines)
    entry: list[int] | None = None
    for s, e in lines:
        new = entry is None or ENTRY_START.match(text, s, e) is not None
        if not new and entry is not None:
            new = unmarked and text[entry[1] - 1] == "." and text[s].isupper()
        if new:
            if entry is not None:
                builder.sentence(entry[0], entry[1])
            entry = [s, e]
        elif entry is not None:
            entry[1] = e
    if entry is not None:
        builder.sentence(entry[0], entry[1])


def is_reference_entry(text: str, start: int, end: int) -> bool:
    """A numbered reference entry outside a References section ("[1] Lee A. ... 2019;35:212.")."""
    entry = _CITATION_LINE.match(text, start, end)
    return entry is not None and entry.group(1) is None


def _plain_heading(line: str) -> bool:
    """A standalone line that ends a References section: short, title-like, no digits."""
    return (
        len(line.split()) <= 6
        and line[-1] not in _TERMINAL
        and not any(c.isdigit() for c in line)
        and _title_like(line)
    )


def _clean_blocks(text: str, blocks: list[Block]) -> list[Block]:
    """Blocks clamped to the text, in order, without overlaps (bad input stays safe)."""
    size = len(text)
    out: list[Block] = []
    last_end = 0
    for block in sorted(blocks, key=lambda b: (b.start, b.end)):
        start = min(max(block.start, last_end, 0), size)
        end = min(max(block.end, start), size)
        if end > start:
            label_end = block.label_end if start < block.label_end < end else 0
            out.append(Block(block.kind, start, end, block.level, label_end))
            last_end = end
    return out


def segment(extracted: ExtractedText) -> list[Unit]:
    """Units of a document in order: headings, statements and questions with sections.

    Spans are exact offsets into ``extracted.text``, trimmed, non-empty and
    non-overlapping. Without blocks, blank-line separated runs are paragraphs.
    """
    text = extracted.text
    if extracted.blocks:
        blocks = _clean_blocks(text, extracted.blocks)
    else:
        blocks = [Block("paragraph", s, e) for s, e in paragraph_spans(text)]
    builder = _Builder(text)
    splitter = _splitter()
    for block in blocks:
        span = trim_span(text, block.start, block.end)
        if span is None:
            continue
        start, end = span
        if block.kind == "heading":
            level = max(block.level, 1)
            builder.seen_block_heading = level
            builder.heading(start, end, level)
        elif block.kind == "reference":
            builder.sentence(start, end)  # one entry, full stops and all
        elif builder.in_references():
            if is_page_notice(text[start:end]):  # a disclaimer after the list ends it
                builder.end_references()
                _body_block(builder, splitter, replace(block, start=start, end=end))
            elif "\n" not in text[start:end] and _plain_heading(text[start:end]):
                builder.text_heading(start, end)
            else:
                _reference_block(builder, start, end)
        else:
            _body_block(builder, splitter, replace(block, start=start, end=end))
    return builder.units
