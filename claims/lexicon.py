"""Cue lexicons as validated data: each entry is a pattern, a category and an example.

Lexicons live in ``claims/lexicons/*.yaml`` so an installed package carries them. An
entry is checked when loaded: its pattern compiles, its category belongs to the
lexicon, its example really contains a match, and any named disambiguation rule exists.
Entries round-trip through ``to_dict`` / ``from_dict`` like medspaCy's ``ConTextRule``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from claims.errors import LexiconError
from claims.regex_first import ends_in_space, start_prefixes, top_level_alternatives

# Where an entry may start: at the start of a word, or at $ [ ( # (prices, markers, "#1").
_START = r"(?<![\w])(?=[\w$\[(#])"


def either_apostrophe(pattern: str) -> str:
    """``pattern`` with each apostrophe outside a character class matching ' or ’."""
    if "'" not in pattern:
        return pattern
    out: list[str] = []
    in_class = escaped = False
    for ch in pattern:
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "'":
            out.append("['’]")
            continue
        out.append(ch)
    return "".join(out)


def _with_edges(body: str) -> str:
    """A pattern body that must start and end at word edges."""
    return rf"{_START}{body}(?![\w])"


_WORD_INITIAL = "tasoicwpbfmhdrelngu0123456789vykjqxz"


def _first_letter_rank(item: tuple[str, object]) -> tuple[int, str]:
    """Sort key for first-letter branches: common word-initial letters first."""
    rank = _WORD_INITIAL.find(item[0].lower())
    return (rank if rank >= 0 else len(_WORD_INITIAL), item[0])


# A branch with more entries than this is split again by the third letter.
_CROWDED = 3

# What a cue may start with (a word character, or $ [ ( # for prices, markers and "#1").
_CUE_START = re.compile(r"[\w$\[(#]")


@cache
def _plane(first: int) -> str:
    """Every character of the Unicode plane starting at code point ``first``."""
    return "".join(map(chr, range(first, first + 0x10000)))


@cache
def _case_twins(ch: str) -> str:
    """``ch`` and every character IGNORECASE takes for it ("k": "Kk\u212a").

    Case twins share a plane, so only the plane of ``ch`` is searched.
    """
    rx = re.compile(re.escape(ch), re.IGNORECASE)
    return "".join(sorted(set(rx.findall(_plane(ord(ch) & ~0xFFFF)))))


def _one_of(chars: str) -> str:
    """A case-sensitive class of ``chars`` and their case twins.

    As a branch's first item it is tested without entering the branch: sre's fast path
    for a class, which an IGNORECASE letter or a lookahead does not get.
    """
    twins = sorted({t for ch in chars for t in _case_twins(ch)})
    return f"(?-i:[{''.join(re.escape(t) for t in twins)}])"


# A rule decides whether a match really is a cue: (text, start, end, unit_start, unit_end).
Rule = Callable[[str, int, int, int, int], bool]


