//! The data-export decision of the shipped questionnaire, at every boundary of the 2024 Provisions
//! (CAC Decree No. 16): the volume thresholds, the sensitive-PI threshold, CIIOs, important data,
//! and each exemption. Volumes are written as numbers and turned into the profile's answer bands, so
//! that each boundary reads as the law states it.

use assessment::{score, ExportDecision, RouteId};

use crate::common::{builtin, sheet};

/// The answer band for the number of individuals whose (non-sensitive) PI was sent since 1 January.
fn volume(n: u32) -> &'static str {
    match n {
        0..=99_999 => "lt100k",
        100_000..=999_999 => "from100k",
        _ => "from1m",
    }
}

/// The answer band for the number of individuals whose sensitive PI was sent since 1 January.
fn sensitive(n: u32) -> &'static str {
    match n {
        0 => "none",
        1..=9_999 => "lt10k",
        _ => "from10k",
    }
}

struct Case {
    name: &'static str,
    sends: &'static str,
    purposes: &'static str,
    volume: u32,
    sensitive: u32,
    /// The answer to P.data.important_abroad: whether important data is provided abroad.
    important: &'static str,
    ciio: &'static str,
    /// `None` for a firm outside any FTZ, else its answer to P.data.ftz_list.
    ftz: Option<&'static str>,
    expect: &'static str,
}

const BASE: Case = Case {
    name: "",
    sends: "yes",
    purposes: "other",
    volume: 50_000,
    sensitive: 0,
    important: "no",
    ciio: "no",
    ftz: None,
    expect: "",
};

fn decide(case: &Case) -> ExportDecision {
    let q = builtin();
    let (vol, sens) = (volume(case.volume), sensitive(case.sensitive));
    let mut answers = vec![
        ("P.zone", if case.ftz.is_some() { "ftz" } else { "none" }),
        ("P.data.sends_pi", case.sends),
        ("P.data.important_abroad", case.important),
        ("P.data.ciio", case.ciio),
    ];
    if case.sends == "yes" {
        answers.extend([
            ("P.data.purpose", case.purposes),
            ("P.data.volume", vol),
            ("P.data.sensitive", sens),
        ]);
    }
    if let Some(list) = case.ftz {
        answers.push(("P.data.ftz_list", list));
    }
    score(&q, &sheet(&q, &answers)).export_path
}

