"""Gold-set format, loader and scorer: arithmetic on hand-built claims, and the gold set."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claims.errors import InputError
from claims.eval.gold import (
    GoldReport,
    align,
    find_cue,
    load_gold_dir,
    load_gold_file,
    perfect_prediction,
    score_document,
    score_gold_dir,
)
from claims.ingest import extract_file
from claims.models import Booster, Caveat, Claim, Evidence, Flag

GOLD_DIR = Path(__file__).parent / "gold"
HOLDOUT_DIR = Path(__file__).parent / "gold_holdout"
HOLDOUT2_DIR = Path(__file__).parent / "gold_holdout2"
HOLDOUT3_DIR = Path(__file__).parent / "gold_holdout3"
HOLDOUT4_DIR = Path(__file__).parent / "gold_holdout4"
HOLDOUT5_DIR = Path(__file__).parent / "gold_holdout5"
HOLDOUT6_DIR = Path(__file__).parent / "gold_holdout6"
HOLDOUT7_DIR = Path(__file__).parent / "gold_holdout7"
HOLDOUT8_DIR = Path(__file__).parent / "gold_holdout8"
HOLDOUT9_DIR = Path(__file__).parent / "gold_holdout9"
HOLDOUT10_DIR = Path(__file__).parent / "gold_holdout10"
HOLDOUT11_DIR = Path(__file__).parent / "gold_holdout11"
HOLDOUT12_DIR = Path(__file__).parent / "gold_holdout12"
HOLDOUT13_DIR = Path(__file__).parent / "gold_holdout13"
HOLDOUT14_DIR = Path(__file__).parent / "gold_holdout14"
HOLDOUT15_DIR = Path(__file__).parent / "gold_holdout15"
HOLDOUT16_DIR = Path(__file__).parent / "gold_holdout16"
HOLDOUT17_DIR = Path(__file__).parent / "gold_holdout17"
HOLDOUT18_DIR = Path(__file__).parent / "gold_holdout18"
HOLDOUT19_DIR = Path(__file__).parent / "gold_holdout19"
HOLDOUT20_DIR = Path(__file__).parent / "gold_holdout20"
HOLDOUT21_DIR = Path(__file__).parent / "gold_holdout21"
HOLDOUT22_DIR = Path(__file__).parent / "gold_holdout22"
HOLDOUT23_DIR = Path(__file__).parent / "gold_holdout23"
HOLDOUT24_DIR = Path(__file__).parent / "gold_holdout24"
HOLDOUT25_DIR = Path(__file__).parent / "gold_holdout25"
HOLDOUT26_DIR = Path(__file__).parent / "gold_holdout26"
HOLDOUT27_DIR = Path(__file__).parent / "gold_holdout27"
HOLDOUT28_DIR = Path(__file__).parent / "gold_holdout28"
HOLDOUT29_DIR = Path(__file__).parent / "gold_holdout29"
HOLDOUT30_DIR = Path(__file__).parent / "gold_holdout30"
HOLDOUT31_DIR = Path(__file__).parent / "gold_holdout31"
HOLDOUT32_DIR = Path(__file__).parent / "gold_holdout32"
HOLDOUT33_DIR = Path(__file__).parent / "gold_holdout33"
HOLDOUT34_DIR = Path(__file__).parent / "gold_holdout34"
HOLDOUT35_DIR = Path(__file__).parent / "gold_holdout35"
HOLDOUT36_DIR = Path(__file__).parent / "gold_holdout36"
HOLDOUT37_DIR = Path(__file__).parent / "gold_holdout37"
GOLD_SETS = [
    GOLD_DIR,
    HOLDOUT_DIR,
    HOLDOUT2_DIR,
    HOLDOUT3_DIR,
    HOLDOUT4_DIR,
    HOLDOUT5_DIR,
    HOLDOUT6_DIR,
    HOLDOUT7_DIR,
    HOLDOUT8_DIR,
    HOLDOUT9_DIR,
    HOLDOUT10_DIR,
    HOLDOUT11_DIR,
    HOLDOUT12_DIR,
    HOLDOUT13_DIR,
    HOLDOUT14_DIR,
    HOLDOUT15_DIR,
    HOLDOUT16_DIR,
    HOLDOUT17_DIR,
    HOLDOUT18_DIR,
    HOLDOUT19_DIR,
    HOLDOUT20_DIR,
    HOLDOUT21_DIR,
    HOLDOUT22_DIR,
    HOLDOUT23_DIR,
    HOLDOUT24_DIR,
    HOLDOUT25_DIR,
    HOLDOUT26_DIR,
    HOLDOUT27_DIR,
    HOLDOUT28_DIR,
    HOLDOUT29_DIR,
    HOLDOUT30_DIR,
    HOLDOUT31_DIR,
    HOLDOUT32_DIR,
    HOLDOUT33_DIR,
    HOLDOUT34_DIR,
    HOLDOUT35_DIR,
    HOLDOUT36_DIR,
    HOLDOUT37_DIR,
]


def _claim(i: int, text: str, start: int, **kw: object) -> Claim:
    return Claim(
        id=f"c{i}",
        doc_id="d",
        index=i,
        kind=kw.pop("kind", "statement"),  # type: ignore[arg-type]
        section="",
        text=text,
        start=start,
        end=start + len(text),
        hedged=bool(kw.get("caveats")),
        **kw,  # type: ignore[arg-type]
    )


def _write(tmp_path: Path, statements: list[dict[str, object]], source: str = "x.txt") -> Path:
    (tmp_path / source).write_text("placeholder text\n", encoding="utf-8")
    path = tmp_path / "x.gold.json"
    path.write_text(json.dumps({"document": source, "statements": statements}), encoding="utf-8")
    return path


def test_find_cue_whole_words_case_space_and_occurrence() -> None:
    text = "In May the results may vary; they  MAY\ndiffer."
    assert find_cue(text, "may") == (3, 6)
    assert find_cue(text, "may", 2) == (19, 22)
    assert text[35:45] == "MAY\ndiffer"
    assert find_cue(text, "may differ") == (35, 45)
    assert find_cue(text, "may", 4) is None
    assert find_cue("This cancer can spread.", "can") == (12, 15)  # not inside "cancer"
    assert find_cue("a study [1].", "[1]") == (8, 11)


def test_align_exact_then_fuzzy_in_order() -> None:
    gold = ["A is true.", "B may help.", "C works well [1].", "D is a fact."]
    pred = ["A  is true.", "B may help. C works well", "[1].", "D is a fact."]
    pairs = align(gold, pred)
    assert (0, 0, True) in pairs
    assert (3, 3, True) in pairs
    assert (1, 1, False) in pairs  # merged statement pairs with the closest gold one
    assert all(g != 2 for g, _, _ in pairs)  # C has no partner left


def test_scores_a_hand_built_prediction(tmp_path: Path) -> None:
    statements: list[dict[str, object]] = [
        {
            "text": "It may work in May.",
            "caveats": [{"text": "may", "category": "modal"}],
            "claim_types": ["efficacy"],
            "flags": ["needs_substantiation"],
        },
        {
            "text": "A trial [1] proved it.",
            "boosters": [{"text": "proved", "category": "certainty"}],
            "evidence": [{"text": "[1]", "specificity": "specific", "design": "rct"}],
            "evidence_strength": "strong",
            "claim_types": ["efficacy"],
        },
        {"text": "Call us today.", "claim_types": ["other"]},
    ]
    doc = load_gold_file(_write(tmp_path, statements))
    t1, t2 = "It may work in May.", "A trial [1] proved it. Call us today."
    s2 = len(t1) + 1
    pred = [
        _claim(
            0,
            t1,
            0,
            # right "may" plus a false alarm on the month; no flag predicted
            caveats=[
                Caveat(text="may", start=3, end=6, category="modal"),
                Caveat(text="May", start=15, end=18, category="modal"),
            ],
            claim_types=["efficacy", "mechanism"],
        ),
        _claim(
            1,
            t2,  # two gold statements merged into one
            s2,
            boosters=[Booster(text="proved", start=s2 + 12, end=s2 + 18, category="absolute")],
            evidence=[Evidence(text="[1]", start=s2 + 8, end=s2 + 11, specificity="specific")],
            evidence_strength="moderate",
            claim_types=["efficacy"],
            flags=[Flag(code="overstated", severity="medium", message="m")],
        ),
    ]
    report = GoldReport()
    score_document(report, doc, pred)
    seg = report.segmentation
    assert (seg.n_gold, seg.n_pred, seg.tp_gold) == (3, 2, 1)
    cav = report.group_counts("caveat")
    assert (cav.n_gold, cav.tp_gold, cav.n_pred, cav.tp_pred) == (1, 1, 2, 1)
    boo = report.group_counts("booster")
    assert (boo.n_gold, boo.tp_gold, boo.n_pred, boo.tp_pred) == (1, 0, 1, 0)  # wrong category
    assert (report.cue_spans["booster"].tp_gold, report.cue_spans["booster"].tp_pred) == (1, 1)
    ev = report.group_counts("evidence")
    assert (ev.tp_gold, ev.tp_pred) == (1, 1)
    assert report.design_correct == 0  # predicted design "unspecified", gold "rct"
    overall = report.overall_cues()
    assert (overall.n_gold, overall.tp_gold, overall.n_pred, overall.tp_pred) == (3, 2, 4, 2)
    assert report.overall_cue_f1() == pytest.approx(2 * (2 / 4) * (2 / 3) / (2 / 4 + 2 / 3))
    assert (report.strength_total, report.strength_correct) == (2, 1)
    types = report.claim_types  # gold {eff},{eff},{other}; pred {eff,mech},{eff}
    assert (types.n_gold, types.n_pred, types.tp_gold) == (3, 3, 2)
    eff, mech = report.type_counts["efficacy"], report.type_counts["mechanism"]
    assert (eff.n_gold, eff.n_pred, eff.tp_gold) == (2, 2, 2)
    assert (mech.n_gold, mech.n_pred, mech.tp_pred) == (0, 1, 0)
    assert report.type_counts["other"].n_gold == 1  # "Call us today." was not aligned
    ns, ov = report.flags["needs_substantiation"], report.flags["overstated"]
    assert (ns.n_gold, ns.tp_gold, ns.n_pred) == (1, 0, 0)
    assert (ov.n_gold, ov.n_pred, ov.tp_pred) == (0, 1, 0)
    assert report.as_dict()["overall_cues"]["n_gold"] == 3


@pytest.mark.parametrize(
    ("statement", "problem"),
    [
        ({"text": "It may work.", "caveats": [{"text": "might", "category": "modal"}]}, "not in"),
        ({"text": "It may work.", "caveats": [{"text": "may", "category": "hedge"}]}, "category"),
        ({"text": "It works.", "kind": "claim"}, "unknown kind"),
        ({"text": "It works.", "flags": ["wrong"]}, "unknown value"),
        ({"text": "It works.", "evidence_strength": "high"}, "evidence_strength"),
        ({"text": "It works.", "extra": 1}, "unknown keys"),
        ({"text": ""}, "non-empty"),
    ],
)
def test_loader_rejects_bad_labels(
    tmp_path: Path, statement: dict[str, object], problem: str
) -> None:
    with pytest.raises(InputError, match=problem) as info:
        load_gold_file(_write(tmp_path, [statement]))
    assert "statement 1" in str(info.value)
    assert "\n" not in str(info.value)


def test_loader_rejects_bad_files(tmp_path: Path) -> None:
    path = tmp_path / "a.gold.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(InputError, match="not valid JSON"):
        load_gold_file(path)
    path.write_text(json.dumps({"document": "absent.txt", "statements": [{"text": "x"}]}))
    with pytest.raises(InputError, match="not found next to it"):
        load_gold_file(path)
    with pytest.raises(InputError, match="not a directory"):
        load_gold_dir(tmp_path / "nowhere")
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(InputError, match=r"no \*\.gold\.json"):
        load_gold_dir(empty)


@pytest.mark.parametrize(
    "directory",
    GOLD_SETS,
    ids=[d.name.removeprefix("gold_") for d in GOLD_SETS],
)
def test_gold_set_shape(directory: Path) -> None:
    docs = load_gold_dir(directory)
    suffixes = {d.source.suffix for d in docs}
    assert len(suffixes) == 3 and suffixes <= {".html", ".md", ".txt", ".docx", ".pdf"}
    statements = [s for d in docs for s in d.statements]
    assert len(statements) >= 60
    assert {s.kind for s in statements} == {"statement", "heading", "question"}
    for doc in docs:  # every labelled statement is in the extracted text, in order
        text = extract_file(doc.source).text
        pos = 0
        for s in doc.statements:
            pos = text.index(s.text, pos)


def test_perfect_prediction_scores_one() -> None:
    report = score_gold_dir(load_gold_dir(GOLD_DIR), perfect_prediction)
    assert report.segmentation.score().f1 == 1.0
    assert report.overall_cue_f1() == 1.0
    assert report.overall_cues().n_gold > 50
    for group in ("caveat", "booster", "evidence"):
        assert report.group_counts(group).score().f1 == 1.0
    assert report.strength_accuracy() == 1.0
    assert report.claim_types.score().f1 == 1.0
    assert report.flag_counts().score().f1 == 1.0
    assert report.design_correct == report.design_total > 0
    assert report.notes == []


# --- The engine on the gold sets ---------------------------------------------------
# Floors: the engine's figures when each set was last tuned on, minus a small margin.
# Raise them as the engine improves; lowering one needs a reason in the commit message.
# tests/gold (the marketing dev set): segmentation 1.000, cues 1.000, strength 1.000,
# claim types 0.975, flags 0.987.
# tests/gold_holdout: written later from the guide alone; scored once before any change
# (cues 0.931, strength 0.970, claim types 0.699, flags 0.746), then used to fix
# generic gaps: segmentation 0.985, cues 0.992, strength 0.990, types 0.881, flags 0.940;
# now segmentation 1.000, cues 1.000, strength 1.000, types 0.898, flags 0.961.
# tests/gold_holdout2: the same again, four new genres; scored once before any change
# (segmentation 0.982, cues 0.821, strength 0.952, types 0.591, flags 0.609), then fixed
# on three documents while the fourth stayed unseen: segmentation 1.000, cues 0.990,
# strength 0.994, types 0.848, flags 0.912.
# tests/gold_holdout3: the same a third time; first scoring (segmentation 0.980, cues
# 0.775, strength 0.878, types 0.638, flags 0.674); after fixes from three documents:
# cues 0.920, strength 0.953, types 0.738, flags 0.814 (the unseen fourth did not move);
# now cues 0.952, strength 0.967, types 0.783, flags 0.850.
# tests/gold_holdout4: first scored at segmentation 0.966, cues 0.795, strength 0.909,
# types 0.667, flags 0.671; its errors were never listed, only its summary was read, so it
# still measures how the engine does on genres it has not seen (now cues 0.809, strength
# 0.917, types 0.673, flags 0.686).
# tests/gold_holdout5: first scored at segmentation 0.971, cues 0.883, strength 0.957,
# types 0.627, flags 0.735, then used to fix generic gaps: 1.000 / 0.966 / 0.986 / 0.734 /
# 0.861.
# tests/gold_holdout6: first scored at segmentation 1.000, cues 0.861, strength 0.921,
# types 0.741, flags 0.798, then used to fix generic gaps: 1.000 / 0.946 / 0.964 / 0.801 /
# 0.870.
# tests/gold_holdout7: scored once, summary only (segmentation 0.975, cues 0.876, strength
# 0.950, types 0.675, flags 0.755); its errors are not read, like holdout4's (now cues
# 0.882, strength 0.957, types 0.730, flags 0.804; holdout4 now cues 0.809, types 0.687,
# flags 0.702).
# tests/gold_holdout8: first scored at segmentation 0.986, cues 0.904, strength 0.966,
# types 0.731, flags 0.762, then used to fix generic gaps: 1.000 / 0.976 / 0.986 / 0.886 /
# 0.889.
# tests/gold_holdout9: scored once, summary only (segmentation 1.000, cues 0.837, strength
# 0.946, types 0.678, flags 0.689); its errors are not read (now cues 0.844, types 0.686,
# flags 0.710).
# tests/gold_holdout10: first scored at segmentation 0.969, cues 0.883, strength 0.897,
# types 0.640, flags 0.686, then used to fix generic gaps: 1.000 / 0.938 / 0.952 / 0.794 /
# 0.797.
# tests/gold_holdout11: scored once, summary only (segmentation 0.977, cues 0.857, strength
# 0.946, types 0.712, flags 0.745); its errors are not read (now cues 0.867, strength 0.953,
# types 0.737, flags 0.765).
# tests/gold_holdout12: first scored at segmentation 0.937, cues 0.854, strength 0.933,
# types 0.706, flags 0.692, then used to fix generic gaps: 0.967 / 0.894 / 0.967 / 0.770 /
# 0.815.
# tests/gold_holdout13: scored once, summary only (segmentation 0.979, cues 0.856, strength
# 0.931, types 0.733, flags 0.767); its errors are not read (now segmentation 1.000, cues
# 0.883, strength 0.938, types 0.738, flags 0.791).
# tests/gold_holdout14 and tests/gold_holdout16: first scored at 0.921 / 0.900 / 0.966 /
# 0.691 / 0.765 and 0.955 / 0.902 / 0.974 / 0.663 / 0.736, then used to fix generic gaps:
# 1.000 / 0.910 / 0.968 / 0.699 / 0.794 and 1.000 / 0.979 / 0.987 / 0.729 / 0.808.
# tests/gold_holdout15: scored once, summary only (0.971 / 0.902 / 0.955 / 0.730 / 0.664);
# its errors are not read (now 0.990 / 0.907 / 0.962 / 0.743 / 0.700).
# tests/gold_holdout17 (red-light panel html, sickle-cell gene-therapy release txt, IVF
# acupuncture blog md) and tests/gold_holdout19 (IV drip bar html, laser-scar brochure
# docx, teen obesity drug news txt): first scored at 0.968 / 0.888 / 0.981 / 0.713 / 0.784
# and 1.000 / 0.857 / 0.905 / 0.687 / 0.719, then opened to fix generic gaps: now
# 0.981 / 0.892 / 0.981 / 0.759 / 0.844 and 1.000 / 0.898 / 0.932 / 0.824 / 0.813.
# tests/gold_holdout18 (tinnitus sales letter txt, dental-implant clinic html, magnesium
# explainer md): scored once, summary only (0.982 / 0.892 / 0.969 / 0.690 / 0.724); its
# errors are not read (now 0.982 / 0.892 / 0.969 / 0.693 / 0.732).
# tests/gold_holdout20 (fat-freezing clinic html, mouse exercise-hormone release txt,
# "Ask the Doctor" column md), tests/gold_holdout21 (posture-wearable crowdfunding page
# md, pain-relief gel leaflet pdf, stem-cell clinic html) and tests/gold_holdout22 (detox
# tea thread txt, RSV vaccine news html, eye-vitamin newsletter docx): first scored with
# the session-start engine at 1.000 / 0.886 / 0.936 / 0.715 / 0.760, 0.973 / 0.846 /
# 0.951 / 0.725 / 0.718 and 0.933 / 0.877 / 0.961 / 0.725 / 0.736. holdout21 stays
# summary only; its errors are not read.
# tests/gold_holdout23 (NAD+ drip lounge html, psoriasis charity explainer txt, cold-plunge
# podcast show notes md): first scored with the session-start engine at 0.991 / 0.857 /
# 0.931 / 0.704 / 0.713, then opened.
# tests/gold_holdout24 (tinnitus-supplement brochure docx, Alzheimer's antibody explainer
# html, chiropractic newsletter txt): first scored with the session-start engine at
# 0.981 / 0.866 / 0.924 / 0.719 / 0.720; it stays summary only, its errors not read.
# tests/gold_holdout25 (LED face-mask page md, PRP knee leaflet pdf, creatine forum thread
# html): first scored with the session-start engine at 0.991 / 0.844 / 0.949 / 0.755 /
# 0.767; it stays summary only, its errors not read.
# tests/gold_holdout26 (gut-microbiome test kit page html, senolytic mouse-study press
# release txt, thyroid / "adrenal fatigue" clinic newsletter md): first scored with the
# session-start engine at 1.000 / 0.897 / 0.975 / 0.679 / 0.758; it stays summary only,
# its errors not read.
# tests/gold_holdout27 (over-the-counter hearing-aid brochure pdf, weight-loss injection
# news article html, beetroot nitrate shot product sheet docx): first scored with the
# session-start engine at 0.981 / 0.875 / 0.913 / 0.691 / 0.731, then opened.
# tests/gold_holdout28 (mouth-tape product page html, wearable migraine-device hospital
# leaflet pdf, "mould toxicity" functional-medicine blog md): first scored with the
# session-start engine (45152d2) at 0.990 / 0.897 / 0.955 / 0.691 / 0.740; it stays
# summary only, its errors not read.
# tests/gold_holdout29 (vitamin K2 local-radio transcript txt, colorectal-cancer blood
# test charity fact sheet html, exosome facial med-spa brochure docx): first scored with
# the session-start engine (45152d2) at 0.932 / 0.850 / 0.947 / 0.641 / 0.706, then opened.
# tests/gold_holdout30 (hay-fever pharmacy newsletter txt, smart-ring product page html,
# colic-drops parenting blog md) and tests/gold_holdout31 (shockwave plantar-fasciitis
# leaflet pdf, GLP-1 alcohol-craving trial news html, laser gum therapy brochure docx):
# written mid-session, first scored with the session-start engine (45152d2) at 0.981 /
# 0.872 / 0.969 / 0.665 / 0.694 and 1.000 / 0.904 / 0.949 / 0.673 / 0.800; both stay
# summary only, their errors not read.
# tests/gold_holdout32 (creatine brain-health podcast page txt, LED face-mask product page
# html, hospital statin patient page md) and tests/gold_holdout33 (malaria travel-clinic
# leaflet pdf, gut-microbiome mouse-study press release html, IV drip lounge brochure
# docx): written in the eighth session, first scored with its session-start engine
# (c58fec5) at 1.000 / 0.867 / 0.937 / 0.694 / 0.777 and 0.990 / 0.843 / 0.962 / 0.688 /
# 0.730; both stay summary only, their errors not read.
# tests/gold_holdout34 (shockwave tendon-pain clinic blog md, melatonin-free sleep gummy
# product page html, radio GP phone-in on statins vs sterols and fish oil txt) and
# tests/gold_holdout35 (isotretinoin patient sheet docx, cold-water swimming magazine
# article html, red-light therapy panel brochure pdf): written in the ninth session, first
# scored with its session-start engine (daa6d44) at 0.991 / 0.871 / 0.932 / 0.731 / 0.718
# and 0.952 / 0.831 / 0.935 / 0.636 / 0.675; both stay summary only, their errors not read.
# tests/gold_holdout36 (thyroid supplement newsletter txt, robotic knee-replacement news
# html, tinnitus app FAQ md) and tests/gold_holdout37 (egg-freezing brochure docx, weekly
# insulin trial news html, menopause supplement leaflet pdf): written in the ninth session
# as development sets, whose errors are read; first scored with the session-start engine
# (daa6d44) at 0.953 / 0.890 / 0.974 / 0.677 / 0.745 and 0.990 / 0.886 / 0.940 / 0.693 /
# 0.726.
# Seen sets now: holdout types 0.934 / flags 0.961, holdout2 0.865 / 0.917, holdout3
# 0.821 / 0.852, holdout5 0.782 / 0.862, holdout6 0.831 / 0.875.
ENGINE_FLOORS = {
    GOLD_DIR: {
        "segmentation": 0.95,
        "overall_cues": 0.95,
        "caveat": 0.93,
        "booster": 0.95,
        "evidence": 0.95,
        "strength": 0.95,
        "claim_types": 0.93,
        "flags": 0.94,
    },
    HOLDOUT_DIR: {
        "segmentation": 0.95,
        "overall_cues": 0.95,
        "caveat": 0.95,
        "booster": 0.95,
        "evidence": 0.93,
        "strength": 0.95,
        "claim_types": 0.91,
        "flags": 0.94,
    },
    HOLDOUT2_DIR: {
        "segmentation": 0.97,
        "overall_cues": 0.96,
        "caveat": 0.96,
        "booster": 0.96,
        "evidence": 0.95,
        "strength": 0.97,
        "claim_types": 0.84,
        "flags": 0.90,
    },
    HOLDOUT3_DIR: {
        "segmentation": 0.96,
        "overall_cues": 0.89,
        "caveat": 0.95,
        "booster": 0.82,
        "evidence": 0.85,
        "strength": 0.93,
        "claim_types": 0.80,
        "flags": 0.83,
    },
    HOLDOUT4_DIR: {
        "segmentation": 0.94,
        "overall_cues": 0.78,
        "caveat": 0.81,
        "booster": 0.72,
        "evidence": 0.76,
        "strength": 0.89,
        "claim_types": 0.66,
        "flags": 0.68,
    },
    HOLDOUT5_DIR: {
        "segmentation": 0.97,
        "overall_cues": 0.92,
        "caveat": 0.97,
        "booster": 0.97,
        "evidence": 0.79,
        "strength": 0.94,
        "claim_types": 0.76,
        "flags": 0.84,
    },
    HOLDOUT6_DIR: {
        "segmentation": 0.97,
        "overall_cues": 0.90,
        "caveat": 0.92,
        "booster": 0.87,
        "evidence": 0.89,
        "strength": 0.93,
        "claim_types": 0.81,
        "flags": 0.85,
    },
    HOLDOUT7_DIR: {
        "segmentation": 0.95,
        "overall_cues": 0.86,
        "caveat": 0.87,
        "booster": 0.80,
        "evidence": 0.82,
        "strength": 0.92,
        "claim_types": 0.71,
        "flags": 0.78,
    },
    HOLDOUT8_DIR: {
        "segmentation": 0.97,
        "overall_cues": 0.95,
        "caveat": 0.96,
        "booster": 0.92,
        "evidence": 0.95,
        "strength": 0.96,
        "claim_types": 0.86,
        "flags": 0.86,
    },
    HOLDOUT9_DIR: {
        "segmentation": 0.97,
        "overall_cues": 0.81,
        "caveat": 0.84,
        "booster": 0.80,
        "evidence": 0.76,
        "strength": 0.92,
        "claim_types": 0.66,
        "flags": 0.68,
    },
    HOLDOUT10_DIR: {
        "segmentation": 0.97,
        "overall_cues": 0.91,
        "caveat": 0.93,
        "booster": 0.92,
        "evidence": 0.86,
        "strength": 0.93,
        "claim_types": 0.77,
        "flags": 0.77,
    },
    HOLDOUT11_DIR: {
        "segmentation": 0.95,
        "overall_cues": 0.84,
        "caveat": 0.85,
        "booster": 0.85,
        "evidence": 0.81,
        "strength": 0.93,
        "claim_types": 0.71,
        "flags": 0.74,
    },
    HOLDOUT12_DIR: {
        "segmentation": 0.95,
        "overall_cues": 0.87,
        "caveat": 0.93,
        "booster": 0.91,
        "evidence": 0.78,
        "strength": 0.95,
        "claim_types": 0.75,
        "flags": 0.80,
    },
    HOLDOUT13_DIR: {
        "segmentation": 0.96,
        "overall_cues": 0.84,
        "caveat": 0.89,
        "booster": 0.80,
        "evidence": 0.75,
        "strength": 0.92,
        "claim_types": 0.72,
        "flags": 0.75,
    },
    HOLDOUT14_DIR: {
        "segmentation": 0.98,
        "overall_cues": 0.89,
        "caveat": 0.90,
        "booster": 0.92,
        "evidence": 0.84,
        "strength": 0.95,
        "claim_types": 0.68,
        "flags": 0.77,
    },
    HOLDOUT15_DIR: {
        "segmentation": 0.97,
        "overall_cues": 0.89,
        "caveat": 0.91,
        "booster": 0.87,
        "evidence": 0.84,
        "strength": 0.94,
        "claim_types": 0.72,
        "flags": 0.68,
    },
    HOLDOUT16_DIR: {
        "segmentation": 0.98,
        "overall_cues": 0.96,
        "caveat": 0.98,
        "booster": 0.91,
        "evidence": 0.96,
        "strength": 0.97,
        "claim_types": 0.71,
        "flags": 0.79,
    },
    HOLDOUT17_DIR: {
        "segmentation": 0.97,
        "overall_cues": 0.88,
        "caveat": 0.85,
        "booster": 0.90,
        "evidence": 0.91,
        "strength": 0.97,
        "claim_types": 0.74,
        "flags": 0.83,
    },
    HOLDOUT18_DIR: {
        "segmentation": 0.97,
        "overall_cues": 0.88,
        "caveat": 0.88,
        "booster": 0.86,
        "evidence": 0.87,
        "strength": 0.95,
        "claim_types": 0.68,
        "flags": 0.72,
    },
    HOLDOUT19_DIR: {
        "segmentation": 0.99,
        "overall_cues": 0.88,
        "caveat": 0.91,
        "booster": 0.95,
        "evidence": 0.80,
        "strength": 0.92,
        "claim_types": 0.81,
        "flags": 0.80,
    },
    HOLDOUT20_DIR: {
        "segmentation": 1.00,
        "overall_cues": 0.88,
        "caveat": 0.95,
        "booster": 0.85,
        "evidence": 0.77,
        "strength": 0.93,
        "claim_types": 0.71,
        "flags": 0.76,
    },
    HOLDOUT21_DIR: {
        "segmentation": 0.97,
        "overall_cues": 0.84,
        "caveat": 0.86,
        "booster": 0.93,
        "evidence": 0.70,
        "strength": 0.95,
        "claim_types": 0.72,
        "flags": 0.71,
    },
    HOLDOUT22_DIR: {
        "segmentation": 0.93,
        "overall_cues": 0.87,
        "caveat": 0.86,
        "booster": 0.87,
        "evidence": 0.88,
        "strength": 0.96,
        "claim_types": 0.72,
        "flags": 0.73,
    },
    HOLDOUT23_DIR: {
        "segmentation": 0.99,
        "overall_cues": 0.85,
        "caveat": 0.90,
        "booster": 0.81,
        "evidence": 0.76,
        "strength": 0.93,
        "claim_types": 0.70,
        "flags": 0.71,
    },
    HOLDOUT24_DIR: {
        "segmentation": 0.98,
        "overall_cues": 0.86,
        "caveat": 0.88,
        "booster": 0.92,
        "evidence": 0.79,
        "strength": 0.92,
        "claim_types": 0.71,
        "flags": 0.72,
    },
    HOLDOUT25_DIR: {
        "segmentation": 0.99,
        "overall_cues": 0.84,
        "caveat": 0.89,
        "booster": 0.80,
        "evidence": 0.74,
        "strength": 0.94,
        "claim_types": 0.75,
        "flags": 0.76,
    },
    HOLDOUT26_DIR: {
        "segmentation": 0.99,
        "overall_cues": 0.89,
        "caveat": 0.91,
        "booster": 0.91,
        "evidence": 0.84,
        "strength": 0.97,
        "claim_types": 0.67,
        "flags": 0.75,
    },
    HOLDOUT27_DIR: {
        "segmentation": 0.98,
        "overall_cues": 0.87,
        "caveat": 0.92,
        "booster": 0.88,
        "evidence": 0.77,
        "strength": 0.91,
        "claim_types": 0.69,
        "flags": 0.73,
    },
    HOLDOUT28_DIR: {
        "segmentation": 0.99,
        "overall_cues": 0.89,
        "caveat": 0.93,
        "booster": 0.84,
        "evidence": 0.84,
        "strength": 0.95,
        "claim_types": 0.69,
        "flags": 0.74,
    },
    HOLDOUT29_DIR: {
        "segmentation": 0.93,
        "overall_cues": 0.84,
        "caveat": 0.86,
        "booster": 0.86,
        "evidence": 0.76,
        "strength": 0.94,
        "claim_types": 0.64,
        "flags": 0.70,
    },
    HOLDOUT30_DIR: {
        "segmentation": 0.98,
        "overall_cues": 0.87,
        "caveat": 0.86,
        "booster": 0.93,
        "evidence": 0.85,
        "strength": 0.96,
        "claim_types": 0.66,
        "flags": 0.69,
    },
    HOLDOUT31_DIR: {
        "segmentation": 0.99,
        "overall_cues": 0.90,
        "caveat": 0.91,
        "booster": 0.92,
        "evidence": 0.85,
        "strength": 0.94,
        "claim_types": 0.67,
        "flags": 0.79,
    },
    HOLDOUT32_DIR: {
        "segmentation": 1.00,
        "overall_cues": 0.86,
        "caveat": 0.86,
        "booster": 1.00,
        "evidence": 0.78,
        "strength": 0.93,
        "claim_types": 0.69,
        "flags": 0.77,
    },
    HOLDOUT33_DIR: {
        "segmentation": 0.99,
        "overall_cues": 0.84,
        "caveat": 0.85,
        "booster": 0.75,
        "evidence": 0.87,
        "strength": 0.96,
        "claim_types": 0.68,
        "flags": 0.73,
    },
    HOLDOUT34_DIR: {
        "segmentation": 0.99,
        "overall_cues": 0.87,
        "caveat": 0.90,
        "booster": 0.88,
        "evidence": 0.76,
        "strength": 0.93,
        "claim_types": 0.73,
        "flags": 0.71,
    },
    HOLDOUT35_DIR: {
        "segmentation": 0.95,
        "overall_cues": 0.83,
        "caveat": 0.85,
        "booster": 0.86,
        "evidence": 0.76,
        "strength": 0.93,
        "claim_types": 0.63,
        "flags": 0.67,
    },
    HOLDOUT36_DIR: {
        "segmentation": 0.95,
        "overall_cues": 0.89,
        "caveat": 0.89,
        "booster": 0.85,
        "evidence": 0.90,
        "strength": 0.97,
        "claim_types": 0.67,
        "flags": 0.74,
    },
    HOLDOUT37_DIR: {
        "segmentation": 0.99,
        "overall_cues": 0.88,
        "caveat": 0.94,
        "booster": 0.96,
        "evidence": 0.68,
        "strength": 0.94,
        "claim_types": 0.69,
        "flags": 0.72,
    },
}


@pytest.mark.parametrize(
    "directory",
    GOLD_SETS,
    ids=[d.name.removeprefix("gold_") for d in GOLD_SETS],
)
def test_engine_on_gold_set_stays_above_floors(directory: Path) -> None:
    report = score_gold_dir(load_gold_dir(directory))
    assert report.engine_errors == []
    got = {
        "segmentation": report.segmentation.score().f1,
        "overall_cues": report.overall_cue_f1(),
        "caveat": report.group_counts("caveat").score().f1,
        "booster": report.group_counts("booster").score().f1,
        "evidence": report.group_counts("evidence").score().f1,
        "strength": report.strength_accuracy(),
        "claim_types": report.claim_types.score().f1,
        "flags": report.flag_counts().score().f1,
    }
    floors = ENGINE_FLOORS[directory]
    below = {k: round(v, 3) for k, v in got.items() if v < floors[k]}
    assert not below, f"below floor {floors}: {below}"
