//! `assess obligations` as a user runs it: the report's "Your markets and goods" section for an
//! answers file, in both languages and as JSON, and its refusals.

mod common;

use common::*;

use serde_json::{json, Value};

/// A temporary file holding `text`, in a directory of its own that goes when the file is dropped.
struct TempFile {
    _dir: Scratch,
    path: String,
}

impl std::ops::Deref for TempFile {
    type Target = str;
    fn deref(&self) -> &str {
        &self.path
    }
}

fn file(name: &str, text: &str) -> TempFile {
    let dir = scratch("obligations");
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    TempFile {
        path: path.to_str().unwrap().to_owned(),
        _dir: dir,
    }
}

/// An answers file for the shipped questionnaire.
fn answers(name: &str, answers: Value) -> TempFile {
    let q: Value = serde_json::from_str(&std::fs::read_to_string(root().join(Q)).unwrap()).unwrap();
    let sheet = json!({
        "format": "exporter-assessment/answers@1",
        "questionnaire": {"id": "digital-trade", "version": q["version"]},
        "answers": answers,
    });
    file(name, &sheet.to_string())
}

/// The goods line of `market` in the CLI's text: the goods named once for its entries.
fn goods_of<'t>(text: &'t str, market: &str) -> &'t str {
    let heading = format!("\n{market}\n");
    let at = text
        .find(&heading)
        .unwrap_or_else(|| panic!("no market {market:?} in\n{text}"));
    let rest = &text[at + heading.len()..];
    rest.lines().next().unwrap_or("")
}

fn speaker() -> TempFile {
    answers(
        "speaker.json",
        json!({"P.offer": "goods", "P.goods": ["wireless"], "P.markets": ["eu"],
               "P.eu_individuals": "yes", "P.channels": ["cbec_platforms"], "P.parcels": "yes",
               "P.built_in_battery": "yes", "P.dual_use": "no"}),
    )
}

