//! Result records (made, written, read back as hostile input) and a cohort's figures with every
//! privacy rule: a group of 4 hidden and 5 shown, a cross-tabulation of 9 hidden and 10 shown, no
//! percentile below 20, and which groups complementary suppression withholds (`disclosure.rs`
//! attacks what it publishes).

use assessment::cohort::{
    csv_cell, suppress, Figures, Group, GroupKey, PathKey, MIN_CROSS_TAB, MIN_GROUP,
    MIN_PERCENTILES,
};
use assessment::limits::MAX_REFUSED_LISTED;
use assessment::result_record::{DimensionScore, PathStatus, Profile, RecommendationRef};
use assessment::{
    import, score, to_csv, AnswerSheet, Cohort, DimensionId, Grouping, Hidden, ImportError,
    LangTag, OptionId, QuestionId, RecordProblem, Refusal, Refusals, Refused, ResultRecord, Score,
    Shown, StageId, Tally, Unread, RECORD_FORMAT,
};

use crate::common::builtin;

fn fixture(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures")
        .join(name);
    std::fs::read_to_string(path).unwrap()
}

/// A Chinese message holds no English sentence: only ids, format tags, numbers and JSON's name.
fn assert_no_english(case: &str, text: &str) {
    let english = [
        "this", "the", "is", "not", "it", "its", "a", "of", "line", "column", "expected", "field",
        "unknown", "file", "cannot", "read", "over", "has", "no",
    ];
    for word in text.split(|c: char| !c.is_ascii_alphabetic()) {
        assert!(
            !english.contains(&word.to_ascii_lowercase().as_str()),
            "{case}: {text:?} has the English word {word:?}"
        );
    }
}

fn stage_for(overall: f64) -> &'static str {
    match overall {
        o if o >= 80.0 => "level4",
        o if o >= 60.0 => "level3",
        o if o >= 40.0 => "level2",
        o if o >= 20.0 => "level1",
        _ => "unrated",
    }
}

/// A record of the shipped questionnaire made by hand: every dimension at `overall`, except the
/// institutions one, five points lower (so it is the bottleneck).
pub(crate) fn record(
    region: Option<&str>,
    sector: Option<&str>,
    size: Option<&str>,
    overall: f64,
) -> ResultRecord {
    let s = |x: f64| Score::from_points(x);
    ResultRecord {
        format: RECORD_FORMAT.to_owned(),
        questionnaire: builtin().reference(),
        customisation: None,
        date: None,
        profile: Profile {
            region: region.map(OptionId::from),
            sector: sector.map(OptionId::from),
            size: size.map(OptionId::from),
        },
        complete: true,
        overall: s(overall),
        stage: Some(StageId::from(stage_for(overall))),
        bottleneck: Some(DimensionId::from("institutions")),
        dimensions: [
            ("technology", 0.0),
            ("industry", 0.0),
            ("institutions", -5.0),
        ]
        .iter()
        .map(|(id, d)| DimensionScore {
            id: DimensionId::from(*id),
            score: s((overall + d).max(0.0)),
        })
        .collect(),
        critical_gaps: if overall < 40.0 {
            vec![QuestionId::from("R2")]
        } else {
            vec![]
        },
        export_path: PathStatus::Decided {
            outcome: assessment::PathId::from("exempt"),
        },
        top_recommendations: vec![RecommendationRef {
            item: QuestionId::from("R2"),
            countermeasure: assessment::CountermeasureId::from("3.3"),
        }],
        answers: None,
    }
}

fn in_region(region: &str, n: usize, overall: f64) -> Vec<ResultRecord> {
    (0..n)
        .map(|_| record(Some(region), Some("textiles"), Some("lt20"), overall))
        .collect()
}

fn cohort(records: &[ResultRecord]) -> Cohort {
    let mut tally = Tally::new(&builtin());
    for r in records {
        tally.add(r);
    }
    tally.finish(Refusals::default())
}

fn group<'a>(c: &'a Cohort, grouping: Grouping, code: &str) -> &'a Group {
    c.groupings
        .iter()
        .find(|t| t.grouping == grouping)
        .unwrap()
        .groups
        .iter()
        .find(|g| g.key == GroupKey::Code(OptionId::from(code)))
        .unwrap()
}

fn figures(g: &Group) -> &Figures {
    g.figures.shown().expect("figures shown")
}

