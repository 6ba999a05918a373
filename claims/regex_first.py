"""The characters a regular expression can start with, to dispatch an alternation.

Trying only the entries that can begin with the character at hand makes a lexicon
scan cost about the same however many entries the lexicon has. The same parse also
tells whether a pattern can only end in a space, which a lexicon refuses.
"""

from __future__ import annotations

import re
import string

# The standard library's own regex parser (Python 3.11+); read-only use of its output.
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

_ANY = frozenset(string.ascii_lowercase + string.digits + "$[(_#")


def first_chars(pattern: str) -> frozenset[str]:
    """Lower-case characters a match of ``pattern`` may start with (``_ANY`` if unsure)."""
    return frozenset(p[0] for p in start_prefixes(pattern, 2))


def _class_chars(av: Any) -> set[str] | None:
    """The characters a parsed character class admits (``None``: too many to list)."""
    chars: set[str] = set()
    for sub_op, sub_av in av:
        sub = str(sub_op)
        if sub == "LITERAL":
            chars.add(chr(sub_av))
        elif sub == "RANGE" and sub_av[1] - sub_av[0] < 40:
            chars |= {chr(c) for c in range(sub_av[0], sub_av[1] + 1)}
        elif sub == "CATEGORY" and str(sub_av) == "CATEGORY_DIGIT":
            chars |= set(string.digits)
        else:  # other categories (\w, \s), negation: anything
            return None
    return chars


def top_level_alternatives(pattern: str) -> list[str]:
    """``pattern`` split at its top-level ``|`` (not inside groups or classes)."""
    parts: list[str] = []
    depth = 0
    in_class = False
    start = 0
    i = 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
            if pattern[i + 1 : i + 2] == "]":
                i += 1
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
        i += 1
    parts.append(pattern[start:])
    return parts


def ends_in_space(pattern: str) -> bool:
    """Whether every match of ``pattern`` ends in a space, lookarounds aside.

    A lexicon cue must end at a word edge, so such a pattern matches only before
    punctuation: "similar to (?!the)" never matches "similar to other".
    """
    return _ends_in_space(list(sre_parse.parse(pattern)))


def _ends_in_space(items: list[Any]) -> bool:
    while items and str(items[-1][0]) in ("ASSERT", "ASSERT_NOT", "AT"):
        items = items[:-1]
    if not items:
        return False
    op, av = items[-1]
    name = str(op)
    if name == "SUBPATTERN":
        return _ends_in_space(list(av[-1]))
    if name == "BRANCH":
        return all(_ends_in_space(list(branch)) for branch in av[1])
    if name in ("MAX_REPEAT", "MIN_REPEAT"):
        if not _ends_in_space(list(av[2])):
            return False
        # an optional tail ("knows (?:for sure )?"): what comes before it must end so too
        return av[0] >= 1 or _ends_in_space(items[:-1])
    if name == "IN":
        return all(
            (str(o) == "LITERAL" and a == ord(" ")) or str(a) == "CATEGORY_SPACE" for o, a in av
        )
    return name == "LITERAL" and av == ord(" ")


_Prefix = tuple[str, ...]


def _prefixes(pattern: str, n: int) -> set[str] | None:
    """Lower-case prefixes of up to ``n`` characters a match may start with; a shorter
    one may be followed by anything. ``None`` when the start cannot be worked out."""
    try:
        parsed = sre_parse.parse(pattern, re.IGNORECASE)
    except re.error:
        return None
    found = _seq(list(parsed), n)
    if found is None or () in found[0] | found[1]:
        return None  # may match with nothing known up front
    return {"".join(prefix).lower() for prefix in found[0] | found[1]}


def first_pairs(pattern: str) -> dict[str, set[str]] | None:
    """Possible first characters of a match, each with the second characters after it.

    A first character mapped to a set holding ``""`` may be followed by anything (its
    second character is not known). ``None`` when the start cannot be worked out.
    """
    prefixes = _prefixes(pattern, 2)
    if prefixes is None:
        return None
    out: dict[str, set[str]] = {}
    for prefix in prefixes:
        out.setdefault(prefix[0], set()).add(prefix[1:2])
    return out


def start_prefixes(pattern: str, n: int = 3) -> set[str]:
    """Lower-case prefixes of up to ``n`` characters a match may start with.

    A prefix shorter than ``n`` may be followed by anything; an unknown start is spelt
    out as every possible first character.
    """
    prefixes = _prefixes(pattern, n)
    return set(_ANY) if prefixes is None else prefixes


_Prefixes = tuple[set[_Prefix], set[_Prefix]]


def _seq(items: list[Any], n: int) -> _Prefixes | None:
    """(complete, fixed) prefixes of a sequence of parsed items, up to ``n`` characters.

    ``complete`` prefixes cover the whole sequence and may be extended by what follows;
    ``fixed`` ones are final: ``n`` long, or followed by something unknown.
    """
    current: set[_Prefix] = {()}
    fixed: set[_Prefix] = set()
    for op, av in items:
        item = _item(op, av, n)
        if item is None:
            return set(), fixed | current
        complete, open_ended = item
        grown: set[_Prefix] = set()
        for prefix in current:
            fixed |= {(prefix + o)[:n] for o in open_ended}
            for o in complete:
                joined = prefix + o
                (fixed if len(joined) >= n else grown).add(joined[:n])
        current = grown
        if not current or len(fixed) + len(current) > 400:
            break
    if len(fixed) + len(current) > 400:
        return None
    return current, fixed


def _item(op: Any, av: Any, n: int) -> _Prefixes | None:
    name = str(op)
    if name == "LITERAL":
        return {(chr(av),)}, set()
    if name == "IN":
        chars = _class_chars(av)
        return None if chars is None else ({(c,) for c in chars}, set())
    if name == "SUBPATTERN":
        return _seq(list(av[-1]), n)
    if name == "BRANCH":
        complete: set[_Prefix] = set()
        fixed: set[_Prefix] = set()
        for branch in av[1]:
            found = _seq(list(branch), n)
            if found is None:
                return None
            complete |= found[0]
            fixed |= found[1]
        return complete, fixed
    if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
        low, high, body = av
        inner = _seq(list(body), n)
        skip: set[_Prefix] = {()} if low == 0 else set()
        if inner is None:
            return (skip, {()}) if low == 0 else None
        if high == 1:
            return inner[0] | skip, inner[1]
        return skip, inner[0] | inner[1]  # after a repeat anything may follow
    if name in ("AT", "ASSERT", "ASSERT_NOT"):
        return {()}, set()
    return None
