"""The matcher on the held-out pairs (tests/data/match_holdout.csv), labelled blind to it.

Run ``benchmarks/match_holdout.py`` for the full table; these tests keep the one claim the
holdout supports (the matcher ranks better than plain rapidfuzz WRatio) and check the scoring.
"""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest
from script_modules import load_script

REPO = Path(__file__).resolve().parents[1]
HOLDOUT = REPO / "tests" / "data" / "match_holdout.csv"


def _benchmark() -> ModuleType:
    return load_script("benchmarks", "match_holdout")


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    return _benchmark()


def test_holdout_is_big_balanced_and_has_hard_negatives(bench: ModuleType) -> None:
    pairs = bench.read_holdout(HOLDOUT)
    assert sum(not p.pooled for p in pairs) >= 200  # labelled before any ranker ran
    share = sum(p.label for p in pairs) / len(pairs)
    assert 0.35 <= share <= 0.60
    assert len({p.soc for p in pairs}) >= 5
    negatives = {(p.item, p.course_title) for p in pairs if not p.label}
    assert ("Physics", "Intro to Physical Therapy") in negatives
    assert ("English Language", "Beginning English as a Second Language") in negatives
    assert ("Quality Control Analysis", "Food Cost Control") in negatives
    assert ("Monitoring", "Forest Ecosystem Surveying, Inventorying, and Monitoring") in negatives
    positives = {(p.item, p.course_title) for p in pairs if p.label}
    assert ("Heliarc welding equipment", "TIG WELDING I") in positives  # synonym, no shared word
    assert all(p.why and p.item_id for p in pairs)


@pytest.mark.parametrize("blind_only", [False, True], ids=["all", "blind"])
@pytest.mark.parametrize("top_k", [3, 5])
def test_matcher_beats_plain_wratio_on_f1(bench: ModuleType, top_k: int, blind_only: bool) -> None:
    pairs = bench.read_holdout(HOLDOUT)
    scored = [p for p in pairs if not p.pooled] if blind_only else pairs
    ours, wratio, _token_set = bench.run(pairs, top_k, 80, scored)
    assert (ours.name, wratio.name) == ("ksa.match", "rapidfuzz WRatio")
    assert ours.f1 > wratio.f1, (ours, wratio)
    assert ours.precision > wratio.precision, (ours, wratio)


def test_scores_count_only_labelled_pairs_within_top_k(bench: ModuleType) -> None:
    Pair = bench.Pair
    pairs = [
        Pair("1", "i", "knowledge", "Physics", "A", "General Physics", True, "physics"),
        Pair("1", "i", "knowledge", "Physics", "A", "Physical Therapy", False, "health"),
        Pair("1", "i", "knowledge", "Physics", "B", "College Physics", True, "physics"),
        Pair("1", "j", "knowledge", "Chemistry", "A", "Cosmetic Chemistry", False, "beauty"),
    ]
    ranking = {
        ("1", "knowledge", "Physics"): [("A", "Physical Therapy"), ("A", "Unlabelled"),
                                        ("A", "General Physics"), ("B", "College Physics")],
        ("1", "knowledge", "Chemistry"): [],
    }
    s = bench.evaluate(pairs, ranking, "x", 2)
    # k counts per school: A's third suggestion is beyond k=2, B's first is within it
    assert (s.tp, s.fp, s.fn, s.tn, s.unlabelled) == (1, 1, 1, 1, 1)
    assert s.precision == 0.5 and s.recall == 0.5
    assert s.p_at_1_strict == 0.0 and s.p_at_1_labelled == 0.0  # one item with a positive
    assert bench.recall_ceiling(pairs, 1) == 1.0  # one match per school: k=1 reaches both
    assert bench.recall_ceiling([*pairs, Pair("1", "i", "knowledge", "Physics", "A", "Physics II",
                                              True, "physics")], 1) == 2 / 3


def test_bad_label_is_reported_with_its_row(bench: ModuleType, tmp_path: Path) -> None:
    path = tmp_path / "holdout.csv"
    path.write_text("soc,item_id,domain,item,school,course_title,label,why\n"
                    "51-4121.00,2.C.4.b,knowledge,Physics,A,College Physics,yes,physics\n",
                    encoding="utf-8")
    with pytest.raises(ValueError, match=r"holdout.csv:2: label must be 0 or 1, found 'yes'"):
        bench.read_holdout(path)