#[test]
fn a_record_is_made_from_a_report_and_read_back() {
    let q = builtin();
    let sheet = AnswerSheet::from_json(&fixture("gba-electronics-brand.json"), &q).unwrap();
    let report = score(&q, &sheet);
    let date = "2026-03-01".parse().ok();
    let without = ResultRecord::new(&q, &sheet, &report, date, false);
    assert_eq!(without.profile.region, Some(OptionId::from("east")));
    assert_eq!(without.profile.sector, Some(OptionId::from("electronics")));
    assert_eq!(without.profile.size, Some(OptionId::from("e100_299")));
    assert_eq!(without.overall, report.overall.and_then(Score::from_points));
    assert_eq!(without.top_recommendations.len(), 3);
    assert!(without.answers.is_none());
    assert!(!without.to_json().contains("\"answers\""));
    assert_eq!(import(&without.to_json(), &q), Ok(without.clone()));

    assert_eq!(
        import(&format!("\u{feff}{}", without.to_json()), &q),
        Ok(without.clone()),
        "a byte-order mark is read past"
    );
    let with = ResultRecord::new(&q, &sheet, &report, date, true);
    assert_eq!(import(&with.to_json(), &q), Ok(with.clone()));
    // An answers file is scored into the record of its answers, with them and its date (this
    // one has none).
    let scored = import(&fixture("gba-electronics-brand.json"), &q).unwrap();
    assert_eq!(scored, ResultRecord { date: None, ..with });
    let mut dated = sheet.clone();
    dated.date = date;
    assert_eq!(import(&dated.to_json(), &q).unwrap().date, date);
}

#[test]
fn a_gap_is_known_only_where_the_item_was_asked() {
    let q = builtin();
    let sheet = AnswerSheet::from_json(&fixture("gba-electronics-brand.json"), &q).unwrap();
    let report = score(&q, &sheet);
    let with = ResultRecord::new(&q, &sheet, &report, None, true);
    let gaps = with.gaps(&q);
    let critical: Vec<_> = q
        .items()
        .filter(|(_, i)| i.critical.is_some())
        .map(|(_, i)| i.id.clone())
        .collect();
    assert_eq!(
        gaps.iter().map(|(id, _)| id.clone()).collect::<Vec<_>>(),
        critical
    );
    for (id, known) in &gaps {
        let level = report
            .dimensions
            .iter()
            .flat_map(|d| &d.items)
            .find(|i| &i.id == id)
            .unwrap()
            .level;
        let listed = with.critical_gaps.contains(id);
        match known {
            Some(true) => assert!(listed),
            Some(false) => assert!(!listed && level.is_some(), "{id}"),
            None => assert!(level.is_none(), "{id} was answered"),
        }
    }
    assert!(gaps.iter().any(|(_, k)| *k == Some(true)), "{gaps:?}");
    assert!(gaps.iter().any(|(_, k)| *k == Some(false)), "{gaps:?}");
    // Without answers, only the listed gaps are known.
    let without = ResultRecord::new(&q, &sheet, &report, None, false);
    for ((_, a), (_, b)) in gaps.iter().zip(without.gaps(&q)) {
        assert_eq!(b, a.filter(|&gap| gap));
    }
    // Profile answers only: nothing is asked, nothing known.
    let partial = AnswerSheet::from_json(&fixture("partial-profile-only.json"), &q).unwrap();
    let record = ResultRecord::scored(&q, &partial);
    assert!(record.gaps(&q).iter().all(|(_, k)| k.is_none()));
}

