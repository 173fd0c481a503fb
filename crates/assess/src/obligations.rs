//! `assess obligations QUESTIONNAIRE ANSWERS [--catalogue FILE] [--date YYYY-MM-DD] [--hs CODE]…
//! [--json] [--lang TAG]`: what each market asks of the firm's goods, by when — the report's "Your
//! markets and goods" section. Everything comes from the core (`assessment::obligations`): this
//! file only reads the files and lays out the resolved view.

use std::fmt::Write as _;
use std::time::{SystemTime, UNIX_EPOCH};

use assessment::limits::Document;
use assessment::obligations::{page, unconfirmed_deciding, view, Currency};
use assessment::{
    obligations, AnswerSheet, Catalogue, CodeRefused, Confidence, Date, Group, HsCode, Lang,
    LangTag, NeededName, Page, Questionnaire, Status, Trade, BUILTIN_CATALOGUE,
};
use serde_json::json;

use crate::Checked;

pub const USAGE: &str =
    "  assess obligations QUESTIONNAIRE.json ANSWERS.json [--catalogue CATALOGUE.json] \
[--date YYYY-MM-DD] [--hs CODE]... [--json] [--lang zh-CN|en]";

/// Runs the subcommand on its arguments (those after `obligations`).
pub fn run(args: &[String]) -> Result<String, crate::Failure> {
    let usage = || format!("usage:\n{USAGE}");
    let mut json = false;
    let mut lang = None;
    let mut catalogue_path = None;
    let mut date = None;
    let mut codes = Vec::new();
    let mut positional = Vec::new();
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        let mut value = |name: &str| {
            args.next()
                .map(String::as_str)
                .ok_or(format!("{name} needs a value\n{}", usage()))
        };
        match arg.as_str() {
            "--json" => json = true,
            "--lang" => lang = Some(crate::parse_lang(value("--lang")?)?),
            "--catalogue" => catalogue_path = Some(value("--catalogue")?.to_owned()),
            "--date" => {
                let text = value("--date")?;
                date = Some(text.parse::<Date>().map_err(|e| format!("--date: {e}"))?);
            }
            "--hs" => {
                let text = value("--hs")?;
                codes.push(HsCode::from_input(text).map_err(|e| format!("--hs: {e}"))?);
            }
            "--help" | "-h" => return Ok(usage() + "\n"),
            a if a.starts_with('-') => {
                return Err(format!("unknown option {a}\n{}", usage()).into())
            }
            _ => positional.push(arg.as_str()),
        }
    }
    if let ["validate", cpath, rest @ ..] = positional.as_slice() {
        let checked = match rest {
            [] => validate(cpath, None)?,
            [qpath] => validate(cpath, Some(qpath))?,
            _ => return Err(usage().into()),
        };
        return checked.reported(json.then(|| lang.unwrap_or(Lang::En).lang_tag()));
    }
    let [qpath, apath] = positional.as_slice() else {
        return Err(usage().into());
    };
    let q = crate::load_questionnaire(qpath)?;
    let mut sheet = AnswerSheet::from_json(&crate::read(apath, Document::Result)?, &q)
        .map_err(|e| format!("{apath}: {e}"))?;
    let (text, name) = match &catalogue_path {
        Some(path) => (crate::read(path, Document::Catalogue)?, path.as_str()),
        None => (BUILTIN_CATALOGUE.to_owned(), "the shipped catalogue"),
    };
    let catalogue = Catalogue::from_json(&text, &q).map_err(|problems| {
        let mut out = format!("{name}: {problems}");
        if catalogue_path.is_none() {
            out.push_str("give the catalogue made for this questionnaire with --catalogue\n");
        }
        out
    })?;
    let date = match date {
        Some(date) => date,
        None => today()?,
    };
    // `--hs` codes count as typed into the goods question, so that they bring up its follow-ups
    // (the tonnage to EU buyers, …) as typed codes do; and they are goods lines whatever the
    // answers (a goods question that takes no codes, or is not answered yet).
    let goods = &catalogue.doc().goods_question;
    for code in &codes {
        match sheet.add_code(&q, goods, code.clone()) {
            Ok(()) | Err(CodeRefused::NotTaken) => {}
            Err(refused @ CodeRefused::Full) => {
                return Err(format!("--hs {code}: {refused}").into())
            }
        }
    }
    let mut trade = Trade::from_answers(&catalogue, &q, &sheet);
    for code in codes {
        trade.add_code(code);
    }
    let findings = obligations(&catalogue, &q, &trade, &sheet, date);
    if json {
        let currency = Currency::of(&catalogue, date);
        let out = json!({
            "rules_as_of": catalogue.doc().rules_as_of,
            "assessed_on": date,
            "rules_may_have_changed": currency.stale,
            "trade": trade,
            "findings": findings,
        });
        return Ok(serde_json::to_string_pretty(&out).expect("findings serialise") + "\n");
    }
    let lang = crate::language(&q, lang)?;
    let views = view(&catalogue, &q, &findings, &lang);
    let page = page(&catalogue, &q, &findings, &lang, date);
    Ok(render(&views, &page, &lang, date))
}

