"""The crosswalk's JSON sidecar: the same facts as the workbook, as data, schema-validated."""

from __future__ import annotations

import json
from typing import Any

import jsonschema

from ksa.errors import OutputError
from ksa.model import Crosswalk, Match
from ksa.panel import load_schema

SIDECAR_VERSION = "1"


def _match(m: Match) -> dict[str, Any]:
    c = m.course
    return {
        "school": c.school,
        "grade_level": c.grade_level,
        "course_code": c.course_code,
        "course_title": c.course_title,
        "score": round(float(m.score), 2),
        "rank": m.rank,
        "status": m.status.value,
        "matched_tokens": list(m.matched_tokens),
    }


def sidecar_dict(cw: Crosswalk) -> dict[str, Any]:
    items = []
    for item in cw.items:
        tally = cw.tallies.get(item.item_id)
        items.append(
            {
                "item_id": item.item_id,
                "domain": item.domain.value,
                "name": item.name,
                "description": item.description,
                "element_id": item.element_id,
                "importance": item.importance,
                "level": item.level,
                "commodity_code": item.commodity_code,
                "tally": None
                if tally is None
                else {
                    "yes": tally.yes,
                    "no": tally.no,
                    "unanswered": tally.unanswered,
                    "text": tally.text,
                    "flagged": tally.flagged,
                    "struck": [r.text for r in tally.runs if r.struck],
                    "warnings": list(tally.warnings),
                },
                "matches": [_match(m) for m in cw.matches.get(item.item_id, ())],
            }
        )
    needs = [
        {
            "key": n.key,
            "label": n.label,
            "domain": n.domain,
            "count": n.count,
            "respondents": list(n.respondents),
            "wordings": list(n.wordings),
            "in_onet": n.in_onet,
            "matches": [_match(m) for m in cw.matches.get(n.key, ())],
        }
        for n in cw.needs
    ]
    return {
        "sidecar_version": SIDECAR_VERSION,
        "panel_id": cw.panel_id,
        "title": cw.title,
        "occupation": {
            "code": cw.occupation.code,
            "title": cw.occupation.title,
            "label": cw.occupation_label,
        },
        "onet_release": cw.release,
        "threshold": cw.threshold,
        "generated_at": cw.generated_at,
        "respondents": [
            {"organization": r.respondent, "source": r.source, "layout": r.layout}
            for r in cw.responses
        ],
        "items": items,
        "needs": needs,
        "issues": [{"level": i.level, "where": i.where, "message": i.message} for i in cw.issues],
        "notices": list(cw.notices),
        "sources": dict(cw.sources),
    }


def sidecar_json(cw: Crosswalk) -> str:
    """Serialized sidecar; raises OutputError if it would not validate (a bug, never shipped)."""
    data = sidecar_dict(cw)
    validator = jsonschema.Draft202012Validator(load_schema("crosswalk.schema.json"))
    errors = sorted(validator.iter_errors(data), key=lambda e: [str(p) for p in e.absolute_path])
    if errors:
        detail = "; ".join(
            f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in errors[:10]
        )
        raise OutputError(
            f"Internal error: the crosswalk sidecar does not match its schema: {detail}"
        )
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