#[test]
fn a_hostile_record_is_refused_with_a_reason() {
    let q = builtin();
    let sheet = AnswerSheet::from_json(&fixture("west-steel-eu.json"), &q).unwrap();
    let good = ResultRecord::new(&q, &sheet, &score(&q, &sheet), None, true);
    let good_json: serde_json::Value = serde_json::from_str(&good.to_json()).unwrap();
    let edit = |f: &dyn Fn(&mut serde_json::Value)| {
        let mut v = good_json.clone();
        f(&mut v);
        import(&v.to_string(), &q)
    };
    let cases: Vec<(&str, Result<ResultRecord, ImportError>, &str, &str)> = vec![
        (
            "not json",
            import("{\"format\":", &q),
            "neither a result record",
            "第 1 行第 10 列处不是有效的 JSON",
        ),
        (
            "array",
            import("[1]", &q),
            "neither a result record",
            "没有说明文件类型的“format”字段",
        ),
        (
            "no format",
            import("{}", &q),
            "no \"format\"",
            "没有说明文件类型的“format”字段",
        ),
        (
            "other format",
            edit(&|v| v["format"] = "exporter-assessment/result@9".into()),
            "does not read",
            "格式为“exporter-assessment/result@9”，本工具无法读取",
        ),
        (
            "a name",
            edit(&|v| v["name"] = "Acme Ltd".into()),
            "unknown field `name`",
            "不能有的字段“name”",
        ),
        (
            "other version",
            edit(&|v| v["questionnaire"]["version"] = "0.9.0".into()),
            "count it with that questionnaire",
            "而不是问卷“digital-trade” {v} 版：请用那份问卷统计它",
        ),
        (
            "unknown region",
            edit(&|v| v["profile"]["region"] = "mars".into()),
            "region \"mars\" is not an option",
            "其地区“mars”不是题目“P.region”的选项",
        ),
        (
            "score above 100",
            edit(&|v| v["overall"] = 100.5.into()),
            "not a score",
            "不符合结果记录的格式",
        ),
        (
            "score with two decimals",
            edit(&|v| v["overall"] = 50.25.into()),
            "not a score",
            "不符合结果记录的格式",
        ),
        (
            "huge score",
            import(
                &good_json
                    .to_string()
                    .replace("\"overall\":", "\"overall\":1e400,\"x\":"),
                &q,
            ),
            "neither",
            "不符合结果记录的格式",
        ),
        (
            "stage not the overall's",
            edit(&|v| v["stage"] = "level4".into()),
            "overall score is in stage",
            "其阶段为“level4”，但其总分属于阶段",
        ),
        (
            "not a critical item",
            edit(&|v| v["critical_gaps"] = serde_json::json!(["T1"])),
            "\"T1\" is not an item with a critical rule",
            "其严重合规缺口“T1”不是带有严重合规规则的题目",
        ),
        (
            "a gap twice",
            edit(&|v| v["critical_gaps"] = serde_json::json!(["R2", "R2"])),
            "repeated",
            "重复出现",
        ),
        (
            "a recommendation twice",
            edit(&|v| {
                let first = v["top_recommendations"][0].clone();
                v["top_recommendations"][1] = first;
            }),
            "twice",
            "列出了两次",
        ),
        (
            "unknown outcome",
            edit(&|v| v["export_path"] = serde_json::json!({"status": "decided", "outcome": "x"})),
            "\"x\" is not an outcome",
            "其数据出境路径“x”不是问卷中的结论",
        ),
        (
            "a dimension missing",
            edit(&|v| {
                v["dimensions"].as_array_mut().unwrap().pop();
            }),
            "scores the dimensions",
            "其评分的维度为",
        ),
        (
            "figures changed after the answers",
            edit(&|v| v["complete"] = (!good.complete).into()),
            "not what its answers score",
            "其数字与其回答的评分结果不符",
        ),
        (
            "an answer twice",
            import(
                &good.to_json().replace(
                    "\"answers\": {\n      \"",
                    "\"answers\": {\"T1\": \"edge\", \"",
                ),
                &q,
            ),
            "answered twice",
            "题目“T1”回答了两次",
        ),
        (
            "foreign answers file",
            import(
                &fixture("gba-electronics-brand.json").replace("digital-trade", "other-thing"),
                &q,
            ),
            "not \"digital-trade\"",
            "这些回答属于问卷“other-thing” {v} 版，而不是问卷“digital-trade” {v} 版",
        ),
    ];
    let (en, zh) = (LangTag::from("en"), LangTag::from("zh-CN"));
    for (case, result, expected, expected_zh) in cases {
        let error = match result {
            Ok(_) => panic!("{case}: accepted"),
            Err(e) => e,
        };
        let message = error.to_string();
        assert!(
            message.contains(expected),
            "{case}: {message:?} does not say {expected:?}"
        );
        assert_eq!(
            error.message(&en),
            message,
            "{case}: the English is Display"
        );
        let chinese = error.message(&zh);
        // The fixtures' version is the shipped questionnaire's.
        let expected_zh = &expected_zh.replace("{v}", &q.doc().version);
        assert!(
            chinese.contains(expected_zh),
            "{case}: {chinese:?} does not say {expected_zh:?}"
        );
        assert_no_english(case, &chinese);
    }
    assert!(matches!(
        edit(&|v| v["stage"] = "level4".into()),
        Err(ImportError::Record(p)) if matches!(p[0], RecordProblem::Stage { .. })
    ));
}

