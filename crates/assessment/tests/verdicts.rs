//! Verdicts an expert would sign: the shipped questionnaire's compliance rules, the
//! scope of CBAM, what fits which firm, and its words, each as a table of cases. Every case starts
//! from one ordinary firm (`BASE`) and changes only what the rule looks at.

use assessment::{score, Applicability, Report, Standing};

use crate::common::{builtin, sheet};

/// An electronics maker in the east, exporting goods B2B to the EU and the US, sending no personal
/// information abroad: every rule is decided.
const BASE: &[(&str, &str)] = &[
    ("P.region", "east"),
    ("P.zone", "none"),
    ("P.sector", "electronics"),
    ("P.offer", "goods"),
    ("P.employees", "e20_99"),
    ("P.revenue", "r5m_20m"),
    ("P.above_size", "no"),
    ("P.export_share", "s30_60"),
    ("P.markets", "eu,us"),
    ("P.channels", "offline_b2b"),
    ("P.eu_individuals", "no"),
    ("P.goods", "none"),
    ("P.xinjiang", "no"),
    ("P.dual_use", "no"),
    ("P.data.sends_pi", "no"),
    ("P.data.important_abroad", "no"),
    ("P.data.ciio", "no"),
];

/// `BASE` with `changes` applied: a pair replaces the answer to its question (or adds it), and an
/// empty answer removes it.
fn firm(changes: &[(&'static str, &'static str)]) -> Report {
    let q = builtin();
    let mut answers: Vec<(&str, &str)> = BASE.to_vec();
    for (question, answer) in changes {
        answers.retain(|(q, _)| q != question);
        if !answer.is_empty() {
            answers.push((question, answer));
        }
    }
    score(&q, &sheet(&q, &answers))
}

fn critical(r: &Report, item: &str) -> bool {
    r.critical_gaps.iter().any(|g| g.item.as_str() == item)
}

fn applies(r: &Report, item: &str) -> bool {
    r.item(&item.into()).expect("item").applicability == Applicability::Applies
}

/// The English texts of the recommendations the report gives for `item`.
fn advice(r: &Report, item: &str) -> Vec<String> {
    r.recommendations
        .iter()
        .filter(|x| x.item.as_str() == item)
        .map(|x| x.text.get(&"en".into()).to_owned())
        .collect()
}

