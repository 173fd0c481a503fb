//! HS codes a firm types into the goods question's free code field: normalised or
//! refused with a reason, kept in the answers document (at most ten, never twice), carried by the
//! hand-off code, and matched by prefix against the catalogue like codes given on the command
//! line, ranges and exclusions included.

use assessment::handoff::{decode, encode};
use assessment::problem::{Place, ProblemKind};
use assessment::{
    code_fits, obligations, score, Answer, AnswerProblem, AnswerSheet, AnswersError, Catalogue,
    CodeRefused, Coded, Date, Finding, Goods, HsCode, Needed, OptionId, QuestionId, Questionnaire,
    Status, Trade, WhyNotACode, BUILTIN_CATALOGUE, MAX_CODES,
};
use serde_json::json;

use crate::common::builtin;

fn goods() -> QuestionId {
    QuestionId::from("P.goods")
}

fn code(s: &str) -> HsCode {
    HsCode::from_input(s).unwrap_or_else(|e| panic!("{e}"))
}

/// A sheet of a goods exporter selling to `markets`, with these codes typed and these options.
fn typed(q: &Questionnaire, markets: &[&str], options: &[&str], codes: &[&str]) -> AnswerSheet {
    let mut sheet = AnswerSheet::new(q);
    sheet.choose(q, &"P.offer".into(), &"goods".into());
    for m in markets {
        sheet.choose(q, &"P.markets".into(), &OptionId::from(*m));
    }
    for o in options {
        sheet.choose(q, &goods(), &OptionId::from(*o));
    }
    for c in codes {
        sheet.add_code(q, &goods(), code(c)).unwrap();
    }
    sheet.check(q).unwrap_or_else(|e| panic!("{e}"));
    sheet
}

fn findings(q: &Questionnaire, sheet: &AnswerSheet) -> Vec<Finding> {
    let c = Catalogue::from_json(BUILTIN_CATALOGUE, q).unwrap();
    let trade = Trade::from_answers(&c, q, sheet);
    obligations(&c, q, &trade, sheet, "2026-11-26".parse().unwrap())
}

fn status<'a>(found: &'a [Finding], id: &str) -> &'a Status {
    &found
        .iter()
        .find(|f| f.obligation.as_str() == id)
        .unwrap_or_else(|| panic!("no entry {id}"))
        .status
}

#[test]
fn a_typed_code_is_normalised_or_refused_with_what_to_change() {
    for (input, normalised) in [
        ("7318", "7318"),
        ("7318.15", "731815"),
        (" 7318 15 90 ", "73181590"),
        ("7318.15.90.10", "7318159010"),
        ("73", "73"),
    ] {
        assert_eq!(code(input).as_str(), normalised, "{input:?}");
    }
    for (input, why) in [
        ("", WhyNotACode::Empty),
        (" . ", WhyNotACode::Empty),
        ("731", WhyNotACode::Length(3)),
        ("73181590123", WhyNotACode::Length(11)),
        ("7318-15", WhyNotACode::NotADigit('-')),
        ("bolts", WhyNotACode::NotADigit('b')),
        ("７３１８", WhyNotACode::NotADigit('７')),
    ] {
        let e = HsCode::from_input(input).unwrap_err();
        assert_eq!(e.why, why, "{input:?}");
        assert_eq!(e.input, input.trim());
        // The message says what an HS code is.
        assert!(e.to_string().contains("7318"), "{e}");
    }
}

#[test]
fn codes_are_kept_in_the_answer_beside_the_options_at_most_ten_never_twice() {
    let q = builtin();
    let mut sheet = typed(&q, &["eu"], &["iron_steel"], &["7318.15"]);
    assert_eq!(
        sheet.get(&goods()),
        Some(&Answer::WithCodes(Coded {
            options: vec!["iron_steel".into()],
            codes: vec![code("731815")]
        }))
    );
    // The same code again is not a second line.
    sheet.add_code(&q, &goods(), code("7318 15")).unwrap();
    assert_eq!(sheet.codes(&goods()).len(), 1);
    // Ticking options keeps the codes; "none of these" too (it names none of the listed groups).
    sheet.choose(&q, &goods(), &"none".into());
    assert_eq!(
        sheet.get(&goods()).unwrap().chosen(),
        &[OptionId::from("none")]
    );
    assert_eq!(sheet.codes(&goods()), &[code("731815")]);
    sheet.choose(&q, &goods(), &"none".into());
    assert_eq!(
        sheet.get(&goods()),
        Some(&Answer::WithCodes(Coded {
            options: vec![],
            codes: vec![code("731815")]
        }))
    );
    // Up to ten.
    for i in 1..MAX_CODES {
        sheet
            .add_code(&q, &goods(), code(&format!("{:02}", 10 + i)))
            .unwrap();
    }
    assert_eq!(sheet.codes(&goods()).len(), MAX_CODES);
    assert_eq!(
        sheet.add_code(&q, &goods(), code("9999")),
        Err(CodeRefused::Full)
    );
    // A question that takes none.
    assert_eq!(
        sheet.add_code(&q, &"P.markets".into(), code("7318")),
        Err(CodeRefused::NotTaken)
    );
    // Removing every code and option leaves no answer.
    for c in sheet.codes(&goods()).to_vec() {
        sheet.remove_code(&goods(), &c);
    }
    assert_eq!(sheet.get(&goods()), None);
    // Removing the codes of an answer with options leaves the plain list.
    let mut sheet = typed(&q, &["eu"], &["iron_steel"], &["7318"]);
    sheet.remove_code(&goods(), &code("7318"));
    assert_eq!(
        sheet.get(&goods()),
        Some(&Answer::Many(vec!["iron_steel".into()]))
    );
}