#[test]
fn a_refusal_is_told_in_both_languages_with_its_kind() {
    let q = builtin();
    let (en, zh) = (LangTag::from("en"), LangTag::from("zh-CN"));
    let refusal = |text: &str| Refusal::from(import(text, &q).unwrap_err());
    let foreign = fixture("gba-electronics-brand.json").replace("digital-trade", "other-thing");
    let mut invalid: serde_json::Value =
        serde_json::from_str(&fixture("gba-electronics-brand.json")).unwrap();
    invalid["answers"]["T1"] = "teleport".into();
    invalid["answers"]["P.region"] = serde_json::json!(["east", "west"]);
    let cases = [
        (
            refusal("{\"format\": \"exporter-assessment/answers@1\", \"questionnaire\": "),
            "not_a_result",
            "neither a result record nor an answers file",
            "这既不是结果记录，也不是回答文件：第 1 行第 61 列处不是有效的 JSON",
        ),
        (
            refusal(&foreign),
            "other_questionnaire",
            "made for questionnaire \"other-thing\" version {v}",
            "这些回答属于问卷“other-thing” {v} 版",
        ),
        (
            refusal(&invalid.to_string()),
            "answers",
            "the answers file has 2 problem(s):\n- question \"P.region\" takes one answer",
            "此回答文件有 2 处问题：\n- 题目“P.region”只能选一项，但给出了多项\n- 题目“T1”没有选项“teleport”",
        ),
        (
            Unread::TooLarge.into(),
            "too_large",
            "this file is over 1024 KB",
            "此文件超过 1024 KB",
        ),
        (
            Unread::NotUtf8.into(),
            "not_utf8",
            "not UTF-8 text",
            "此文件不是 UTF-8 文本",
        ),
        (
            Unread::Unreadable(Some("permission denied".to_owned())).into(),
            "unreadable",
            "cannot be read: permission denied",
            "无法读取此文件",
        ),
    ];
    for (refusal, kind, english, chinese) in cases {
        // The fixtures' version is the shipped questionnaire's.
        let version = q.doc().version.clone();
        let (english, chinese) = (
            &english.replace("{v}", &version),
            &chinese.replace("{v}", &version),
        );
        assert_eq!(refusal.kind(), kind, "{refusal}");
        assert!(refusal.message(&en).contains(english), "{refusal}");
        assert_eq!(refusal.message(&en), refusal.to_string());
        let message = refusal.message(&zh);
        assert!(
            message.contains(chinese),
            "{message:?} does not say {chinese:?}"
        );
        assert_no_english(kind, &message);
        // A language the core does not speak gets the English.
        assert_eq!(refusal.message(&LangTag::from("fr")), refusal.to_string());
    }
    // The cohort's JSON keeps the English words, as `assess cohort --json` always wrote them.
    let refused = assessment::Refused {
        name: "a.json".to_owned(),
        reason: Unread::NotUtf8.into(),
    };
    assert_eq!(
        serde_json::to_value(&refused).unwrap(),
        serde_json::json!({"name": "a.json", "reason": "this file is not UTF-8 text"})
    );
}

fn refused(i: usize) -> Refused {
    Refused {
        name: format!("members.jsonl:{i}"),
        reason: Unread::NotUtf8.into(),
    }
}

#[test]
fn ten_thousand_refusals_list_the_first_hundred_and_count_them_all() {
    assert_eq!(MAX_REFUSED_LISTED, 100);
    let mut all = Refusals::default();
    assert!(all.is_empty());
    assert_eq!(all.more(&LangTag::from("en")), None);
    for i in 1..=10_000 {
        all.push(refused(i));
    }
    assert_eq!(all.total(), 10_000);
    let names: Vec<&str> = all.listed().iter().map(|r| r.name.as_str()).collect();
    let first: Vec<String> = (1..=100).map(|i| format!("members.jsonl:{i}")).collect();
    assert_eq!(names, first);
    assert_eq!(
        all.more(&LangTag::from("en")).as_deref(),
        Some("… and 9900 more")
    );
    assert_eq!(
        all.more(&LangTag::from("zh-CN")).as_deref(),
        Some("……另有 9900 个未列出")
    );

    // Parts counted on several threads, appended in order, list the same first hundred.
    let mut merged = Refusals::default();
    for part in (1..=10_000).collect::<Vec<_>>().chunks(37) {
        let mut here = Refusals::default();
        for &i in part {
            here.push(refused(i));
        }
        merged.append(here);
    }
    assert_eq!(merged, all);

    // The cohort's JSON: the first hundred, and how many in all.
    let c = Tally::new(&builtin()).finish(all);
    let json = serde_json::to_value(&c).unwrap();
    assert_eq!(json["refused"].as_array().unwrap().len(), 100);
    assert_eq!(json["refused"][99]["name"], "members.jsonl:100");
    assert_eq!(json["refused_total"], 10_000);
    // A hundred is all that is listed, whatever the count: the JSON stays small.
    assert!(serde_json::to_string(&c).unwrap().len() < 64 << 10);

    // Exactly the cap: every one listed, nothing more to say.
    let mut hundred = Refusals::default();
    (1..=100).for_each(|i| hundred.push(refused(i)));
    assert_eq!((hundred.listed().len(), hundred.total()), (100, 100));
    assert_eq!(hundred.more(&LangTag::from("en")), None);
    hundred.push(refused(101));
    assert_eq!(
        hundred.more(&LangTag::from("en")).as_deref(),
        Some("… and 1 more")
    );
}

