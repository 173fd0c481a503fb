//! Validation: a questionnaire document is checked as a whole and every problem is reported, each
//! naming the place (item, question, …) and the field, so that an association editing its own file
//! can fix them all in one pass.

use std::cmp::Ordering;

use crate::bounds::MAX_WEIGHT;
use crate::condition::{Condition, Ref};
use crate::ids::{is_questionnaire_id, is_version, Level};
use crate::list_map::{ListMap, ListSet};
use crate::model::{Benchmark, QuestionnaireDoc, Recommendation};
use crate::problem::{Place, Problem, ProblemKind, Problems};
use crate::text::{LangTag, Text};

/// Greater than 0 and at most `MAX_WEIGHT`; NaN is not.
pub fn weight_in_range(weight: f64) -> bool {
    weight > 0.0 && weight <= MAX_WEIGHT
}

/// What a question id stands for, for reference checks.
struct Known<'a> {
    /// Question id → (option ids, is a scored item).
    questions: ListMap<&'a str, (ListSet<&'a str>, bool)>,
    /// The questions that take HS codes (`hs_codes`).
    coded: ListSet<&'a str>,
    outcomes: ListSet<&'a str>,
}

struct Checker<'a> {
    languages: &'a [LangTag],
    problems: Vec<Problem>,
}

impl<'a> Checker<'a> {
    fn push(&mut self, place: &Place, field: impl Into<String>, kind: ProblemKind) {
        self.problems.push(Problem {
            place: place.clone(),
            field: field.into(),
            kind,
        });
    }

    fn text(&mut self, place: &Place, field: &str, text: &Text) {
        for lang in text.missing(self.languages) {
            self.push(place, field, ProblemKind::MissingTranslation(lang.clone()));
        }
        if let Some(c) = text
            .iter()
            .flat_map(|(_, s)| s.chars())
            .find(|&c| forbidden_in_text(c))
        {
            self.push(place, field, ProblemKind::ForbiddenCharacter(c));
        }
    }

    fn weight(&mut self, place: &Place, weight: f64) {
        if !weight_in_range(weight) {
            self.push(place, "weight", ProblemKind::WeightOutOfRange(weight));
        }
    }

    fn level(&mut self, place: &Place, field: &str, level: u8) -> Option<Level> {
        let checked = Level::try_from(level).ok();
        if checked.is_none() {
            self.push(place, field, ProblemKind::LevelOutOfRange(level));
        }
        checked
    }

    fn score(&mut self, place: &Place, field: &str, score: f64) {
        if !(0.0..=100.0).contains(&score) {
            self.push(place, field, ProblemKind::ScoreOutOfRange(score));
        }
    }

    fn unique<'s>(&mut self, seen: &mut ListSet<&'s str>, place: &Place, field: &str, id: &'s str) {
        if !seen.insert(id) {
            self.push(place, field, ProblemKind::DuplicateId(id.to_owned()));
        }
    }

    fn condition(&mut self, known: &Known<'_>, place: &Place, field: &str, condition: &Condition) {
        condition.visit_refs(&mut |r| match r {
            Ref::Question(q) => {
                if !known.questions.contains_key(q.as_str()) {
                    self.push(place, field, ProblemKind::UnknownQuestion(q.0.clone()));
                }
            }
            Ref::Option(q, o) => {
                if let Some((options, _)) = known.questions.get(q.as_str()) {
                    if !options.contains(o.as_str()) {
                        self.push(
                            place,
                            field,
                            ProblemKind::UnknownOption {
                                question: q.0.clone(),
                                option: o.0.clone(),
                            },
                        );
                    }
                }
            }
            Ref::Level(item, level) => {
                match known.questions.get(item.as_str()) {
                    None => self.push(place, field, ProblemKind::UnknownQuestion(item.0.clone())),
                    Some((_, false)) => {
                        self.push(place, field, ProblemKind::NotAnItem(item.0.clone()))
                    }
                    Some((_, true)) => {}
                }
                self.level(place, field, level);
            }
            Ref::Codes(q) => {
                // An unknown question is reported by its `Ref::Question`.
                if known.questions.contains_key(q.as_str()) && !known.coded.contains(q.as_str()) {
                    self.push(place, field, ProblemKind::TakesNoCodes(q.0.clone()));
                }
            }
            Ref::ExportPath => {}
            Ref::Outcome(id) => {
                if !known.outcomes.contains(id.as_str()) {
                    self.push(place, field, ProblemKind::UnknownOutcome(id.0.clone()));
                }
            }
        });
    }
}