#[test]
fn data_export_path_table() {
    let cases = [
        // Volumes of non-sensitive PI, non-CIIO, purpose not exempt (Art. 5 (四), 7 (二), 8).
        Case {
            name: "0 individuals",
            volume: 0,
            expect: "exempt",
            ..BASE
        },
        Case {
            name: "99 999 individuals",
            volume: 99_999,
            expect: "exempt",
            ..BASE
        },
        Case {
            name: "100 000 individuals",
            volume: 100_000,
            expect: "standard_contract",
            ..BASE
        },
        Case {
            name: "999 999 individuals",
            volume: 999_999,
            expect: "standard_contract",
            ..BASE
        },
        Case {
            name: "1 000 000 individuals",
            volume: 1_000_000,
            expect: "security_assessment",
            ..BASE
        },
        // Sensitive PI: no floor for the contract band (Art. 8), assessment from 10 000 (Art. 7).
        Case {
            name: "1 sensitive",
            sensitive: 1,
            expect: "standard_contract",
            ..BASE
        },
        Case {
            name: "9 999 sensitive",
            sensitive: 9_999,
            expect: "standard_contract",
            ..BASE
        },
        Case {
            name: "10 000 sensitive",
            sensitive: 10_000,
            expect: "security_assessment",
            ..BASE
        },
        Case {
            name: "10 000 sensitive, small volume",
            volume: 10,
            sensitive: 10_000,
            expect: "security_assessment",
            ..BASE
        },
        Case {
            name: "9 999 sensitive and 999 999 others",
            volume: 999_999,
            sensitive: 9_999,
            expect: "standard_contract",
            ..BASE
        },
        // CIIOs: any PI outside the purpose exemptions needs an assessment (Art. 7 (一)).
        Case {
            name: "CIIO, 1 individual",
            ciio: "yes",
            volume: 1,
            expect: "security_assessment",
            ..BASE
        },
        Case {
            name: "CIIO, contract performance only",
            ciio: "yes",
            purposes: "contract",
            expect: "exempt",
            ..BASE
        },
        // Important data provided abroad: assessment whatever else (Art. 7), even for exempt
        // purposes. Only providing it abroad decides; holding it is not asked.
        Case {
            name: "important data provided abroad, no PI",
            sends: "no",
            important: "yes",
            expect: "security_assessment",
            ..BASE
        },
        Case {
            name: "important data provided abroad, contract purpose",
            important: "yes",
            purposes: "contract",
            expect: "security_assessment",
            ..BASE
        },
        Case {
            name: "no important data provided abroad, under 100 000",
            important: "no",
            volume: 99_999,
            expect: "exempt",
            ..BASE
        },
        Case {
            name: "no important data provided abroad, no PI",
            sends: "no",
            important: "no",
            expect: "exempt",
            ..BASE
        },
        // No PI and no important data (Art. 3).
        Case {
            name: "no PI",
            sends: "no",
            expect: "exempt",
            ..BASE
        },
        Case {
            name: "unsure whether PI is sent",
            sends: "unsure",
            expect: "find_out",
            ..BASE
        },
        // Purpose exemptions hold whatever the volume (Art. 4, Art. 5 (一)(二)).
        Case {
            name: "contract performance, 1 000 000",
            purposes: "contract",
            volume: 1_000_000,
            sensitive: 10_000,
            expect: "exempt",
            ..BASE
        },
        Case {
            name: "cross-border HR",
            purposes: "hr",
            volume: 1_000_000,
            expect: "exempt",
            ..BASE
        },
        Case {
            name: "collected abroad, sent back",
            purposes: "collected_abroad",
            volume: 1_000_000,
            expect: "exempt",
            ..BASE
        },
        Case {
            name: "contract and HR",
            purposes: "contract,hr",
            volume: 1_000_000,
            expect: "exempt",
            ..BASE
        },
        Case {
            name: "contract plus another purpose",
            purposes: "contract,other",
            volume: 100_000,
            expect: "standard_contract",
            ..BASE
        },
        // Free trade zone negative lists (Art. 6).
        Case {
            name: "FTZ, data outside the list",
            ftz: Some("outside"),
            volume: 1_000_000,
            expect: "exempt",
            ..BASE
        },
        Case {
            name: "FTZ, data on the list",
            ftz: Some("listed"),
            volume: 1_000_000,
            expect: "security_assessment",
            ..BASE
        },
        Case {
            name: "FTZ, unsure of the list",
            ftz: Some("unsure"),
            volume: 100_000,
            expect: "standard_contract",
            ..BASE
        },
    ];
    let mut failures = Vec::new();
    for case in &cases {
        let got = decide(case);
        let ok = matches!(&got, ExportDecision::Decided { outcome, .. } if outcome.as_str() == case.expect);
        if !ok {
            failures.push(format!(
                "{}: expected {}, got {got:?}",
                case.name, case.expect
            ));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

/// The profile asks whether important data is *provided abroad*, and the rule that
/// puts a firm on the assessment path for important data reads that answer, not whether the firm
/// holds (or was notified of) important data.
#[test]
fn important_data_decides_only_when_provided_abroad() {
    let q = builtin();
    assert!(q.question(&"P.data.important".into()).is_none());
    let asked = q
        .question(&"P.data.important_abroad".into())
        .expect("the question");
    assert!(asked
        .text()
        .get(&"en".into())
        .contains("provide important data abroad"));
    let rule = &q.doc().export_path.rules[0];
    assert_eq!(rule.outcome.as_str(), "security_assessment");
    assert!(rule
        .reason
        .get(&"en".into())
        .contains("Providing important data abroad"));
}

#[test]
fn undecided_until_the_data_questions_are_answered() {
    let q = builtin();
    let pending = |answers: &[(&str, &str)]| score(&q, &sheet(&q, answers)).export_path;
    assert_eq!(pending(&[]), ExportDecision::Pending);
    assert_eq!(
        pending(&[
            ("P.data.important_abroad", "no"),
            ("P.data.sends_pi", "yes"),
            ("P.zone", "none")
        ]),
        ExportDecision::Pending
    );
    // Important data settles it before anything else is known.
    assert!(matches!(
        pending(&[("P.data.important_abroad", "yes")]),
        ExportDecision::Decided { outcome, .. } if outcome.as_str() == "security_assessment"
    ));
}

#[test]
fn gba_standard_contract_route() {
    let q = builtin();
    let routes = |zone: &str, markets: &str, important: &str| {
        let answers = [
            ("P.zone", zone),
            ("P.markets", markets),
            ("P.data.sends_pi", "yes"),
            ("P.data.purpose", "other"),
            ("P.data.volume", "from100k"),
            ("P.data.sensitive", "none"),
            ("P.data.important_abroad", important),
            ("P.data.ciio", "no"),
        ];
        score(&q, &sheet(&q, &answers)).routes
    };
    let gba = RouteId::from("gba_contract");
    assert!(routes("gba", "hk_macao,eu", "no").contains(&gba));
    assert!(
        !routes("gba", "eu", "no").contains(&gba),
        "no Hong Kong or Macao recipient"
    );
    assert!(
        !routes("yrd", "hk_macao", "no").contains(&gba),
        "not in a GBA city"
    );
    assert!(
        !routes("gba", "hk_macao", "yes").contains(&gba),
        "important data is excluded"
    );
}

#[test]
fn every_outcome_cites_its_basis_and_procedures_list_their_duties() {
    let q = builtin();
    for outcome in &q.doc().export_path.outcomes {
        for lang in &q.doc().languages {
            let basis = outcome.basis.get(lang);
            assert!(
                basis.contains("Art") || basis.contains('条') || outcome.id.as_str() == "find_out",
                "{}: basis should cite an article: {basis}",
                outcome.id
            );
        }
        if outcome.procedure_required {
            assert!(!outcome.duties.is_empty(), "{} lists no duties", outcome.id);
        }
    }
}