#[test]
fn the_whole_set_of_4_is_hidden_and_of_5_shown() {
    let c = cohort(&in_region("east", 4, 50.0));
    assert_eq!(c.counted, 4);
    assert_eq!(c.all.members, Shown::Hidden(Hidden::FewerThan(5)));
    assert_eq!(c.all.figures, Shown::Hidden(Hidden::FewerThan(5)));
    let c = cohort(&in_region("east", 5, 50.0));
    assert_eq!(c.all.members, Shown::Shown(5));
    assert_eq!(figures(&c.all).stages.n, 5);
}

#[test]
fn a_group_of_4_is_hidden_and_of_5_shown_with_its_complement() {
    // 4 in the west: hidden, and the east (the only other group with members) with it, or the
    // whole (24) minus the east (20) would give the west's 4.
    let mut records = in_region("east", 20, 50.0);
    records.extend(in_region("west", 4, 30.0));
    let c = cohort(&records);
    assert_eq!(c.all.members, Shown::Shown(24));
    // Both with the same reason: it does not say which one is the small group.
    for code in ["west", "east"] {
        let g = group(&c, Grouping::Region, code);
        assert_eq!(
            g.members,
            Shown::Hidden(Hidden::Withheld(MIN_GROUP)),
            "{code}"
        );
        assert_eq!(
            g.figures,
            Shown::Hidden(Hidden::Withheld(MIN_GROUP)),
            "{code}"
        );
    }
    // Empty groups are shown as empty: they reveal no member.
    assert_eq!(
        group(&c, Grouping::Region, "central").members,
        Shown::Shown(0)
    );

    // 5 in the west: its count is shown, its breakdown (a cross-tabulation) is not, and the
    // east's breakdown is withheld with it.
    let mut records = in_region("east", 20, 50.0);
    records.extend(in_region("west", 5, 30.0));
    let c = cohort(&records);
    let west = group(&c, Grouping::Region, "west");
    assert_eq!(west.members, Shown::Shown(5));
    assert_eq!(west.figures, Shown::Hidden(Hidden::Withheld(MIN_CROSS_TAB)));
    let east = group(&c, Grouping::Region, "east");
    assert_eq!(east.members, Shown::Shown(20));
    assert_eq!(east.figures, Shown::Hidden(Hidden::Withheld(MIN_CROSS_TAB)));
}

#[test]
fn a_cross_tabulation_of_9_is_hidden_and_of_10_shown() {
    let mut records = in_region("east", 30, 50.0);
    records.extend(in_region("central", 12, 70.0));
    records.extend(in_region("west", 9, 30.0));
    let c = cohort(&records);
    assert_eq!(group(&c, Grouping::Region, "west").members, Shown::Shown(9));
    // The smallest other group is withheld, so that all − east − central ≠ west's breakdown.
    for code in ["west", "central"] {
        assert_eq!(
            group(&c, Grouping::Region, code).figures,
            Shown::Hidden(Hidden::Withheld(10)),
            "{code}"
        );
    }
    assert_eq!(figures(group(&c, Grouping::Region, "east")).n, 30);

    records.push(record(Some("west"), Some("textiles"), Some("lt20"), 30.0));
    let c = cohort(&records);
    for (code, n) in [("east", 30), ("central", 12), ("west", 10)] {
        assert_eq!(figures(group(&c, Grouping::Region, code)).n, n, "{code}");
    }
}

#[test]
fn no_percentile_below_20_values() {
    let values: Vec<f64> = (0..19).map(|i| f64::from(i) * 5.0).collect();
    let mut records: Vec<ResultRecord> = values
        .iter()
        .map(|v| record(Some("east"), Some("textiles"), Some("lt20"), *v))
        .collect();
    let c = cohort(&records);
    let f = figures(&c.all);
    assert_eq!(f.overall.n, 19);
    assert_eq!(
        f.overall.quartiles,
        Shown::Hidden(Hidden::FewerThan(MIN_PERCENTILES))
    );
    // The east (all 19, a group of a grouping) shows its breakdown but no percentile either.
    let east = figures(group(&c, Grouping::Region, "east"));
    assert_eq!(east.overall.quartiles, Shown::Hidden(Hidden::FewerThan(20)));

    records.push(record(Some("east"), Some("textiles"), Some("lt20"), 100.0));
    let c = cohort(&records);
    let q = figures(&c.all).overall.quartiles.shown().cloned().unwrap();
    // 0, 5, … 90, 100: h = 19p; p25 at 4.75 → 20 + 0.75·5; median at 9.5 → 47.5; p75 at 14.25.
    assert_eq!((q.p25, q.median, q.p75), (23.75, 47.5, 71.25));
    // A dimension with only unscored members counts them apart and has no quartiles.
    let mut unscored = record(None, None, None, 50.0);
    unscored.dimensions[0].score = None;
    let c = cohort(&[
        unscored.clone(),
        unscored.clone(),
        unscored.clone(),
        unscored.clone(),
        unscored,
    ]);
    let tech = &figures(&c.all).dimensions[0].distribution;
    assert_eq!((tech.n, tech.unscored), (0, 5));
}