/// The bidi embedding, override and isolate characters (U+202A–U+202E, U+2066–U+2069): they make
/// the text around them display in another order than it reads. The one definition for every
/// text from outside — questionnaires here, an association's name and notices in the app.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Every problem of one text: a declared language missing, or a forbidden character. For the
/// documents checked outside this module (the obligations catalogue).
pub(crate) fn text_problems(
    languages: &[LangTag],
    place: &Place,
    field: &str,
    text: &Text,
) -> Vec<Problem> {
    let mut c = Checker {
        languages,
        problems: Vec::new(),
    };
    c.text(place, field, text);
    c.problems
}

/// Control characters (but line breaks and tabs, which texts may hold) and bidi controls.
fn forbidden_in_text(c: char) -> bool {
    (c.is_control() && !matches!(c, '\n' | '\t')) || is_bidi_control(c)
}

/// The node of the dependency graph that holds the data-export decision.
const EXPORT_PATH_NODE: &str = "(export path)";

/// Checks a questionnaire document; `Ok` means it can be scored.
pub fn validate(doc: &QuestionnaireDoc) -> Result<(), Problems> {
    let mut c = Checker {
        languages: &doc.languages,
        problems: Vec::new(),
    };
    let top = Place::Questionnaire;
    if doc.languages.is_empty() {
        c.push(&top, "languages", ProblemKind::NoLanguages);
    }
    // Both are shown on every printed page and name saved answers: they must be plain.
    if !is_questionnaire_id(&doc.id) {
        c.push(&top, "id", ProblemKind::BadQuestionnaireId(doc.id.clone()));
    }
    if !is_version(&doc.version) {
        c.push(
            &top,
            "version",
            ProblemKind::BadVersion(doc.version.clone()),
        );
    }
    for (field, text) in [
        ("title", &doc.title),
        ("description", &doc.description),
        ("source", &doc.source),
        ("disclaimer", &doc.disclaimer),
        ("horizons.now", &doc.horizons.now),
        ("horizons.this_year", &doc.horizons.this_year),
        ("horizons.later", &doc.horizons.later),
    ] {
        c.text(&top, field, text);
    }

    // First pass: ids, so that references can be checked whatever the order of declaration.
    let mut known = Known {
        questions: ListMap::new(),
        coded: ListSet::new(),
        outcomes: ListSet::new(),
    };
    let mut question_ids = ListSet::new();
    for q in &doc.profile {
        let place = Place::Question(q.id.0.clone());
        c.unique(&mut question_ids, &place, "id", q.id.as_str());
        let options = q.options.iter().map(|o| o.id.as_str()).collect();
        known.questions.insert(q.id.as_str(), (options, false));
        if q.hs_codes {
            known.coded.insert(q.id.as_str());
        }
    }
    for d in &doc.dimensions {
        for item in &d.items {
            let place = Place::Item(item.id.0.clone());
            c.unique(&mut question_ids, &place, "id", item.id.as_str());
            let options = item.options.iter().map(|o| o.id.as_str()).collect();
            known.questions.insert(item.id.as_str(), (options, true));
        }
    }
    let mut outcome_ids = ListSet::new();
    for o in &doc.export_path.outcomes {
        let place = Place::ExportOutcome(o.id.0.clone());
        c.unique(&mut outcome_ids, &place, "id", o.id.as_str());
        known.outcomes.insert(o.id.as_str());
    }
    let mut countermeasure_ids = ListSet::new();
    for m in &doc.countermeasures {
        let place = Place::Countermeasure(m.id.0.clone());
        c.unique(&mut countermeasure_ids, &place, "id", m.id.as_str());
        c.text(&place, "title", &m.title);
        c.text(&place, "summary", &m.summary);
    }

    // Who does a recommendation, how much it takes, where to get help.
    let mut lists = FirstStepLists::default();
    for r in &doc.roles {
        let place = Place::Role(r.id.0.clone());
        c.unique(&mut lists.roles, &place, "id", r.id.as_str());
        c.text(&place, "label", &r.label);
    }
    for e in &doc.efforts {
        let place = Place::Effort(e.id.0.clone());
        c.unique(&mut lists.efforts, &place, "id", e.id.as_str());
        c.text(&place, "label", &e.label);
    }
    for h in &doc.help_sources {
        let place = Place::HelpSource(h.id.0.clone());
        c.unique(&mut lists.help_sources, &place, "id", h.id.as_str());
        c.text(&place, "name", &h.name);
        c.text(&place, "offers", &h.offers);
    }

    // Profile questions.
    if doc.profile.is_empty() {
        c.push(&top, "profile", ProblemKind::Empty);
    }
    for q in &doc.profile {
        let place = Place::Question(q.id.0.clone());
        c.text(&place, "text", &q.text);
        if let Some(help) = &q.help {
            c.text(&place, "help", help);
        }
        if q.options.is_empty() {
            c.push(&place, "options", ProblemKind::Empty);
        }
        if q.hs_codes && !q.multiple {
            c.push(&place, "hs_codes", ProblemKind::CodesOnSingleChoice);
        }
        let mut seen = ListSet::new();
        for (i, o) in q.options.iter().enumerate() {
            c.unique(
                &mut seen,
                &place,
                &format!("options[{i}].id"),
                o.id.as_str(),
            );
            c.text(&place, &format!("options[{i}].label"), &o.label);
        }
        if let Some(condition) = &q.applies_when {
            c.condition(&known, &place, "applies_when", condition);
            condition.visit_refs(&mut |r| {
                let id = match r {
                    Ref::Level(id, _) => Some(id.0.clone()),
                    Ref::Question(id) if known.questions.get(id.as_str()).is_some_and(|k| k.1) => {
                        Some(id.0.clone())
                    }
                    Ref::ExportPath => Some(EXPORT_PATH_NODE.to_owned()),
                    _ => None,
                };
                if let Some(id) = id {
                    c.push(
                        &place,
                        "applies_when",
                        ProblemKind::ProfileReferencesItems(id),
                    );
                }
            });
        }
    }

    // Dimensions and items.
    if doc.dimensions.is_empty() {
        c.push(&top, "dimensions", ProblemKind::Empty);
    }
    let mut dimension_ids = ListSet::new();
    for d in &doc.dimensions {
        let place = Place::Dimension(d.id.0.clone());
        c.unique(&mut dimension_ids, &place, "id", d.id.as_str());
        c.text(&place, "title", &d.title);
        c.text(&place, "description", &d.description);
        c.weight(&place, d.weight);
        if let Some(cap) = d.critical_cap {
            c.score(&place, "critical_cap", cap);
        }
        if d.items.is_empty() {
            c.push(&place, "items", ProblemKind::Empty);
        }
        for item in &d.items {
            let place = Place::Item(item.id.0.clone());
            c.text(&place, "text", &item.text);
            if let Some(help) = &item.help {
                c.text(&place, "help", help);
            }
            c.weight(&place, item.weight);
            let target = c.level(&place, "target", item.target);
            if item.options.is_empty() {
                c.push(&place, "options", ProblemKind::Empty);
            }
            let mut seen = ListSet::new();
            let mut answerable = Vec::new();
            for (i, o) in item.options.iter().enumerate() {
                c.unique(
                    &mut seen,
                    &place,
                    &format!("options[{i}].id"),
                    o.id.as_str(),
                );
                c.text(&place, &format!("options[{i}].label"), &o.label);
                answerable.extend(c.level(&place, &format!("options[{i}].level"), o.level));
            }
            if let Some(condition) = &item.applies_when {
                c.condition(&known, &place, "applies_when", condition);
            }
            if let Some(b) = &item.benchmark {
                benchmark(&mut c, &known, &place, b);
            }
            if let Some(critical) = &item.critical {
                c.condition(&known, &place, "critical.when", &critical.when);
                c.text(&place, "critical.text", &critical.text);
                c.text(&place, "critical.basis", &critical.basis);
            }
            recommendations(
                &mut c,
                &known,
                &place,
                &item.recommendations,
                &countermeasure_ids,
                &lists,
            );
            if let Some(target) = target {
                // Every level a firm can actually answer below the target must lead somewhere.
                let covered: ListSet<u8> = item
                    .recommendations
                    .iter()
                    .flat_map(|r| r.levels.iter().copied())
                    .collect();
                let mut missing: Vec<Level> = answerable
                    .into_iter()
                    .filter(|l| *l < target && !covered.contains(&l.value()))
                    .collect();
                crate::order::sort_by(&mut missing, Ord::cmp);
                missing.dedup();
                for level in missing {
                    c.push(
                        &place,
                        "recommendations",
                        ProblemKind::NoRecommendationForLevel(level.value()),
                    );
                }
            }
        }
    }

    // Stages.
    if doc.stages.is_empty() {
        c.push(&top, "stages", ProblemKind::Empty);
    }
    let mut stage_ids = ListSet::new();
    for (i, s) in doc.stages.iter().enumerate() {
        let place = Place::Stage(i);
        c.unique(&mut stage_ids, &place, "id", s.id.as_str());
        c.text(&place, "label", &s.label);
        c.text(&place, "meaning", &s.meaning);
        c.score(&place, "min_score", s.min_score);
        if i == 0 && s.min_score != 0.0 {
            c.push(
                &place,
                "min_score",
                ProblemKind::FirstStageNotZero(s.min_score),
            );
        }
        // `partial_cmp` so that NaN is out of order too.
        if i > 0 && s.min_score.partial_cmp(&doc.stages[i - 1].min_score) != Some(Ordering::Greater)
        {
            c.push(&place, "min_score", ProblemKind::StagesNotAscending);
        }
    }

    // The data-export decision.
    for o in &doc.export_path.outcomes {
        let place = Place::ExportOutcome(o.id.0.clone());
        c.text(&place, "title", &o.title);
        c.text(&place, "summary", &o.summary);
        c.text(&place, "basis", &o.basis);
        for (i, duty) in o.duties.iter().enumerate() {
            c.text(&place, &format!("duties[{i}]"), duty);
        }
    }
    for (i, rule) in doc.export_path.rules.iter().enumerate() {
        let place = Place::ExportRule(i);
        c.condition(&known, &place, "when", &rule.when);
        c.text(&place, "reason", &rule.reason);
        if !known.outcomes.contains(rule.outcome.as_str()) {
            c.push(
                &place,
                "outcome",
                ProblemKind::UnknownOutcome(rule.outcome.0.clone()),
            );
        }
    }
    let mut route_ids = ListSet::new();
    for route in &doc.export_path.routes {
        let place = Place::ExportRoute(route.id.0.clone());
        c.unique(&mut route_ids, &place, "id", route.id.as_str());
        c.condition(&known, &place, "when", &route.when);
        c.text(&place, "title", &route.title);
        c.text(&place, "text", &route.text);
        c.text(&place, "basis", &route.basis);
    }

    for (i, m) in doc.migrations.iter().enumerate() {
        if m.from == doc.version {
            c.push(
                &top,
                format!("migrations[{i}].from"),
                ProblemKind::MigrationFromItself(m.from.clone()),
            );
        }
        // A question listed as changed need not exist: an association's customisation may have
        // left its section out, and an answer to an unknown question is dropped anyway.
        // A carried answer must land on an option that exists, of a single-choice question.
        for (j, carry) in m.carried.iter().enumerate() {
            let field = format!("migrations[{i}].carried[{j}]");
            match doc.profile.iter().find(|q| q.id == carry.to) {
                None => c.push(
                    &top,
                    format!("{field}.to"),
                    ProblemKind::UnknownQuestion(carry.to.0.clone()),
                ),
                Some(q) if !q.options.iter().any(|o| o.id == carry.as_option) => c.push(
                    &top,
                    format!("{field}.as"),
                    ProblemKind::UnknownOption {
                        question: carry.to.0.clone(),
                        option: carry.as_option.0.clone(),
                    },
                ),
                Some(_) => {}
            }
        }
    }

    profile_parts(&mut c, doc, &dimension_ids);
    cycles(&mut c, doc);

    if c.problems.is_empty() {
        Ok(())
    } else {
        Err(Problems(c.problems))
    }
}