def _holdout2() -> ModuleType:
    return load_script("benchmarks", "match_holdout2")


def test_second_holdout_is_labelled_and_split(shared: Path) -> None:
    """New occupations and new colleges, every course of both catalogs ranked: the labels name
    real catalog rows, DEV and TEST occupations do not overlap, judges added courses no ranker found."""
    h2 = _holdout2()
    pairs = h2.read_pairs()
    assert len(pairs) >= 1000 and {p.soc for p in pairs} == set(h2.DEV) | set(h2.TEST)
    assert not set(h2.DEV) & set(h2.TEST)
    assert sum(p.why.startswith("added:") for p in pairs) >= 200
    titles = {(c.school, " ".join(c.course_title.split())) for c in h2.catalog_courses(shared)}
    assert all(p.course_key in titles for p in pairs)


def test_second_holdout_dev_floor(shared: Path) -> None:
    """DEV occupations of the second held-out set (tuned on); TEST is only reported by
    benchmarks/match_holdout2.py. Measured at the defaults: session 11 P 0.896, R 0.822; session 10 P 0.884, R 0.800 (every
    suggestion judged); session 9 (30 per school, cutoff 85) P 0.888, R 0.794 (20 per school: 0.889, 0.733); session 7 (20 per school): P 0.897, R 0.741; session 5 (20 per item): P 0.889, R 0.724 (k=12: P 0.902, R 0.653; session 4: P 0.898, R 0.611; session 3, k=8: P 0.783, R 0.333; session 2:
    P 0.482, R 0.214)."""
    from ksa.match_defaults import DEFAULT_SCORE_CUTOFF, DEFAULT_TOP_K

    h2 = _holdout2()
    pairs = h2.read_pairs()
    dev = [p for p in pairs if p.soc in h2.DEV]
    courses = h2.catalog_courses(shared)
    ours = h2.mh.evaluate(dev, h2.matcher_ranking(dev, courses, DEFAULT_TOP_K, DEFAULT_SCORE_CUTOFF),
                          "ksa.match", DEFAULT_TOP_K)
    wratio = h2.mh.evaluate(dev, h2.baseline_ranking(dev, courses, DEFAULT_TOP_K, h2.fuzz.WRatio,
                                                     DEFAULT_SCORE_CUTOFF), "WRatio", DEFAULT_TOP_K)
    assert ours.precision >= 0.87, ours.errors
    assert ours.recall >= 0.77, ours.errors
    assert ours.f1 > 2 * wratio.f1


def _holdout_test() -> ModuleType:
    return load_script("benchmarks", "match_holdout_test")


@pytest.mark.parametrize("which", ["3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15",
                                   "16", "17", "18", "19", "20", "21", "22", "23", "24", "25", "26", "27", "28", "29", "30",
                                   "31", "32", "33", "34", "35", "36", "37", "38", "39", "40", "41", "42", "43", "44", "45", "46",
                                   "47", "48", "49", "50", "51", "52", "53", "54", "55", "56", "57", "58",
                                   "59", "60"])
def test_later_holdouts_are_labelled_against_real_courses(shared: Path, which: str) -> None:
    """Sets 3 to 60 (benchmarks/match_holdout_test.py): every labelled course is a course of the
    set's catalogs as the product reads them, each set covers its four occupations, and the
    judges' added courses are there."""
    bench = _holdout_test()
    pairs = bench.m2.read_pairs(bench.label_file(which))
    occupations = set(bench.SETS[which][0])
    assert {p.soc for p in pairs} == occupations
    assert len(pairs) >= 800
    assert sum(p.why.startswith("added:") for p in pairs) >= 100
    assert sum(p.label for p in pairs) >= 300 and sum(not p.label for p in pairs) >= 300
    titles = {(c.school, " ".join(c.course_title.split())) for c in bench.catalog_courses(shared, which)}
    assert [p.course_key for p in pairs if p.course_key not in titles] == []