#[test]
fn a_code_fits_while_there_is_room_and_one_given_again_always_fits() {
    let ten: Vec<HsCode> = (0..MAX_CODES).map(|i| code(&format!("73{i:02}"))).collect();
    for (codes, new, fits) in [
        (&ten[..0], "7318", true),
        (&ten[..MAX_CODES - 1], "7318", true),
        (&ten[..], "7318", false),
        (&ten[..], "7305", true), // already there: kept once, not refused
    ] {
        let expected = if fits { Ok(()) } else { Err(CodeRefused::Full) };
        assert_eq!(
            code_fits(codes, &code(new)),
            expected,
            "{} codes + {new}",
            codes.len()
        );
    }
}

#[test]
fn an_answers_file_with_codes_goes_round_and_bad_codes_are_refused() {
    let q = builtin();
    let sheet = typed(&q, &["eu", "us"], &[], &["7318.15", "940360"]);
    let text = sheet.to_json();
    assert!(
        text.contains("\"codes\": [\n        \"731815\",\n        \"940360\"\n      ]"),
        "{text}"
    );
    assert_eq!(AnswerSheet::from_json(&text, &q).unwrap(), sheet);

    let file = |answer: serde_json::Value| {
        json!({
            "format": "exporter-assessment/answers@1",
            "questionnaire": {"id": "digital-trade", "version": q.doc().version},
            "answers": {"P.offer": "goods", "P.goods": answer, "P.markets": ["eu"]}
        })
        .to_string()
    };
    // Written as a person would type it: refused, with the reason.
    match AnswerSheet::from_json(&file(json!({"codes": ["7318.15"]})), &q) {
        Err(AnswersError::NotAnswers(m)) => assert!(m.contains("\".\" is not a digit"), "{m}"),
        other => panic!("{other:?}"),
    }
    match AnswerSheet::from_json(&file(json!({"codes": ["731"]})), &q) {
        Err(AnswersError::NotAnswers(m)) => assert!(m.contains("3 digit"), "{m}"),
        other => panic!("{other:?}"),
    }
    // An unknown field in a coded answer.
    assert!(AnswerSheet::from_json(&file(json!({"codes": ["7318"], "note": "x"})), &q).is_err());
    // Empty, too many, or on a question that takes none.
    let problems = |text: String| match AnswerSheet::from_json(&text, &q) {
        Err(AnswersError::Invalid(p)) => p,
        other => panic!("{other:?}"),
    };
    assert_eq!(
        problems(file(json!({"codes": []}))),
        vec![AnswerProblem::Empty(goods())]
    );
    let eleven: Vec<String> = (10..21).map(|i| i.to_string()).collect();
    assert_eq!(
        problems(file(json!({"codes": eleven}))),
        vec![AnswerProblem::TooManyCodes(goods())]
    );
    let text = file(json!(["iron_steel"])).replace(
        "\"P.markets\":[\"eu\"]",
        "\"P.markets\":{\"options\":[\"eu\"],\"codes\":[\"7318\"]}",
    );
    assert_eq!(
        problems(text),
        vec![AnswerProblem::CodesNotTaken("P.markets".into())]
    );
}

#[test]
fn a_question_answered_with_codes_only_is_answered() {
    let q = builtin();
    let sheet = typed(&q, &["eu"], &[], &["7318.15"]);
    let report = score(&q, &sheet);
    assert!(!report.missing.contains(&goods()), "{:?}", report.missing);
}

