//! The market-obligations catalogue: the shipped catalogue is valid for the shipped questionnaire;
//! every problem a catalogue can have is found with its place; and a table of goods ×
//! markets × answers, each case listing exactly the entries that apply, are to be checked, or may
//! apply, with their place on the timeline relative to the assessment's date.

use std::collections::BTreeSet;

use assessment::problem::{Place, ProblemKind};
use assessment::{
    obligations, Answer, AnswerSheet, Catalogue, Date, Finding, Goods, HsCode, Needed, NotApplying,
    OptionId, QuestionId, Questionnaire, Status, Timeline, Trade, BUILTIN_CATALOGUE,
};
use serde_json::{json, Value};

use crate::common::builtin;

pub(crate) fn catalogue(q: &Questionnaire) -> Catalogue {
    Catalogue::from_json(BUILTIN_CATALOGUE, q).unwrap_or_else(|e| panic!("{e}"))
}

pub(crate) fn date(s: &str) -> Date {
    s.parse().unwrap()
}

/// A sheet from `question=option` (several options separated by `,` for multiple choice).
fn sheet(q: &Questionnaire, answers: &[&str]) -> AnswerSheet {
    let mut sheet = AnswerSheet::new(q);
    for pair in answers {
        let (id, options) = pair.split_once('=').expect("question=option");
        let id = QuestionId::from(id);
        let question = q
            .question(&id)
            .unwrap_or_else(|| panic!("no question {id}"));
        let options: Vec<OptionId> = options.split(',').map(OptionId::from).collect();
        let answer = if question.multiple() {
            Answer::Many(options)
        } else {
            Answer::One(options[0].clone())
        };
        sheet.answers.insert(id, answer);
    }
    sheet.check(q).unwrap_or_else(|e| panic!("{e}"));
    sheet
}

/// A finding in a line: `id applies in_force`, `id check within:2026-12-30`,
/// `id may(P.goods|code:73) later:2027-12-11`.
pub(crate) fn line(f: &Finding) -> Option<String> {
    let status = match &f.status {
        Status::Applies => "applies".to_owned(),
        Status::Check => "check".to_owned(),
        Status::MayApply { answer_needed } => format!(
            "may({})",
            answer_needed
                .iter()
                .map(|n| match n {
                    Needed::Question(q) => q.to_string(),
                    Needed::FinerCode(c) => format!("code:{c}"),
                    Needed::CodeOf(o) => format!("code_of:{o}"),
                })
                .collect::<Vec<_>>()
                .join("|")
        ),
        Status::DoesNotApply { .. } => return None,
    };
    let timeline = match f.timeline {
        Timeline::InForce => "in_force".to_owned(),
        Timeline::WithinYear(d) => format!("within:{d}"),
        Timeline::Later(d) => format!("later:{d}"),
        Timeline::CheckDate(d) => format!("check:{d}"),
        Timeline::CheckSince(d) => format!("since:{d}"),
    };
    Some(format!("{} {status} {timeline}", f.obligation))
}

struct Case {
    name: &'static str,
    answers: &'static [&'static str],
    /// Codes the firm typed into the goods question, beside the options.
    codes: &'static [&'static str],
    on: &'static str,
    /// Exactly the entries that apply, are to be checked or may apply.
    expect: &'static [&'static str],
}

const TODAY: &str = "2026-11-26";