/// Checks a catalogue against the questionnaire whose answers it reads (the shipped one if none is
/// given), listing every problem with its place and field.
fn validate(cpath: &str, qpath: Option<&str>) -> Result<Checked, String> {
    let q = match qpath {
        Some(path) => crate::load_questionnaire(path)?,
        None => assessment::Questionnaire::from_json(assessment::BUILTIN_QUESTIONNAIRE)
            .map_err(|e| format!("the shipped questionnaire: {e}"))?,
    };
    let catalogue = match Catalogue::from_json(&crate::read(cpath, Document::Catalogue)?, &q) {
        Ok(catalogue) => catalogue,
        // Every problem of a catalogue is in the catalogue's file.
        Err(problems) => return Ok(Checked::of(problems.0, cpath, cpath)),
    };
    let doc = catalogue.doc();
    // Every entry has a source address, a checked date and a confidence (the format requires
    // them); this checks, in addition, that no unconfirmed fact would decide a dated group.
    let deciding = unconfirmed_deciding(&catalogue);
    if !deciding.is_empty() {
        let list: Vec<String> = deciding
            .iter()
            .map(|(id, day)| format!("obligation {id} on {day}"))
            .collect();
        return Err(format!(
            "{cpath}: an unconfirmed (M) fact would decide the group of: {}\n",
            list.join("; ")
        ));
    }
    let unconfirmed = doc
        .obligations
        .iter()
        .filter(|o| o.check_with.is_some() && o.confidence == Confidence::M)
        .count();
    Ok(Checked::Valid(format!(
        "{cpath}: valid — obligations catalogue {} for questionnaire \"{}\" {}, rules as of {}, \
         {} entries (each with its source, checked date and confidence; {unconfirmed} not confirmed, \
         shown only as \"check this\"), {} goods options\n",
        doc.version,
        q.doc().id,
        q.doc().version,
        doc.rules_as_of,
        doc.obligations.len(),
        doc.goods.len()
    )))
}

/// The obligations page of `sheet` on `date` in `lang`, with the shipped catalogue: none when
/// the catalogue does not read with `q` (another questionnaire).
pub fn page_for(
    q: &Questionnaire,
    sheet: &AnswerSheet,
    date: Date,
    lang: &LangTag,
) -> Option<Page> {
    let catalogue = Catalogue::from_json(BUILTIN_CATALOGUE, q).ok()?;
    let trade = Trade::from_answers(&catalogue, q, sheet);
    let findings = obligations(&catalogue, q, &trade, sheet, date);
    Some(page(&catalogue, q, &findings, lang, date))
}

/// Today in UTC: the CLI has no time zone of the person's, and `--date` sets another day.
pub fn today() -> Result<Date, String> {
    let seconds = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_err(|_| "the system clock is before 1970: give --date".to_owned())?
        .as_secs();
    i64::try_from(seconds / 86_400)
        .ok()
        .and_then(Date::from_days_since_1970)
        .ok_or_else(|| "the system clock is out of range: give --date".to_owned())
}