#[test]
fn complementary_suppression_withholds_the_small_groups_and_the_fewest_others() {
    // (sizes, threshold, withheld: H = withheld, . = shown). One of k withheld groups can be at
    // most their sum − (k − 1): withheld until that reaches the threshold, and until one of them
    // could be the group withheld to protect the others.
    let cases: &[(&[u64], u64, &str)] = &[
        (&[20, 4, 0, 0, 0], 5, "HH..."),
        (&[20, 3, 3, 0, 0], 5, ".HH.."),
        (&[20, 2, 3, 0, 0], 5, "HHH.."),
        (&[20, 8, 2, 0, 7], 5, "..H.H"),
        (&[20, 8, 2, 6, 7], 5, "..HH."),
        // Every shown group of the smallest size, whatever their order.
        (&[1, 5, 5, 105, 0], 5, "HHH.."),
        (&[3, 5, 5, 105, 0], 5, "HHH.."),
        (&[4, 4, 100, 0, 0], 5, "HH..."),
        // Enough by the count, but none of the three could be 5 or more: the 6 as well.
        (&[4, 4, 4, 6, 100], 5, "HHHH."),
        (&[30, 12, 9, 0, 0], 10, ".HH.."),
        (&[30, 12, 10, 0, 0], 10, "....."),
        (&[6, 6, 6, 0, 1], 10, "HHH.H"),
        (&[12, 15, 6, 0, 1], 10, "H.H.H"),
        // A set under threshold + groups − 1 (9 here): its grouping withheld whole.
        (&[3, 1, 0, 0, 0], 5, "HHHHH"),
        (&[1, 1, 1, 1, 1], 5, "HHHHH"),
        (&[8, 0, 0, 0, 0], 5, "HHHHH"),
        (&[9, 0, 0, 0, 0], 5, "....."),
    ];
    for (sizes, threshold, expected) in cases {
        let hidden = suppress(sizes, *threshold, &vec![false; sizes.len()]);
        let got: String = hidden.iter().map(|h| if *h { 'H' } else { '.' }).collect();
        assert_eq!(&got, expected, "{sizes:?} at {threshold}");
    }
    // What is withheld already (the members, for the breakdowns) stays withheld, and counts.
    assert_eq!(
        suppress(&[7, 12, 100], 10, &[true, false, false]),
        [true, true, false]
    );
}

#[test]
fn the_figures_are_counted_exactly() {
    let mut records = Vec::new();
    for (i, overall) in [
        10.0, 35.5, 35.5, 62.0, 80.0, 99.9, 100.0, 45.0, 45.0, 20.0, 0.0,
    ]
    .iter()
    .enumerate()
    {
        let mut r = record(Some("east"), Some("machinery"), Some("e20_99"), *overall);
        if i == 0 {
            r.export_path = PathStatus::Pending;
            r.bottleneck = Some(DimensionId::from("technology"));
            r.complete = false;
        }
        records.push(r);
    }
    let c = cohort(&records);
    let f = figures(&c.all);
    assert_eq!((f.n, f.complete), (11, 10));
    assert_eq!(f.overall.bins, vec![1, 1, 1, 2, 2, 0, 1, 0, 1, 2]);
    let stages: Vec<(Option<String>, u64)> = f
        .stages
        .counts
        .iter()
        .map(|c| (c.key.as_ref().map(|s| s.to_string()), c.count))
        .collect();
    assert_eq!(
        stages,
        vec![
            (Some("unrated".into()), 2),
            (Some("level1".into()), 3),
            (Some("level2".into()), 2),
            (Some("level3".into()), 1),
            (Some("level4".into()), 3),
            (None, 0)
        ]
    );
    let r2 = f
        .critical_gaps
        .gaps
        .iter()
        .find(|g| g.item.as_str() == "R2")
        .unwrap();
    assert_eq!((r2.count, r2.percent, f.critical_gaps.n), (5, 45.5, 11));
    assert_eq!(
        f.most_common_bottleneck,
        vec![DimensionId::from("institutions")]
    );
    assert_eq!(f.top_recommendations.counts.len(), 1);
    assert_eq!(f.top_recommendations.counts[0].count, 11);
    let pending = f
        .export_paths
        .counts
        .iter()
        .find(|c| c.key == PathKey::Pending)
        .unwrap();
    assert_eq!(pending.count, 1);
    // Institutions is five points lower, floored at 0: 0 and 10 → 0 and 5, both in the first bin.
    assert_eq!(f.dimensions[2].distribution.bins[0], 2);

    // Counting in parts and merging gives the same figures.
    let q = builtin();
    let (mut a, mut b) = (Tally::new(&q), Tally::new(&q));
    for (i, r) in records.iter().enumerate() {
        if i % 3 == 0 {
            a.add(r)
        } else {
            b.add(r)
        }
    }
    a.merge(&b);
    assert_eq!(a.finish(Refusals::default()), c);
}