const CASES: &[Case] = &[
    Case {
        name: "steel bolts (7318) to the EU, a buyer above 50 t",
        answers: &[
            "P.offer=goods",
            "P.dual_use=no",
            "P.goods=steel_articles",
            "P.markets=eu",
            "P.eu_individuals=no",
            "P.cbam_tonnage=over50",
            "P.channels=offline_b2b",
        ],
        codes: &[],
        on: TODAY,
        expect: &[
            "eu_cbam_certificates applies within:2027-02-01",
            "eu_cbam applies in_force",
            "eu_reach applies in_force",
            "eu_espr applies in_force",
        ],
    },
    Case {
        name: "steel bolts (7318) to the EU, every buyer at or below 50 t",
        answers: &[
            "P.offer=goods",
            "P.dual_use=no",
            "P.goods=steel_articles",
            "P.markets=eu",
            "P.eu_individuals=no",
            "P.cbam_tonnage=all_under50",
            "P.channels=offline_b2b",
        ],
        codes: &[],
        on: TODAY,
        expect: &[
            "eu_cbam_de_minimis applies in_force",
            "eu_reach applies in_force",
            "eu_espr applies in_force",
        ],
    },
    Case {
        name: "steel bolts to the EU, tonnage not answered yet",
        answers: &[
            "P.offer=goods",
            "P.dual_use=no",
            "P.goods=steel_articles",
            "P.markets=eu",
            "P.eu_individuals=no",
            "P.channels=offline_b2b",
        ],
        codes: &[],
        on: TODAY,
        expect: &[
            "eu_cbam_certificates may(P.cbam_tonnage) within:2027-02-01",
            "eu_cbam may(P.cbam_tonnage) in_force",
            "eu_cbam_de_minimis may(P.cbam_tonnage) in_force",
            "eu_reach applies in_force",
            "eu_espr applies in_force",
        ],
    },
    Case {
        name: "aluminium from a trading company, to the EU (tonnage unsure) and the US",
        answers: &[
            "P.sector=trading",
            "P.offer=goods",
            "P.dual_use=no",
            "P.goods=aluminium",
            "P.markets=eu,us",
            "P.eu_individuals=no",
            "P.cbam_tonnage=unsure",
            "P.xinjiang=no",
            "P.channels=offline_b2b",
        ],
        codes: &[],
        on: TODAY,
        expect: &[
            "eu_cbam_certificates applies within:2027-02-01",
            "eu_cbam applies in_force",
            "eu_reach applies in_force",
            "eu_espr applies in_force",
            "us_uflpa applies in_force",
        ],
    },
    Case {
        name: "wooden furniture to the EU, a medium or large buyer",
        answers: &[
            "P.offer=goods",
            "P.dual_use=no",
            "P.goods=wood_furniture",
            "P.markets=eu",
            "P.eu_individuals=no",
            "P.eudr_operator=medium_large",
            "P.channels=offline_b2b",
        ],
        codes: &[],
        on: TODAY,
        expect: &[
            "eu_eudr applies within:2026-12-30",
            "eu_reach applies in_force",
            "eu_espr applies in_force",
        ],
    },
    Case {
        // Art. 38(3): the micro and small date does not cover the EU Timber Regulation's products.
        name: "wooden furniture to the EU, micro and small buyers only",
        answers: &[
            "P.offer=goods",
            "P.dual_use=no",
            "P.goods=wood_furniture",
            "P.markets=eu",
            "P.eu_individuals=no",
            "P.eudr_operator=micro_small",
            "P.channels=offline_b2b",
        ],
        codes: &[],
        on: TODAY,
        expect: &[
            "eu_eudr_small applies within:2027-06-30",
            "eu_eudr_timber_small applies within:2026-12-30",
            "eu_reach applies in_force",
            "eu_espr applies in_force",
        ],
    },
    Case {
        name: "coffee to the EU, micro and small buyers only",
        answers: &[
            "P.offer=goods",
            "P.dual_use=no",
            "P.goods=coffee_cocoa",
            "P.markets=eu",
            "P.eu_individuals=no",
            "P.eudr_operator=micro_small",
            "P.channels=offline_b2b",
        ],
        codes: &[],
        on: TODAY,
        expect: &[
            "eu_eudr_small applies within:2027-06-30",
            "eu_reach applies in_force",
        ],
    },
    Case {
        name: "a Bluetooth speaker sold to EU consumers through a platform, in parcels",
        answers: &[
            "P.offer=goods",
            "P.dual_use=no",
            "P.goods=wireless",
            "P.markets=eu",
            "P.eu_individuals=yes",
            "P.channels=cbec_platforms",
            "P.parcels=yes",
        ],
        codes: &[],
        on: TODAY,
        expect: &[
            "eu_battery_built_in may(P.built_in_battery) in_force",
            "eu_battery_removability may(P.built_in_battery) within:2027-02-18",
            "eu_low_value_parcels check since:2026-07-01",
            "eu_rohs applies in_force",
            "eu_gpsr applies in_force",
            "eu_red_cyber applies in_force",
            "eu_cra_reporting applies in_force",
            "eu_cra_full applies later:2027-12-11",
            "eu_reach applies in_force",
        ],
    },
    Case {
        name: "an e-bike battery to the EU",
        answers: &[
            "P.offer=goods",
            "P.dual_use=no",
            "P.goods=batteries",
            "P.markets=eu",
            "P.eu_individuals=no",
            "P.battery_kind=lmt",
            "P.channels=offline_b2b",
        ],
        codes: &[],
        on: TODAY,
        expect: &[
            "eu_battery_labels applies since:2026-08-18",
            "eu_battery_passport applies within:2027-02-18",
            "eu_battery_registration applies in_force",
            "eu_batteries applies in_force",
            "eu_battery_due_diligence applies within:2027-08-18",
            "eu_reach applies in_force",
            "cn_2025_measures may(code_of:batteries) in_force",
        ],
    },
    Case {
        name: "a lithium-ion e-bike battery given by its code (8507 60)",
        answers: &[
            "P.offer=goods",
            "P.dual_use=no",
            "P.goods=batteries",
            "P.markets=eu",
            "P.eu_individuals=no",
            "P.battery_kind=lmt",
            "P.channels=offline_b2b",
        ],
        codes: &["850760"],
        on: TODAY,
        expect: &[
            "eu_battery_labels applies since:2026-08-18",
            "eu_battery_passport applies within:2027-02-18",
            "eu_battery_registration applies in_force",
            "eu_batteries applies in_force",
            "eu_battery_due_diligence applies within:2027-08-18",
            "eu_reach applies in_force",
            "cn_2025_measures check in_force",
        ],
    },
    Case {
        name: "cotton shirts to the US, traced",
        answers: &[
            "P.offer=goods",
            "P.dual_use=no",
            "P.goods=apparel",
            "P.markets=us",
            "P.xinjiang=no",
            "P.channels=offline_b2b",
        ],
        codes: &[],
        on: TODAY,
        expect: &["us_uflpa applies in_force"],
    },
    Case {
        name: "cotton shirts to the US, Xinjiang link not ruled out",
        answers: &[
            "P.offer=goods",
            "P.dual_use=no",
            "P.goods=apparel",
            "P.markets=us",
            "P.xinjiang=unsure",
            "P.channels=offline_b2b",
        ],
        codes: &[],
        on: TODAY,
        expect: &[
            "us_uflpa applies in_force",
            "us_uflpa_presumption applies in_force",
        ],
    },
    Case {
        name: "cotton shirts to US consumers in parcels",
        answers: &[
            "P.offer=goods",
            "P.dual_use=no",
            "P.goods=apparel",
            "P.markets=us",
            "P.xinjiang=no",
            "P.channels=own_site",
            "P.parcels=yes",
        ],
        codes: &[],
        on: TODAY,
        expect: &["us_uflpa applies in_force", "us_de_minimis check in_force"],
    },
    Case {
        name: "a rare-earth magnet to Japan",
        answers: &[
            "P.offer=goods",
            "P.dual_use=no",
            "P.goods=rare_earths",
            "P.markets=japan_korea",
            "P.channels=offline_b2b",
        ],
        codes: &[],
        on: TODAY,
        expect: &[
            "cn_dual_use applies in_force",
            "cn_2025_measures check in_force",
            "rcep_origin applies in_force",
            "cptpp_status applies in_force",
        ],
    },
    Case {
        name: "roasted coffee to Japan: none of the EU rules",
        answers: &[
            "P.offer=goods",
            "P.dual_use=no",
            "P.goods=coffee_cocoa",
            "P.markets=japan_korea",
            "P.channels=offline_b2b",
        ],
        codes: &[],
        on: TODAY,
        expect: &[
            "rcep_origin applies in_force",
            "cptpp_status applies in_force",
        ],
    },
    Case {
        name: "services only: no goods, no obligation on goods",
        answers: &[
            "P.offer=services",
            "P.markets=eu,us,asean",
            "P.eu_individuals=yes",
            "P.channels=own_site",
            "P.parcels=no",
        ],
        codes: &[],
        on: TODAY,
        expect: &[],
    },
    Case {
        name: "goods none of the catalogue names, to EU consumers",
        answers: &[
            "P.offer=goods",
            "P.dual_use=no",
            "P.goods=none",
            "P.markets=eu",
            "P.eu_individuals=yes",
            "P.channels=offline_b2b",
        ],
        codes: &[],
        on: TODAY,
        expect: &[
            "eu_gpsr may(code_of:none) in_force",
            "eu_reach applies in_force",
        ],
    },
    Case {
        name:
            "steel bolts given by their code only, beside \"none of these\": the tonnage is asked",
        answers: &[
            "P.offer=goods",
            "P.dual_use=no",
            "P.goods=none",
            "P.markets=eu",
            "P.eu_individuals=no",
            "P.channels=offline_b2b",
        ],
        codes: &["73181590"],
        on: TODAY,
        expect: &[
            "eu_cbam_certificates may(P.cbam_tonnage) within:2027-02-01",
            "eu_cbam may(P.cbam_tonnage) in_force",
            "eu_cbam_de_minimis may(P.cbam_tonnage) in_force",
            "eu_reach applies in_force",
            "eu_espr applies in_force",
        ],
    },
    Case {
        name: "steel screws typed only (7318 15) to the EU, a buyer above 50 t",
        answers: &[
            "P.offer=goods",
            "P.dual_use=no",
            "P.markets=eu",
            "P.eu_individuals=no",
            "P.cbam_tonnage=over50",
            "P.channels=offline_b2b",
        ],
        codes: &["7318.15"],
        on: TODAY,
        expect: &[
            "eu_cbam_certificates applies within:2027-02-01",
            "eu_cbam applies in_force",
            "eu_reach applies in_force",
            "eu_espr applies in_force",
        ],
    },
    Case {
        name: "steel screws typed only (7318 15) to the EU, every buyer at or below 50 t",
        answers: &[
            "P.offer=goods",
            "P.dual_use=no",
            "P.markets=eu",
            "P.eu_individuals=no",
            "P.cbam_tonnage=all_under50",
            "P.channels=offline_b2b",
        ],
        codes: &["7318.15"],
        on: TODAY,
        expect: &[
            "eu_cbam_de_minimis applies in_force",
            "eu_reach applies in_force",
            "eu_espr applies in_force",
        ],
    },
    Case {
        name: "a code too broad to tell (chapter 73)",
        answers: &[
            "P.offer=goods",
            "P.dual_use=no",
            "P.goods=none",
            "P.markets=eu",
            "P.eu_individuals=no",
            "P.channels=offline_b2b",
        ],
        codes: &["73"],
        on: TODAY,
        // A finer code would tell: both CBAM entries may apply, and the tonnage is asked.
        expect: &[
            "eu_cbam_certificates may(code:73) within:2027-02-01",
            "eu_cbam may(code:73) in_force",
            "eu_cbam_de_minimis may(code:73) in_force",
            "eu_reach applies in_force",
            "eu_espr applies in_force",
        ],
    },
    Case {
        name: "a code too broad to tell (chapter 73), tonnage answered: the answer decides, the code stays open",
        answers: &[
            "P.offer=goods",
            "P.dual_use=no",
            "P.markets=eu",
            "P.eu_individuals=no",
            "P.cbam_tonnage=all_under50",
            "P.channels=offline_b2b",
        ],
        codes: &["73"],
        on: TODAY,
        // Chapter 73 holds goods outside CBAM (7320 springs), but the firm said every buyer
        // takes 50 t or less: for whatever of it is CBAM goods, that decides (Art. 2a).
        expect: &[
            "eu_cbam_de_minimis may(code:73) in_force",
            "eu_reach applies in_force",
            "eu_espr applies in_force",
        ],
    },
    Case {
        name: "roasted coffee typed only (0901 21) to the EU: EUDR's question, no tonnage",
        answers: &[
            "P.offer=goods",
            "P.dual_use=no",
            "P.markets=eu",
            "P.eu_individuals=no",
            "P.eudr_operator=medium_large",
            "P.channels=offline_b2b",
        ],
        codes: &["090121"],
        on: TODAY,
        expect: &[
            "eu_eudr applies within:2026-12-30",
            "eu_reach applies in_force",
        ],
    },
    Case {
        name: "cotton fabric and shirts typed only (5208, 6205) to the US, Xinjiang not ruled out",
        answers: &[
            "P.offer=goods",
            "P.dual_use=no",
            "P.markets=us",
            "P.xinjiang=unsure",
            "P.channels=offline_b2b",
        ],
        codes: &["5208", "6205"],
        on: TODAY,
        expect: &[
            "us_uflpa applies in_force",
            "us_uflpa_presumption applies in_force",
        ],
    },
    Case {
        name: "an e-bike battery typed only (8507 60) to the EU, its kind answered",
        answers: &[
            "P.offer=goods",
            "P.dual_use=no",
            "P.markets=eu",
            "P.eu_individuals=no",
            "P.battery_kind=lmt",
            "P.channels=offline_b2b",
        ],
        codes: &["850760"],
        on: TODAY,
        expect: &[
            "eu_battery_labels applies since:2026-08-18",
            "eu_battery_passport applies within:2027-02-18",
            "eu_battery_registration applies in_force",
            "eu_batteries applies in_force",
            "eu_battery_due_diligence applies within:2027-08-18",
            "eu_reach applies in_force",
            "cn_2025_measures check in_force",
        ],
    },
    Case {
        name: "coffee ticked and steel screws typed, to the EU: both follow-ups answered",
        answers: &[
            "P.offer=goods",
            "P.dual_use=no",
            "P.goods=coffee_cocoa",
            "P.markets=eu",
            "P.eu_individuals=no",
            "P.eudr_operator=micro_small",
            "P.cbam_tonnage=over50",
            "P.channels=offline_b2b",
        ],
        codes: &["731815"],
        on: TODAY,
        expect: &[
            "eu_cbam_certificates applies within:2027-02-01",
            "eu_cbam applies in_force",
            "eu_eudr_small applies within:2027-06-30",
            "eu_reach applies in_force",
            "eu_espr applies in_force",
        ],
    },
];