assessment::words! {
    /// The CLI's own words for the section, in one language.
    struct Words {
        assessed: fn(Date) -> String =
            |on| format!("评估日期 {on}。"),
            |on| format!("Assessed on {on}.");
        groups: [&'static str; 5] =
            [
                "已经适用",
                "12 个月内适用",
                "12 个月以后适用",
                "请核实（尚未确认）",
                "可能适用：回答后才能确定",
            ],
            [
                "In force",
                "Within 12 months",
                "Later",
                "To check (not confirmed)",
                "May apply: answer to know",
            ];
        none: &'static str =
            "按您填写的货物和市场，目录中没有适用的规则。",
            "No rule of the catalogue applies to the goods and markets given.";
        from: &'static str = "起始日期", "from";
        announced: &'static str = "公布的日期", "announced for";
        /// An unconfirmed date already passed on the assessment's date.
        said_since: &'static str = "据称已适用，自", "said to apply since";
        /// Before the goods a market's entries concern, named once for the market.
        for_goods: &'static str = "涉及您的货物", "For your goods";
        /// Before the goods an entry concerns when they are only some of its market's.
        only_for: &'static str = "仅涉及", "Only for";
        any_market: &'static str = "任何目的地", "Any destination";
        hs_code: &'static str = "海关编码", "HS code";
        prepare: &'static str = "需要准备", "What to prepare";
        /// For an entry that is not confirmed: what it would mean, never worded as a duty.
        if_confirmed: &'static str = "如经确认", "If confirmed";
        basis: &'static str = "法律依据", "Legal basis";
        source: &'static str = "来源", "Source";
        checked: &'static str = "核对日期", "checked";
        /// Before what is still to check about an entry (and, often, with whom).
        to_check: &'static str = "有待核实", "To check";
        answer: &'static str = "请回答", "Answer";
        finer_code: &'static str = "请提供比此更精确的编码", "Give a code more precise than";
        code_of: fn(&str) -> String =
            |label| format!("请提供“{label}”下货物的海关编码"),
            |label| format!("Give the HS code of your goods under “{label}”");
        list: &'static str = "、", ", ";
        /// A label and its text: "Why: …", "原因：…".
        colon: &'static str = "：", ": ";
        /// A remark after a title: " (from …)", "（起始日期 …）".
        aside: fn(&str) -> String = |text| format!("（{text}）"), |text| format!(" ({text})");
    }
}

fn render(
    views: &[assessment::FindingView<'_>],
    page: &Page,
    lang: &LangTag,
    date: Date,
) -> String {
    let w = Words::of(Lang::of(lang));
    let mut out = String::new();
    let _ = writeln!(out, "{}", page.title);
    let _ = writeln!(out, "{}", (w.assessed)(date));
    // How current the rules are: the core's words, as the app shows them.
    let _ = writeln!(out, "{}", page.currency);
    if let Some(warning) = &page.stale {
        let _ = writeln!(out, "{warning}");
    }
    let _ = writeln!(out, "{}", page.disclaimer);
    if views.is_empty() {
        let _ = writeln!(out, "\n{}", w.none);
        return out;
    }
    // By market, the goods named once for each; within a market, by when.
    for market in page.by_market() {
        let name = if market.markets.is_empty() {
            w.any_market.to_owned()
        } else {
            market.markets.join(w.list)
        };
        let _ = writeln!(out, "\n{name}");
        if !market.goods.is_empty() {
            let goods: Vec<String> = market.goods.iter().map(|g| goods_name(w, g)).collect();
            let _ = writeln!(out, "  {}{}{}", w.for_goods, w.colon, goods.join(w.list));
        }
        for (group, heading) in Group::ALL.iter().zip(w.groups) {
            let entries: Vec<usize> = market
                .entries
                .iter()
                .copied()
                .filter(|&i| views[i].group == *group)
                .collect();
            if entries.is_empty() {
                continue;
            }
            let _ = writeln!(out, "  {heading}");
            for i in entries {
                entry(&mut out, w, &views[i], market.goods_apart(&page.entries[i]));
            }
        }
    }
    out
}

/// A good as the page names it (`HS 731815`), with the CLI's word for a code.
fn goods_name(w: &Words, good: &str) -> String {
    match good.strip_prefix("HS ") {
        Some(code) => format!("{} {code}", w.hs_code),
        None => good.to_owned(),
    }
}

/// One entry of a market: title and date, the goods it concerns when not all of the market's,
/// what would tell, what to check, what to prepare, and its basis.
fn entry(out: &mut String, w: &Words, v: &assessment::FindingView<'_>, goods: &[String]) {
    let _ = write!(out, "    • {}{}{}", v.regime, w.colon, v.title);
    if let Some(from) = v.from {
        let word = if v.since {
            w.said_since
        } else if v.group == Group::ToCheck {
            w.announced
        } else {
            w.from
        };
        out.push_str(&(w.aside)(&format!("{word} {from}")));
    }
    out.push('\n');
    if !goods.is_empty() {
        let goods: Vec<String> = goods.iter().map(|g| goods_name(w, g)).collect();
        let _ = writeln!(out, "      {}{}{}", w.only_for, w.colon, goods.join(w.list));
    }
    for needed in &v.needed {
        let line = match needed {
            NeededName::Question(text) => format!("{}{}{text}", w.answer, w.colon),
            NeededName::FinerCode(code) => format!("{} {code}", w.finer_code),
            NeededName::CodeOf(label) => (w.code_of)(label),
        };
        let _ = writeln!(out, "      {line}");
    }
    if let Some(check) = v.check_with {
        let _ = writeln!(out, "      {}{}{check}", w.to_check, w.colon);
    }
    let prepare = if v.finding.status == Status::Check {
        w.if_confirmed
    } else {
        w.prepare
    };
    let _ = writeln!(out, "      {prepare}{}{}", w.colon, v.prepare);
    let _ = writeln!(
        out,
        "      {}{}{} — {}{}{}{}",
        w.basis,
        w.colon,
        v.basis,
        w.source,
        w.colon,
        v.source,
        (w.aside)(&format!("{} {}", w.checked, v.checked))
    );
}
