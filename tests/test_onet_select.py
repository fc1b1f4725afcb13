"""select_items: cutoff, suppressed items, include/exclude matching, errors, ordering."""

from __future__ import annotations

import pytest

from ksa.errors import InputError
from ksa.model import Domain, Item, Occupation, Profile
from ksa.onet import select_items

K, S, T, X = Domain.KNOWLEDGE, Domain.SKILLS, Domain.TOOLS, Domain.TECHNOLOGY


def rated(eid: str, domain: Domain, name: str, im: float | None, suppressed: bool = False
          ) -> Item:
    return Item(item_id=eid, domain=domain, name=name, element_id=eid, importance=im,
                level=3.0, suppressed=suppressed)


def tool(domain: Domain, name: str) -> Item:
    return Item(item_id=f"{domain.value}:1:{name.lower()}", domain=domain, name=name,
                commodity_code="1")


PROFILE = Profile(
    occupation=Occupation("51-9161.00", "CNC Tool Operators"),
    release="29.3",
    items=(
        rated("2.C.4.a", K, "Mathematics", 4.16),
        rated("2.C.1.a", K, "Administration and Management", 3.0),
        rated("2.C.4.b", K, "Physics", 2.56),
        rated("2.C.3.a", K, "Computers and Electronics", 3.0),
        rated("2.C.9.b", K, "Fine Arts", 3.5, suppressed=True),
        rated("2.C.2.a", K, "Unrated", None),
        rated("2.A.1.e", S, "Mathematics", 2.75),
        rated("2.A.2.a", S, "Critical Thinking", 3.62),
        rated("2.B.2.i", S, "Operation and Control", 4.12),
        tool(T, "Lathes"),
        tool(T, "Bore mills"),
        tool(T, "5 axis lathes"),
        tool(X, "Microsoft Excel"),
        rated("1.A.1.a.1", Domain.ABILITIES, "Oral Comprehension", 4.0),
    ),
)


def names(items: tuple[Item, ...]) -> list[tuple[str, str]]:
    return [(i.domain.value, i.name) for i in items]


def test_cutoff_order_and_all_tools() -> None:
    sel = select_items(PROFILE, domains=[T, S, K])
    assert names(sel.items) == [
        ("knowledge", "Mathematics"),
        ("knowledge", "Administration and Management"),  # 3.0 >= 3.0, ties by name
        ("knowledge", "Computers and Electronics"),
        ("skills", "Operation and Control"),
        ("skills", "Critical Thinking"),
        ("tools", "5 axis lathes"),
        ("tools", "Bore mills"),
        ("tools", "Lathes"),
    ]
    assert any("Not Relevant or Recommend Suppress" in n for n in sel.notices)
    assert select_items(PROFILE, domains=[K], importance_min=4.0).items == (PROFILE.items[0],)


def test_include_by_name_shared_across_domains() -> None:
    sel = select_items(PROFILE, domains=[K, S], include=["mathematics", "PHYSICS"])
    picked = {i.item_id for i in sel.items}
    assert {"2.C.4.a", "2.A.1.e", "2.C.4.b"} <= picked
    assert any("'mathematics' matches 2 items" in n for n in sel.notices)
    # only within the panel's domains: knowledge alone gets one Mathematics
    only_k = select_items(PROFILE, domains=[K], include=["Mathematics"])
    assert not any("matches 2 items" in n for n in only_k.notices)


def test_include_by_element_or_item_id_and_suppressed() -> None:
    sel = select_items(PROFILE, domains=[K], include=["2.c.9.B", "2.C.2.a"])
    assert {"2.C.9.b", "2.C.2.a"} <= {i.item_id for i in sel.items}
    assert [i.name for i in sel.items] == [  # included items sort by importance too
        "Mathematics", "Fine Arts", "Administration and Management", "Computers and Electronics",
        "Unrated"]
    assert sum("cutoff would not pick it" in n for n in sel.notices) == 2


def test_exclude_wins_over_cutoff_and_removes_tools() -> None:
    sel = select_items(PROFILE, domains=[K, T, X],
                       exclude=["Mathematics", "tools:1:lathes", "Microsoft Excel"])
    assert ("knowledge", "Mathematics") not in names(sel.items)
    assert ("tools", "Lathes") not in names(sel.items)
    assert ("tools", "Bore mills") in names(sel.items)
    assert not any(i.domain is X for i in sel.items)


def test_exclude_by_id_beats_include_by_shared_name() -> None:
    sel = select_items(PROFILE, domains=[K, S], include=["Mathematics"], exclude=["2.A.1.e"])
    ids = {i.item_id for i in sel.items}
    assert "2.C.4.a" in ids and "2.A.1.e" not in ids
    assert any("both included and excluded" in n for n in sel.notices)


def test_unknown_include_entries_reported_together() -> None:
    with pytest.raises(InputError) as err:
        select_items(PROFILE, domains=[K, S], include=["Mathematic", "Blueprint reading",
                                                       "Oral Comprehension"])
    problems = err.value.problems
    assert [p.value for p in problems] == ["Mathematic", "Blueprint reading",
                                           "Oral Comprehension"]
    assert "Mathematics" in problems[0].hint
    assert "abilities" in problems[2].hint  # present, but in a domain the panel left out


def test_entry_in_both_lists_is_an_error() -> None:
    with pytest.raises(InputError) as err:
        select_items(PROFILE, domains=[K], include=["Physics"], exclude=[" physics "])
    assert "both include and exclude" in str(err.value)


def test_unknown_exclude_entry_is_an_error() -> None:
    with pytest.raises(InputError, match="Lathe"):
        select_items(PROFILE, domains=[T], exclude=["Lathe"])