#[test]
fn prints_what_applies_by_when_with_why_and_what_to_prepare() {
    let o = assess(&["obligations", Q, &speaker(), "--date", "2026-11-26"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    for expected in [
        "Your markets and goods",
        "Assessed on 2026-11-26.",
        "Rules as of 2026-12-07 (checked against the legal texts that day).",
        "\n  In force\n",
        "EU GPSR: Name a responsible economic operator in the EU",
        "EU Batteries Regulation: A battery built into your product is covered by the Batteries Regulation too",
        "\nEuropean Union\n  For your goods: Wireless or connected products: phones, routers, \
         Bluetooth speakers and headphones, smart watches, cameras (8517, 8518, 8525)\n",
        "EU Cyber Resilience Act: Report actively exploited vulnerabilities",
        "\n  Later\n",
        "EU Cyber Resilience Act: Meet all essential cybersecurity requirements, with CE marking (from 2027-12-11)",
        "\n  To check (not confirmed)\n",
        "EU RoHS:",
        "What to prepare: Electrical and electronic equipment may hold at most 0.1 %",
        "If confirmed: ",
        "(said to apply since 2026-07-01)",
        "Legal basis: Delegated Regulation (EU) 2022/30",
        "Source: https://eur-lex.europa.eu/eli/reg/2024/2847/oj (checked 2026-11-25)",
    ] {
        assert!(out.contains(expected), "missing {expected:?} in\n{out}");
    }
    // In force before within the year before later before what is to be checked.
    let at = |s: &str| out.find(s).unwrap();
    assert!(at("\n  In force\n") < at("\n  Later\n") && at("\n  Later\n") < at("\n  To check"));
    // The goods are named once, for the market, not under each entry.
    assert_eq!(out.matches("Bluetooth speakers").count(), 1, "{out}");
    // What follows "To check" is a thing to check.
    assert!(
        out.contains("      To check: the articles behind each duty"),
        "{out}"
    );
    assert!(!out.contains("Check this with"), "{out}");
    // Nothing for the US, nothing on rules of origin, no "may apply" once all is answered.
    assert!(!out.contains("UFLPA") && !out.contains("RCEP") && !out.contains("May apply"));
}

#[test]
fn the_same_date_decides_the_timeline() {
    let before = stdout(&assess(&[
        "obligations",
        Q,
        &speaker(),
        "--date",
        "2026-09-10",
    ]));
    let on = stdout(&assess(&[
        "obligations",
        Q,
        &speaker(),
        "--date",
        "2026-09-11",
    ]));
    let line = "Report actively exploited vulnerabilities and severe incidents";
    assert!(
        before.contains(&format!("{line} (from 2026-09-11)")),
        "{before}"
    );
    assert!(
        on.contains(line) && !on.contains(&format!("{line} (from")),
        "{on}"
    );
    let within = before
        .find("\n  Within 12 months\n")
        .expect("a group within 12 months");
    assert!(before.find(line).unwrap() > within);
}

#[test]
fn prints_in_chinese_with_the_catalogues_chinese_texts() {
    let o = assess(&[
        "obligations",
        Q,
        &speaker(),
        "--date",
        "2026-11-26",
        "--lang",
        "zh-CN",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    for expected in [
        "您的市场和货物",
        "评估日期 2026-11-26。",
        "规则截至 2026-12-07（当天对照法规原文核对）。",
        "已经适用",
        "12 个月以后适用",
        "请核实（尚未确认）",
        "欧盟 GPSR：在欧盟指定一家负责的经营者",
        "欧盟\n  涉及您的货物：无线或联网产品",
        "有待核实：",
        "法律依据：",
    ] {
        assert!(out.contains(expected), "missing {expected:?} in\n{out}");
    }
    for english in ["Why:", "In force", "Legal basis", "Name a responsible"] {
        assert!(!out.contains(english), "{english:?} in\n{out}");
    }
}

#[test]
fn lists_what_may_apply_and_the_answer_that_tells() {
    let bolts = answers(
        "bolts.json",
        json!({"P.offer": "goods", "P.goods": ["steel_articles"], "P.markets": ["eu"]}),
    );
    let out = stdout(&assess(&["obligations", Q, &bolts, "--date", "2026-11-26"]));
    assert!(out.contains("\n  May apply: answer to know\n"), "{out}");
    assert!(
        out.contains("Answer: Does any one of your EU buyers import more than 50 tonnes in a year"),
        "{out}"
    );
    // A code given beside the options, and one too broad to tell.
    let out = stdout(&assess(&[
        "obligations",
        Q,
        &bolts,
        "--date",
        "2026-11-26",
        "--hs",
        "2804 10 00",
        "--hs",
        "85",
    ]));
    assert!(
        goods_of(&out, "European Union").contains("HS code 28041000"),
        "{out}"
    );
    assert!(out.contains("Give a code more precise than 85"), "{out}");
}

#[test]
fn json_is_the_cores_findings() {
    let o = assess(&[
        "obligations",
        Q,
        &speaker(),
        "--date",
        "2026-11-26",
        "--json",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["rules_as_of"], "2026-12-07");
    assert_eq!(v["rules_may_have_changed"], false);
    assert_eq!(v["assessed_on"], "2026-11-26");
    let findings = v["findings"].as_array().unwrap();
    let cra = findings
        .iter()
        .find(|f| f["obligation"] == "eu_cra_full")
        .unwrap();
    assert_eq!(cra["status"], "applies");
    assert_eq!(
        cra["timeline"],
        json!({"when": "later", "date": "2027-12-11"})
    );
    assert_eq!(cra["markets"], json!(["eu"]));
    let uflpa = findings
        .iter()
        .find(|f| f["obligation"] == "us_uflpa")
        .unwrap();
    assert_eq!(uflpa["status"], "does_not_apply");
    assert_eq!(uflpa["reason"], "goods");
}

#[test]
fn refuses_bad_input_saying_what_is_wrong() {
    let speaker = speaker();
    for (args, message) in [
        (
            vec!["--date", "2026-02-30"],
            "--date: \"2026-02-30\" is not a date",
        ),
        (vec!["--hs", "73a8"], "--hs: \"73a8\" is not an HS code"),
        (
            vec!["--lang", "fr"],
            "--lang: this tool does not speak \"fr\": use zh-CN or en",
        ),
        (vec!["--nope"], "unknown option --nope"),
        (
            // Counted with the codes typed into the goods question: at most 10.
            [
                "10", "11", "12", "13", "14", "15", "16", "17", "18", "19", "20",
            ]
            .iter()
            .flat_map(|c| ["--hs", *c])
            .collect(),
            "--hs 20: at most 10 HS codes can be given",
        ),
    ] {
        let mut all = vec!["obligations", Q, &speaker];
        all.extend(args);
        let o = assess(&all);
        assert_eq!(o.status.code(), Some(1), "{all:?}");
        assert!(stderr(&o).contains(message), "{all:?}: {}", stderr(&o));
    }
    // A catalogue with problems: every one, with its place and field.
    let mut doc: Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("questionnaire/obligations.json")).unwrap(),
    )
    .unwrap();
    doc["obligations"][0]["trigger"]["markets"] = json!(["mars"]);
    doc["obligations"][1]["source"] = json!("ftp://example.com");
    let bad = file("bad-catalogue.json", &doc.to_string());
    let o = assess(&["obligations", Q, &speaker, "--catalogue", &bad]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains("obligation eu_cbam, field trigger.markets: refers to option \"mars\" of question \"P.markets\""),
        "{err}"
    );
    assert!(
        err.contains("obligation eu_cbam_certificates, field source"),
        "{err}"
    );
    // Another questionnaire's answers, and the shipped catalogue against an association's
    // questionnaire.
    let o = assess(&[
        "obligations",
        "tests/fixtures/association-questionnaire.json",
        &speaker,
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("not for"), "{}", stderr(&o));
}

#[test]
fn validate_checks_a_catalogue_against_its_questionnaire() {
    let o = assess(&["obligations", "validate", "questionnaire/obligations.json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    // Every entry with its source, checked date and confidence; no unconfirmed fact decides.
    assert!(
        stdout(&o).contains("each with its source, checked date and confidence; 5 not confirmed"),
        "{}",
        stdout(&o)
    );
    assert!(
        stdout(&o)
            .contains("valid — obligations catalogue 1.2.0 for questionnaire \"digital-trade\""),
        "{}",
        stdout(&o)
    );
    let o = assess(&[
        "obligations",
        "validate",
        "questionnaire/obligations.json",
        Q,
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    // Against another questionnaire: refused, saying which.
    let o = assess(&[
        "obligations",
        "validate",
        "questionnaire/obligations.json",
        "tests/fixtures/association-questionnaire.json",
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("obligations catalogue, field questionnaire: the catalogue is for questionnaire \"digital-trade\""),
        "{}",
        stderr(&o)
    );
}

/// Codes typed into the goods question are goods lines like `--hs`: the same findings, and
/// `--hs` adds to them.
#[test]
fn codes_typed_into_the_answers_count_like_hs() {
    let typed = answers(
        "typed.json",
        json!({"P.offer": "goods", "P.goods": {"codes": ["731815"]}, "P.markets": ["eu"]}),
    );
    let given = answers(
        "given.json",
        json!({"P.offer": "goods", "P.goods": ["none"], "P.markets": ["eu"]}),
    );
    let run = |file: &str, extra: &[&str]| {
        let mut args = vec!["obligations", Q, file, "--date", "2026-11-26", "--json"];
        args.extend(extra);
        let o = assess(&args);
        assert!(o.status.success(), "{}", stderr(&o));
        let v: Value = serde_json::from_slice(&o.stdout).unwrap();
        v["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| {
                (
                    f["obligation"].clone(),
                    f["status"].clone(),
                    f["goods"].clone(),
                )
            })
            .collect::<Vec<_>>()
    };
    let from_answers = run(&typed, &[]);
    let cbam = from_answers.iter().find(|f| f.0 == "eu_cbam").unwrap();
    // In by its goods; the tonnage the code brought up is still to answer.
    assert_eq!(cbam.1, "may_apply");
    assert_eq!(cbam.2, json!([{"code": "731815"}]));
    // "None of these" with the same code on the command line: the same CBAM finding.
    let from_flag = run(&given, &["--hs", "7318.15"]);
    assert_eq!(from_flag.iter().find(|f| f.0 == "eu_cbam").unwrap(), cbam);
    // Both: the typed code and the flag's.
    let both = run(&typed, &["--hs", "7601"]);
    assert_eq!(
        both.iter().find(|f| f.0 == "eu_cbam").unwrap().2,
        json!([{"code": "731815"}, {"code": "7601"}])
    );
    let text = stdout(&assess(&["obligations", Q, &typed, "--date", "2026-11-26"]));
    assert!(
        goods_of(&text, "European Union").contains("HS code 731815"),
        "{text}"
    );
}

/// Steel screws given only by their typed code (7318.15), sold to the EU, bring up the
/// tonnage question as the ticked option does: unanswered, CBAM may apply and the tonnage is what
/// tells; every buyer at or below 50 t, the de minimis applies and CBAM's duty does not; above,
/// the duty applies. The CLI prints the core's findings for the same answers and date.
#[test]
fn typed_steel_screws_ask_the_tonnage_and_it_decides_cbam() {
    use assessment::{
        obligations, AnswerSheet, Catalogue, Questionnaire, Trade, BUILTIN_CATALOGUE,
    };
    let q = Questionnaire::from_json(&std::fs::read_to_string(root().join(Q)).unwrap()).unwrap();
    let c = Catalogue::from_json(BUILTIN_CATALOGUE, &q).unwrap();
    for (tonnage, cbam, de_minimis) in [
        (None, "may_apply", "may_apply"),
        (Some("all_under50"), "does_not_apply", "applies"),
        (Some("over50"), "applies", "does_not_apply"),
    ] {
        let mut given = json!({"P.offer": "goods", "P.goods": {"codes": ["731815"]},
                               "P.markets": ["eu"], "P.eu_individuals": "no"});
        if let Some(t) = tonnage {
            given["P.cbam_tonnage"] = json!(t);
        }
        let path = answers(&format!("screws-{}.json", tonnage.unwrap_or("open")), given);
        let o = assess(&["obligations", Q, &path, "--date", "2026-11-26", "--json"]);
        assert!(o.status.success(), "{}", stderr(&o));
        let v: Value = serde_json::from_slice(&o.stdout).unwrap();
        let status = |id: &str| {
            v["findings"]
                .as_array()
                .unwrap()
                .iter()
                .find(|f| f["obligation"] == id)
                .unwrap()["status"]
                .clone()
        };
        assert_eq!(status("eu_cbam"), cbam, "{tonnage:?}");
        assert_eq!(status("eu_cbam_de_minimis"), de_minimis, "{tonnage:?}");

        let sheet = AnswerSheet::from_json(&std::fs::read_to_string(&*path).unwrap(), &q).unwrap();
        let trade = Trade::from_answers(&c, &q, &sheet);
        let core = obligations(&c, &q, &trade, &sheet, "2026-11-26".parse().unwrap());
        assert_eq!(v["findings"], serde_json::to_value(&core).unwrap());
        assert_eq!(v["trade"], serde_json::to_value(&trade).unwrap());
    }
    let open = answers(
        "screws-open.json",
        json!({"P.offer": "goods", "P.goods": {"codes": ["731815"]}, "P.markets": ["eu"],
               "P.eu_individuals": "no"}),
    );
    let text = stdout(&assess(&["obligations", Q, &open, "--date", "2026-11-26"]));
    assert!(
        text.contains(
            "Answer: Does any one of your EU buyers import more than 50 tonnes in a year"
        ),
        "{text}"
    );
    let below = answers(
        "screws-below.json",
        json!({"P.offer": "goods", "P.goods": {"codes": ["731815"]}, "P.markets": ["eu"],
               "P.eu_individuals": "no", "P.cbam_tonnage": "all_under50"}),
    );
    let text = stdout(&assess(&["obligations", Q, &below, "--date", "2026-11-26"]));
    assert!(
        text.contains("EU CBAM: All buyers under 50 tonnes"),
        "{text}"
    );
    assert!(
        goods_of(&text, "European Union").contains("HS code 731815"),
        "{text}"
    );
    assert!(
        !text.contains("Supply verified embedded-emissions data"),
        "{text}"
    );
    // `--hs` counts as typed: the same code on the command line asks the same question.
    let none = answers(
        "screws-none.json",
        json!({"P.offer": "goods", "P.goods": ["none"], "P.markets": ["eu"], "P.eu_individuals": "no"}),
    );
    let text = stdout(&assess(&[
        "obligations",
        Q,
        &none,
        "--date",
        "2026-11-26",
        "--hs",
        "7318.15",
    ]));
    assert!(
        text.contains("Does any one of your EU buyers import more than 50 tonnes"),
        "{text}"
    );
}
