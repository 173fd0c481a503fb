//! Maps built from a hostile file's keys take n·log n whatever their order, and a count limit is
//! refused while reading. Times are compared as a ratio (descending keys against ascending), never
//! against a clock, so that a loaded machine does not fail them.

use std::time::Instant;

use assessment::limits::MAX_ANSWERS;
use assessment::list_map::ListMap;
use assessment::AnswerSheet;

fn object(keys: impl Iterator<Item = usize>) -> String {
    let entries: Vec<String> = keys.map(|i| format!("\"k{i:07}\":{i}")).collect();
    format!("{{{}}}", entries.join(","))
}

/// The fastest of three runs of `f`, in seconds.
fn time(f: impl Fn()) -> f64 {
    (0..3)
        .map(|_| {
            let started = Instant::now();
            f();
            started.elapsed().as_secs_f64()
        })
        .fold(f64::INFINITY, f64::min)
}

#[test]
fn a_map_of_descending_keys_is_built_as_fast_as_of_ascending_ones() {
    let n = 200_000;
    let ascending = object(0..n);
    let descending = object((0..n).rev());
    let read = |text: &str| {
        let map: ListMap<String, usize> = serde_json::from_str(text).unwrap();
        assert_eq!(map.len(), n);
    };
    let (up, down) = (time(|| read(&ascending)), time(|| read(&descending)));
    eprintln!(
        "{n} keys: ascending {up:.3} s, descending {down:.3} s, ratio {:.2}",
        down / up
    );
    // Inserting into a sorted list one by one made this ratio several hundred.
    assert!(down / up < 3.0, "ascending {up} s, descending {down} s");
}

#[test]
fn an_answers_file_with_more_answers_than_the_limit_is_refused_while_read() {
    let body = |n: usize| {
        let answers: Vec<String> = (0..n).rev().map(|i| format!("\"Q{i:07}\":\"a\"")).collect();
        format!(
            r#"{{"format": "exporter-assessment/answers@1", "questionnaire": {{"id": "x", "version": "1"}}, "answers": {{{}}}}}"#,
            answers.join(",")
        )
    };
    assert!(AnswerSheet::parse(&body(MAX_ANSWERS)).is_ok());
    let e = AnswerSheet::parse(&body(MAX_ANSWERS + 1)).unwrap_err();
    assert!(e.to_string().contains("more than 2000 answers"), "{e}");
}

/// A file over its limit is a problem of its own, at the file's place, with the limit, in both
/// languages: never English inside a Chinese message.
#[test]
fn a_file_over_its_limit_is_its_own_problem_with_the_limit_in_both_languages() {
    use assessment::association::questionnaire_with;
    use assessment::limits::{MAX_CATALOGUE_BYTES, MAX_CONFIG_BYTES, MAX_QUESTIONNAIRE_BYTES};
    use assessment::obligations::Catalogue;
    use assessment::{
        AssociationConfig, Customisation, LangTag, Place, ProblemKind, Questionnaire,
        BUILTIN_QUESTIONNAIRE,
    };

    let over = |max: u64| format!("{{\"pad\": \"{}\"}}", "x".repeat(max as usize));
    let q = Questionnaire::from_json(BUILTIN_QUESTIONNAIRE).unwrap();
    let cases = [
        (
            Questionnaire::load(&over(MAX_QUESTIONNAIRE_BYTES), &Customisation::default())
                .unwrap_err()
                .0,
            Place::Questionnaire,
            MAX_QUESTIONNAIRE_BYTES,
        ),
        (
            AssociationConfig::from_file(&over(MAX_CONFIG_BYTES)).unwrap_err(),
            Place::Config,
            MAX_CONFIG_BYTES,
        ),
        (
            questionnaire_with(&over(MAX_CONFIG_BYTES), BUILTIN_QUESTIONNAIRE).unwrap_err(),
            Place::Config,
            MAX_CONFIG_BYTES,
        ),
        (
            Catalogue::from_json(&over(MAX_CATALOGUE_BYTES), &q)
                .unwrap_err()
                .0,
            Place::Catalogue,
            MAX_CATALOGUE_BYTES,
        ),
    ];
    for (problems, place, max) in cases {
        assert_eq!(problems.len(), 1, "{problems:?}");
        let p = &problems[0];
        assert_eq!((&p.place, p.field.as_str()), (&place, ""));
        assert_eq!(p.kind, ProblemKind::TooLarge { max_bytes: max });
        let kb = max / 1024;
        let en = p.message(&LangTag::from("en"));
        let zh = p.message(&LangTag::from("zh-CN"));
        assert!(en.contains(&format!("over {kb} KB")), "{en}");
        assert!(zh.contains(&format!("超过 {kb} KB")), "{zh}");
        assert!(!zh.contains("file"), "English inside the Chinese: {zh}");
    }
    let from_json = Questionnaire::from_json(&over(MAX_QUESTIONNAIRE_BYTES)).unwrap_err();
    assert!(
        from_json.to_string().contains("over 4096 KB"),
        "{from_json}"
    );
}