fn fail_if_any(failures: Vec<String>) {
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

/// Profiles that put a firm on each data-export path.
const STANDARD_CONTRACT: &[(&str, &str)] = &[
    ("P.data.sends_pi", "yes"),
    ("P.data.purpose", "other"),
    ("P.data.volume", "from100k"),
    ("P.data.sensitive", "none"),
];
const SECURITY_ASSESSMENT: &[(&str, &str)] = &[
    ("P.data.sends_pi", "yes"),
    ("P.data.purpose", "other"),
    ("P.data.volume", "from1m"),
    ("P.data.sensitive", "none"),
];
const EXEMPT: &[(&str, &str)] = &[
    ("P.data.sends_pi", "yes"),
    ("P.data.purpose", "other"),
    ("P.data.volume", "lt100k"),
    ("P.data.sensitive", "none"),
];
const FIND_OUT: &[(&str, &str)] = &[("P.data.sends_pi", "unsure")];

fn with(path: &[(&'static str, &'static str)], more: &[(&'static str, &'static str)]) -> Report {
    let all: Vec<_> = path.iter().chain(more).copied().collect();
    firm(&all)
}

/// Any firm whose path needs a procedure and has not completed it (R2 at 0, 1 or 2) has a
/// critical gap; the option at level 2 says the procedure is not done yet.
#[test]
fn r2_critical_gap_by_path_and_level() {
    let mut failures = Vec::new();
    for (path_name, path, procedure) in [
        ("standard contract", STANDARD_CONTRACT, true),
        ("security assessment", SECURITY_ASSESSMENT, true),
        ("exempt", EXEMPT, false),
        ("find out", FIND_OUT, false),
    ] {
        for (answer, level) in [
            ("unknown", 0),
            ("aware", 1),
            ("consent", 2),
            ("done", 3),
            ("reviewed", 4),
        ] {
            let r = with(path, &[("R2", answer)]);
            let expect = procedure && level <= 2;
            if critical(&r, "R2") != expect {
                failures.push(format!(
                    "{path_name}, R2 at {level}: critical is {}, expected {expect}",
                    !expect
                ));
            }
        }
    }
    fail_if_any(failures);
}

/// Points 2 and 3: the GDPR gap holds for a firm that offers to individuals in the EU and has done
/// nothing (R3 at 0) or only knows the law applies (R3 at 1); never from a channel alone.
#[test]
fn gdpr_applicability_by_individuals_and_eu_market() {
    struct Case {
        markets: &'static str,
        individuals: &'static str,
        channels: &'static str,
        r3: &'static str,
        gap: bool,
    }
    let cases = [
        // Offers to individuals in the EU: Art. 3(2).
        Case {
            markets: "eu",
            individuals: "yes",
            channels: "own_site",
            r3: "nothing",
            gap: true,
        },
        Case {
            markets: "eu",
            individuals: "yes",
            channels: "offline_b2b",
            r3: "aware",
            gap: true,
        },
        Case {
            markets: "eu,us",
            individuals: "yes",
            channels: "cbec_platforms",
            r3: "aware",
            gap: true,
        },
        Case {
            markets: "eu",
            individuals: "yes",
            channels: "own_site",
            r3: "notice",
            gap: false,
        },
        Case {
            markets: "eu",
            individuals: "yes",
            channels: "own_site",
            r3: "mapped",
            gap: false,
        },
        // Businesses only: no gap, whatever the channel.
        Case {
            markets: "eu",
            individuals: "no",
            channels: "own_site",
            r3: "nothing",
            gap: false,
        },
        Case {
            markets: "eu",
            individuals: "no",
            channels: "cbec_platforms,own_site",
            r3: "aware",
            gap: false,
        },
        Case {
            markets: "eu",
            individuals: "no",
            channels: "offline_b2b",
            r3: "nothing",
            gap: false,
        },
        // No EU market: the question is not asked and there is no GDPR gap.
        Case {
            markets: "us",
            individuals: "",
            channels: "own_site,cbec_platforms",
            r3: "nothing",
            gap: false,
        },
        Case {
            markets: "asean,japan_korea",
            individuals: "",
            channels: "cbec_platforms",
            r3: "aware",
            gap: false,
        },
    ];
    let mut failures = Vec::new();
    for c in &cases {
        let r = firm(&[
            ("P.markets", c.markets),
            ("P.eu_individuals", c.individuals),
            ("P.channels", c.channels),
            ("R3", c.r3),
        ]);
        let name = format!(
            "markets {}, individuals {:?}, channels {}, R3 {}",
            c.markets, c.individuals, c.channels, c.r3
        );
        if critical(&r, "R3") != c.gap {
            failures.push(format!(
                "{name}: GDPR gap is {}, expected {}",
                !c.gap, c.gap
            ));
        }
        // The EU-representative advice speaks to firms that offer to individuals in the EU only.
        let eu_rep = advice(&r, "R3")
            .iter()
            .any(|t| t.contains("EU representative"));
        let expect_rep = c.individuals == "yes" && c.r3 != "mapped";
        if eu_rep != expect_rep {
            failures.push(format!(
                "{name}: EU-representative advice {eu_rep}, expected {expect_rep}"
            ));
        }
    }
    fail_if_any(failures);
}

/// CBAM scope follows the goods (Annex I of Reg. 2023/956), whoever exports them, to the
/// EU, above the 50-tonne de minimis of Reg. 2025/2083 (which does not cover electricity or
/// hydrogen). R5 is answered at 1 (default values), so a firm in scope has a critical gap.
#[test]
fn cbam_scope_by_goods_destination_and_tonnage() {
    struct Case {
        name: &'static str,
        sector: &'static str,
        goods: &'static str,
        markets: &'static str,
        tonnage: &'static str,
        applies: bool,
        gap: bool,
    }
    let base = Case {
        name: "",
        sector: "cbam_goods",
        goods: "iron_steel",
        markets: "eu",
        tonnage: "over50",
        applies: true,
        gap: true,
    };
    let cases = [
        Case {
            name: "steel mill, EU buyer above 50 t",
            ..base
        },
        Case {
            name: "trading company, steel, above 50 t",
            sector: "trading",
            ..base
        },
        Case {
            name: "machinery maker exporting bolts (7318)",
            sector: "machinery",
            goods: "steel_articles",
            ..base
        },
        Case {
            name: "aluminium parts",
            sector: "other_manufacturing",
            goods: "aluminium",
            ..base
        },
        Case {
            name: "cement",
            goods: "cement",
            ..base
        },
        Case {
            name: "fertilisers",
            sector: "trading",
            goods: "fertilisers",
            ..base
        },
        Case {
            name: "steel, buyer tonnage unknown",
            tonnage: "unsure",
            gap: false,
            ..base
        },
        Case {
            name: "steel, every buyer at or below 50 t",
            tonnage: "all_under50",
            applies: false,
            gap: false,
            ..base
        },
        Case {
            name: "steel, not to the EU",
            markets: "us,asean",
            tonnage: "",
            applies: false,
            gap: false,
            ..base
        },
        Case {
            name: "hydrogen: no de minimis",
            goods: "hydrogen",
            tonnage: "",
            ..base
        },
        Case {
            name: "electricity: no de minimis",
            goods: "electricity",
            tonnage: "",
            ..base
        },
        Case {
            name: "hydrogen and small steel buyers",
            goods: "iron_steel,hydrogen",
            tonnage: "all_under50",
            ..base
        },
        Case {
            name: "basic-materials sector, no CBAM goods",
            goods: "none",
            tonnage: "",
            applies: false,
            gap: false,
            ..base
        },
        Case {
            name: "electronics, no CBAM goods",
            sector: "electronics",
            goods: "none",
            tonnage: "",
            applies: false,
            gap: false,
            ..base
        },
    ];
    let mut failures = Vec::new();
    for c in &cases {
        let r = firm(&[
            ("P.sector", c.sector),
            ("P.goods", c.goods),
            ("P.markets", c.markets),
            ("P.cbam_tonnage", c.tonnage),
            ("R5", "estimates"),
        ]);
        if applies(&r, "R5") != c.applies || critical(&r, "R5") != c.gap {
            failures.push(format!(
                "{}: R5 applies {} and critical {}, expected {} and {}",
                c.name,
                applies(&r, "R5"),
                critical(&r, "R5"),
                c.applies,
                c.gap
            ));
        }
        if r.missing.iter().any(|q| q.as_str().starts_with("P.")) {
            failures.push(format!("{}: profile still missing {:?}", c.name, r.missing));
        }
    }
    fail_if_any(failures);
    // The tonnage is asked only of EU sellers of goods the de minimis covers.
    let r = firm(&[("P.goods", "hydrogen")]);
    assert!(r
        .not_applicable
        .iter()
        .any(|q| q.as_str() == "P.cbam_tonnage"));
}

/// Each path's actions are that path's.
#[test]
fn each_data_export_path_gets_its_own_actions() {
    let mut failures = Vec::new();
    for (name, path, must, must_not) in [
        (
            "security assessment",
            SECURITY_ASSESSMENT,
            "security assessment",
            "standard contract",
        ),
        (
            "standard contract",
            STANDARD_CONTRACT,
            "standard contract",
            "security assessment",
        ),
        ("exempt", EXEMPT, "why you are exempt", "file it"),
        ("find out", FIND_OUT, "Find out", "standard contract"),
    ] {
        let r = with(path, &[("R2", "aware")]);
        let texts = advice(&r, "R2");
        let first = texts.first().cloned().unwrap_or_default();
        if !first.contains(must) {
            failures.push(format!(
                "{name}: first action does not speak of {must:?}: {first}"
            ));
        }
        if let Some(t) = texts.iter().find(|t| t.contains(must_not)) {
            failures.push(format!("{name}: an action speaks of {must_not:?}: {t}"));
        }
    }
    fail_if_any(failures);
}

/// Goods items for firms that export goods, the services item for firms that export
/// services only.
#[test]
fn items_fit_what_the_firm_exports() {
    let mut failures = Vec::new();
    for (offer, goods_items, services_items) in [
        ("goods", true, false),
        ("both", true, false),
        ("services", false, true),
    ] {
        let r = firm(&[
            ("P.offer", offer),
            ("P.goods", if goods_items { "none" } else { "" }),
        ]);
        for item in ["T3", "T4", "I2", "I3", "I7"] {
            if applies(&r, item) != goods_items {
                failures.push(format!("{offer}: {item} applies {}", !goods_items));
            }
        }
        if applies(&r, "I10") != services_items {
            failures.push(format!("{offer}: I10 applies {}", !services_items));
        }
        if !r
            .missing
            .iter()
            .all(|q| q.as_str().starts_with(['T', 'I', 'R']))
        {
            failures.push(format!("{offer}: profile incomplete {:?}", r.missing));
        }
    }
    fail_if_any(failures);
}

/// The Greater Bay Area benchmark of R3 only for GBA firms or firms with Hong Kong or
/// Macao flows; Hong Kong advice only for firms with Hong Kong or Macao flows (a GBA
/// firm without them must not be told to check the PDPO); RCEP advice only for firms with RCEP markets.
#[test]
fn gba_and_rcep_texts_only_where_they_fit() {
    let mut failures = Vec::new();
    for (zone, markets, benchmark, hk_advice) in [
        ("gba", "eu", true, false),
        ("none", "hk_macao", true, true),
        ("gba", "hk_macao,us", true, true),
        ("none", "eu,us", false, false),
        ("yrd", "japan_korea", false, false),
    ] {
        let r = firm(&[
            ("P.zone", zone),
            ("P.markets", markets),
            (
                "P.eu_individuals",
                if markets.contains("eu") { "no" } else { "" },
            ),
            ("R3", "aware"),
        ]);
        let got = r.item(&"R3".into()).unwrap().benchmark.is_some();
        if got != benchmark {
            failures.push(format!("{zone}, {markets}: R3's GBA benchmark shown {got}"));
        }
        let hk = advice(&r, "R3").iter().any(|t| t.contains("Hong Kong"));
        if hk != hk_advice {
            failures.push(format!("{zone}, {markets}: Hong Kong advice {hk}"));
        }
    }
    for (markets, offer, rcep) in [
        ("asean", "goods", true),
        ("japan_korea", "both", true),
        ("anz", "goods", true),
        ("eu,us", "goods", false),
        ("middle_east,africa", "goods", false),
        // RCEP's tariff preferences are for goods: a services exporter is not sent to claim them.
        ("asean", "services", false),
    ] {
        let r = firm(&[
            ("P.offer", offer),
            ("P.goods", if offer == "services" { "" } else { "none" }),
            ("P.markets", markets),
            (
                "P.eu_individuals",
                if markets.contains("eu") { "no" } else { "" },
            ),
            ("R4", "heard"),
        ]);
        let got = advice(&r, "R4").iter().any(|t| t.contains("RCEP"));
        if got != rcep {
            failures.push(format!("{markets}: RCEP advice {got}, expected {rcep}"));
        }
    }
    fail_if_any(failures);
}

/// As a rule over the whole questionnaire: a recommendation whose text assumes something
/// of the firm is given only under a condition (its own or its item's) on what it assumes.
#[test]
fn every_recommendation_assumes_only_what_its_rule_checks() {
    let q = builtin();
    // (words in the English text, questions one of which its conditions must look at)
    let assumptions: &[(&str, &[&str])] = &[
        ("RCEP", &["P.markets"]),
        ("Hong Kong", &["P.markets", "P.zone"]),
        ("EU representative", &["P.eu_individuals"]),
        ("GDPR", &["P.eu_individuals"]),
        ("standard contract", &["(export path)", "P.zone"]),
        ("security assessment", &["(export path)"]),
        ("customs", &["P.offer"]),
        ("OEM", &["P.offer"]),
        ("coding", &["P.offer"]),
        ("CBAM", &["P.goods", "P.cbam_tonnage"]),
        // Production, design and tariffs assume a maker or goods; GBA routes the zone;
        // sites and shops an online channel.
        ("3D design", &["P.sector"]),
        ("flexible production", &["P.sector"]),
        ("digital twins", &["P.sector"]),
        ("OEM share", &["P.sector"]),
        ("tariff", &["P.offer"]),
        ("GBA", &["P.zone"]),
        ("Greater Bay Area", &["P.zone"]),
        ("sites and shops", &["P.channels"]),
    ];
    let mut failures = Vec::new();
    for (_, item) in q.items() {
        for (i, rec) in item.recommendations.iter().enumerate() {
            let mut looked_at = Vec::new();
            for condition in [item.applies_when.as_ref(), rec.applies_when.as_ref()]
                .into_iter()
                .flatten()
            {
                condition.visit_refs(&mut |r| match r {
                    assessment::condition::Ref::Question(q) => looked_at.push(q.0.clone()),
                    assessment::condition::Ref::ExportPath => {
                        looked_at.push("(export path)".into())
                    }
                    _ => {}
                });
            }
            let text = rec.text.get(&"en".into());
            for (words, questions) in assumptions {
                if text.contains(words)
                    && !questions.iter().any(|q| looked_at.iter().any(|l| l == q))
                {
                    failures.push(format!(
                        "{} recommendation {i} speaks of {words:?} without checking {questions:?}",
                        item.id
                    ));
                }
            }
        }
    }
    fail_if_any(failures);
}

/// Every recommendation fits the firm. Each row is a firm (changes to `BASE`,
/// which is a B2B-only electronics maker in the east with EU and US markets and no personal
/// information abroad), an item's answer, and words its advice must or must not contain.
#[test]
fn recommendations_fit_the_firm() {
    struct Case {
        name: &'static str,
        firm: &'static [(&'static str, &'static str)],
        item: &'static str,
        answer: &'static str,
        must: &'static [&'static str],
        must_not: &'static [&'static str],
    }
    // A B2B-only mainland firm in the Greater Bay Area selling to the EU and the US, with no Hong
    // Kong or Macao flows, that sends some personal information abroad.
    const GBA_B2B: &[(&str, &str)] = &[
        ("P.zone", "gba"),
        ("P.channels", "offline_b2b,distributors"),
        ("P.eu_individuals", "no"),
        ("P.data.sends_pi", "yes"),
        ("P.data.purpose", "other"),
        ("P.data.volume", "lt100k"),
        ("P.data.sensitive", "none"),
    ];
    const GBA_HK: &[(&str, &str)] = &[
        ("P.zone", "gba"),
        ("P.markets", "eu,hk_macao"),
        ("P.channels", "offline_b2b"),
        ("P.eu_individuals", "no"),
        ("P.data.sends_pi", "yes"),
        ("P.data.purpose", "other"),
        ("P.data.volume", "lt100k"),
        ("P.data.sensitive", "none"),
    ];
    const TRADER: &[(&str, &str)] = &[("P.sector", "trading")];
    const SHOP: &[(&str, &str)] = &[
        ("P.channels", "cbec_platforms,own_site"),
        ("P.eu_individuals", "yes"),
    ];
    let cases = [
        Case {
            name: "B2B-only GBA firm without Hong Kong flows",
            firm: GBA_B2B,
            item: "R3",
            answer: "aware",
            must: &["legal basis"],
            must_not: &["EU representative", "GBA", "Hong Kong", "sites and shops"],
        },
        Case {
            name: "GBA firm with Hong Kong flows",
            firm: GBA_HK,
            item: "R3",
            answer: "aware",
            must: &["Hong Kong", "GBA standard contract"],
            must_not: &["EU representative"],
        },
        Case {
            name: "Hong Kong flows, not in the GBA",
            firm: &[("P.markets", "hk_macao"), ("P.eu_individuals", "")],
            item: "R3",
            answer: "aware",
            must: &["Hong Kong"],
            must_not: &["GBA standard contract"],
        },
        Case {
            name: "online shop selling to EU consumers",
            firm: SHOP,
            item: "R3",
            answer: "aware",
            must: &["EU representative", "sites and shops"],
            must_not: &[],
        },
        Case {
            name: "trading company, design tools",
            firm: TRADER,
            item: "I2",
            answer: "none",
            must: &["purchasing and inventory"],
            must_not: &["3D design"],
        },
        Case {
            name: "trading company, design tools at level 2",
            firm: TRADER,
            item: "I2",
            answer: "cad_or_scm",
            must: &["suppliers' and forwarders' systems"],
            must_not: &["digital twins", "design"],
        },
        Case {
            name: "maker, design tools",
            firm: &[],
            item: "I2",
            answer: "none",
            must: &["3D design"],
            must_not: &["purchasing and inventory software"],
        },
        Case {
            name: "maker, design tools at level 2",
            firm: &[],
            item: "I2",
            answer: "cad_or_scm",
            must: &["digital twins"],
            must_not: &["forwarders' systems"],
        },
        Case {
            name: "trading company, lead time",
            firm: TRADER,
            item: "I3",
            answer: "d16_30",
            must: &["order-to-shipment", "lead times"],
            must_not: &["flexible production"],
        },
        Case {
            name: "maker, lead time",
            firm: &[],
            item: "I3",
            answer: "d16_30",
            must: &["flexible production"],
            must_not: &["order-to-shipment"],
        },
        Case {
            name: "trading company, value added",
            firm: TRADER,
            item: "I5",
            answer: "oem",
            must: &["high-end"],
            must_not: &["OEM share"],
        },
        Case {
            name: "maker, value added",
            firm: &[],
            item: "I5",
            answer: "oem",
            must: &["OEM share"],
            must_not: &["coding-to-spec"],
        },
        Case {
            name: "offline B2B firm, order flow",
            firm: &[],
            item: "T4",
            answer: "rekeyed",
            must: &["order system"],
            must_not: &[],
        },
        Case {
            name: "offline B2B firm, digital reach",
            firm: &[],
            item: "I4",
            answer: "offline",
            must: &["own site"],
            must_not: &["Beyond a platform shop"],
        },
    ];
    let mut failures = Vec::new();
    for c in &cases {
        let mut changes = c.firm.to_vec();
        changes.push((c.item, c.answer));
        let r = firm(&changes);
        let texts = advice(&r, c.item);
        if texts.is_empty() {
            failures.push(format!("{}: no advice for {}", c.name, c.item));
        }
        for words in c.must {
            if !texts.iter().any(|t| t.contains(words)) {
                failures.push(format!(
                    "{}: no advice speaks of {words:?}: {texts:?}",
                    c.name
                ));
            }
        }
        for words in c.must_not {
            if let Some(t) = texts.iter().find(|t| t.contains(words)) {
                failures.push(format!("{}: advice speaks of {words:?}: {t}", c.name));
            }
        }
    }
    fail_if_any(failures);
}