/// The follow-up questions a firm is asked, by what it ticked and typed: (ticked goods, typed
/// codes, markets, the follow-ups asked). A code too broad to tell asks (asking is harmless;
/// deciding CBAM without the tonnage is not).
#[test]
fn typed_codes_bring_up_the_follow_ups_their_goods_need() {
    let q = builtin();
    let follow_ups = [
        "P.cbam_tonnage",
        "P.eudr_operator",
        "P.battery_kind",
        "P.xinjiang",
    ];
    let cases: &[(&str, &[&str], &str, &[&str])] = &[
        ("", &["7318"], "eu", &["P.cbam_tonnage"]),
        ("", &["7318.15"], "eu,us", &["P.cbam_tonnage", "P.xinjiang"]),
        ("", &["73"], "eu", &["P.cbam_tonnage"]),
        ("", &["0901"], "eu,us", &["P.eudr_operator"]),
        ("", &["090121"], "us", &[]),
        ("", &["5208", "6205"], "us", &["P.xinjiang"]),
        ("", &["5208"], "eu", &[]),
        ("", &["8507"], "eu", &["P.battery_kind"]),
        ("", &["2716"], "eu", &[]),
        ("none", &["25070080"], "eu", &["P.cbam_tonnage"]),
        ("none", &[], "eu,us", &[]),
        ("steel_articles", &[], "eu", &["P.cbam_tonnage"]),
        ("apparel", &[], "us", &["P.xinjiang"]),
        (
            "coffee_cocoa",
            &["7318"],
            "eu",
            &["P.cbam_tonnage", "P.eudr_operator"],
        ),
        ("iron_steel", &["0901"], "asean", &[]),
    ];
    for (ticked, codes, markets, expected) in cases {
        let mut answers = vec!["P.offer=goods".to_owned(), format!("P.markets={markets}")];
        if !ticked.is_empty() {
            answers.push(format!("P.goods={ticked}"));
        }
        let answers: Vec<&str> = answers.iter().map(String::as_str).collect();
        let report = assessment::score(&q, &typed(&q, &answers, codes));
        let asked: Vec<&str> = follow_ups
            .into_iter()
            .filter(|f| report.shows(&QuestionId::from(*f)))
            .collect();
        assert_eq!(asked, *expected, "{ticked} {codes:?} to {markets}");
    }
}