@pytest.mark.parametrize(("which", "precision", "recall"),
                         [("4", 0.88, 0.71), ("5", 0.92, 0.84), ("6", 0.92, 0.78), ("7", 0.92, 0.77),
                          ("8", 0.91, 0.74), ("9", 0.90, 0.74), ("10", 0.90, 0.78), ("11", 0.91, 0.66),
                          ("12", 0.92, 0.69), ("13", 0.93, 0.74), ("14", 0.89, 0.68), ("15", 0.90, 0.63),
                          ("17", 0.92, 0.72), ("18", 0.90, 0.77), ("19", 0.93, 0.61),
                          ("20", 0.92, 0.66), ("21", 0.93, 0.79), ("22", 0.92, 0.67),
                          ("23", 0.93, 0.80), ("24", 0.94, 0.68), ("27", 0.94, 0.61),
                          ("28", 0.89, 0.64), ("29", 0.90, 0.61), ("30", 0.94, 0.69),
                          ("31", 0.93, 0.65), ("32", 0.90, 0.53), ("33", 0.92, 0.71),
                          ("34", 0.87, 0.52), ("35", 0.91, 0.61), ("36", 0.94, 0.66),
                          ("37", 0.86, 0.69), ("38", 0.91, 0.56), ("39", 0.92, 0.70),
                          ("40", 0.91, 0.74), ("41", 0.87, 0.70), ("42", 0.90, 0.76),
                          ("43", 0.91, 0.58), ("44", 0.95, 0.64),
                          ("45", 0.92, 0.67), ("46", 0.91, 0.72),
                          ("47", 0.90, 0.58), ("48", 0.87, 0.69),
                          ("49", 0.90, 0.65), ("50", 0.93, 0.65), ("51", 0.91, 0.64),
                          ("52", 0.91, 0.72), ("53", 0.90, 0.70), ("54", 0.92, 0.62),
                          ("55", 0.92, 0.70)])