/// Every recommendation of the shipped questionnaire says who does it, roughly
/// what it takes, and where to get help; the questionnaire's lists are used, none idle.
#[test]
fn every_recommendation_says_who_what_it_takes_and_where_to_get_help() {
    let q = builtin();
    let doc = q.doc();
    let mut failures = Vec::new();
    let mut used = std::collections::HashSet::new();
    for (_, item) in q.items() {
        for (i, rec) in item.recommendations.iter().enumerate() {
            match (&rec.who, &rec.effort) {
                (Some(who), Some(effort)) => {
                    used.insert(who.0.clone());
                    used.insert(effort.0.clone());
                }
                _ => failures.push(format!("{} recommendation {i}: no who or effort", item.id)),
            }
            if rec.help_from.is_empty() {
                failures.push(format!(
                    "{} recommendation {i}: nowhere to get help",
                    item.id
                ));
            }
            used.extend(rec.help_from.iter().map(|h| h.0.clone()));
        }
    }
    let declared = doc
        .roles
        .iter()
        .map(|r| &r.id.0)
        .chain(doc.efforts.iter().map(|e| &e.id.0))
        .chain(doc.help_sources.iter().map(|h| &h.id.0));
    for id in declared {
        if !used.contains(id) {
            failures.push(format!("{id} is declared but no recommendation names it"));
        }
    }
    // Advice on the data-export procedures sends the firm to the provincial CAC; a filing at the
    // Single Window goes there.
    for (item, index, help) in [
        ("R2", 0, "provincial_cac"),
        ("R2", 1, "provincial_cac"),
        ("T3", 0, "single_window"),
    ] {
        let (_, it) = q.item(&item.into()).unwrap();
        if !it.recommendations[index]
            .help_from
            .iter()
            .any(|h| h.0 == help)
        {
            failures.push(format!("{item} recommendation {index}: not sent to {help}"));
        }
    }
    fail_if_any(failures);
}