#[test]
fn the_csv_has_every_figure_and_escapes_its_cells() {
    assert_eq!(csv_cell("plain"), "plain");
    assert_eq!(csv_cell("a,b"), "\"a,b\"");
    assert_eq!(csv_cell("say \"hi\""), "\"say \"\"hi\"\"\"");
    assert_eq!(csv_cell("two\nlines"), "\"two\nlines\"");
    assert_eq!(csv_cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
    assert_eq!(csv_cell("@SUM(A1)"), "'@SUM(A1)");
    assert_eq!(csv_cell("-1.5"), "-1.5");

    let mut records = in_region("east", 20, 50.0);
    records.extend(in_region("west", 4, 30.0));
    let csv = to_csv(&cohort(&records));
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines[0], "grouping,group,figure,subject,key,value,n");
    assert!(lines.contains(&"all,(all),members,,,24,24"), "{csv}");
    for code in ["west", "east"] {
        let line = format!(
            "region,{code},members,,,withheld (fewer than 5 or would reveal such a group),"
        );
        assert!(lines.contains(&line.as_str()), "{csv}");
    }
    assert!(lines.contains(&"all,(all),score_bin,overall,50-60,20,24"));
    assert!(lines.contains(&"all,(all),score_quartile,overall,median,50,24"));
    assert!(lines.contains(&"all,(all),critical_gap,R2,count,4,24"));
    assert!(lines.contains(&"all,(all),export_path,,exempt,24,24"));
    // Nothing of a hidden group: no row gives the west's or the east's figures.
    assert!(!lines.iter().any(|l| l.starts_with("region,west,score")));
    assert!(!lines.iter().any(|l| l.starts_with("region,east,score")));
    // Every row has the header's seven cells.
    assert!(lines.iter().all(|l| l.split(',').count() == 7), "{csv}");
}

/// The shipped questionnaire as the members of an association with `config` answered it.
fn with_config(config: &str) -> assessment::Questionnaire {
    assessment::association::questionnaire_with(config, assessment::BUILTIN_QUESTIONNAIRE)
        .unwrap_or_else(|problems| panic!("{problems:?}"))
}

/// `fixture`'s answers to the questions `q` asks (an association that asks fewer sections).
fn answers_for(q: &assessment::Questionnaire, fixture_name: &str) -> AnswerSheet {
    let mut doc: serde_json::Value = serde_json::from_str(&fixture(fixture_name)).unwrap();
    doc["answers"]
        .as_object_mut()
        .unwrap()
        .retain(|id, _| q.question(&QuestionId::from(id.as_str())).is_some());
    AnswerSheet::from_json(&doc.to_string(), q).unwrap()
}

const ORIGIN: &str = "\"origin\": \"https://www.association.example\"";

