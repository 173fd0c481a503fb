//! The shipped questionnaire in one language (`Questionnaire::in_language`, which the web app
//! loads first): the same questionnaire with each text in that language only, scoring every
//! fixture the same; and the files the app loads (`questionnaire/split/`) are the ones it
//! generates.

use std::path::Path;

use assessment::questionnaire::{Source, Switch};
use assessment::{score, AnswerSheet, Lang, LangTag, Questionnaire};
use serde_json::Value;

use crate::common::builtin;

/// Walks `full` and `one` together: every text of `full` is `{lang: the same string}` in `one`,
/// and everything else is identical. Returns the number of texts seen.
fn same_but_one_language(full: &Value, one: &Value, lang: &str, at: &str) -> usize {
    match (full, one) {
        (Value::Object(f), Value::Object(o)) => {
            let is_text = !f.is_empty()
                && f.values().all(Value::is_string)
                && f.keys().all(|k| k == "zh-CN" || k == "en");
            if is_text {
                assert_eq!(o.len(), 1, "{at}: one language");
                assert_eq!(o.get(lang), f.get(lang), "{at}");
                return 1;
            }
            assert_eq!(
                f.keys().collect::<Vec<_>>(),
                o.keys().collect::<Vec<_>>(),
                "{at}"
            );
            f.iter()
                .map(|(k, v)| same_but_one_language(v, &o[k], lang, &format!("{at}.{k}")))
                .sum()
        }
        (Value::Array(f), Value::Array(o)) => {
            assert_eq!(f.len(), o.len(), "{at}");
            f.iter()
                .zip(o)
                .enumerate()
                .map(|(i, (f, o))| same_but_one_language(f, o, lang, &format!("{at}[{i}]")))
                .sum()
        }
        _ if at == ".languages[0]" || at == ".languages" => 0,
        _ => {
            assert_eq!(full, one, "{at}");
            0
        }
    }
}

/// `value` with each text in `lang` only.
fn only(value: &mut Value, lang: &str) {
    match value {
        Value::Object(map) => {
            let is_text = !map.is_empty()
                && map.values().all(Value::is_string)
                && map.keys().all(|k| k == "zh-CN" || k == "en");
            if is_text {
                map.retain(|k, _| k == lang);
            } else {
                map.values_mut().for_each(|v| only(v, lang));
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|v| only(v, lang)),
        _ => {}
    }
}

#[test]
fn each_language_keeps_every_text_of_its_own_and_nothing_else_changes() {
    let q = builtin();
    let full = serde_json::to_value(q.doc()).unwrap();
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures");
    for lang in ["zh-CN", "en"] {
        let tag = LangTag::from(lang);
        let one = q.in_language(&tag).unwrap();
        assert_eq!(one.doc().languages, vec![tag.clone()]);
        let mut one_value = serde_json::to_value(one.doc()).unwrap();
        assert_eq!(one_value["languages"], serde_json::json!([lang]));
        one_value["languages"] = full["languages"].clone();
        let texts = same_but_one_language(&full, &one_value, lang, "");
        assert!(texts > 400, "{texts} texts");
        // Same id and version: answers saved in one are answers to the other.
        assert_eq!(one.reference(), q.reference());
        for entry in std::fs::read_dir(&fixtures).unwrap() {
            let path = entry.unwrap().path();
            let text = std::fs::read_to_string(&path).unwrap();
            let Ok(sheet) = AnswerSheet::from_json(&text, &q) else {
                continue;
            };
            // The same report but for the texts it carries, which are in one language.
            let mut full_report = serde_json::to_value(score(&q, &sheet)).unwrap();
            only(&mut full_report, lang);
            let one_report = serde_json::to_value(score(&one, &sheet)).unwrap();
            assert_eq!(one_report, full_report, "{}", path.display());
        }
    }
    assert!(q.in_language(&LangTag::from("fr")).is_err());
}

#[test]
fn the_files_the_app_loads_are_generated_from_the_questionnaire() {
    let q = builtin();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../questionnaire/split");
    let read = |name: &str| {
        std::fs::read_to_string(dir.join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
    };
    let stale = "questionnaire/split/ is stale: run `cargo run -p assess -- split questionnaire/digital-trade.json questionnaire/split`";
    assert!(read("digital-trade.json") == q.to_json(), "{stale}");
    for lang in ["zh-CN", "en"] {
        let one = q.in_language(&LangTag::from(lang)).unwrap();
        assert!(
            read(&format!("digital-trade.{lang}.json")) == one.to_json(),
            "{stale}"
        );
        assert!(Questionnaire::from_json(&read(&format!("digital-trade.{lang}.json"))).is_ok());
    }
}

/// A language switch takes what the questionnaire at hand speaks, fetches the shipped one whole for
/// its other language, and never puts the shipped one under an association's answers.
#[test]
fn a_switch_never_puts_another_questionnaire_under_the_answers() {
    let whole = builtin();
    let zh = whole.in_language(&"zh-CN".into()).unwrap();
    assert_eq!(whole.languages_spoken().collect::<Vec<_>>(), Lang::ALL);
    assert_eq!(zh.languages_spoken().collect::<Vec<_>>(), [Lang::ZhCn]);
    for source in [Source::Shipped, Source::Association] {
        assert_eq!(whole.switch_to(Lang::En, source), Switch::Ready);
        assert_eq!(zh.switch_to(Lang::ZhCn, source), Switch::Ready);
    }
    // The shipped one exists whole, in every language; an association's only as it declares.
    assert_eq!(
        zh.switch_to(Lang::En, Source::Shipped),
        Switch::FetchShipped
    );
    assert_eq!(
        zh.switch_to(Lang::En, Source::Association),
        Switch::NotOffered
    );
}