/// An unknown count of individuals (all, or those with sensitive PI) never
/// decides a data-export path: the firm is told to find out first, unless the path is settled
/// whatever the unknown count.
#[test]
fn an_unknown_count_of_individuals_leads_to_find_out() {
    let mut failures = Vec::new();
    for (volume, sensitive, purpose, expect) in [
        ("unsure", "none", "other", "find_out"),
        ("unsure", "lt10k", "other", "find_out"),
        // 10 000 individuals' sensitive PI or more needs the security assessment at any count.
        ("unsure", "from10k", "other", "security_assessment"),
        // Purposes the law exempts whatever the count.
        ("unsure", "none", "contract", "exempt"),
        ("lt100k", "unsure", "other", "find_out"),
        ("from100k", "unsure", "other", "find_out"),
        ("unsure", "unsure", "other", "find_out"),
        // A million individuals or more needs the security assessment whatever the sensitive PI.
        ("from1m", "unsure", "other", "security_assessment"),
    ] {
        let r = firm(&[
            ("P.data.sends_pi", "yes"),
            ("P.data.purpose", purpose),
            ("P.data.volume", volume),
            ("P.data.sensitive", sensitive),
            ("R2", "aware"),
        ]);
        let got = match &r.export_path {
            assessment::ExportDecision::Decided { outcome, .. } => outcome.0.clone(),
            other => format!("{other:?}"),
        };
        if got != expect {
            failures.push(format!(
                "sensitive {sensitive}, {purpose}: {got}, expected {expect}"
            ));
        }
        if expect == "find_out" {
            let texts = advice(&r, "R2");
            if !texts.first().is_some_and(|t| t.contains("Find out")) {
                failures.push(format!("{volume}, {sensitive}: first action {texts:?}"));
            }
            if critical(&r, "R2") {
                failures.push(format!("{volume}, {sensitive}: a guessed path made a gap"));
            }
        }
    }
    fail_if_any(failures);
}