class LexiconEntry(BaseModel):
    """One cue: a regular expression over words, what it means, and a real example."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    pattern: str
    category: str
    example: str
    rule: str | None = None
    case_sensitive: bool = False
    note: str = ""

    @field_validator("pattern")
    @classmethod
    def _compiles(cls, value: str) -> str:
        # A control character is a YAML escape gone wrong: "\b" in double quotes is a
        # backspace, not a word edge, and the pattern would quietly never match there.
        bad = next((ch for ch in value if ord(ch) < 32), None)
        if bad is not None:
            raise ValueError(
                f"pattern {value!r} holds the control character {bad!r} (in YAML double "
                "quotes write \\\\b for a word edge)"
            )
        # Compiled as the scan will use it (word edges, IGNORECASE), so re's cache
        # serves that later compile instead of parsing the pattern a second time.
        try:
            re.compile(_with_edges(f"(?:{value})"), re.IGNORECASE)
        except re.error as exc:
            raise ValueError(f"pattern {value!r} does not compile: {exc}") from exc
        # A cue ends at a word edge, so an alternative that ends in a space could match
        # only before punctuation: the space belongs in a lookahead.
        dead = next((alt for alt in top_level_alternatives(value) if ends_in_space(alt)), None)
        if dead is not None:
            raise ValueError(
                f"alternative {dead!r} ends in a space and can never be followed by a "
                "word; put the space in a lookahead: (?= ...)"
            )
        return value

    def body(self, pattern: str | None = None) -> str:
        """The pattern (or one of its alternatives) in the entry's case scope.

        Case-sensitive entries opt out of the lexicon's IGNORECASE. An apostrophe also
        matches the typographic one, as web copy writes it ("don’t yet know").
        """
        pattern = either_apostrophe(self.pattern if pattern is None else pattern)
        return f"(?-i:{pattern})" if self.case_sensitive else f"(?:{pattern})"

    def regex(self) -> str:
        """The pattern wrapped in word edges."""
        return _with_edges(self.body())

    def to_dict(self) -> dict[str, Any]:
        """Plain dict with defaults left out, as written in the YAML files."""
        return self.model_dump(exclude_defaults=True)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> LexiconEntry:
        """Build and validate an entry from its dict form."""
        return cls.model_validate(data)


@dataclass(frozen=True)
class Match:
    """A lexicon hit: span in the document text and the entry that made it."""

    start: int
    end: int
    entry: LexiconEntry


class Lexicon:
    """A named list of entries compiled into one alternation for fast scanning."""

    def __init__(
        self,
        name: str,
        entries: Sequence[LexiconEntry],
        categories: Sequence[str],
        rules: dict[str, Rule] | None = None,
    ) -> None:
        self.name = name
        self.entries = list(entries)
        self.categories = tuple(categories)
        self.rules = rules or {}
        for entry in self.entries:
            self._check(entry)
        # Longer patterns first so a phrase wins over a word it contains at one position.
        order = sorted(range(len(self.entries)), key=lambda i: -len(self.entries[i].pattern))
        # Entries grouped by the 1-3 letters they can start with (see ``_dispatch``).
        by_pair: dict[str, dict[str, dict[tuple[int, int], tuple[str, set[str]]]]] = {}
        # Which entries (by place in ``order``) can start with a given 1-3 letter prefix:
        # after a rule says no, match_at tries only those at that place, not every entry.
        self._starting: dict[str, list[int]] = {}
        self._ranks: dict[str, list[int]] = {}  # match_at's candidates by first letters
        for rank, i in enumerate(order):
            entry = self.entries[i]
            alternatives = (
                [entry.pattern] if entry.case_sensitive else top_level_alternatives(entry.pattern)
            )
            starts: set[str] = set()
            for k, alt in enumerate(alternatives):
                body = entry.body(alt)
                for prefix in sorted(start_prefixes(body, 3)):  # the same regex every run
                    members = by_pair.setdefault(prefix[0], {}).setdefault(prefix[1:2], {})
                    members.setdefault((i, k), (body, set()))[1].add(prefix[2:3])
                    starts.add(prefix)
            for prefix in starts:
                self._starting.setdefault(prefix, []).append(rank)
        # The scan's leaves by the letters consumed to reach them (see ``_from_start``).
        self._leaves: dict[str, tuple[re.Pattern[str], list[LexiconEntry]]] = {}
        self._fold: dict[int, str] = {}  # a dispatch letter's case twins to the letter
        # The scan consumes the non-word character before a cue: sre then skips along
        # to the next such character in a tight loop instead of trying every position.
        # A cue at the very start of the text has none: ``finditer`` lends it a space.
        self._regex = re.compile(rf"[^\w]{self._dispatch(by_pair)}", re.IGNORECASE)
        self._singles = [
            (self.entries[i], re.compile(self.entries[i].regex(), re.IGNORECASE)) for i in order
        ]
        self._subsets: dict[frozenset[str], Lexicon] = {}

    def _dispatch(
        self, by_pair: dict[str, dict[str, dict[tuple[int, int], tuple[str, set[str]]]]]
    ) -> str:
        """Branches by the first two letters (and by the third in a crowded branch,
        "re..."), so a word start tries only the entries that can begin with it.

        Each branch opens with a case-sensitive class of the letter and its case twins,
        which sre tests without entering the branch; once a branch's letters are
        consumed, a lookbehind steps back over them and a lookahead matches the
        entries from the cue's start (a leaf, see ``_from_start``).
        """
        branches = []
        # First letters in order of how often English words start with them: the
        # branches exclude each other, so the order changes no match, only how many
        # classes a word start tests before its own.
        for ch, by_second in sorted(by_pair.items(), key=_first_letter_rank):
            if not _CUE_START.match(ch):
                continue  # no cue can start with it
            subs = []
            for second, members in sorted(by_second.items(), key=lambda kv: kv[0] == ""):
                if not second:  # entries that may go on with anything after ``ch``
                    subs.append(self._from_start(members, ch))
                    continue
                thirds = sorted({t for _, ts in members.values() for t in ts if t})
                if len(members) <= _CROWDED or not thirds:
                    subs.append(self._letter_class(second) + self._from_start(members, ch + second))
                    continue
                # A third-letter branch holds the entries that can go on with that letter
                # and those that can go on with anything, longest first as everywhere.
                by_third = []
                for third in thirds:
                    fits = {m: v for m, v in members.items() if third in v[1] or "" in v[1]}
                    by_third.append(
                        self._letter_class(third) + self._from_start(fits, ch + second + third)
                    )
                open_ended = {m: v for m, v in members.items() if "" in v[1]}
                if open_ended:  # any other third letter, or none (the span ends)
                    others = self._letter_class("".join(thirds))
                    by_third.append(f"(?!{others})" + self._from_start(open_ended, ch + second))
                subs.append(f"{self._letter_class(second)}(?:{'|'.join(by_third)})")
            branch = f"{self._letter_class(ch)}(?:{'|'.join(subs)})"
            branches.append(branch)
        return f"(?:{'|'.join(branches)})" if branches else r"(?!x)x"

    def _letter_class(self, chars: str) -> str:
        """``_one_of(chars)``, remembering which letter each case twin stands for."""
        for ch in chars:
            for twin in _case_twins(ch):
                self._fold[ord(twin)] = ch
        return _one_of(chars)

    def _from_start(
        self, members: dict[tuple[int, int], tuple[str, set[str]]], letters: str
    ) -> str:
        """A leaf of the scan: the members matched from the cue's start, ``letters``
        back, longest first, so a phrase wins over a word it starts with.

        The scan has no groups: entering a group costs sre time in proportion to the
        group's number, and most leaves a scan enters do not match. The leaf is also
        compiled on its own with a group per member, to tell which one matched.
        """
        ordered = sorted(members.items(), key=lambda m: -len(m[1][0]))
        groups = "|".join(f"(?P<g{k}>{body})" for k, (_, (body, _)) in enumerate(ordered))
        self._leaves[letters] = (
            re.compile(rf"(?:{groups})(?![\w])", re.IGNORECASE),
            [self.entries[i] for (i, _), _ in ordered],
        )
        alternatives = "|".join(body for _, (body, _) in ordered)
        return rf"(?<=(?=(?:{alternatives})(?![\w])){'(?s:.)' * len(letters)})"

    def _hit(self, scan: re.Match[str], text: str, end: int) -> Match:
        """The member a scan match found: its leaf is named by the letters the scan
        consumed after the character before the cue."""
        start = scan.start() + 1
        regex, entries = self._leaves[text[start : scan.end()].translate(self._fold)]
        m = regex.match(text, start, end)
        assert m is not None and m.lastgroup is not None  # the scan matched this leaf
        return Match(start, m.end(), entries[int(m.lastgroup[1:])])

    def _check(self, entry: LexiconEntry) -> None:
        where = f"lexicon {self.name!r}, entry {entry.pattern!r}"
        if entry.category not in self.categories:
            raise LexiconError(f"{where}: unknown category {entry.category!r}")
        if entry.rule is not None and entry.rule not in self.rules:
            raise LexiconError(f"{where}: unknown rule {entry.rule!r}")
        # IGNORECASE as in the scan; a case-sensitive body opts out with (?-i:...)
        if not re.search(entry.regex(), entry.example, re.IGNORECASE):
            raise LexiconError(f"{where}: its example {entry.example!r} does not match")

    def finditer(self, text: str, start: int = 0, end: int | None = None) -> Iterator[Match]:
        """Accepted matches in ``text[start:end]``, left to right, not overlapping.

        When a rule rejects the longest match at a position, the other entries are tried
        there (longest first) before the scan moves on.
        """
        end = len(text) if end is None else end
        pos = start
        while pos < end:
            longest = self._scan(text, pos, end)
            if longest is None:
                if pos:
                    return
                pos = 1
                continue
            hit = longest if self._accepts(longest, text, start, end) else None
            if hit is None:  # its rule said no: the other entries get their chance here
                hit = self.match_at(text, longest.start, start, end, skip=longest.entry)
            if hit is None:
                pos = longest.start + 1
                continue
            yield hit
            pos = hit.end if hit.end > hit.start else hit.start + 1

    def _scan(self, text: str, pos: int, end: int) -> Match | None:
        """The first cue the scan finds from ``pos`` on, before any rule (from 0: only
        one at the very start)."""
        if pos:  # from the character a cue follows
            m = self._regex.search(text, pos - 1, end)
            return None if m is None else self._hit(m, text, end)
        # at the text's start there is none: the scan is given a space
        spaced = " " + text[:end]
        m = self._regex.match(spaced)
        if m is None:
            return None
        hit = self._hit(m, spaced, end + 1)
        return Match(hit.start - 1, hit.end - 1, hit.entry)

    def _accepts(self, hit: Match, text: str, start: int, end: int) -> bool:
        rule = hit.entry.rule
        return rule is None or self.rules[rule](text, hit.start, hit.end, start, end)

    def match_at(
        self,
        text: str,
        pos: int,
        unit_start: int,
        unit_end: int,
        categories: frozenset[str] | None = None,
        skip: LexiconEntry | None = None,
    ) -> Match | None:
        """The longest accepted entry matching exactly at ``pos`` inside the unit.

        Only entries of ``categories`` (all when None) are tried, and never ``skip``
        (the entry whose rule already rejected this place).
        """
        key = text[pos : pos + 3].lower()
        ranks = self._ranks.get(key)
        if ranks is None:  # the entries that can start with these letters, longest first
            ranks = sorted({r for p in (key[:1], key[:2], key) for r in self._starting.get(p, ())})
            self._ranks[key] = ranks
        for rank in ranks:
            entry, rx = self._singles[rank]
            if entry is skip or (categories is not None and entry.category not in categories):
                continue
            m = rx.match(text, pos, unit_end)
            if m is not None:
                hit = Match(pos, m.end(), entry)
                if self._accepts(hit, text, unit_start, unit_end):
                    return hit
        return None

    def subset(self, categories: frozenset[str]) -> Lexicon:
        """A lexicon of only the entries in ``categories`` (cached per category set)."""
        if categories not in self._subsets:
            entries = [e for e in self.entries if e.category in categories]
            self._subsets[categories] = Lexicon(self.name, entries, self.categories, self.rules)
        return self._subsets[categories]


# libyaml's loader when PyYAML was built with it: it reads the lexicons ~10x faster,
# which is most of the start-up of a short ``claims annotate`` run.
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_packaged_yaml(filename: str) -> Any:
    """The parsed YAML of a lexicon file shipped in ``claims/lexicons``."""
    try:
        raw = resources.files("claims.lexicons").joinpath(filename).read_text("utf-8")
        return yaml.load(raw, Loader=_YAML_LOADER)
    except (OSError, yaml.YAMLError) as exc:
        problem = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise LexiconError(f"lexicon {filename}: cannot be read: {problem}") from exc


def load_entries(filename: str) -> list[LexiconEntry]:
    """Read and validate the entries of one YAML lexicon shipped in the package."""
    data = read_packaged_yaml(filename)
    if not isinstance(data, dict) or not isinstance(data.get("entries"), list):
        raise LexiconError(f"lexicon {filename}: expected a mapping with an 'entries' list")
    entries = []
    for i, item in enumerate(data["entries"]):
        try:
            entries.append(LexiconEntry.from_dict(item))
        except ValidationError as exc:
            problems = "; ".join(
                f"{'.'.join(map(str, err['loc'])) or 'entry'}: {err['msg']}" for err in exc.errors()
            )
            raise LexiconError(f"lexicon {filename}: entry {i + 1}: {problems}") from exc
        except TypeError as exc:  # the item is not a mapping
            raise LexiconError(f"lexicon {filename}: entry {i + 1}: {exc}") from exc
    return entries


@cache
def load_lexicon(filename: str, categories: tuple[str, ...]) -> Lexicon:
    """A compiled, validated lexicon (cached: built once per process)."""
    from claims.rules import RULES

    return Lexicon(filename.removesuffix(".yaml"), load_entries(filename), categories, RULES)
