"""The figures a passage of text states, read as a reader would: separators, decimals, scale words and
number words in the languages of the quotes ("1.1 million", "452 ألف", "10 000", "1만 5천", "two thousand").

One home for reading numbers out of quotes and passages: the audit compares them with a claim's bounds and
validation requires a figure's evidence passage to state the figure.
"""

from __future__ import annotations

import re

_SCALE = {
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "mln": 1_000_000,
    "тысяч": 1_000,
    "тыс": 1_000,
    "тисяч": 1_000,
    "тисячі": 1_000,
    "dozen": 12,
    "mil": 1_000,
    "ألف": 1_000,
    "مليون": 1_000_000,
    "lakh": 100_000,
    "millions": 1_000_000,
    "milliers": 1_000,
    "mille": 1_000,
}
_SCALES = "|".join(sorted(_SCALE, key=len, reverse=True))
_NUMBER = re.compile(r"(\d{1,3}(?:[.,\u00a0\u202f ]\d{3})+|\d+(?:[.,]\d+)?)(?:[\s-]*(" + _SCALES + r")(?![\w]))?", re.I)
_KOREAN = re.compile(r"(\d+)\s*만(?:\s*(\d+)\s*천)?|(\d+)\s*천")  # 1만 5천 = 15,000; 2천 = 2,000
_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_WORD_NUMBER = re.compile(r"\b(" + "|".join(_WORDS) + r")(?:[\s-]+(" + _SCALES + r"))?\b", re.I)

#: "the fourth Kenyan brought home" states a count of four; "hundreds of men" at least a hundred; "the trio" three.
_ORDINALS = {
    w: n for n, w in enumerate("first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth".split(), 1)
}
_ORDINAL = re.compile(r"\bthe (" + "|".join(_ORDINALS) + r")\b", re.I)
_COLLECTIVES = {
    "hundreds": 100,
    "thousands": 1_000,
    "tens of thousands": 10_000,
    "hundreds of thousands": 100_000,
    "dozens": 24,
    "trio": 3,
    "pair": 2,
}
_COLLECTIVE = re.compile(r"\b(" + "|".join(sorted(_COLLECTIVES, key=len, reverse=True)) + r")\b", re.I)


def numbers_in(text: str) -> set[int]:
    """Every figure a quote states, with separators, decimals and scale words read
    ("1.1 million" -> 1,100,000; "452 ألف" -> 452,000; "10 000" -> 10,000)."""
    found: set[int] = set()
    for m in _NUMBER.finditer(text):
        digits, scale = m.group(1), (m.group(2) or "").lower()
        if re.fullmatch(r"\d{1,3}(?:[.,\u00a0\u202f ]\d{3})+", digits):
            values = [float(re.sub(r"[.,\u00a0\u202f ]", "", digits))]
            if re.fullmatch(r"\d{1,3}[.,]\d{3}", digits):  # '1.076' is 1,076 in Spanish, 1.076 in English
                values.append(float(digits.replace(",", ".")))
        else:
            values = [float(digits.replace(",", "."))]
        found |= {round(v * _SCALE.get(scale, 1)) for v in values}
    for m in _KOREAN.finditer(text):
        if m.group(1):
            found.add(int(m.group(1)) * 10_000 + int(m.group(2) or 0) * 1_000)
        else:
            found.add(int(m.group(3)) * 1_000)
    for m in _WORD_NUMBER.finditer(text):
        value = _WORDS[m.group(1).lower()] * _SCALE.get((m.group(2) or "").lower(), 1)
        if m.group(1).lower() not in ("a", "an") or m.group(2):
            found.add(value)
    if re.search(r"\ban? ([A-Z][a-z]+(?: [A-Z][a-z]+)? )?(soldier|citizen|national|man|recruit)\b", text, re.I):
        found.add(1)
    found |= {_ORDINALS[m.group(1).lower()] for m in _ORDINAL.finditer(text)}
    found |= {_COLLECTIVES[m.group(1).lower()] for m in _COLLECTIVE.finditer(text)}
    return found
