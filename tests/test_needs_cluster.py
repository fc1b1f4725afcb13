"""Additional-needs clustering: same need, different words; counts; labels; O*NET matches."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from ksa.model import Domain, Item, NeedEntry
from ksa.needs import cluster_needs, need_key


def entry(text: str, who: str, domain: str = "") -> NeedEntry:
    return NeedEntry(text, domain=domain, respondent=who)


ENTRIES = [
    entry("Blueprint reading", "A", "Skills"),
    entry("blue print reading", "B"),
    entry("Reading blueprints", "C", "Skills"),
    entry("Blueprint reading", "A"),  # same employer twice counts once
    entry("GD&T", "B", "Knowledge"),
    entry("GD & T", "D"),
    entry("Welding", "A"),
    entry("Welding safety", "B"),
    entry("Shop safety", "E", "Other"),
    entry("   ", "E"),
]


def test_blueprint_variants_are_one_need() -> None:
    clusters = cluster_needs(ENTRIES)
    by_label = {c.label: c for c in clusters}
    blueprint = by_label["Blueprint reading"]
    assert blueprint.respondents == ("A", "B", "C") and blueprint.count == 3
    assert set(blueprint.wordings) == {"Blueprint reading", "blue print reading", "Reading blueprints"}
    assert blueprint.key == "blueprint reading" and blueprint.domain == "Skills"
    assert by_label["GD&T"].count == 2
    assert "Welding" in by_label and "Welding safety" in by_label
    assert [c.label for c in clusters] == [
        "Blueprint reading", "GD&T", "Shop safety", "Welding", "Welding safety"]


def test_typo_joins_but_different_needs_stay_apart() -> None:
    clusters = cluster_needs([entry("Blueprint reading", "A"), entry("Bluprint reading", "B"),
                              entry("CNC programming", "C"), entry("CAM programming", "D")])
    assert sorted(c.count for c in clusters) == [1, 1, 2]


def test_label_ties_pick_shortest() -> None:
    (cluster,) = cluster_needs([entry("Reading blueprints", "A"), entry("Blueprint reading", "B")])
    assert cluster.label == "Blueprint reading"


def test_need_already_in_onet() -> None:
    items = [Item("2.C.3.a", Domain.KNOWLEDGE, "Mechanical"),
             Item("T:1", Domain.TOOLS, "Bore mills")]
    clusters = cluster_needs([entry("bore mill", "A"), entry("Shop safety", "B")], items)
    assert {c.label: c.in_onet for c in clusters} == {"bore mill": "T:1", "Shop safety": None}


def test_key_is_stable_normalized_label() -> None:
    assert need_key("Reading  Blueprints!") == "reading blueprint"
    assert need_key("GD&T") == need_key("gdt") == need_key("Geometric dimensioning and tolerancing")


texts = st.sampled_from(["Blueprint reading", "blue print reading", "Reading blueprints", "GD&T",
                         "gdt", "Welding", "Welding safety", "Shop safety", "shop  safety"])


@given(st.lists(st.tuples(texts, st.sampled_from("ABCDE")), max_size=12), st.randoms())
def test_clustering_is_order_independent(pairs: list[tuple[str, str]], rnd: object) -> None:
    entries = [entry(t, w) for t, w in pairs]
    shuffled = list(entries)
    rnd.shuffle(shuffled)  # type: ignore[attr-defined]
    assert cluster_needs(entries) == cluster_needs(shuffled)