/// A firm that exports services only is not asked the goods question, so codes left in its
/// answers from an earlier choice ask nothing either.
#[test]
fn codes_of_a_goods_question_that_does_not_apply_ask_nothing() {
    let q = builtin();
    let s = typed(
        &q,
        &["P.offer=services", "P.markets=eu,us"],
        &["7318", "5208"],
    );
    let report = assessment::score(&q, &s);
    for f in ["P.goods", "P.cbam_tonnage", "P.xinjiang"] {
        assert!(!report.shows(&QuestionId::from(f)), "{f} shown");
    }
}

/// The CBAM item `R5` reads the same answers as the catalogue: steel screws typed only, to the
/// EU, apply it above 50 t (a critical gap at level 1) and not at or below; electricity typed
/// only applies it without the tonnage; a chapter too broad to tell leaves it open.
#[test]
fn the_cbam_item_applies_to_typed_codes_as_to_ticked_options() {
    use assessment::Applicability::{Applies, NotApplicable, Undetermined};
    let q = builtin();
    let cases: &[(&[&str], &[&str], assessment::Applicability)] = &[
        (&["P.cbam_tonnage=over50"], &["731815"], Applies),
        (&["P.cbam_tonnage=unsure"], &["731815"], Applies),
        (&["P.cbam_tonnage=all_under50"], &["731815"], NotApplicable),
        (&[], &["731815"], Undetermined),
        (&[], &["2716"], Applies),
        (&[], &["28041000"], Applies),
        (&[], &["0901"], NotApplicable),
        (&["P.cbam_tonnage=over50"], &["73"], Undetermined),
        (&["P.goods=hydrogen"], &[], Applies),
    ];
    for (extra, codes, expected) in cases {
        let mut answers = vec!["P.offer=goods", "P.markets=eu", "R5=unknown"];
        answers.extend_from_slice(extra);
        let report = assessment::score(&q, &typed(&q, &answers, codes));
        let r5 = report.item(&"R5".into()).unwrap();
        assert_eq!(r5.applicability, *expected, "{extra:?} {codes:?}");
        let gap = report.critical_gaps.iter().any(|g| g.item.as_str() == "R5");
        assert_eq!(
            gap,
            *expected == Applies && extra.first() != Some(&"P.cbam_tonnage=unsure"),
            "critical gap for {extra:?} {codes:?}"
        );
    }
}

/// A sheet with these answers and these codes typed into the goods question.
pub(crate) fn typed(q: &Questionnaire, answers: &[&str], codes: &[&str]) -> AnswerSheet {
    let mut answers = sheet(q, answers);
    for code in codes {
        answers
            .add_code(q, &"P.goods".into(), HsCode::from_input(code).unwrap())
            .unwrap();
    }
    answers.check(q).unwrap_or_else(|e| panic!("{e}"));
    answers
}

fn run(q: &Questionnaire, c: &Catalogue, case: &Case) -> BTreeSet<String> {
    let answers = typed(q, case.answers, case.codes);
    let trade = Trade::from_answers(c, q, &answers);
    obligations(c, q, &trade, &answers, date(case.on))
        .iter()
        .filter_map(line)
        .collect()
}

