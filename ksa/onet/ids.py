"""Stable ids for tools and technology items, which O*NET gives no element id.

Format (documented, relied on by the kit, the sidecar and the review ledger)::

    {domain}:{code}:{slug}[--{hash}]

* ``domain``: ``tools`` or ``technology`` (``Domain`` value).
* ``code``: the UNSPSC Commodity Code (30.x Software Skills: the software category Element ID,
  e.g. ``2.E.5.b``); characters other than ``A-Z a-z 0-9 .`` become ``-``; empty -> ``none``.
* ``slug``: the example text lower-cased, every run of characters other than ASCII ``a-z 0-9``
  replaced by one ``-``, leading/trailing ``-`` removed; empty -> ``item``.
* ``--{hash}``: the first 8 hex digits of SHA-1 of the exact example (UTF-8), appended unless the
  example is in *plain form*: exactly what the slug reads back as when ``-`` becomes a space and
  the first character is upper-cased (``"5 axis lathes"``, ``"Lathes"``, ``"Bore mills"``).
  Plain-form examples map one-to-one to slugs, so two distinct examples can share an id only
  if both carry a hash and the hashes collide (2^-32). ``--`` never occurs in a slug, so hashed
  and plain ids cannot collide either.

Examples: ``tool_item_id(Domain.TOOLS, "23242304", "5 axis lathes")`` ->
``tools:23242304:5-axis-lathes``; ``"5-axis lathes"`` -> ``tools:23242304:5-axis-lathes--<8 hex>``.
"""

from __future__ import annotations

import hashlib
import re

from ksa.model import Domain

_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_UNSAFE_CODE = re.compile(r"[^A-Za-z0-9.]+")

#: Every id this module makes matches this pattern.
ID_PATTERN = re.compile(r"^[a-z_]+:[A-Za-z0-9.-]+:[a-z0-9]+(?:-[a-z0-9]+)*(?:--[0-9a-f]{8})?$")


def slugify(text: str) -> str:
    """Lower case, runs of non ``a-z0-9`` characters -> ``-``, trimmed."""
    return _NON_ALNUM.sub("-", text.lower()).strip("-")


def _plain_form(slug: str) -> str:
    text = slug.replace("-", " ")
    return text[:1].upper() + text[1:]


def _code_part(code: str) -> str:
    cleaned = _UNSAFE_CODE.sub("-", code.strip()).strip("-")
    return cleaned or "none"


def tool_item_id(domain: Domain, commodity_code: str, example: str) -> str:
    """The stable id of one tool/technology example (see the module docstring for the rule)."""
    slug = slugify(example)
    item_id = f"{Domain(domain).value}:{_code_part(commodity_code)}:{slug or 'item'}"
    if not slug or example != _plain_form(slug):
        digest = hashlib.sha1(example.encode("utf-8"), usedforsecurity=False).hexdigest()[:8]
        item_id += f"--{digest}"
    return item_id