/// Names that are screens of their own in the page's address (`route.rs` in the app).
const SCREEN_NAMES: [&str; 4] = ["profile", "review", "report", "about"];

/// Whether `id` can name a part's screen: 1–32 lower-case ASCII letters, digits, `-` and `_`,
/// starting with a letter (a name of digits alone is a hand-off code in an address).
fn is_part_name(id: &str) -> bool {
    (1..=32).contains(&id.len())
        && id.starts_with(|c: char| c.is_ascii_lowercase())
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
}

/// The profile's parts: screens of the walk named beside the dimensions, each starting after the
/// one before, so that together they ask the profile in its own order.
fn profile_parts(c: &mut Checker<'_>, doc: &QuestionnaireDoc, dimension_ids: &ListSet<&str>) {
    let mut ids = ListSet::new();
    let mut previous: Option<usize> = None;
    for part in &doc.profile_parts {
        let id = part.id.as_str();
        let place = Place::ProfilePart(id.to_owned());
        c.unique(&mut ids, &place, "id", id);
        if !is_part_name(id) || SCREEN_NAMES.contains(&id) || dimension_ids.contains(&id) {
            c.push(&place, "id", ProblemKind::BadPartId(id.to_owned()));
        }
        c.text(&place, "title", &part.title);
        c.text(&place, "intro", &part.intro);
        match doc.profile.iter().position(|q| q.id == part.from) {
            None => c.push(
                &place,
                "from",
                ProblemKind::UnknownQuestion(part.from.0.clone()),
            ),
            Some(at) => {
                if previous.map_or(at != 0, |before| at <= before) {
                    c.push(&place, "from", ProblemKind::PartOutOfOrder);
                }
                previous = Some(at);
            }
        }
    }
}