#[test]
fn the_table_of_goods_markets_and_answers() {
    let q = builtin();
    let c = catalogue(&q);
    let mut failures = Vec::new();
    for case in CASES {
        let got = run(&q, &c, case);
        let expected: BTreeSet<String> = case.expect.iter().map(|s| (*s).to_owned()).collect();
        if got != expected {
            failures.push(format!(
                "{}:\n  missing: {:?}\n  unexpected: {:?}",
                case.name,
                expected.difference(&got).collect::<Vec<_>>(),
                got.difference(&expected).collect::<Vec<_>>()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn nothing_answered_lists_every_entry_as_may_apply_with_its_questions() {
    let q = builtin();
    let c = catalogue(&q);
    let answers = sheet(&q, &[]);
    let trade = Trade::from_answers(&c, &q, &answers);
    assert_eq!(trade.goods, None);
    let found = obligations(&c, &q, &trade, &answers, date(TODAY));
    assert_eq!(found.len(), c.doc().obligations.len());
    let cbam = found
        .iter()
        .find(|f| f.obligation.as_str() == "eu_cbam")
        .unwrap();
    assert_eq!(
        cbam.status,
        Status::MayApply {
            // The goods are asked of goods exporters (P.offer); the tonnage once goods and
            // markets say so.
            answer_needed: vec![
                Needed::Question("P.offer".into()),
                Needed::Question("P.markets".into()),
            ]
        }
    );
    // A goods exporter that has not said which goods: the goods question itself.
    let answers = sheet(&q, &["P.offer=goods", "P.markets=eu"]);
    let trade = Trade::from_answers(&c, &q, &answers);
    let found = obligations(&c, &q, &trade, &answers, date(TODAY));
    let dual = found
        .iter()
        .find(|f| f.obligation.as_str() == "cn_dual_use")
        .unwrap();
    assert_eq!(
        dual.status,
        Status::MayApply {
            answer_needed: vec![Needed::Question("P.goods".into())]
        }
    );
}

/// Dates are decided against the assessment's date: the same firm on two days either side of a
/// rule's start, and of the 12-month horizon.
#[test]
fn dates_either_side_of_a_start() {
    let q = builtin();
    let c = catalogue(&q);
    let furniture = [
        "P.offer=goods",
        "P.dual_use=no",
        "P.goods=wood_furniture",
        "P.markets=eu",
        "P.eu_individuals=no",
        "P.eudr_operator=medium_large",
        "P.channels=offline_b2b",
    ];
    let speaker = [
        "P.offer=goods",
        "P.dual_use=no",
        "P.goods=wireless",
        "P.markets=eu",
        "P.eu_individuals=no",
        "P.channels=offline_b2b",
    ];
    let timeline_of = |answers: &[&str], id: &str, on: &str| {
        let s = sheet(&q, answers);
        let trade = Trade::from_answers(&c, &q, &s);
        obligations(&c, &q, &trade, &s, date(on))
            .into_iter()
            .find(|f| f.obligation.as_str() == id)
            .map(|f| f.timeline)
            .unwrap()
    };
    let eudr = date("2026-12-30");
    assert_eq!(
        timeline_of(&furniture, "eu_eudr", "2026-12-29"),
        Timeline::WithinYear(eudr)
    );
    assert_eq!(
        timeline_of(&furniture, "eu_eudr", "2026-12-30"),
        Timeline::InForce
    );
    let cra = date("2026-09-11");
    assert_eq!(
        timeline_of(&speaker, "eu_cra_reporting", "2026-09-10"),
        Timeline::WithinYear(cra)
    );
    assert_eq!(
        timeline_of(&speaker, "eu_cra_reporting", "2026-09-11"),
        Timeline::InForce
    );
    // 12 months ahead is within the year; a day more is later.
    let full = date("2027-12-11");
    assert_eq!(
        timeline_of(&speaker, "eu_cra_full", "2026-12-11"),
        Timeline::WithinYear(full)
    );
    assert_eq!(
        timeline_of(&speaker, "eu_cra_full", "2026-12-10"),
        Timeline::Later(full)
    );
}

/// An unconfirmed date is never placed on the timeline, on any day; an unconfirmed entry is never
/// a duty.
#[test]
fn an_unconfirmed_fact_never_decides() {
    let q = builtin();
    let c = catalogue(&q);
    let battery = sheet(
        &q,
        &[
            "P.offer=goods",
            "P.dual_use=no",
            "P.goods=batteries",
            "P.markets=eu",
            "P.battery_kind=ev",
        ],
    );
    let trade = Trade::from_answers(&c, &q, &battery);
    // The labels' date depends on an implementing act (Reg. (EU) 2023/1542 Art. 13): to check,
    // announced before it, "since" on and after it, never on the timeline.
    for (on, expected) in [
        ("2026-01-01", Timeline::CheckDate(date("2026-08-18"))),
        ("2026-08-17", Timeline::CheckDate(date("2026-08-18"))),
        ("2026-08-18", Timeline::CheckSince(date("2026-08-18"))),
        ("2030-01-01", Timeline::CheckSince(date("2026-08-18"))),
    ] {
        let found = obligations(&c, &q, &trade, &battery, date(on));
        let labels = found
            .iter()
            .find(|f| f.obligation.as_str() == "eu_battery_labels")
            .unwrap();
        assert_eq!(labels.timeline, expected, "{on}");
        let group = assessment::obligations::group_of(&labels.status, labels.timeline);
        assert_eq!(group, Some(assessment::Group::ToCheck), "{on}");
    }
    for o in &c.doc().obligations {
        if o.confidence == assessment::Confidence::M {
            assert!(o.check_with.is_some(), "{} is M without check_with", o.id);
        }
    }
}

/// Why: the goods and markets that brought an entry in.
#[test]
fn a_finding_names_the_goods_and_markets_it_is_for() {
    let q = builtin();
    let c = catalogue(&q);
    let s = sheet(
        &q,
        &[
            "P.offer=goods",
            "P.dual_use=no",
            "P.goods=aluminium,wood_furniture",
            "P.markets=eu,us,asean",
            "P.cbam_tonnage=over50",
        ],
    );
    let mut trade = Trade::from_answers(&c, &q, &s);
    trade.add_code(HsCode::from_input("7616.99").unwrap());
    let found = obligations(&c, &q, &trade, &s, date(TODAY));
    let cbam = found
        .iter()
        .find(|f| f.obligation.as_str() == "eu_cbam")
        .unwrap();
    assert_eq!(
        cbam.goods,
        vec![
            Goods::Option("aluminium".into()),
            Goods::Code(HsCode::from_input("761699").unwrap())
        ]
    );
    assert_eq!(cbam.markets, vec![OptionId::from("eu")]);
    let dual = found
        .iter()
        .find(|f| f.obligation.as_str() == "cn_dual_use")
        .unwrap();
    assert_eq!(
        dual.status,
        Status::DoesNotApply {
            reason: NotApplying::Goods
        }
    );
    let rcep = found
        .iter()
        .find(|f| f.obligation.as_str() == "rcep_origin")
        .unwrap();
    assert_eq!(rcep.markets, vec![OptionId::from("asean")]);
    assert_eq!(rcep.goods.len(), 3);
}

/// The goods options and the typed codes a condition reads of the goods question, wherever they
/// stand in it: (`answer_in`'s options, its codes).
fn goods_read(condition: &Value) -> (BTreeSet<String>, BTreeSet<String>) {
    let mut options = BTreeSet::new();
    let mut codes = BTreeSet::new();
    let mut stack = vec![condition];
    while let Some(c) = stack.pop() {
        match c {
            Value::Array(list) => stack.extend(list),
            Value::Object(map) => {
                if let Some(rule) = map.get("answer_in").filter(|r| r["question"] == "P.goods") {
                    for (field, into) in [("options", &mut options), ("codes", &mut codes)] {
                        into.extend(
                            rule[field]
                                .as_array()
                                .into_iter()
                                .flatten()
                                .map(|o| o.as_str().unwrap().to_owned()),
                        );
                    }
                }
                stack.extend(map.values());
            }
            _ => {}
        }
    }
    (options, codes)
}

/// The goods options whose codes bring `entry` in.
fn options_covered(q: &Questionnaire, c: &Catalogue, entry: &str) -> BTreeSet<String> {
    c.doc()
        .goods
        .iter()
        .filter(|g| {
            let s = sheet(
                q,
                &[
                    "P.offer=goods",
                    "P.dual_use=no",
                    &format!("P.goods={}", g.option),
                    "P.markets=eu,us",
                ],
            );
            let trade = Trade::from_answers(c, q, &s);
            let f = obligations(c, q, &trade, &s, date(TODAY))
                .into_iter()
                .find(|f| f.obligation.as_str() == entry)
                .unwrap();
            !f.goods.is_empty()
        })
        .map(|g| g.option.to_string())
        .collect()
}

/// The codes an entry's trigger names (its exceptions only narrow them).
fn trigger_codes(c: &Catalogue, entry: &str) -> BTreeSet<String> {
    let o = c.obligation(&entry.into()).unwrap();
    o.trigger.codes.iter().map(|c| c.to_string()).collect()
}

/// One source of truth: each follow-up question is asked for exactly the goods options whose
/// codes bring in the entry that reads it, and for exactly the typed codes under that entry's
/// trigger (the questionnaire holds the codes, because the first load has no catalogue; this
/// keeps the two equal).
#[test]
fn follow_up_questions_are_asked_for_exactly_the_goods_their_entries_cover() {
    let q = builtin();
    let c = catalogue(&q);
    for (entry, question) in [
        ("eu_cbam", "P.cbam_tonnage"),
        ("eu_eudr", "P.eudr_operator"),
        ("eu_batteries", "P.battery_kind"),
        ("us_uflpa", "P.xinjiang"),
        ("eu_battery_built_in", "P.built_in_battery"),
    ] {
        // The goods the 2026 amendment may have removed still ask the operator's size: the
        // rule as it stood before it reads it.
        let also: &[&str] = if entry == "eu_eudr" {
            &["eu_eudr_removed"]
        } else {
            &[]
        };
        let asked_for = q
            .question(&question.into())
            .unwrap()
            .applies_when()
            .unwrap();
        let (listed, codes) = goods_read(&serde_json::to_value(asked_for).unwrap());
        let mut covered = options_covered(&q, &c, entry);
        let mut theirs = trigger_codes(&c, entry);
        for other in also {
            covered.extend(options_covered(&q, &c, other));
            theirs.extend(trigger_codes(&c, other));
        }
        assert_eq!(covered, listed, "{question} against {entry}");
        assert_eq!(theirs, codes, "{question}'s codes against {entry}");
        // Every entry that reads the answer, and names goods, is brought in only by codes that
        // ask it.
        for o in &c.doc().obligations {
            let reads = o.trigger.when.as_ref().is_some_and(|w| {
                serde_json::to_string(w)
                    .unwrap()
                    .contains(&format!("\"{question}\""))
            });
            if reads && !o.trigger.codes.is_empty() {
                let theirs = trigger_codes(&c, o.id.as_str());
                assert!(
                    theirs
                        .iter()
                        .all(|t| codes.iter().any(|c| t.starts_with(c.as_str()))),
                    "{} reads {question}",
                    o.id
                );
            }
        }
    }
    // The CBAM item: electricity and hydrogen (no tonnage threshold) by option or by code, in its
    // applicability and its critical gap alike.
    let (_, r5) = q.item(&"R5".into()).unwrap();
    let entry = "eu_cbam_electricity_hydrogen";
    for rule in [
        r5.applies_when.as_ref().unwrap(),
        &r5.critical.as_ref().unwrap().when,
    ] {
        let (options, codes) = goods_read(&serde_json::to_value(rule).unwrap());
        assert_eq!(
            options_covered(&q, &c, entry),
            options,
            "R5 against {entry}"
        );
        assert_eq!(
            trigger_codes(&c, entry),
            codes,
            "R5's codes against {entry}"
        );
    }
}

#[test]
fn hs_codes_are_checked() {
    assert_eq!(
        HsCode::from_input(" 7318 15 90 ").unwrap().as_str(),
        "73181590"
    );
    assert_eq!(HsCode::from_input("7318.15").unwrap().as_str(), "731815");
    for bad in ["", "7", "731", "73a8", "73181590123", "７３１８", "7318-15"] {
        assert!(HsCode::from_input(bad).is_err(), "{bad:?} was taken");
    }
}

/// A small catalogue to break, for the problem tests.
fn small() -> Value {
    let t = |s: &str| json!({"zh-CN": format!("{s}（中）"), "en": s});
    json!({
        "format": "exporter-assessment/obligations@1",
        "version": "1.0.0",
        "questionnaire": "digital-trade",
        "rules_as_of": "2026-11-25",
        "languages": ["zh-CN", "en"],
        "title": t("Your markets and goods"),
        "disclaimer": t("Guidance"),
        "goods_question": "P.goods",
        "markets_question": "P.markets",
        "goods": builtin().question(&"P.goods".into()).unwrap().options().iter()
            .map(|(o, _)| json!({"option": o, "codes": ["72"]})).collect::<Vec<_>>(),
        "obligations": [{
            "id": "x",
            "regime": t("X"),
            "title": t("X"),
            "trigger": {"codes": ["72"], "markets": ["eu"],
                "when": {"answer_in": {"question": "P.cbam_tonnage", "options": ["over50"]}}},
            "prepare": t("prepare"),
            "from": {"date": "2026-01-01", "confidence": "C"},
            "until": {"date": "2027-01-01", "confidence": "C"},
            "basis": t("Reg. 1, Art. 2"),
            "source": "https://eur-lex.europa.eu/",
            "confidence": "C",
            "checked": "2026-11-25"
        }]
    })
}

fn problems_of(doc: Value) -> Vec<(Place, String, ProblemKind)> {
    match Catalogue::from_json(&doc.to_string(), &builtin()) {
        Ok(_) => Vec::new(),
        Err(problems) => problems
            .0
            .into_iter()
            .map(|p| (p.place, p.field, p.kind))
            .collect(),
    }
}

#[test]
fn the_small_catalogue_is_valid_and_its_end_date_ends_it() {
    let q = builtin();
    let c = Catalogue::from_json(&small().to_string(), &q).unwrap_or_else(|e| panic!("{e}"));
    let s = sheet(
        &q,
        &[
            "P.offer=goods",
            "P.dual_use=no",
            "P.goods=iron_steel",
            "P.markets=eu",
            "P.cbam_tonnage=over50",
        ],
    );
    let trade = Trade::from_answers(&c, &q, &s);
    let on = |d: &str| obligations(&c, &q, &trade, &s, date(d)).remove(0).status;
    assert_eq!(on("2026-12-31"), Status::Applies);
    assert_eq!(
        on("2027-01-01"),
        Status::DoesNotApply {
            reason: NotApplying::Ended
        }
    );
}

#[test]
fn every_catalogue_problem_is_found_with_its_place() {
    let obligation = |id: &str| Place::Obligation(id.to_owned());
    type Break = Box<dyn Fn(&mut Value)>;
    let cases: Vec<(Break, (Place, &str, ProblemKind))> = vec![
        (
            Box::new(|d| d["questionnaire"] = json!("other")),
            (
                Place::Catalogue,
                "questionnaire",
                ProblemKind::OtherQuestionnaire {
                    expected: "digital-trade".into(),
                    found: "other".into(),
                },
            ),
        ),
        (
            Box::new(|d| d["obligations"][0]["title"]["en"] = json!(" ")),
            (
                obligation("x"),
                "title",
                ProblemKind::MissingTranslation("en".into()),
            ),
        ),
        (
            Box::new(|d| d["obligations"][0]["confidence"] = json!("M")),
            (obligation("x"), "check_with", ProblemKind::CheckWithMissing),
        ),
        (
            Box::new(|d| d["obligations"][0]["from"]["confidence"] = json!("M")),
            (obligation("x"), "check_with", ProblemKind::CheckWithMissing),
        ),
        (
            Box::new(|d| d["obligations"][0]["until"]["date"] = json!("2026-01-01")),
            (obligation("x"), "until", ProblemKind::UntilNotAfterFrom),
        ),
        (
            Box::new(|d| d["obligations"][0]["source"] = json!("http://example.com")),
            (
                obligation("x"),
                "source",
                ProblemKind::NotAUrl("http://example.com".into()),
            ),
        ),
        (
            Box::new(|d| d["obligations"][0]["trigger"]["markets"] = json!(["mars"])),
            (
                obligation("x"),
                "trigger.markets",
                ProblemKind::UnknownOption {
                    question: "P.markets".into(),
                    option: "mars".into(),
                },
            ),
        ),
        (
            Box::new(|d| {
                d["obligations"][0]["trigger"]["when"] = json!({"answer_in": {"question": "P.markets", "options": [], "codes": ["7318"]}})
            }),
            (
                obligation("x"),
                "trigger.when",
                ProblemKind::TakesNoCodes("P.markets".into()),
            ),
        ),
        (
            Box::new(|d| {
                d["obligations"][0]["trigger"]["when"] =
                    json!({"level_at_most": {"item": "R5", "level": 1}})
            }),
            (
                obligation("x"),
                "trigger.when",
                ProblemKind::NotAProfileQuestion("R5".into()),
            ),
        ),
        (
            Box::new(|d| {
                d["obligations"][0]["trigger"]["when"] =
                    json!({"answer_in": {"question": "P.nope", "options": ["a"]}})
            }),
            (
                obligation("x"),
                "trigger.when",
                ProblemKind::UnknownQuestion("P.nope".into()),
            ),
        ),
        (
            Box::new(|d| {
                let copy = d["obligations"][0].clone();
                d["obligations"].as_array_mut().unwrap().push(copy);
            }),
            (obligation("x"), "id", ProblemKind::DuplicateId("x".into())),
        ),
        (
            Box::new(|d| {
                d["goods"].as_array_mut().unwrap().pop();
            }),
            (Place::Goods("none".into()), "codes", ProblemKind::Missing),
        ),
        (
            Box::new(|d| d["markets_question"] = json!("R5")),
            (
                Place::Catalogue,
                "markets_question",
                ProblemKind::NotAProfileQuestion("R5".into()),
            ),
        ),
        (
            Box::new(|d| d["obligations"][0]["prepare"]["en"] = json!("a\u{202E}b")),
            (
                obligation("x"),
                "prepare",
                ProblemKind::ForbiddenCharacter('\u{202E}'),
            ),
        ),
        // In an id or an address, which messages quote, as in a text; the id escaped in its place.
        (
            Box::new(|d| d["obligations"][0]["id"] = json!("x\u{202E}y")),
            (
                obligation("x\\u{202e}y"),
                "id",
                ProblemKind::ForbiddenCharacter('\u{202E}'),
            ),
        ),
        (
            Box::new(|d| d["obligations"][0]["source"] = json!("https://a.example/\u{0007}")),
            (
                obligation("x"),
                "source",
                ProblemKind::ForbiddenCharacter('\u{7}'),
            ),
        ),
    ];
    assert!(problems_of(small()).is_empty());
    for (i, (break_it, (place, field, kind))) in cases.into_iter().enumerate() {
        let mut doc = small();
        break_it(&mut doc);
        let found = problems_of(doc);
        assert!(
            found.contains(&(place.clone(), field.to_owned(), kind.clone())),
            "case {i}: expected {place} {field} {kind:?}, found {found:?}"
        );
    }
}

#[test]
fn a_malformed_code_or_date_is_refused_as_a_format_problem() {
    for (path, bad) in [
        ("code", json!("73a8")),
        ("date", json!("2026-02-30")),
        ("confidence", json!("maybe")),
    ] {
        let mut doc = small();
        match path {
            "code" => doc["obligations"][0]["trigger"]["codes"] = json!([bad]),
            "date" => doc["obligations"][0]["checked"] = bad,
            _ => doc["obligations"][0]["confidence"] = bad,
        }
        let found = problems_of(doc);
        assert!(
            matches!(
                found.as_slice(),
                [(Place::Catalogue, _, ProblemKind::Format(_))]
            ),
            "{path}: {found:?}"
        );
    }
}

#[test]
fn the_shipped_catalogue_covers_the_facts_file() {
    let q = builtin();
    let c = catalogue(&q);
    let ids: BTreeSet<&str> = c.doc().obligations.iter().map(|o| o.id.as_str()).collect();
    for id in [
        "eu_cbam",
        "eu_cbam_de_minimis",
        "eu_eudr",
        "eu_eudr_small",
        "eu_batteries",
        "eu_battery_passport",
        "eu_gpsr",
        "eu_red_cyber",
        "eu_cra_reporting",
        "eu_cra_full",
        "eu_reach",
        "eu_rohs",
        "eu_espr",
        "eu_low_value_parcels",
        "us_uflpa",
        "us_de_minimis",
        "cn_dual_use",
        "rcep_origin",
        "cptpp_status",
    ] {
        assert!(ids.contains(id), "{id} is missing");
    }
    assert_eq!(c.doc().rules_as_of, date("2026-12-07"));
}

/// Random sheets of the shipped questionnaire, on random days.
mod properties {
    use proptest::prelude::*;

    use super::*;
    use crate::properties::{choices, sheet_from};

    /// A day in 2020–2031.
    fn day() -> impl Strategy<Value = Date> {
        (0i64..4383).prop_map(|d| Date::from_days_since_1970(18_262 + d).unwrap())
    }

    fn status_kind(status: &Status) -> &'static str {
        match status {
            Status::Applies => "applies",
            Status::Check => "check",
            Status::MayApply { .. } => "may",
            Status::DoesNotApply { .. } => "no",
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        /// Every entry is found once, in order; only a confirmed entry applies and only an
        /// unconfirmed one is to be checked; the timeline follows the dates as the content
        /// brief says; what may apply names questions the report still lists as missing.
        #[test]
        fn findings_keep_the_rules(choices in choices(&builtin()), on in day()) {
            let q = builtin();
            let c = catalogue(&q);
            let s = sheet_from(&q, &choices);
            let report = assessment::score(&q, &s);
            let trade = Trade::from_answers(&c, &q, &s);
            let found = obligations(&c, &q, &trade, &s, on);
            prop_assert_eq!(found.len(), c.doc().obligations.len());
            for (f, o) in found.iter().zip(&c.doc().obligations) {
                prop_assert_eq!(&f.obligation, &o.id);
                match &f.status {
                    Status::Applies => prop_assert_eq!(o.confidence, assessment::Confidence::C),
                    Status::Check => {
                        let m = |c: assessment::Confidence| c == assessment::Confidence::M;
                        prop_assert!(
                            m(o.confidence)
                                || o.until.is_some_and(|u| m(u.confidence) && u.date <= on)
                                || o.superseded.as_ref().is_some_and(|a| m(a.confidence) && a.date <= on)
                                || o.amended.as_ref().is_some_and(|a| m(a.confidence) && a.date <= on)
                        )
                    }
                    Status::MayApply { answer_needed } => {
                        prop_assert!(!answer_needed.is_empty());
                        for n in answer_needed {
                            if let Needed::Question(id) = n {
                                prop_assert!(report.missing.contains(id), "{} is not missing", id);
                            }
                        }
                    }
                    Status::DoesNotApply { .. } => {}
                }
                let year = on.a_year_later().unwrap();
                match (o.from, f.timeline) {
                    (None, t) => prop_assert_eq!(t, Timeline::InForce),
                    (Some(d), Timeline::CheckDate(t)) => {
                        prop_assert_eq!(d.confidence, assessment::Confidence::M);
                        prop_assert_eq!(d.date, t);
                        prop_assert!(t > on);
                    }
                    (Some(d), Timeline::CheckSince(t)) => {
                        prop_assert_eq!(d.confidence, assessment::Confidence::M);
                        prop_assert_eq!(d.date, t);
                        prop_assert!(t <= on);
                    }
                    (Some(d), t) => {
                        prop_assert_eq!(d.confidence, assessment::Confidence::C);
                        match t {
                            Timeline::InForce => prop_assert!(d.date <= on),
                            Timeline::WithinYear(x) => prop_assert!(x == d.date && on < x && x <= year),
                            Timeline::Later(x) => prop_assert!(x == d.date && x > year),
                            Timeline::CheckDate(_) | Timeline::CheckSince(_) => unreachable!(),
                        }
                    }
                }
            }
        }

        /// More answers never reverse what is known: an entry that applies (or is to be
        /// checked, or does not apply) on fewer answers still does with more.
        #[test]
        fn more_answers_only_settle_what_was_open(
            choices in choices(&builtin()),
            keep in proptest::collection::vec(proptest::bool::ANY, 60),
            on in day(),
        ) {
            let q = builtin();
            let c = catalogue(&q);
            let full = sheet_from(&q, &choices);
            let mut fewer = full.clone();
            for ((id, _), keep) in full.answers.iter().zip(keep.iter().cycle()) {
                if !keep {
                    fewer.answers.remove(id);
                }
            }
            let run = |s: &AnswerSheet| {
                let trade = Trade::from_answers(&c, &q, s);
                obligations(&c, &q, &trade, s, on)
            };
            for (before, after) in run(&fewer).iter().zip(run(&full).iter()) {
                let was = status_kind(&before.status);
                if was != "may" {
                    prop_assert_eq!(was, status_kind(&after.status), "{}", before.obligation);
                }
            }
        }
    }
}

/// The page the web app's worker hands over: every entry that applies or may apply, in the
/// view's order, and back from its rows unchanged; anything else is not a page.
#[test]
fn the_report_page_goes_through_its_rows_unchanged() {
    use assessment::obligations::{page, view, Page};
    let q = builtin();
    let c = catalogue(&q);
    let s = sheet(
        &q,
        &["P.offer=goods", "P.goods=iron_steel", "P.markets=eu,us"],
    );
    let trade = Trade::from_answers(&c, &q, &s);
    let findings = obligations(&c, &q, &trade, &s, date("2026-11-26"));
    for lang in ["zh-CN", "en"] {
        let lang = assessment::LangTag::from(lang);
        let p = page(&c, &q, &findings, &lang, date("2026-11-26"));
        let views = view(&c, &q, &findings, &lang);
        assert!(!p.entries.is_empty());
        assert_eq!(
            p.entries
                .iter()
                .map(|e| e.obligation.as_str())
                .collect::<Vec<_>>(),
            views
                .iter()
                .map(|v| v.finding.obligation.as_str())
                .collect::<Vec<_>>()
        );
        assert_eq!(Page::from_rows(&p.to_rows()), Some(p.clone()));
        let mut rows = p.to_rows();
        rows[1][2] = "someday".into();
        assert_eq!(Page::from_rows(&rows), None, "an unknown group");
        assert_eq!(Page::from_rows(&p.to_rows()[1..]), None, "no head row");
    }
}
