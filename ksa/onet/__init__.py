"""O*NET releases: readers, item selection, taxonomy changes.

Public API (stable; the store, diff, web client and refresh flow build on it)::

    from ksa.onet import open_release, Release, select_items, tool_item_id, resolve_code

    rel = open_release("db_29_3_excel")        # folder (text or Excel edition) or .zip
    rel = open_release(path, version="29.3")   # when neither Read Me nor name tells
    rel.version, rel.source, rel.edition        # "29.3", str(path), "text" | "excel"
    rel.files                                   # canonical domain -> file (Path | "a.zip!member")
    rel.missing                                 # expected domains not present
    rel.file_groups                             # domain -> all its files (30.x Skills: 2)
    rel.notices, rel.readme                     # reading notices; Read Me text or None
    rel.occupations()                           # code -> Occupation
    rel.profile("51-9161.00", [Domain.KNOWLEDGE, Domain.TOOLS])   # -> Profile
    rel.profile(code, domains, title="CNC Machinist")  # title sharpens unknown-code suggestions
    rel.table("Knowledge")                      # DataFrame, all str, canonical columns
    resolve_code("51-4011.00", rel.occupations())  # ("51-9161.00", (notice,)); title= too
    tool_item_id(Domain.TOOLS, "23242304", "5 axis lathes")  # "tools:23242304:5-axis-lathes"
    select_items(profile, domains=[...], importance_min=3.0, include=[...], exclude=[...])

Store and diff (``ksa onet load|releases|show|find|diff`` are thin layers over these)::

    from ksa.onet import Store, open_source, diff_releases, render_text, to_markdown, to_dict

    store = Store()                              # $KSA_DB, else the user data folder
    result = store.load(open_release(path))     # LoadResult: .status, .message, .missing
    store.releases(), store.latest()            # [ReleaseInfo], "29.3" | None
    stored = store.open("29.3")                  # StoredRelease: .profile(code), .find(query)
    open_source("store:latest")                  # StoredRelease; a path -> Release
    changes = diff_releases(old, new, codes=["51-9161.00"], importance_delta=0.5)
    render_text(changes), to_markdown(changes), to_dict(changes)

Canonical domain names are O*NET 29.x file stems ("Occupation Data", "Knowledge", "Skills",
"Tools Used", "Technology Skills", ...); :mod:`ksa.onet.aliases` maps 30.x renames onto them.
Profiles keep items O*NET flags Not Relevant / Recommend Suppress (``Item.suppressed``);
``select_items`` does not pick them by the importance cutoff. Rules: :mod:`ksa.onet.select`,
id format: :mod:`ksa.onet.ids`, retired/unknown codes: :mod:`ksa.onet.taxonomy`.
"""

from __future__ import annotations

from ksa.onet.diff import ReleaseDiff, diff_releases, render_text, to_dict, to_markdown
from ksa.onet.ids import tool_item_id
from ksa.onet.release import DOMAIN_ORDER, Release, open_release
from ksa.onet.select import select_items
from ksa.onet.store import (
    FoundTitle,
    LoadResult,
    ReleaseInfo,
    Store,
    StoredRelease,
    StoreError,
    open_source,
)
from ksa.onet.taxonomy import normalize_code, resolve_code

__all__ = [
    "DOMAIN_ORDER",
    "FoundTitle",
    "LoadResult",
    "Release",
    "ReleaseDiff",
    "ReleaseInfo",
    "Store",
    "StoreError",
    "StoredRelease",
    "diff_releases",
    "normalize_code",
    "open_release",
    "open_source",
    "render_text",
    "resolve_code",
    "select_items",
    "to_dict",
    "to_markdown",
    "tool_item_id",
]