def test_studied_holdouts_floor(shared: Path, which: str, precision: float, recall: float) -> None:
    """Sets 4 to 10 were scored once clean (P 0.560, 0.744, 0.818, 0.832, 0.899, 0.729 and
    0.860) and then studied as DEV; they keep the fixes they prompted. Measured at the defaults
    (20 per school, cutoff 85) in session 8, every suggestion judged but a handful: set 4
    P 0.906, R 0.681; set 5 P 0.948, R 0.791; set 6 P 0.930, R 0.773; set 7 P 0.953, R 0.587;
    set 8 P 0.947, R 0.552; set 9 P 0.851, R 0.581; set 10 P 0.877, R 0.634 (session 7, on the
    labels of its day: 0.908/0.603, 0.946/0.732, 0.926/0.750, 0.944/0.513, 0.892/0.456,
    0.832/0.529, 0.868/0.544). Set 11 was read at the end of session 8 (P 0.908, R 0.458; clean
    first score 0.918, 0.468), set 12 in session 9 once set 13 was scored (last TEST figure P 0.891,
    R 0.320; clean first score 0.907, 0.314). Session 9, 30 per school, every suggestion judged
    (rounds r34-r37): set 4 P 0.911, R 0.708; 5 0.947/0.828; 6 0.927/0.826; 7 0.951/0.642; 8
    0.940/0.585; 9 0.889/0.644; 10 0.891/0.668; 11 0.916/0.527; 12 0.914/0.395. Session 10
    (rounds r38-r40, every suggestion judged): set 4 0.909/0.778; 5 0.945/0.854; 6 0.924/0.843;
    7 0.948/0.727; 8 0.927/0.653; 9 0.885/0.693; 10 0.898/0.731; 11 0.924/0.585; 12 0.914/0.455;
    13 (studied once set 15 was scored; last TEST figure 0.970/0.543) 0.959/0.646; 14 (studied
    once set 16 was scored; last TEST figure 0.885/0.408) 0.879/0.474. Session 11 (rounds r44-r50,
    every suggestion judged; Hawaii CC's deleted courses out of the catalog and labels): 4
    0.920/0.781; 5 0.951/0.869; 6 0.933/0.841; 7 0.952/0.732; 8 0.938/0.684; 9 0.903/0.711; 10
    0.913/0.766; 11 0.933/0.595; 12 0.922/0.484; 13 0.959/0.648; 14 0.891/0.500; 15 (studied once
    set 17 was scored; last TEST figure 0.908/0.385) 0.890/0.461; 17 (studied once set 18 was
    scored; last TEST figure 0.856/0.494) 0.928/0.550. Session 12 (every
    suggestion judged, rounds r51-r57): 4 0.911/0.769; 5 0.948/0.865; 6 0.933/0.826; 7
    0.947/0.748; 8 0.939/0.695; 9 0.896/0.707; 10 0.909/0.766; 11 0.932/0.607; 12 0.922/0.484;
    13 0.957/0.672; 14 0.886/0.547; 15 0.887/0.475; 17 0.920/0.613; 18 (studied once set 20 was
    scored; last TEST figure 0.914/0.564) 0.913/0.681; 19 (studied once set 21 was scored; last
    TEST figure 0.923/0.443) 0.922/0.482; 20 (studied once set 23 was scored; last TEST figure
    0.943/0.517) 0.949/0.584. Session 13 (rounds r59-r61): 4 0.917/0.769; 5 0.956/0.866; 6
    0.935/0.826; 7 0.950/0.749; 8 0.945/0.700; 9 0.897/0.707; 10 0.919/0.766; 11 0.934/0.606; 12
    0.925/0.484; 13 0.960/0.674; 14 0.898/0.546; 15 0.898/0.477; 17 0.937/0.613; 18 0.925/0.684;
    19 0.925/0.483; 20 0.953/0.590; 21 (studied once set 24 was scored; last TEST figure
    0.868/0.667) 0.936/0.746; 22 (studied once set 25 was scored; last TEST figure 0.912/0.510)
    0.921/0.528; 23 (studied once set 26 was scored; last TEST figure 0.939/0.765) 0.946/0.778.
    Session 14 (50 per school, rounds r62-r66; sets 4, 6 and 8 gained many judged nursing and
    medical-assisting courses, so their recall fell on the same matcher): 4 0.914/0.695; 5
    0.955/0.846; 6 0.933/0.778; 7 0.945/0.753; 8 0.944/0.659; 9 0.900/0.732; 10 0.916/0.723; 11
    0.934/0.620; 12 0.926/0.539; 13 0.960/0.692; 14 0.890/0.570; 15 0.888/0.510; 17 0.935/0.619;
    18 0.927/0.709; 19 0.928/0.503; 20 0.956/0.620; 21 0.933/0.756; 22 0.916/0.573; 23
    0.947/0.782; 24 (studied once set 27 was scored; last TEST figure 0.921/0.597) 0.920/0.603
    with round r66 (construction departments). Session 15 (rounds r67-r68): 4 0.906/0.693; 5
    0.951/0.847; 6 0.934/0.790; 7 0.945/0.753; 8 0.943/0.674; 9 0.899/0.732; 10 0.913/0.723; 11
    0.934/0.621; 12 0.924/0.539; 13 0.957/0.693; 14 0.891/0.576; 15 0.889/0.520; 17 0.935/0.631;
    18 0.926/0.711; 19 0.929/0.512; 20 0.956/0.622; 21 0.929/0.758; 22 0.918/0.583; 23
    0.945/0.786; 24 0.918/0.608; 27 (studied once set 28 was scored; last TEST figure
    0.910/0.523) 0.948/0.548; 28 (studied once set 29's pool was fixed; clean first score
    0.857/0.504) 0.866/0.506. Session 16: 29 (studied once set 30's pool was fixed; clean first
    score 0.844/0.464) 0.845/0.465. Session 17, on the labels of the Reading Comprehension
    relabel (r70) and rounds r71-r72: 4 0.899/0.684; 5 0.947/0.843; 6 0.936/0.790; 7 0.940/0.737;
    8 0.937/0.677; 9 0.893/0.676; 10 0.901/0.709; 11 0.926/0.615; 12 0.918/0.530; 13
    0.956/0.681; 14 0.906/0.588; 15 0.900/0.521; 17 0.943/0.635; 18 0.935/0.712; 19 0.944/0.518;
    20 0.964/0.609; 21 0.942/0.757; 22 0.929/0.586; 23 0.952/0.785; 24 0.934/0.614; 27
    0.962/0.556; 28 0.899/0.557; 29 0.870/0.475; 30 (studied once set 31's pool was fixed; clean
    first score 0.919/0.593) 0.949/0.623. Session 18, on the labels of the English Language
    and Administration and Management relabels (r73, r75: every course they take was added to
    every set, so recall fell on the same matcher) and rounds r74 and r76: 4 0.900/0.648; 5
    0.945/0.796; 6 0.940/0.762; 7 0.940/0.730; 8 0.936/0.679; 9 0.905/0.705; 10 0.907/0.670; 11
    0.929/0.632; 12 0.927/0.573; 13 0.955/0.690; 14 0.908/0.594; 15 0.903/0.521; 17 0.941/0.618;
    18 0.934/0.708; 19 0.947/0.533; 20 0.961/0.614; 21 0.942/0.720; 22 0.928/0.595; 23
    0.955/0.797; 24 0.945/0.617; 27 0.962/0.568; 28 0.899/0.572; 29 0.893/0.490; 30 0.949/0.591;
    31 (studied once set 33 was pooled; clean first score 0.918/0.493) 0.934/0.583. Session 19
    (round r77; the session-18 matcher on these labels in brackets): 4 0.903/0.694 (0.900/0.648);
    5 0.945/0.839; 6 0.941/0.814; 7 0.939/0.755; 8 0.932/0.735 (0.936/0.667); 9 0.909/0.719; 10
    0.912/0.717; 11 0.930/0.643; 12 0.929/0.584; 13 0.952/0.705; 14 0.911/0.618; 15 0.907/0.546;
    17 0.941/0.649; 18 0.935/0.734; 19 0.948/0.556; 20 0.955/0.638; 21 0.945/0.756; 22
    0.931/0.621; 23 0.955/0.817; 24 0.948/0.647; 27 0.960/0.590; 28 0.903/0.585; 29 0.896/0.531;
    30 0.952/0.631; 31 0.936/0.602; 32 (read once set 34 was pooled; clean first score
    0.890/0.391; last TEST figure 0.908/0.429) 0.909/0.458. Session 20 (round r78; the
    session-19 matcher on these labels in brackets): 3 0.934/0.846 (0.934/0.829); 4 0.908/0.736;
    5 0.947/0.870; 6 0.941/0.822; 10 0.917/0.767; 21 0.948/0.790; 30 0.956/0.682; 32
    0.911/0.470; 33 (read once set 35 was pooled; clean first score 0.907/0.584; last TEST
    figure 0.915/0.621) 0.910/0.654; 34 (clean first score 0.894/0.503; last TEST figure
    0.899/0.523) 0.899/0.530. Session 21 (rounds r79, r80; the session-20 matcher on these labels in
    brackets): 3 0.934/0.846; 5 0.949/0.872; 6 0.939/0.823; 10 0.921/0.785 (0.917/0.766); 12
    0.934/0.613; 20 0.957/0.655; 23 0.955/0.825; 35 (read once set 36 was pooled; clean first
    score 0.921/0.542; last TEST figure 0.926/0.580) 0.928/0.582. Session 22: 36 (read once
    set 37 was pooled; clean first score 0.942/0.576; last TEST figure 0.943/0.578). Session 23:
    37 (read once set 38 was pooled; clean first score 0.884/0.689; most of its wrong
    suggestions are calls its judges made against the other sets' labels: trade and business
    mathematics, screenwriting, ESL reading). Session 24: 38 (read once set 39 was pooled; clean
    first score 0.930/0.451; last TEST figure 0.932/0.466). Session 25: 39 (read once set 40 was
    pooled; clean first score 0.935/0.657; last TEST figure 0.937/0.657). Session 26: 40 (read
    once set 43 was pooled; clean first score 0.937/0.678; last TEST figure 0.939/0.693), 41
    (read once set 44 was pooled; clean first score 0.892/0.636; last TEST figure 0.893/0.646).
    Session 27: 42 (read once set 46 was pooled; clean first score 0.925/0.737; last TEST figure
    0.925/0.741), 43 (read once set 47 was pooled; clean first score 0.911/0.520; last TEST figure
    0.915/0.551), 44 (read once set 48 was pooled; clean first score 0.966/0.616; last TEST
    figure 0.967/0.618), 45 (read once set 49 was pooled; clean first score 0.946/0.634; last TEST
    figure 0.946/0.637), 46 (read once set 50 was pooled; clean first score 0.942/0.710; last TEST
    figure 0.942/0.719), 47 (read once set 51 was pooled; clean first score 0.918/0.534; last TEST
    figure 0.920/0.544), 48 (read once set 52 was pooled; clean first score 0.843/0.683; last TEST
    figure 0.844/0.685), 49 (read once set 53 was pooled; clean first score 0.923/0.634; last TEST
    figure 0.924/0.642). Session 28: 50 (read once set 54 was pooled; clean first score
    0.934/0.607; last TEST figure 0.934/0.607), 51 (read once set 55 was pooled; clean first
    score 0.896/0.650; last TEST figure 0.896/0.683 on the r117 labels), 52 (read once set 56 was
    pooled; clean first score 0.938/0.715; last TEST figure 0.938/0.737 on the r117 labels), 53
    (read once set 57 was pooled; clean first score 0.914/0.672; last TEST figure 0.915/0.692 on
    the r117 labels), 54 (read once set 58 was pooled; clean first score 0.943/0.608; last TEST
    figure 0.942/0.625 on the r117 labels). Every floor was re-set in session 28 after the
    r117 Computers and Electronics relabel (policy 10 of tests/data/LABELLING.md), at the figure
    then less 0.02 precision and 0.03 recall, and raised in session 29 after the r120
    teacher-preparation relabel (policy 11) to the same margins where the figure rose. Session
    29: 55 (read once set 59 was pooled; clean first score 0.942/0.697; last TEST figure
    0.942/0.735 on the r120 labels). Sets 16, 25, 26 and 56 to 60 are TEST: only
    benchmarks/match_holdout_test.py scores them."""
    from ksa.match_defaults import DEFAULT_SCORE_CUTOFF, DEFAULT_TOP_K

    bench = _holdout_test()
    pairs = bench.m2.read_pairs(bench.label_file(which))
    courses = bench.catalog_courses(shared, which)
    ranking = bench.m2.matcher_ranking(pairs, courses, DEFAULT_TOP_K, DEFAULT_SCORE_CUTOFF)
    scores = bench.m2.mh.evaluate(pairs, ranking, "ksa.match", DEFAULT_TOP_K)
    assert scores.precision >= precision, scores.errors
    assert scores.recall >= recall, scores.errors