#[test]
fn a_record_says_its_customisation_and_is_counted_only_with_the_same() {
    let (en, zh) = (LangTag::from("en"), LangTag::from("zh-CN"));
    let shipped = builtin();
    // Sections listed in any order; a weight of each kind.
    let q = with_config(&format!(
        r#"{{{ORIGIN}, "sections": ["institutions", "technology"],
            "weights": {{"dimensions": {{"institutions": 1.5}}, "items": {{"R2": 2.0}}}}}}"#
    ));
    let sheet = answers_for(&q, "gba-electronics-brand.json");
    let report = score(&q, &sheet);
    let date = "2026-03-01".parse().ok();
    let record = ResultRecord::new(&q, &sheet, &report, date, true);
    let made = record
        .customisation
        .clone()
        .expect("the record says its customisation");
    assert_eq!(
        serde_json::to_value(&made).unwrap(),
        serde_json::json!({
            "sections": ["technology", "institutions"],
            "weights": {"dimensions": {"institutions": 1.5}, "items": {"R2": 2.0}}
        }),
        "in the questionnaire's order, as a config writes it"
    );
    // Counted with the same config, with and without answers.
    assert_eq!(import(&record.to_json(), &q), Ok(record.clone()));
    let without = ResultRecord::new(&q, &sheet, &report, date, false);
    assert_eq!(import(&without.to_json(), &q), Ok(without.clone()));

    // Without the config: refused, saying why, in both languages.
    let refused = Refusal::from(import(&without.to_json(), &shipped).unwrap_err());
    assert_eq!(refused.kind(), "other_customisation");
    assert_eq!(
        refused.message(&en),
        "this result was made with other sections or weights (sections technology, \
         institutions; weights dimension institutions 1.5, item R2 2): give the association's \
         config it was made under to count it"
    );
    let chinese = refused.message(&zh);
    assert!(
        chinese.starts_with("此结果是用其他维度或权重评分的（维度 “technology”、“institutions”；权重 维度“institutions” 1.5，题目“R2” 2）：请提供它所依据的协会配置"),
        "{chinese}"
    );
    assert_no_english("other_customisation", &chinese);

    // With another association's weights: refused, naming both.
    let other = with_config(&format!(
        r#"{{{ORIGIN}, "sections": ["technology", "institutions"],
            "weights": {{"dimensions": {{"institutions": 1.5}}, "items": {{"R2": 3}}}}}}"#
    ));
    let e = import(&record.to_json(), &other).unwrap_err();
    assert!(
        matches!(&e, ImportError::OtherCustomisation { made: m, given } if **m == made && !given.is_empty())
    );
    assert!(e.to_string().contains("item R2 2) than the association's config given (sections technology, institutions; weights dimension institutions 1.5, item R2 3)"), "{e}");
    assert_no_english("other_customisation", &e.message(&zh));

    // A record as shipped, counted with a config: refused the other way round.
    let shipped_sheet =
        AnswerSheet::from_json(&fixture("gba-electronics-brand.json"), &shipped).unwrap();
    let as_shipped = ResultRecord::new(
        &shipped,
        &shipped_sheet,
        &score(&shipped, &shipped_sheet),
        date,
        false,
    );
    assert!(as_shipped.customisation.is_none());
    assert!(!as_shipped.to_json().contains("customisation"));
    let weights_only = with_config(&format!(
        r#"{{{ORIGIN}, "weights": {{"dimensions": {{"institutions": 3}}, "items": {{"R2": 2}}}}}}"#
    ));
    let e = import(&as_shipped.to_json(), &weights_only).unwrap_err();
    assert_eq!(
        e.to_string(),
        "this result was made with the questionnaire's own sections and weights, not with the \
         association's config given (weights dimension institutions 3, item R2 2): count it \
         without that config"
    );
    assert!(
        e.message(&zh).contains("请不用该配置统计它"),
        "{}",
        e.message(&zh)
    );

    // An answers file is scored with the association's weights: another figure than shipped.
    let answers = fixture("gba-electronics-brand.json");
    let scored = import(&answers, &weights_only).unwrap();
    assert_eq!(
        scored.customisation,
        weights_only.customisation().clone().into()
    );
    assert_ne!(scored.overall, import(&answers, &shipped).unwrap().overall);
    assert_eq!(
        scored.overall,
        score(&weights_only, &shipped_sheet)
            .overall
            .and_then(Score::from_points)
    );

    // A record whose weight is edited is refused too: the weights are the record's to keep.
    let edited = record.to_json().replace("\"R2\": 2.0", "\"R2\": 2.5");
    assert!(matches!(
        import(&edited, &q),
        Err(ImportError::OtherCustomisation { .. })
    ));
}

#[test]
fn a_config_that_changes_no_scoring_is_no_customisation() {
    let shipped = builtin();
    let doc = shipped.doc();
    let all: Vec<String> = doc
        .dimensions
        .iter()
        .rev()
        .map(|d| format!("\"{}\"", d.id))
        .collect();
    let first = &doc.dimensions[0];
    let q = with_config(&format!(
        r#"{{{ORIGIN}, "sections": [{}], "weights": {{"dimensions": {{"{}": {}}}, "items": {{"{}": {}}}}}}}"#,
        all.join(", "),
        first.id,
        first.weight,
        first.items[0].id,
        first.items[0].weight
    ));
    assert!(q.customisation().is_empty());
    let record = import(&fixture("west-steel-eu.json"), &q).unwrap();
    assert!(record.customisation.is_none());
    assert_eq!(import(&record.to_json(), &shipped), Ok(record.clone()));
}

#[test]
fn a_config_with_problems_gives_them_all() {
    let problems = assessment::association::questionnaire_with(
        r#"{"origin": "nowhere", "weights": {"items": {"T9": 2}}}"#,
        assessment::BUILTIN_QUESTIONNAIRE,
    )
    .unwrap_err();
    let fields: Vec<&str> = problems.iter().map(|p| p.field.as_str()).collect();
    assert_eq!(fields, ["origin", "weights.items.T9"]);
    let missing =
        assessment::association::questionnaire_with("{}", assessment::BUILTIN_QUESTIONNAIRE)
            .unwrap_err();
    assert_eq!(missing[0].field, "origin");
}