/// A benchmark: its texts, that it quotes at least one figure and only from sections it shows,
/// its condition, and a comparison in order.
fn benchmark(c: &mut Checker<'_>, known: &Known<'_>, place: &Place, b: &Benchmark) {
    c.text(place, "benchmark.text", &b.text);
    if b.quotes.is_empty() {
        c.push(place, "benchmark.quotes", ProblemKind::Empty);
    }
    let shown: Vec<&str> = b.section.split(',').map(str::trim).collect();
    for (i, quote) in b.quotes.iter().enumerate() {
        if quote.text.trim().is_empty() {
            c.push(
                place,
                format!("benchmark.quotes[{i}].text"),
                ProblemKind::Empty,
            );
        }
        if !shown.contains(&quote.section.trim()) {
            c.push(
                place,
                format!("benchmark.quotes[{i}].section"),
                ProblemKind::QuoteSectionNotShown {
                    quote: quote.section.clone(),
                    shown: b.section.clone(),
                },
            );
        }
    }
    if let Some(condition) = &b.applies_when {
        c.condition(known, place, "benchmark.applies_when", condition);
    }
    if let Some(compare) = &b.compare {
        let level_from = c.level(place, "benchmark.compare.level_from", compare.level_from);
        let ahead_from = c.level(place, "benchmark.compare.ahead_from", compare.ahead_from);
        if let (Some(l), Some(a)) = (level_from, ahead_from) {
            if l > a {
                c.push(
                    place,
                    "benchmark.compare",
                    ProblemKind::CompareOutOfOrder {
                        level_from: l.value(),
                        ahead_from: a.value(),
                    },
                );
            }
        }
    }
}

