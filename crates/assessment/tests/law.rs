//! The law as it stands on the assessment's date: each case checks one fact of the catalogue or
//! the questionnaire against the article that decides it, and the catalogue's currency. Read
//! against the primary texts on 2026-12-07 (`docs/obligations-format.md`, "Updating the
//! catalogue"); a fact not read in an official text is `M` and is only ever "check this".

use std::collections::BTreeSet;

use assessment::obligations::{page, unconfirmed_deciding, Currency};
use assessment::{obligations, Answer, Catalogue, ExportDecision, Recovered, Trade};
use serde_json::json;

use crate::common::builtin;
use crate::obligations::{catalogue, date, line, typed};

struct Case {
    /// The act and article the case checks.
    cites: &'static str,
    answers: &'static [&'static str],
    codes: &'static [&'static str],
    on: &'static str,
    /// Exactly these lines among the entries named in `about` (the others are other tests').
    about: &'static [&'static str],
    expect: &'static [&'static str],
}

const EU_B2B: &[&str] = &[
    "P.offer=goods",
    "P.markets=eu",
    "P.eu_individuals=no",
    "P.channels=offline_b2b",
];

const CASES: &[Case] = &[
    // EUDR scope.
    Case {
        cites: "Reg. (EU) 2023/1115 Annex I (cattle: 4101, 4104, 4107) before the 2026 delegated act",
        answers: &["P.eudr_operator=medium_large"],
        codes: &["4107"],
        on: "2026-09-01",
        about: &["eu_eudr", "eu_eudr_removed"],
        expect: &["eu_eudr_removed applies within:2026-12-30"],
    },
    Case {
        cites: "Del. Reg. (EU) 2026/2102 removing leather from Annex I, from 18 Sep 2026: not read in the OJ, so M: check",
        answers: &["P.eudr_operator=medium_large"],
        codes: &["4107"],
        on: "2026-12-07",
        about: &["eu_eudr", "eu_eudr_removed"],
        expect: &["eu_eudr_removed check within:2026-12-30"],
    },
    Case {
        cites: "Reg. (EU) 2023/1115 Annex I, oil palm (1511 palm oil)",
        answers: &["P.eudr_operator=medium_large"],
        codes: &["151110"],
        on: "2026-12-07",
        about: &["eu_eudr"],
        expect: &["eu_eudr applies within:2026-12-30"],
    },
    Case {
        cites: "Reg. (EU) 2023/1115 Annex I, cattle (0201 beef)",
        answers: &["P.eudr_operator=medium_large"],
        codes: &["0201"],
        on: "2026-12-07",
        about: &["eu_eudr"],
        expect: &["eu_eudr applies within:2026-12-30"],
    },
    Case {
        cites: "Del. Reg. (EU) 2026/2102 adding soluble coffee 2101 11 from 30 Dec 2027: M, check",
        answers: &[],
        codes: &["210111"],
        on: "2026-12-07",
        about: &["eu_eudr", "eu_eudr_added"],
        expect: &["eu_eudr_added check check:2027-12-30"],
    },
    Case {
        cites: "an amendment applies only from its date: soluble coffee before 18 Sep 2026",
        answers: &[],
        codes: &["210111"],
        on: "2026-09-01",
        about: &["eu_eudr", "eu_eudr_added"],
        expect: &[],
    },
    // Art. 38(3): only the EU Timber Regulation's annex loses the later date.
    Case {
        cites: "Reg. (EU) 2023/1115 Art. 38(3): wooden seats 9401 keep 30 Jun 2027 for micro and small",
        answers: &["P.eudr_operator=micro_small"],
        codes: &["940161"],
        on: "2026-12-07",
        about: &["eu_eudr_small", "eu_eudr_timber_small"],
        expect: &["eu_eudr_small applies within:2027-06-30"],
    },
    Case {
        cites: "Reg. (EU) 2023/1115 Art. 38(3): 4421 is not in the Annex of Reg. (EU) No 995/2010",
        answers: &["P.eudr_operator=micro_small"],
        codes: &["4421"],
        on: "2026-12-07",
        about: &["eu_eudr_small", "eu_eudr_timber_small"],
        expect: &["eu_eudr_small applies within:2027-06-30"],
    },
    Case {
        cites: "Reg. (EU) 2023/1115 Art. 38(3): sawn wood 4407 is in the Annex of Reg. (EU) No 995/2010",
        answers: &["P.eudr_operator=micro_small"],
        codes: &["4407"],
        on: "2026-12-07",
        about: &["eu_eudr_small", "eu_eudr_timber_small"],
        expect: &["eu_eudr_timber_small applies within:2026-12-30"],
    },
    // Batteries.
    Case {
        cites: "Reg. (EU) 2023/1542 Art. 77(1): passport from 18 Feb 2027 (C)",
        answers: &["P.battery_kind=lmt"],
        codes: &["850760"],
        on: "2026-12-07",
        about: &["eu_battery_passport"],
        expect: &["eu_battery_passport applies within:2027-02-18"],
    },
    Case {
        cites: "Reg. (EU) 2023/1542 Arts. 17-20, 96 (CE from 18 Aug 2024), 55 (registration from 18 Aug 2025), 13 (labels: implementing act, M)",
        answers: &["P.battery_kind=portable"],
        codes: &["8507"],
        on: "2026-12-07",
        about: &["eu_batteries", "eu_battery_registration", "eu_battery_labels"],
        expect: &[
            "eu_batteries applies in_force",
            "eu_battery_registration applies in_force",
            "eu_battery_labels applies since:2026-08-18",
        ],
    },
    Case {
        cites: "Reg. (EU) 2023/1542 Art. 1 (batteries incorporated into products) and Art. 11 (removable from 18 Feb 2027)",
        answers: &["P.built_in_battery=yes"],
        codes: &["851822"],
        on: "2026-12-07",
        about: &["eu_battery_built_in", "eu_battery_removability"],
        expect: &[
            "eu_battery_built_in applies in_force",
            "eu_battery_removability applies within:2027-02-18",
        ],
    },
    // CBAM.
    Case {
        cites: "Reg. (EU) 2023/956 Art. 20(1): certificates sold from 1 Feb 2027",
        answers: &["P.cbam_tonnage=over50"],
        codes: &["731815"],
        on: "2026-12-07",
        about: &["eu_cbam", "eu_cbam_certificates", "eu_cbam_de_minimis"],
        expect: &[
            "eu_cbam applies in_force",
            "eu_cbam_certificates applies within:2027-02-01",
        ],
    },
    // ESPR Art. 25; RoHS and REACH confirmed.
    Case {
        cites: "Reg. (EU) 2024/1781 Art. 25 and Annex VII: destruction ban from 19 Jul 2026",
        answers: &[],
        codes: &["6109"],
        on: "2026-12-07",
        about: &["eu_espr_destruction", "eu_reach"],
        expect: &[
            "eu_espr_destruction applies in_force",
            "eu_reach applies in_force",
        ],
    },
    Case {
        cites: "Dir. 2011/65/EU Art. 4 (RoHS) for electrical equipment",
        answers: &[],
        codes: &["8516"],
        on: "2026-12-07",
        about: &["eu_rohs"],
        expect: &["eu_rohs applies in_force"],
    },
    // Export control: the unified list is far wider than minerals, and whether goods are on
    // it turns on technical parameters: the firm's answer decides, "not sure" is "check this".
    Case {
        cites: "Regulations on the Export Control of Dual-use Items Art. 14 (licence for listed items), Export Control Law Art. 12: goods on the list",
        answers: &["P.dual_use=yes"],
        codes: &["6109"],
        on: "2026-12-07",
        about: &["cn_dual_use", "cn_dual_use_listed", "cn_dual_use_other"],
        expect: &["cn_dual_use_listed applies in_force"],
    },
    Case {
        cites: "Regulations on the Export Control of Dual-use Items Art. 50: in force from 1 Dec 2024, not before",
        answers: &["P.dual_use=yes"],
        codes: &["6109"],
        on: "2024-11-30",
        about: &["cn_dual_use_listed"],
        expect: &["cn_dual_use_listed applies within:2024-12-01"],
    },
    Case {
        cites: "Regulations on the Export Control of Dual-use Items Art. 14(4): not sure whether machine tools are listed: check",
        answers: &["P.dual_use=unsure"],
        codes: &["845811"],
        on: "2026-12-07",
        about: &["cn_dual_use", "cn_dual_use_listed", "cn_dual_use_other", "cn_2025_measures"],
        expect: &["cn_dual_use_other check in_force"],
    },
    Case {
        cites: "Regulations on the Export Control of Dual-use Items Art. 14: goods checked against the list and not on it",
        answers: &["P.dual_use=no"],
        codes: &["845811"],
        on: "2026-12-07",
        about: &["cn_dual_use", "cn_dual_use_listed", "cn_dual_use_other"],
        expect: &[],
    },
    Case {
        cites: "MOFCOM 2024 No. 51: rare earths are on the list by their code, whatever the answer",
        answers: &["P.dual_use=no"],
        codes: &["2846"],
        on: "2026-12-07",
        about: &["cn_dual_use", "cn_dual_use_listed", "cn_dual_use_other"],
        expect: &["cn_dual_use applies in_force"],
    },
    Case {
        cites: "Regulations on the Export Control of Dual-use Items Art. 14: not answered yet, the question tells",
        answers: &[],
        codes: &["845811"],
        on: "2026-12-07",
        about: &["cn_dual_use_listed", "cn_dual_use_other"],
        expect: &[
            "cn_dual_use_listed may(P.dual_use) in_force",
            "cn_dual_use_other may(P.dual_use) in_force",
        ],
    },
    Case {
        cites: "MOFCOM 2025 Nos. 70 and 72: both suspensions ended before the assessment's date: M, check",
        answers: &[],
        codes: &["850760"],
        on: "2026-12-07",
        about: &["cn_2025_measures"],
        expect: &["cn_2025_measures check in_force"],
    },
    // An answer that decides an entry is used, though the code is too broad to tell.
    Case {
        cites: "Reg. (EU) 2023/956 Art. 2a: a buyer above 50 t is not exempt",
        answers: &["P.cbam_tonnage=over50"],
        codes: &["73"],
        on: "2026-12-07",
        about: &["eu_cbam", "eu_cbam_de_minimis"],
        expect: &["eu_cbam may(code:73) in_force"],
    },
    Case {
        cites: "Reg. (EU) 2023/956 Art. 2a and Annex VII point 1: every buyer at or below 50 t",
        answers: &["P.cbam_tonnage=all_under50"],
        codes: &["73"],
        on: "2026-12-07",
        about: &["eu_cbam", "eu_cbam_de_minimis"],
        expect: &["eu_cbam_de_minimis may(code:73) in_force"],
    },
    // An unconfirmed date already passed is "since", still to check, never a future date.
    Case {
        cites: "EU low-value parcels: Council Reg. (EU) 2026/382 (OJ 18.2.2026) read; the EUR 3 duty's dates in Del. Reg. (EU) 2026/1022 not read: M",
        answers: &["P.channels=own_site", "P.parcels=yes"],
        codes: &["6109"],
        on: "2026-12-07",
        about: &["eu_low_value_parcels"],
        expect: &["eu_low_value_parcels check since:2026-07-01"],
    },
];

