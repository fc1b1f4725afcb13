"""tool_item_id: readable, stable, unique, safe."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from ksa.model import Domain
from ksa.onet import tool_item_id
from ksa.onet.ids import ID_PATTERN

domains = st.sampled_from([Domain.TOOLS, Domain.TECHNOLOGY])
codes = st.one_of(st.from_regex(r"\A[0-9]{8}\Z"), st.from_regex(r"\A2\.E\.[0-9]\.[a-z]\Z"),
                  st.text(max_size=12))


def test_documented_examples() -> None:
    assert tool_item_id(Domain.TOOLS, "23242304", "5 axis lathes") == "tools:23242304:5-axis-lathes"
    assert tool_item_id(Domain.TOOLS, "23242304", "Lathes") == "tools:23242304:lathes"
    hashed = tool_item_id(Domain.TOOLS, "23242304", "5-axis lathes")
    assert hashed.startswith("tools:23242304:5-axis-lathes--") and len(hashed.split("--")[1]) == 8
    assert tool_item_id(Domain.TECHNOLOGY, "2.E.5.b", "Microsoft Excel").startswith(
        "technology:2.E.5.b:microsoft-excel--")
    assert tool_item_id(Domain.TOOLS, "", "???").startswith("tools:none:item--")


def test_punctuation_and_case_variants_differ() -> None:
    variants = ["5 axis lathes", "5-axis lathes", "5 Axis lathes", "5 axis lathes.",
                "5  axis lathes", " 5 axis lathes", "5/axis lathes"]
    ids = {tool_item_id(Domain.TOOLS, "23242304", v) for v in variants}
    assert len(ids) == len(variants)


@given(domains, codes, st.text())
def test_stable_and_safe(domain: Domain, code: str, example: str) -> None:
    first = tool_item_id(domain, code, example)
    assert first == tool_item_id(domain, code, example)
    assert ID_PATTERN.match(first), first
    assert first.startswith(f"{domain.value}:")


@given(domains, codes, st.text(), st.text())
def test_unique_for_distinct_examples(domain: Domain, code: str, a: str, b: str) -> None:
    if a != b:
        assert tool_item_id(domain, code, a) != tool_item_id(domain, code, b)


@given(st.lists(st.from_regex(r"\A[A-Za-z0-9][A-Za-z0-9 ,./()-]{0,20}\Z"), unique=True,
                max_size=30))
def test_unique_within_an_occupation(examples: list[str]) -> None:
    ids = [tool_item_id(Domain.TOOLS, "27112703", e) for e in examples]
    assert len(set(ids)) == len(ids)