fn recommendations(
    c: &mut Checker<'_>,
    known: &Known<'_>,
    place: &Place,
    recommendations: &[Recommendation],
    countermeasures: &ListSet<&str>,
    lists: &FirstStepLists<'_>,
) {
    for (i, r) in recommendations.iter().enumerate() {
        first_step(c, place, i, r, lists);
        if r.levels.is_empty() {
            c.push(
                place,
                format!("recommendations[{i}].levels"),
                ProblemKind::Empty,
            );
        }
        for (j, level) in r.levels.iter().enumerate() {
            c.level(place, &format!("recommendations[{i}].levels[{j}]"), *level);
        }
        if !countermeasures.contains(r.countermeasure.as_str()) {
            c.push(
                place,
                format!("recommendations[{i}].countermeasure"),
                ProblemKind::UnknownCountermeasure(r.countermeasure.0.clone()),
            );
        }
        c.text(place, &format!("recommendations[{i}].text"), &r.text);
        if let Some(condition) = &r.applies_when {
            c.condition(
                known,
                place,
                &format!("recommendations[{i}].applies_when"),
                condition,
            );
        }
    }
}

/// The ids of the questionnaire's `roles`, `efforts` and `help_sources`.
#[derive(Default)]
struct FirstStepLists<'a> {
    roles: ListSet<&'a str>,
    efforts: ListSet<&'a str>,
    help_sources: ListSet<&'a str>,
}