/// Also expected: where an answer stands against a comparable benchmark.
#[test]
fn standing_against_comparable_benchmarks() {
    let mut failures = Vec::new();
    for (item, answer, expect) in [
        ("I3", "d7", Some(Standing::Ahead)),
        ("I3", "d8_15", Some(Standing::Level)),
        ("I3", "d16_30", Some(Standing::Behind)),
        ("I5", "oem", Some(Standing::Level)),
        ("I5", "odm", Some(Standing::Ahead)),
        ("I4", "offline", Some(Standing::Behind)),
        ("I4", "shop_only", Some(Standing::Level)),
        ("I2", "plm_aps", Some(Standing::Ahead)),
        ("I1", "some_lines", Some(Standing::Level)),
        // A figure that cannot be set against the answer gives no standing.
        ("T1", "cloud", None),
    ] {
        let r = firm(&[(item, answer)]);
        let got = r
            .item(&item.into())
            .and_then(|i| i.benchmark.as_ref())
            .and_then(|b| b.standing);
        if got != expect {
            failures.push(format!("{item} = {answer}: {got:?}, expected {expect:?}"));
        }
    }
    fail_if_any(failures);
}

/// Points 8, 9 and 11: the questionnaire's words. Each row is a text that must not appear, and why.
#[test]
fn words_as_the_law_and_the_paper_write_them() {
    let text = assessment::BUILTIN_QUESTIONNAIRE;
    let mut failures = Vec::new();
    for (wrong, why) in [
        ("免于", "the law writes 免予"),
        ("通知本人", "a CIIO is told as 运营者"),
        (
            "首例数据知识产权案件",
            "the paper says 首单数据知识产权案例",
        ),
        (
            "东部沿海",
            "the statistics bureau's region is 东部 and includes Beijing",
        ),
        (
            "其中是否包含敏感个人信息",
            "the question before excludes sensitive PI",
        ),
        ("履行了法律规定的路径", "a path is not 履行ed"),
        (
            "无论哪条路径，都要告知",
            "[M]: whether exempt transfers need consent and a PIIA is to check",
        ),
        (
            "签订后 10 个工作日",
            "filing runs from the contract taking effect",
        ),
        (
            "file the signed contract",
            "filing runs from the contract taking effect",
        ),
        (
            "关注 CPTPP",
            "China's CPTPP accession process has not started",
        ),
        (
            "CPTPP and DEPA negotiations",
            "China's CPTPP accession process has not started",
        ),
        (
            "申报数字孪生、智能排产专项补贴",
            "the 2 million yuan subsidy is the paper's proposal",
        ),
        (
            "subsidies for digital twins and smart scheduling reach",
            "a proposal, not a fact",
        ),
        (
            "设备联网率逐步提高到 60%",
            "the paper's 60% is the share of firms transformed",
        ),
        (
            "除商品外，还出售数字服务",
            "I4's top level must reward value added, not any service",
        ),
        (
            "15–20 seconds per order",
            "the paper does not say per order",
        ),
    ] {
        if text.contains(wrong) {
            failures.push(format!("{wrong:?} is in the questionnaire: {why}"));
        }
    }
    for (right, why) in [
        ("免予申报", "the law's word"),
        ("个人信息保护影响评估（PIIA", "PIIA explained"),
        (
            "省级网信部门（省、自治区、直辖市的网信办）",
            "provincial CAC explained",
        ),
        ("东部（北京", "the four regions with examples"),
        (
            "东北（辽宁、吉林、黑龙江）",
            "the four regions with examples",
        ),
        ("规模以上", "above-size"),
        (
            "信息传输、软件和信息技术服务业",
            "above-size thresholds for services",
        ),
        ("批发业", "above-size thresholds for trade"),
        ("accession process has not started", "CPTPP"),
        ("occasional and low-risk", "Art. 27's exception"),
        ("Art. 83(4)", "Art. 27 breaches"),
        (
            "within 10 working days of it taking effect",
            "standard-contract filing",
        ),
        ("评估结果有效期 3 年", "security assessment validity"),
        ("届满前 60 个工作日内申请延期", "extension window"),
        ("这是建议，不是现行政策", "the subsidy is a proposal"),
    ] {
        if !text.contains(right) {
            failures.push(format!("{right:?} is missing: {why}"));
        }
    }
    // Jargon explained wherever it is used in Chinese.
    let q = builtin();
    let doc = serde_json::to_value(q.doc()).unwrap();
    let mut zh = Vec::new();
    collect_zh(&doc, &mut zh);
    for t in &zh {
        if t.contains("PIIA") && !t.contains("个人信息保护影响评估（PIIA") {
            failures.push(format!("PIIA not explained in: {t}"));
        }
        if t.matches("省级网信部门").count() > t.matches("省级网信部门（").count() {
            failures.push(format!("省级网信部门 not explained in: {t}"));
        }
    }
    // R2's help says the [M] duties are to check.
    let (_, r2) = q.item(&"R2".into()).unwrap();
    let help = r2.help.as_ref().unwrap().get(&"zh-CN".into());
    assert!(help.contains("请核实"), "{help}");
    fail_if_any(failures);
}