def test_a_section_listed_once_counts_for_every_labelled_wording() -> None:
    """The matcher lists "Heartsaver First Aid w/CPR" (EMSR 0109) and "Heartsaver First Aid w/ CPR"
    (CE23 0015) once, as one line of the crosswalk: the benchmark counts both labelled titles as
    suggested, and no title of another wording."""
    from ksa.model import Course, Match

    h2 = _holdout2()
    mh = h2.mh

    def pair(title: str) -> object:
        return mh.Pair("31-9011.00", "2.C.8", "knowledge", "Medicine and Dentistry", "Bridgerland", title, True, "")

    pairs = [pair("Heartsaver First Aid w/CPR"), pair("Heartsaver First Aid w/ CPR"), pair("Heartsaver First Aid")]
    listed = Course("Bridgerland", "", "CE23 0015", "Heartsaver First Aid w/ CPR")

    def match(queries: list, soc: str) -> dict:
        return {q.key: (Match(key=q.key, course=listed, score=90.0, rank=1),) for q in queries}

    ranking = h2._ranking(pairs, match)
    assert ranking[("31-9011.00", "knowledge", "Medicine and Dentistry")] == [
        ("Bridgerland", "Heartsaver First Aid w/ CPR"), ("Bridgerland", "Heartsaver First Aid w/CPR")]