/// A recommendation's who, effort and help: each names an entry of its list, and each is given
/// when the questionnaire declares that list.
fn first_step(
    c: &mut Checker<'_>,
    place: &Place,
    i: usize,
    r: &Recommendation,
    lists: &FirstStepLists<'_>,
) {
    let named: [(&str, &'static str, &ListSet<&str>, Vec<&str>); 3] = [
        (
            "who",
            "roles",
            &lists.roles,
            r.who.iter().map(|id| id.as_str()).collect(),
        ),
        (
            "effort",
            "efforts",
            &lists.efforts,
            r.effort.iter().map(|id| id.as_str()).collect(),
        ),
        (
            "help_from",
            "help_sources",
            &lists.help_sources,
            r.help_from.iter().map(|id| id.as_str()).collect(),
        ),
    ];
    for (field, list, declared, ids) in named {
        if ids.is_empty() && !declared.is_empty() {
            c.push(
                place,
                format!("recommendations[{i}].{field}"),
                ProblemKind::MissingEntry { list },
            );
        }
        for id in ids {
            if !declared.contains(id) {
                c.push(
                    place,
                    format!("recommendations[{i}].{field}"),
                    ProblemKind::UnknownEntry {
                        list,
                        id: id.to_owned(),
                    },
                );
            }
        }
    }
}

/// Finds circular dependencies between applicability rules and the data-export decision.
///
/// Nodes are questions and the export decision; a node depends on every question (or item level, or
/// the export decision) its own rule reads. Critical-gap and route conditions are not nodes: nothing
/// else reads them, so they cannot close a circle.
fn cycles(c: &mut Checker<'_>, doc: &QuestionnaireDoc) {
    let mut graph: ListMap<String, Vec<String>> = ListMap::new();
    let mut add = |node: &str, condition: Option<&Condition>| {
        let mut deps = Vec::new();
        if let Some(condition) = condition {
            condition.visit_refs(&mut |r| match r {
                Ref::Question(q) | Ref::Level(q, _) => deps.push(q.0.clone()),
                Ref::ExportPath => deps.push(EXPORT_PATH_NODE.to_owned()),
                Ref::Option(..) | Ref::Codes(..) | Ref::Outcome(_) => {}
            });
        }
        graph.get_or_default(node.to_owned()).extend(deps);
    };
    for q in &doc.profile {
        add(q.id.as_str(), q.applies_when.as_ref());
    }
    for d in &doc.dimensions {
        for item in &d.items {
            add(item.id.as_str(), item.applies_when.as_ref());
        }
    }
    for rule in &doc.export_path.rules {
        add(EXPORT_PATH_NODE, Some(&rule.when));
    }

    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        Visiting,
        Done,
    }
    fn visit(
        node: &str,
        graph: &ListMap<String, Vec<String>>,
        marks: &mut ListMap<String, Mark>,
        stack: &mut Vec<String>,
        found: &mut Vec<Vec<String>>,
    ) {
        match marks.get(node) {
            Some(Mark::Done) => return,
            Some(Mark::Visiting) => {
                let start = stack.iter().position(|n| n == node).unwrap_or(0);
                let mut cycle = stack[start..].to_vec();
                cycle.push(node.to_owned());
                found.push(cycle);
                return;
            }
            None => {}
        }
        marks.insert(node.to_owned(), Mark::Visiting);
        stack.push(node.to_owned());
        for dep in graph.get(node).into_iter().flatten() {
            visit(dep, graph, marks, stack, found);
        }
        stack.pop();
        marks.insert(node.to_owned(), Mark::Done);
    }
    let mut marks = ListMap::new();
    let mut found = Vec::new();
    for node in graph.keys() {
        visit(node, &graph, &mut marks, &mut Vec::new(), &mut found);
    }
    for cycle in found {
        let first = &cycle[0];
        let place = if first == EXPORT_PATH_NODE {
            Place::ExportRule(0)
        } else if doc.profile.iter().any(|q| q.id.as_str() == first) {
            Place::Question(first.clone())
        } else {
            Place::Item(first.clone())
        };
        let field = if first == EXPORT_PATH_NODE {
            "when"
        } else {
            "applies_when"
        };
        c.push(&place, field, ProblemKind::Cycle(cycle));
    }
}