fn collect_zh(v: &serde_json::Value, out: &mut Vec<String>) {
    match v {
        serde_json::Value::Object(m) => {
            for (k, v) in m {
                match v {
                    serde_json::Value::String(s) if k == "zh-CN" => out.push(s.clone()),
                    _ => collect_zh(v, out),
                }
            }
        }
        serde_json::Value::Array(a) => a.iter().for_each(|v| collect_zh(v, out)),
        _ => {}
    }
}

/// Abbreviations are spelled out where a person first meets them. In the walk,
/// the first question that uses one explains it in its text or help; in the report, a text that
/// uses one names it in full too (the report is read on its own, printed or later).
#[test]
fn abbreviations_are_spelled_out_where_first_met() {
    let q = builtin();
    let doc = q.doc();
    let en = |t: &assessment::Text| t.get(&"en".into()).to_owned();
    let spelled: &[(&str, &str)] = &[
        ("PIIA", "personal information protection impact assessment"),
        ("CAC", "Cyberspace Administration of China"),
        ("FTZ", "free trade zone"),
        ("EDI", "electronic data interchange"),
        ("API", "application programming interface"),
        ("ERP", "enterprise resource planning"),
        ("PLM", "product lifecycle management"),
        ("MES", "manufacturing execution system"),
        ("DEPA", "Digital Economy Partnership Agreement"),
        ("CPTPP", "Comprehensive and Progressive Agreement"),
        ("RCEP", "Regional Comprehensive Economic Partnership"),
        ("GDPR", "General Data Protection Regulation"),
        ("PDPO", "Personal Data (Privacy) Ordinance"),
        ("CIIO", "critical information infrastructure operator"),
        ("CBAM", "Carbon Border Adjustment Mechanism"),
    ];
    let uses = |text: &str, abbr: &str| {
        text.split(|c: char| !c.is_alphanumeric())
            .any(|word| word == abbr)
    };
    let mut failures = Vec::new();
    // The walk: each question's words, in the order they are asked.
    let mut explained = std::collections::HashSet::new();
    for question in q.questions() {
        let own = format!(
            "{} {}",
            en(question.text()),
            question.help().map(en).unwrap_or_default()
        );
        let all = question
            .options()
            .iter()
            .map(|(_, label)| en(label))
            .fold(own.clone(), |acc, l| acc + " " + &l);
        for (abbr, full) in spelled {
            if uses(&all, abbr) && explained.insert(*abbr) && !own.contains(full) {
                failures.push(format!(
                    "{}: first use of {abbr} without \"{full}\" in its text or help",
                    question.id()
                ));
            }
        }
    }
    // The report: recommendations, the data-export outcomes and routes.
    let mut report_texts: Vec<(String, String)> = Vec::new();
    for (_, item) in q.items() {
        for (i, r) in item.recommendations.iter().enumerate() {
            report_texts.push((format!("{} recommendation {i}", item.id), en(&r.text)));
        }
    }
    for o in &doc.export_path.outcomes {
        let duties: Vec<String> = o.duties.iter().map(en).collect();
        let all = format!("{} {} {}", en(&o.summary), en(&o.basis), duties.join(" "));
        report_texts.push((format!("outcome {}", o.id), all));
    }
    for r in &doc.export_path.routes {
        report_texts.push((format!("route {}", r.id), en(&r.text)));
    }
    for (place, text) in &report_texts {
        for (abbr, full) in spelled {
            // GDPR, RCEP, CPTPP and CBAM are names a reader of the report has met in the walk
            // and that every text around them repeats; the procedures' abbreviations are not.
            if ["GDPR", "RCEP", "CPTPP", "CBAM", "DEPA"].contains(abbr) {
                continue;
            }
            if uses(text, abbr) && !text.contains(full) {
                failures.push(format!("{place}: {abbr} without \"{full}\""));
            }
        }
    }
    fail_if_any(failures);
}