/// Typed codes are matched by prefix like any goods line: a subheading under a CBAM heading is
/// in; a heading inside a range of headings is in; a chapter broader than the trigger may be in
/// (a finer code would tell); a food code is out of an entry that excludes food; codes beside
/// options add to them.
#[test]
fn typed_codes_are_matched_against_the_catalogue_by_prefix() {
    let q = builtin();
    // In by its goods: what is left to know is the tonnage, which the code brought up.
    let tonnage = Status::MayApply {
        answer_needed: vec![Needed::Question("P.cbam_tonnage".into())],
    };
    let found = findings(&q, &typed(&q, &["eu"], &[], &["7318.15"]));
    assert_eq!(status(&found, "eu_cbam"), &tonnage);
    let cbam = found
        .iter()
        .find(|f| f.obligation.as_str() == "eu_cbam")
        .unwrap();
    assert_eq!(cbam.goods, vec![Goods::Code(code("731815"))]);
    assert!(matches!(
        status(&found, "us_uflpa"),
        Status::DoesNotApply { .. }
    ));

    // 7305 is one of the headings 7301–7311.
    let found = findings(&q, &typed(&q, &["eu"], &[], &["7305 90"]));
    assert_eq!(status(&found, "eu_cbam"), &tonnage);

    // A chapter: part of it is CBAM goods.
    let found = findings(&q, &typed(&q, &["eu"], &[], &["73"]));
    assert_eq!(
        status(&found, "eu_cbam"),
        &Status::MayApply {
            answer_needed: vec![Needed::FinerCode(code("73"))]
        }
    );

    // Roasted coffee: EUDR goods, food, so out of the GPSR (which excludes chapters 01–24).
    let coffee = typed(&q, &["eu"], &[], &["0901.21"]);
    let found = findings(&q, &coffee);
    assert!(matches!(
        status(&found, "eu_eudr"),
        Status::MayApply { .. } | Status::Applies
    ));
    assert!(
        matches!(status(&found, "eu_gpsr"), Status::DoesNotApply { .. }),
        "{:?}",
        status(&found, "eu_gpsr")
    );

    // Beside options: both are goods lines.
    let both = typed(&q, &["eu"], &["coffee_cocoa"], &["8507.60"]);
    let found = findings(&q, &both);
    let batteries = found
        .iter()
        .find(|f| f.obligation.as_str() == "eu_batteries")
        .unwrap();
    assert_eq!(batteries.goods, vec![Goods::Code(code("850760"))]);
    assert_eq!(batteries.status, Status::Applies);
}

#[test]
fn the_hand_off_code_carries_typed_codes() {
    let q = builtin();
    let date: Date = "2026-11-26".parse().unwrap();
    let ten: Vec<String> = (0..MAX_CODES)
        .map(|i| format!("{:010}", 9_999_999_990 - i as u64))
        .collect();
    let ten: Vec<&str> = ten.iter().map(String::as_str).collect();
    for sheet in [
        typed(&q, &["eu"], &[], &["7318.15"]),
        typed(
            &q,
            &["eu", "us"],
            &["iron_steel", "apparel"],
            &["73", "940360", "0901210000"],
        ),
        typed(&q, &["eu"], &["none"], &ten),
    ] {
        let mut dated = sheet.clone();
        dated.date = Some(date);
        let handed = encode(&q, &sheet, date).unwrap();
        let back = decode(handed.as_str(), &q).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(back.sheet, dated);
    }
    // Ten codes of ten digits, the most a sheet can hold: still a QR code of version 10 at M
    // after an address of 100 characters (1728 data bits: the address in byte mode, 20 + 8 a
    // character; the digits in numeric mode, 16 + 10 bits for three).
    let longest = encode(&q, &typed(&q, &["eu"], &["none"], &ten), date).unwrap();
    let digits = longest.as_str().len();
    let bits = 20 + 8 * 100 + 16 + 10 * (digits / 3) + [0, 4, 7][digits % 3];
    assert!(bits <= 1728, "{digits} digits: {bits} bits");
}

#[test]
fn codes_only_on_a_question_of_several_answers() {
    let mut doc: serde_json::Value =
        serde_json::from_str(assessment::BUILTIN_QUESTIONNAIRE).unwrap();
    let region = doc["profile"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|p| p["id"] == "P.region")
        .unwrap();
    region["hs_codes"] = json!(true);
    let e = Questionnaire::from_json(&doc.to_string()).unwrap_err();
    let text = e.to_string();
    assert!(text.contains("hs_codes"), "{text}");
    let problems = match Questionnaire::new(serde_json::from_value(doc).unwrap()) {
        Err(p) => p.0,
        Ok(_) => panic!("taken"),
    };
    assert!(problems
        .iter()
        .any(|p| p.place == Place::Question("P.region".into())
            && p.field == "hs_codes"
            && p.kind == ProblemKind::CodesOnSingleChoice));
}