#[test]
fn a_catalogue_of_too_many_entries_is_its_own_problem_with_the_limit() {
    use assessment::limits::MAX_CATALOGUE_ENTRIES;
    use assessment::obligations::Catalogue;
    use assessment::{LangTag, Place, ProblemKind, Questionnaire, BUILTIN_QUESTIONNAIRE};

    let q = Questionnaire::from_json(BUILTIN_QUESTIONNAIRE).unwrap();
    let mut catalogue: serde_json::Value =
        serde_json::from_str(assessment::obligations::BUILTIN_CATALOGUE).unwrap();
    // The shortest entry, 1001 times: under the size limit, over the count.
    let one = catalogue["obligations"]
        .as_array()
        .unwrap()
        .iter()
        .min_by_key(|o| o.to_string().len())
        .unwrap()
        .clone();
    catalogue["obligations"] = serde_json::Value::Array(vec![one; MAX_CATALOGUE_ENTRIES + 1]);
    let problems = Catalogue::from_json(&catalogue.to_string(), &q)
        .unwrap_err()
        .0;
    assert_eq!(problems.len(), 1);
    assert_eq!(
        (&problems[0].place, problems[0].field.as_str()),
        (&Place::Catalogue, "obligations")
    );
    assert_eq!(
        problems[0].kind,
        ProblemKind::TooMany {
            max: MAX_CATALOGUE_ENTRIES
        }
    );
    let zh = problems[0].message(&LangTag::from("zh-CN"));
    assert!(zh.contains("超过 1000 个"), "{zh}");
}

/// Every list of problems is cut short by one function: the first 20, then how many more, in
/// either language.
#[test]
fn every_list_of_problems_is_capped_alike() {
    use assessment::limits::{capped, MAX_PROBLEMS_LISTED};
    use assessment::{LangTag, Questionnaire, BUILTIN_QUESTIONNAIRE};

    for (n, en_more, zh_more) in [
        (0, None, None),
        (MAX_PROBLEMS_LISTED, None, None),
        (
            MAX_PROBLEMS_LISTED + 1,
            Some("… and 1 more"),
            Some("……另有 1 处"),
        ),
        (500, Some("… and 480 more"), Some("……另有 480 处")),
    ] {
        let items: Vec<usize> = (0..n).collect();
        for (lang, more) in [("en", en_more), ("zh-CN", zh_more)] {
            let lines = capped(&items, &LangTag::from(lang), |i| i.to_string());
            assert_eq!(
                lines.len(),
                n.min(MAX_PROBLEMS_LISTED) + usize::from(more.is_some())
            );
            assert_eq!(
                lines.last().map(String::as_str).filter(|_| more.is_some()),
                more
            );
        }
    }

    // A questionnaire without its Chinese texts: hundreds of problems, a short message.
    let mut doc: serde_json::Value = serde_json::from_str(BUILTIN_QUESTIONNAIRE).unwrap();
    fn strip(v: &mut serde_json::Value) {
        match v {
            serde_json::Value::Object(o) => {
                if o.contains_key("en") {
                    o.remove("zh-CN");
                }
                o.values_mut().for_each(strip);
            }
            serde_json::Value::Array(a) => a.iter_mut().for_each(strip),
            _ => {}
        }
    }
    strip(&mut doc);
    let message = Questionnaire::from_json(&doc.to_string())
        .unwrap_err()
        .to_string();
    let listed = message.lines().filter(|l| l.starts_with("- ")).count();
    assert_eq!(listed, MAX_PROBLEMS_LISTED, "{message}");
    assert!(
        message.lines().last().unwrap().starts_with("… and "),
        "{message}"
    );
}