#[test]
fn each_fact_on_the_assessment_date_by_its_article() {
    let q = builtin();
    let c = catalogue(&q);
    let mut failures = Vec::new();
    for case in CASES {
        let mut given: Vec<&str> = EU_B2B.to_vec();
        for a in case.answers {
            let key = a.split('=').next().unwrap();
            given.retain(|g| !g.starts_with(&format!("{key}=")));
            given.push(a);
        }
        let sheet = typed(&q, &given, case.codes);
        let trade = Trade::from_answers(&c, &q, &sheet);
        let got: BTreeSet<String> = obligations(&c, &q, &trade, &sheet, date(case.on))
            .iter()
            .filter(|f| case.about.contains(&f.obligation.as_str()))
            .filter_map(line)
            .collect();
        let expected: BTreeSet<String> = case.expect.iter().map(|s| (*s).to_owned()).collect();
        if got != expected {
            failures.push(format!(
                "{} (on {}):\n  expected {expected:?}\n  got      {got:?}",
                case.cites, case.on
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The legal basis each entry cites, by the article that sets the rule.
#[test]
fn each_entry_cites_the_article_that_sets_it() {
    let q = builtin();
    let c = catalogue(&q);
    let cases: &[(&str, &[&str])] = &[
        (
            "eu_cbam_de_minimis",
            &["Art. 2a", "Annex VII point 1", "2025/2083"],
        ),
        ("eu_cbam_certificates", &["Art. 20(1)"]),
        ("eu_cbam", &["Art", "7", "8", "Annex", "II"]),
        ("eu_red_cyber", &["2023/2444"]),
        ("eu_espr_destruction", &["Art. 25"]),
        ("eu_battery_passport", &["Art. 77(1)"]),
        ("eu_battery_removability", &["Art. 11"]),
        ("eu_battery_built_in", &["Arts. 1"]),
        ("eu_eudr_small", &["Arts. 4a and 38(3)"]),
        ("eu_eudr_timber_small", &["Art. 38(3)", "995/2010"]),
        ("cn_2025_measures", &["70 and 72", "2024 No. 46"]),
        (
            "cn_dual_use_listed",
            &["Art. 12", "Arts. 14, 15, 21, 24 and 27"],
        ),
        ("cn_dual_use", &["Arts. 14, 15"]),
        (
            "eu_low_value_parcels",
            &["2026/382", "18.2.2026", "2026/1022", "not yet read"],
        ),
    ];
    let en = "en".into();
    for (id, parts) in cases {
        let o = c
            .obligation(&(*id).into())
            .unwrap_or_else(|| panic!("no {id}"));
        let basis = o.basis.get(&en);
        for part in *parts {
            assert!(basis.contains(part), "{id}: {basis:?} lacks {part:?}");
        }
        assert!(
            o.source.starts_with("https://eur-lex.europa.eu/")
                || o.source.starts_with("https://www.mofcom.gov.cn/"),
            "{id}: {} is not the official text",
            o.source
        );
    }
    // Only direct emissions count for iron, steel and aluminium (Reg. (EU) 2023/956 Art. 7(1),
    // Annex II): no text says "direct and indirect" for all goods.
    let (_, r5) = q.item(&"R5".into()).unwrap();
    let help = r5.help.as_ref().unwrap().get(&en);
    assert!(
        help.contains("direct emissions only for iron, steel and aluminium"),
        "{help}"
    );
    let cbam = c.obligation(&"eu_cbam".into()).unwrap().prepare.get(&en);
    assert!(cbam.contains("only direct emissions count"), "{cbam}");
}

/// China's data-export path as the 2026 rules have it (Order No. 20; Decree No. 790; PIPL
/// Arts. 39 and 55 for every transfer).
#[test]
fn the_data_export_path_names_the_2026_certification_and_what_an_exemption_keeps() {
    let q = builtin();
    let text = |id: &str| {
        let o = q
            .doc()
            .export_path
            .outcomes
            .iter()
            .find(|o| o.id.as_str() == id)
            .unwrap();
        let zh = "zh-CN".into();
        let mut all = o.basis.get(&zh).to_owned();
        for d in &o.duties {
            all.push_str(d.get(&zh));
        }
        all
    };
    let contract = text("standard_contract");
    for part in [
        "个人信息出境认证",
        "第 20 号",
        "专业认证机构",
        "不需要向网信部门备案",
        "不得拆分数量",
        "国务院令第 790 号",
    ] {
        assert!(contract.contains(part), "standard_contract lacks {part}");
    }
    let exempt = text("exempt");
    assert!(!exempt.contains("本工具不作判断"), "{exempt}");
    for part in ["第三十九条", "第五十五条", "只免除", "第三十七条"] {
        assert!(exempt.contains(part), "exempt lacks {part}");
    }
    // Decree No. 790 Art. 35 lists the conditions for providing personal information abroad:
    // the assessment, certification, the standard contract (items 1-3), a contract with the
    // individual and cross-border HR management (items 4-5). Read in the Regulations' text on
    // 2026-12-07: it decides each outcome's citation, not its path.
    for id in ["exempt", "standard_contract", "security_assessment"] {
        assert!(
            text(id).contains("第三十五条"),
            "{id} does not cite Decree 790 Art. 35"
        );
    }
}

/// The certification route's help: where the rules (the CAC's page of Order No. 20) and the
/// certification bodies are found, beside the recommendation that offers it.
#[test]
fn the_certification_route_says_where_its_rules_and_bodies_are() {
    let q = builtin();
    let doc = q.doc();
    let source = doc
        .help_sources
        .iter()
        .find(|h| h.id.as_str() == "pi_export_certification")
        .expect("a help source for the certification");
    for lang in ["zh-CN", "en"] {
        let offers = source.offers.get(&lang.into());
        assert!(
            offers.contains("https://www.cac.gov.cn/2025-10/17/c_1762449728720008.htm"),
            "{lang}: {offers}"
        );
    }
    let (_, r2) = q.item(&"R2".into()).unwrap();
    let offers_it = r2
        .recommendations
        .iter()
        .find(|r| r.text.get(&"zh-CN".into()).contains("个人信息出境认证"))
        .expect("R2 names the certification as Order No. 20 does");
    assert!(offers_it
        .help_from
        .iter()
        .any(|h| h.as_str() == "pi_export_certification"));
}

/// A 1.0.0 answers file, carried over: the answers that decide the data-export path keep it
/// (2024 Provisions Art. 2: data never notified as important need not be declared as such), one
/// file per outcome.
#[test]
fn answers_of_1_0_0_keep_their_data_export_path() {
    let q = builtin();
    let base = json!({
        "P.offer": "goods", "P.markets": ["eu", "us"], "P.consumers": "yes",
        "P.data.important": "no", "P.data.ciio": "no", "P.zone": "none"
    });
    let cases = [
        (json!({"P.data.sends_pi": "no"}), "exempt"),
        (
            json!({"P.data.sends_pi": "yes", "P.data.purpose": ["other"], "P.data.volume": "from100k", "P.data.sensitive": "none"}),
            "standard_contract",
        ),
        (
            json!({"P.data.sends_pi": "yes", "P.data.purpose": ["other"], "P.data.volume": "from1m", "P.data.sensitive": "none"}),
            "security_assessment",
        ),
        (json!({"P.data.sends_pi": "unsure"}), "find_out"),
    ];
    for (extra, outcome) in cases {
        let mut answers = base.clone();
        answers
            .as_object_mut()
            .unwrap()
            .extend(extra.as_object().unwrap().clone());
        let file = json!({"format": "exporter-assessment/answers@1",
            "questionnaire": {"id": "digital-trade", "version": "1.0.0"},
            "answers": answers})
        .to_string();
        let (sheet, carried) = Recovered::read(&file, &q).usable().unwrap();
        let carried = carried.expect("a 1.0.0 file is carried over");
        assert_eq!(
            sheet.get(&"P.data.important_abroad".into()),
            Some(&Answer::One("no".into())),
            "{outcome}"
        );
        assert_eq!(
            sheet.get(&"P.eu_individuals".into()),
            Some(&Answer::One("yes".into())),
            "{outcome}: P.consumers, selling to the EU"
        );
        let listed: Vec<String> = carried.dropped.iter().map(|d| d.to_string()).collect();
        assert!(
            !listed
                .iter()
                .any(|d| d.contains("P.consumers") || d.contains("P.data.important\"")),
            "{outcome}: carried answers are not listed as lost: {listed:?}"
        );
        let report = assessment::score(&q, &sheet);
        match &report.export_path {
            ExportDecision::Decided { outcome: got, .. } => {
                assert_eq!(got.as_str(), outcome)
            }
            other => panic!("{outcome}: {other:?}"),
        }
    }
    // Not carried: an important-data "yes" (holding is not sending) and consumers outside the EU.
    let file = json!({"format": "exporter-assessment/answers@1",
        "questionnaire": {"id": "digital-trade", "version": "1.0.0"},
        "answers": {"P.markets": ["us"], "P.consumers": "yes", "P.data.important": "yes"}})
    .to_string();
    let (sheet, _) = Recovered::read(&file, &q).usable().unwrap();
    assert_eq!(sheet.get(&"P.data.important_abroad".into()), None);
    assert_eq!(sheet.get(&"P.eu_individuals".into()), None);
}

/// The catalogue's currency: more than six months after "rules as of", the report says the rules
/// may have changed and where to check, in both languages; and no unconfirmed fact decides a
/// group on any of the catalogue's dates.
#[test]
fn the_catalogue_says_how_current_it_is() {
    let q = builtin();
    let c = catalogue(&q);
    let as_of = c.doc().rules_as_of;
    assert_eq!(as_of, date("2026-12-07"));
    for (on, stale) in [
        ("2026-12-07", false),
        ("2027-06-07", false),
        ("2027-06-08", true),
        ("2027-07-07", true),
    ] {
        assert_eq!(Currency::of(&c, date(on)).stale, stale, "{on}");
    }
    let sheet = typed(&q, EU_B2B, &["7318"]);
    let trade = Trade::from_answers(&c, &q, &sheet);
    let on = date("2027-07-07");
    let findings = obligations(&c, &q, &trade, &sheet, on);
    for (lang, words) in [
        (
            "en",
            ["Rules as of 2026-12-07", "may have changed", "EUR-Lex"],
        ),
        ("zh-CN", ["规则截至 2026-12-07", "可能已经改变", "EUR-Lex"]),
    ] {
        let p = page(&c, &q, &findings, &lang.into(), on);
        assert!(p.currency.contains(words[0]), "{lang}: {}", p.currency);
        let stale = p.stale.clone().expect("stale after seven months");
        for w in &words[1..] {
            assert!(stale.contains(w), "{lang}: {stale}");
        }
        assert!(
            stale.contains("2027-07-07"),
            "the assessment's date: {stale}"
        );
        // The folded section's summary line says it too, in a few words.
        let note = p.stale_note(&lang.into()).expect("a note while stale");
        assert!(
            note.contains(words[1]) && note.contains("2026-12-07"),
            "{note}"
        );
        assert_eq!(
            assessment::obligations::Page::from_rows(&p.to_rows()),
            Some(p)
        );
        let fresh = page(&c, &q, &findings, &lang.into(), as_of);
        assert_eq!(fresh.stale, None);
        assert_eq!(fresh.stale_note(&lang.into()), None);
    }
    assert_eq!(unconfirmed_deciding(&c), Vec::new());
    // An association's own catalogue names where to check.
    let mut doc = c.doc().clone();
    doc.where_to_check = Some(
        serde_json::from_value(
            json!({"zh-CN": "或问本协会秘书处", "en": "or ask our secretariat"}),
        )
        .unwrap(),
    );
    let own = Catalogue::new(doc, &q).unwrap();
    let w = Currency::of(&own, on).warning(&own, &"en".into()).unwrap();
    assert!(w.contains("or ask our secretariat"), "{w}");
}

/// Months count to the month's last day.
#[test]
fn six_months_later_keeps_the_day_or_ends_the_month() {
    for (from, to) in [
        ("2026-11-25", "2027-05-25"),
        ("2026-08-31", "2027-02-28"),
        ("2027-08-31", "2028-02-29"),
        ("2026-07-07", "2027-01-07"),
    ] {
        assert_eq!(date(from).months_later(6), Some(date(to)), "{from}");
    }
}
