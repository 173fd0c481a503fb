//! The hand-off code: an answers document (questionnaire id and version, date, every answer) in a
//! few dozen digits, for the fragment of a link shown as a QR code ("take the result home").
//!
//! Layout (docs/handoff.md), as bytes before they are written in digits:
//!
//! | bytes | what |
//! |---|---|
//! | 1 | format version, [`HANDOFF_FORMAT`] |
//! | 4 | CRC-32 (IEEE) of every other byte: a changed or missing digit is caught |
//! | 1 + n | the questionnaire's id: its length, then its ASCII |
//! | 3 varints | its version, MAJOR, MINOR, PATCH (LEB128) |
//! | 2 | the date, days since 2000-01-01, big-endian |
//! | 4 | the questions' fingerprint: CRC-32 of every question id, whether it takes several options, and its option ids, in order |
//! | rest | the answers (below) |
//!
//! The answers are a list of choices in the questionnaire's order, each a value below its number
//! of states: a single-choice question of n options is one of n + 1 states (0: none, k: the k-th
//! option); a multiple-choice question is one of 2 states an option; a question that takes HS
//! codes (`hs_codes`) is followed by how many codes were typed (0 to [`MAX_CODES`]), then each
//! code's length (2, 4, 6, 8 or 10 digits, as 0 to 4) and its digits as a number below 10^length.
//! Every question has its place, answered or not (answers to questions that stopped applying are
//! kept, as in the document), so the code's length depends only on the questionnaire and the
//! codes typed.
//!
//! Format 2 (written now) makes the whole list one number in mixed radix, the first choice the
//! least significant, written big-endian in as many bytes as the largest number of the same
//! states needs: a question of 3 options takes log2(4) = 2 bits and one of 4 options
//! log2(5) = 2.32 rather than 3, and a yes / no / not sure question 2. Format 1 (read only) wrote
//! each choice in the whole bits that hold its states, most significant first, zero bits to the
//! byte: 15 bits more for the shipped questionnaire, which is what pushed a link past a QR code
//! of version 10 (docs/handoff.md).
//!
//! The bytes are written as digits, 7 bytes in 17 (a last group of k bytes in 3, 5, 8, 10, 13 or
//! 15), so that the fragment is a QR code's numeric segment: 3.3 bits a digit, denser than
//! alphanumeric or byte mode, and digits need no escaping in a URL. The answers travel as they
//! are: the code is not signed, and anyone can score them again.
//!
//! A code is read like an imported answers file: [`AnswerSheet::check`] for this version, or
//! [`Recovered::of`] for another version that asks the same questions.

use std::fmt;

use crate::answers::{
    Answer, AnswerSheet, AnswersError, CarriedOver, Coded, Recovered, ANSWERS_FORMAT, MAX_CODES,
};
use crate::bounds::MAX_LINK_BASE;
use crate::date::Date;
use crate::ids::{is_questionnaire_id, is_version};
use crate::ids::{HsCode, OptionId};
use crate::questionnaire::{Questionnaire, QuestionnaireRef};

/// The format version written first in every code made now; a code of a format this version does
/// not know is refused, not guessed at.
pub const HANDOFF_FORMAT: u8 = 2;

/// The first format, still read: each choice in whole bits.
const FORMAT_BITS: u8 = 1;

/// Day 0 of a code's date.
const EPOCH: i64 = 10_957; // 2000-01-01, in days since 1970-01-01.

/// Digits for a last group of k bytes (k = 1..=7): the fewest with 10^digits ≥ 256^k.
const DIGITS: [usize; 8] = [0, 3, 5, 8, 10, 13, 15, 17];
const GROUP: usize = 7;

/// A hand-off code: digits only, ready for a URL's fragment and a QR code's numeric segment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Code(String);

impl Code {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Answers that cannot be written as a code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EncodeError {
    /// The sheet is not one of this questionnaire's: it would decode as something else.
    Answers(AnswersError),
    /// The date is before 2000-01-01 or after 2179-06-06.
    DateOutOfRange(Date),
}

impl fmt::Display for EncodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EncodeError::Answers(e) => e.fmt(f),
            EncodeError::DateOutOfRange(d) => write!(
                f,
                "the date {d} cannot be written in a hand-off code (2000-01-01 to 2179-06-06)"
            ),
        }
    }
}

impl std::error::Error for EncodeError {}

/// Why a code was refused. Nothing is taken from a refused code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HandoffError {
    /// Empty, or characters other than digits: not a hand-off code at all.
    NotACode,
    /// Its check does not match, or its length is one no code has: a digit was changed, added or
    /// lost (a link cut short when copied, a typo).
    Damaged,
    /// A code of another format version, made by another version of this tool.
    UnknownFormat(u8),
    /// Its check matches but what it holds is not a code's content: it was not made by this tool.
    Malformed(&'static str),
    /// The questionnaire has the code's id and version but other questions: it was customised
    /// differently (an association's selection of sections).
    OtherQuestions(QuestionnaireRef),
    /// The answers, read, are refused as an imported file's would be: another questionnaire,
    /// another version that asks other questions, or answers that do not fit.
    Answers(AnswersError),
}

impl fmt::Display for HandoffError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            HandoffError::NotACode => f.write_str("this is not a hand-off code: it must be digits"),
            HandoffError::Damaged => f.write_str(
                "this hand-off code is damaged: a digit is wrong or missing (was the link cut \
                 short?); scan the code again",
            ),
            HandoffError::UnknownFormat(v) => write!(
                f,
                "this hand-off code is of format {v}, which this version of the tool does not \
                 read (it reads formats {FORMAT_BITS} to {HANDOFF_FORMAT})"
            ),
            HandoffError::Malformed(what) => {
                write!(f, "this hand-off code was not made by this tool: {what}")
            }
            HandoffError::OtherQuestions(r) => write!(
                f,
                "this hand-off code was made with questionnaire {r} as customised by another \
                 setup: its questions are not these; open it where it was made and export the \
                 answers as a file"
            ),
            HandoffError::Answers(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for HandoffError {}

/// What a code held, read for this questionnaire.
#[derive(Clone, Debug, PartialEq)]
pub struct HandedOff {
    /// The day the answers were given.
    pub date: Date,
    /// Answers to this questionnaire, checked.
    pub sheet: AnswerSheet,
    /// Set when the code was made for another version that asks the same questions: what its
    /// `migrations` asked to answer again.
    pub carried: Option<CarriedOver>,
}

/// CRC-32 (IEEE 802.3, reflected, as zip and PNG use), bit by bit: a few hundred bytes at most.
fn crc32(parts: &[&[u8]]) -> u32 {
    let mut crc = !0u32;
    for byte in parts.iter().flat_map(|p| p.iter()) {
        crc ^= u32::from(*byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// The questions as a code sees them: ids, kinds and options in order. Two questionnaires with
/// the same fingerprint read each other's codes the same way.
fn fingerprint(questionnaire: &Questionnaire) -> u32 {
    let mut text = Vec::new();
    for question in questionnaire.questions() {
        text.extend_from_slice(question.id().as_str().as_bytes());
        text.push(if question.multiple() { 1 } else { 0 });
        if question.takes_codes() {
            text.push(3);
        }
        for (option, _) in question.options() {
            text.extend_from_slice(option.as_str().as_bytes());
            text.push(0);
        }
        text.push(2);
    }
    crc32(&[&text])
}

/// A source of choices, each a value below its number of states: the answers of a code of either
/// format.
trait Choices {
    /// The next choice, of `states` (at least 1); `None` when the answers are cut short.
    fn take(&mut self, states: u64) -> Option<u64>;
}

/// The bits that hold `states` values (0 to states − 1): format 1's width of a choice.
fn bits_for(states: u64) -> u32 {
    u64::BITS - (states - 1).leading_zeros()
}

/// Format 1's answers: each choice in the bits of its states, most significant first.
struct BitReader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Choices for BitReader<'_> {
    fn take(&mut self, states: u64) -> Option<u64> {
        let mut value = 0;
        for _ in 0..bits_for(states) {
            let byte = self.bytes.get(self.at / 8)?;
            value = (value << 1) | u64::from((byte >> (7 - self.at % 8)) & 1);
            self.at += 1;
        }
        Some(value)
    }
}

impl BitReader<'_> {
    /// Whether only the zero bits that fill the last byte are left.
    fn at_end(&self) -> bool {
        self.bytes.len() == self.at.div_ceil(8)
            && (self.at.is_multiple_of(8) || self.bytes[self.at / 8] & (0xFF >> (self.at % 8)) == 0)
    }
}

/// A whole number in base 256, least significant byte first, without high zero bytes: format 2's
/// answers.
#[derive(Default)]
struct Number(Vec<u8>);

impl Number {
    /// Becomes `self × times + plus`. In u64: `times` is at most 10^10 (a code's digits) and
    /// `plus` below it, so a byte times `times` plus the carry stays below 2^43.
    fn mul_add(&mut self, times: u64, plus: u64) {
        let mut carry = plus;
        for byte in &mut self.0 {
            let v = u64::from(*byte) * times + carry;
            *byte = v as u8;
            carry = v >> 8;
        }
        while carry > 0 {
            self.0.push(carry as u8);
            carry >>= 8;
        }
        while self.0.last() == Some(&0) {
            self.0.pop();
        }
    }

    fn from_be_bytes(bytes: &[u8]) -> Self {
        let mut n = Number(bytes.iter().rev().copied().collect());
        while n.0.last() == Some(&0) {
            n.0.pop();
        }
        n
    }

    /// Becomes `self / by` and returns the remainder (below `by`, so shifted by a byte it stays
    /// in u64).
    fn div_rem(&mut self, by: u64) -> u64 {
        let mut rem = 0u64;
        for byte in self.0.iter_mut().rev() {
            let v = (rem << 8) | u64::from(*byte);
            *byte = (v / by) as u8;
            rem = v % by;
        }
        while self.0.last() == Some(&0) {
            self.0.pop();
        }
        rem
    }

    /// The bytes a format-2 code gives choices of these `states`: those of the largest number
    /// they make, so that a code's length does not depend on its answers.
    fn width(states: &[u64]) -> usize {
        let mut largest = Number::default();
        for s in states.iter().rev() {
            largest.mul_add(*s, *s - 1);
        }
        largest.0.len()
    }
}

/// Format 2's answers, read: the choices' states are kept to check the number's length.
struct Radix {
    rest: Number,
    states: Vec<u64>,
}

impl Choices for Radix {
    fn take(&mut self, states: u64) -> Option<u64> {
        self.states.push(states);
        Some(self.rest.div_rem(states))
    }
}

/// States of a code's count and of a code's length (2 to 10 digits, as 0 to 4).
const COUNT_STATES: u64 = MAX_CODES as u64 + 1;
const LENGTH_STATES: u64 = 5;

/// `sheet`'s answers as choices `(value, states)`, in the questionnaire's order.
fn choices(questionnaire: &Questionnaire, sheet: &AnswerSheet) -> Vec<(u64, u64)> {
    let mut out = Vec::new();
    for question in questionnaire.questions() {
        let options = question.options();
        let chosen = sheet.get(question.id()).map_or(&[][..], Answer::chosen);
        if question.multiple() {
            for (id, _) in &options {
                out.push((u64::from(chosen.contains(id)), 2));
            }
        } else {
            let index = chosen
                .first()
                .and_then(|o| options.iter().position(|(id, _)| *id == o));
            out.push((index.map_or(0, |i| i as u64 + 1), options.len() as u64 + 1));
        }
        if question.takes_codes() {
            // A checked sheet has at most MAX_CODES, each 2–10 digits.
            let codes = sheet.get(question.id()).map_or(&[][..], Answer::codes);
            out.push((codes.len() as u64, COUNT_STATES));
            for code in codes {
                let digits = code.as_str().len();
                out.push(((digits / 2 - 1) as u64, LENGTH_STATES));
                let value: u64 = code
                    .as_str()
                    .parse()
                    .unwrap_or_else(|_| unreachable!("an HS code is digits"));
                out.push((value, 10u64.pow(digits as u32)));
            }
        }
    }
    out
}

fn push_varint(out: &mut Vec<u8>, mut n: u32) {
    loop {
        let low = (n & 0x7F) as u8;
        n >>= 7;
        if n == 0 {
            out.push(low);
            return;
        }
        out.push(low | 0x80);
    }
}

/// Writes `sheet`, answers to `questionnaire` given on `date`, as a code.
pub fn encode(
    questionnaire: &Questionnaire,
    sheet: &AnswerSheet,
    date: Date,
) -> Result<Code, EncodeError> {
    sheet.check(questionnaire).map_err(EncodeError::Answers)?;
    let days = u16::try_from(date.days_since_1970() - EPOCH)
        .map_err(|_| EncodeError::DateOutOfRange(date))?;
    let reference = questionnaire.reference();
    // Both were checked by validation: an id of at most 64 ASCII characters, three numbers.
    let mut body = vec![reference.id.len() as u8];
    body.extend_from_slice(reference.id.as_bytes());
    for part in reference.version.split('.') {
        // Not `expect`: it would format the parse error with `Debug` in the app, for a case
        // validation rules out.
        let number = part
            .parse()
            .unwrap_or_else(|_| unreachable!("a validated version"));
        push_varint(&mut body, number);
    }
    body.extend_from_slice(&days.to_be_bytes());
    body.extend_from_slice(&fingerprint(questionnaire).to_be_bytes());
    let choices = choices(questionnaire, sheet);
    let mut number = Number::default();
    for (value, states) in choices.iter().rev() {
        number.mul_add(*states, *value);
    }
    let states: Vec<u64> = choices.iter().map(|(_, s)| *s).collect();
    // The number is below the largest, so it fits; the high bytes are zeros.
    let width = Number::width(&states);
    body.resize(body.len() + width - number.0.len(), 0);
    body.extend(number.0.iter().rev());
    let check = crc32(&[&[HANDOFF_FORMAT], &body]);
    let mut bytes = vec![HANDOFF_FORMAT];
    bytes.extend_from_slice(&check.to_be_bytes());
    bytes.extend_from_slice(&body);
    Ok(Code(to_digits(&bytes)))
}

fn to_digits(bytes: &[u8]) -> String {
    let mut out = String::new();
    for group in bytes.chunks(GROUP) {
        let value = group.iter().fold(0u64, |v, b| v << 8 | u64::from(*b));
        out.push_str(&format!("{value:0width$}", width = DIGITS[group.len()]));
    }
    out
}

fn from_digits(code: &str) -> Result<Vec<u8>, HandoffError> {
    if code.is_empty() || !code.bytes().all(|b| b.is_ascii_digit()) {
        return Err(HandoffError::NotACode);
    }
    let mut bytes = Vec::new();
    let mut rest = code;
    while !rest.is_empty() {
        let take = rest.len().min(DIGITS[GROUP]);
        let (digits, after) = rest.split_at(take);
        let n = DIGITS
            .iter()
            .position(|d| *d == take)
            .filter(|n| *n > 0)
            .ok_or(HandoffError::Damaged)?;
        let value: u64 = digits.parse().map_err(|_| HandoffError::Damaged)?;
        if n < 8 && value >> (8 * n) != 0 {
            return Err(HandoffError::Damaged);
        }
        bytes.extend_from_slice(&value.to_be_bytes()[8 - n..]);
        rest = after;
    }
    Ok(bytes)
}

/// The code's header, after its check.
struct Header<'a> {
    found: QuestionnaireRef,
    date: Date,
    fingerprint: u32,
    answers: &'a [u8],
}

fn header(body: &[u8]) -> Result<Header<'_>, HandoffError> {
    let malformed = HandoffError::Malformed;
    let (&len, rest) = body.split_first().ok_or(malformed("no questionnaire id"))?;
    let id = rest
        .get(..usize::from(len))
        .and_then(|b| std::str::from_utf8(b).ok())
        .filter(|id| is_questionnaire_id(id))
        .ok_or(malformed("no questionnaire id"))?;
    let mut rest = &rest[usize::from(len)..];
    let mut parts = Vec::new();
    for _ in 0..3 {
        let mut n: u64 = 0;
        let mut shift = 0;
        loop {
            let (&b, after) = rest.split_first().ok_or(malformed("no version"))?;
            rest = after;
            n |= u64::from(b & 0x7F) << shift;
            shift += 7;
            if b & 0x80 == 0 {
                break;
            }
            if shift > 28 {
                return Err(malformed("no version"));
            }
        }
        parts.push(n.to_string());
    }
    let version = parts.join(".");
    if !is_version(&version) {
        return Err(malformed("no version"));
    }
    if rest.len() < 6 {
        return Err(malformed("no date"));
    }
    let days = u16::from_be_bytes([rest[0], rest[1]]);
    let date = Date::from_days_since_1970(EPOCH + i64::from(days)).ok_or(malformed("no date"))?;
    let fingerprint = u32::from_be_bytes([rest[2], rest[3], rest[4], rest[5]]);
    Ok(Header {
        found: QuestionnaireRef {
            id: id.to_owned(),
            version,
        },
        date,
        fingerprint,
        answers: &rest[6..],
    })
}

/// Reads the answers of `questionnaire` from `source`, as a sheet of `found` dated `date`.
fn read_answers(
    questionnaire: &Questionnaire,
    found: &QuestionnaireRef,
    date: Date,
    source: &mut dyn Choices,
) -> Result<AnswerSheet, HandoffError> {
    let mut sheet = AnswerSheet {
        format: ANSWERS_FORMAT.to_owned(),
        questionnaire: found.clone(),
        date: Some(date),
        answers: Default::default(),
    };
    let missing = HandoffError::Malformed("answers missing");
    for question in questionnaire.questions() {
        let options = question.options();
        let answer = if question.multiple() {
            let mut chosen: Vec<OptionId> = Vec::new();
            for (id, _) in &options {
                if source.take(2).ok_or(missing.clone())? == 1 {
                    chosen.push((*id).clone());
                }
            }
            (!chosen.is_empty()).then_some(Answer::Many(chosen))
        } else {
            match source
                .take(options.len() as u64 + 1)
                .ok_or(missing.clone())?
            {
                0 => None,
                k => {
                    let (id, _) = usize::try_from(k - 1)
                        .ok()
                        .and_then(|i| options.get(i))
                        .ok_or(HandoffError::Malformed("an option that does not exist"))?;
                    Some(Answer::One((*id).clone()))
                }
            }
        };
        let answer = if question.takes_codes() {
            let count = source.take(COUNT_STATES).ok_or(missing.clone())? as usize;
            if count > MAX_CODES {
                return Err(HandoffError::Malformed("too many HS codes"));
            }
            let mut codes = Vec::with_capacity(count);
            for _ in 0..count {
                let digits = 2 * (source.take(LENGTH_STATES).ok_or(missing.clone())? as usize + 1);
                if digits > 10 {
                    return Err(HandoffError::Malformed("an HS code of more than 10 digits"));
                }
                let value = source
                    .take(10u64.pow(digits as u32))
                    .ok_or(missing.clone())?;
                let code = HsCode::try_from(format!("{value:0digits$}"))
                    .map_err(|_| HandoffError::Malformed("an HS code that is not one"))?;
                codes.push(code);
            }
            match (answer, codes.is_empty()) {
                (answer, true) => answer,
                (answer, false) => Some(Answer::WithCodes(Coded {
                    options: answer.map(|a| a.chosen().to_vec()).unwrap_or_default(),
                    codes,
                })),
            }
        } else {
            answer
        };
        if let Some(answer) = answer {
            sheet.answers.insert(question.id().clone(), answer);
        }
    }
    Ok(sheet)
}

/// Reads a code (the fragment's text, without `#`) for `questionnaire`. Refused unless it is
/// whole, of this format, made for this questionnaire's questions, and its answers pass the checks
/// of an imported file.
pub fn decode(code: &str, questionnaire: &Questionnaire) -> Result<HandedOff, HandoffError> {
    // Far longer than any code a QR code holds: a link pasted wrong, refused before it is read.
    if code.len() > MAX_CODE_DIGITS {
        return Err(HandoffError::Damaged);
    }
    let bytes = from_digits(code)?;
    if bytes.len() < 5 {
        return Err(HandoffError::Damaged);
    }
    let (format, check, body) = (bytes[0], &bytes[1..5], &bytes[5..]);
    if crc32(&[&[format], body]).to_be_bytes() != check {
        return Err(HandoffError::Damaged);
    }
    if format != HANDOFF_FORMAT && format != FORMAT_BITS {
        return Err(HandoffError::UnknownFormat(format));
    }
    let header = header(body)?;
    let expected = questionnaire.reference();
    let other = || {
        HandoffError::Answers(AnswersError::OtherQuestionnaire {
            expected: expected.clone(),
            found: header.found.clone(),
        })
    };
    if header.found.id != expected.id {
        return Err(other());
    }
    if header.fingerprint != fingerprint(questionnaire) {
        // Another version with other questions cannot be read without that version's questions:
        // refused as a file of it would be.
        return Err(if header.found == expected {
            HandoffError::OtherQuestions(header.found)
        } else {
            other()
        });
    }
    let sheet = if format == FORMAT_BITS {
        let mut reader = BitReader {
            bytes: header.answers,
            at: 0,
        };
        let sheet = read_answers(questionnaire, &header.found, header.date, &mut reader)?;
        if !reader.at_end() {
            return Err(HandoffError::Malformed("more than the answers"));
        }
        sheet
    } else {
        let mut radix = Radix {
            rest: Number::from_be_bytes(header.answers),
            states: Vec::new(),
        };
        let sheet = read_answers(questionnaire, &header.found, header.date, &mut radix)?;
        // A number larger than the answers hold, or written in more or fewer bytes than their
        // states take, was not made by this tool.
        if !radix.rest.0.is_empty() || header.answers.len() != Number::width(&radix.states) {
            return Err(HandoffError::Malformed("more than the answers"));
        }
        sheet
    };
    let (sheet, carried) = if header.found == expected {
        sheet.check(questionnaire).map_err(HandoffError::Answers)?;
        (sheet, None)
    } else {
        Recovered::of(sheet, questionnaire)
            .usable()
            .map_err(HandoffError::Answers)?
    };
    Ok(HandedOff {
        date: header.date,
        sheet,
        carried,
    })
}

/// The longest hand-off code read: far above any code a QR code of version 10 can hold.
pub const MAX_CODE_DIGITS: usize = 4096;

/// The address a hand-off link starts with, up to (not including) the `#` before the code: an
/// http(s) address a phone can open, without credentials or a fragment, at most
/// [`MAX_LINK_BASE`] characters.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LinkBase(String);

impl LinkBase {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The link that opens `code`: this address, `#`, the code's digits.
    pub fn link(&self, code: &Code) -> String {
        format!("{}#{}", self.0, code.as_str())
    }
}

/// Why a page can offer no hand-off link.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoLink {
    /// The app runs from an address a phone cannot open (this machine, a local network, a
    /// file), and its config names no `handoff_url`.
    NotPublic,
    /// Embedded in an association's page whose config names no `handoff_url`: the frame's own
    /// address is not one a person can open.
    Embedded,
}

/// A URL's host as a browser reads it (the WHATWG URL standard's host parser, for http(s)): an
/// IPv4 address in any of its spellings, an IPv6 address, or a name.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Host {
    V4(u32),
    V6([u16; 8]),
    Name(String),
}

/// Parses `host` (lower case, without port and credentials) as a browser does; `None` where a
/// browser refuses it. A name whose last label is a number is an IPv4 address: `127.1`,
/// `0x7f.0.0.1` and `0177.0.0.1` are all 127.0.0.1.
fn parse_host(host: &str) -> Option<Host> {
    if let Some(v6) = host.strip_prefix('[') {
        return parse_ipv6(v6.strip_suffix(']')?).map(Host::V6);
    }
    // A percent-escape would be decoded into the host first: refused rather than decoded.
    if host.is_empty() || host.contains(['%', '[', ']']) {
        return None;
    }
    let mut labels: Vec<&str> = host.split('.').collect();
    if labels.len() > 1 && labels.last() == Some(&"") {
        labels.pop();
    }
    let last = labels.last().copied().unwrap_or("");
    let numeric = !last.is_empty() && last.bytes().all(|b| b.is_ascii_digit())
        || last
            .strip_prefix("0x")
            .is_some_and(|h| h.bytes().all(|b| b.is_ascii_hexdigit()));
    if numeric {
        return parse_ipv4(&labels).map(Host::V4);
    }
    Some(Host::Name(host.trim_end_matches('.').to_owned()))
}

/// The WHATWG IPv4 parser: one to four parts, each decimal, hex (`0x`) or octal (leading `0`);
/// all but the last at most 255, the last filling the remaining bytes.
fn parse_ipv4(parts: &[&str]) -> Option<u32> {
    if parts.is_empty() || parts.len() > 4 {
        return None;
    }
    let number = |part: &str| -> Option<u64> {
        let (digits, radix) = if let Some(h) = part.strip_prefix("0x") {
            (h, 16)
        } else if part.len() > 1 && part.starts_with('0') {
            (&part[1..], 8)
        } else {
            (part, 10)
        };
        if digits.is_empty() {
            return (radix != 10).then_some(0);
        }
        // Longer than any u32 in any radix: out of range however it reads.
        if digits.len() > 12 {
            return None;
        }
        u64::from_str_radix(digits, radix).ok()
    };
    let numbers: Vec<u64> = parts.iter().map(|p| number(p)).collect::<Option<_>>()?;
    let (last, init) = numbers.split_last()?;
    if init.iter().any(|n| *n > 255) || *last >= 256u64.pow(5 - numbers.len() as u32) {
        return None;
    }
    let mut address = *last;
    for (i, n) in init.iter().enumerate() {
        address += n << (8 * (3 - i));
    }
    u32::try_from(address).ok()
}

/// The WHATWG IPv6 parser: eight groups of up to four hex digits, one `::` for a run of zeros,
/// and the last two groups as a dotted IPv4 address if written so.
fn parse_ipv6(text: &str) -> Option<[u16; 8]> {
    let groups = |part: &str| -> Option<Vec<u16>> {
        if part.is_empty() {
            return Some(Vec::new());
        }
        let pieces: Vec<&str> = part.split(':').collect();
        let mut out = Vec::new();
        for (i, piece) in pieces.iter().enumerate() {
            if i == pieces.len() - 1 && piece.contains('.') {
                let octets: Vec<&str> = piece.split('.').collect();
                // Only plain decimal here, as the standard has it inside brackets.
                if octets.len() != 4
                    || octets.iter().any(|o| {
                        o.is_empty()
                            || o.len() > 3
                            || !o.bytes().all(|b| b.is_ascii_digit())
                            || (o.len() > 1 && o.starts_with('0'))
                    })
                {
                    return None;
                }
                let v: Vec<u16> = octets
                    .iter()
                    .map(|o| o.parse().ok())
                    .collect::<Option<_>>()?;
                if v.iter().any(|o| *o > 255) {
                    return None;
                }
                out.push(v[0] << 8 | v[1]);
                out.push(v[2] << 8 | v[3]);
            } else {
                if piece.is_empty() || piece.len() > 4 {
                    return None;
                }
                out.push(u16::from_str_radix(piece, 16).ok()?);
            }
        }
        Some(out)
    };
    let mut address = [0u16; 8];
    match text.split_once("::") {
        Some((head, tail)) => {
            let (head, tail) = (groups(head)?, groups(tail)?);
            if head.len() + tail.len() > 7 || tail.len() > 8 {
                return None;
            }
            address[..head.len()].copy_from_slice(&head);
            address[8 - tail.len()..].copy_from_slice(&tail);
        }
        None => {
            let all = groups(text)?;
            if all.len() != 8 {
                return None;
            }
            address.copy_from_slice(&all);
        }
    }
    Some(address)
}

/// Whether an IPv4 address is one a phone elsewhere can reach: not this machine, "this network",
/// a private, shared (carrier-grade NAT), link-local, benchmarking, multicast or reserved one.
fn is_public_ipv4(a: u32) -> bool {
    let in_net = |net: u32, bits: u32| a >> (32 - bits) == net >> (32 - bits);
    ![
        (0x0000_0000, 8),  // 0.0.0.0/8, "this network"
        (0x0a00_0000, 8),  // 10/8
        (0x6440_0000, 10), // 100.64/10, carrier-grade NAT
        (0x7f00_0000, 8),  // 127/8, loopback
        (0xa9fe_0000, 16), // 169.254/16, link-local
        (0xac10_0000, 12), // 172.16/12
        (0xc000_0000, 24), // 192.0.0/24, protocol assignments
        (0xc0a8_0000, 16), // 192.168/16
        (0xc612_0000, 15), // 198.18/15, benchmarking
        (0xe000_0000, 3),  // 224/4 multicast and 240/4 reserved
    ]
    .iter()
    .any(|(net, bits)| in_net(*net, *bits))
}

/// Whether `host` (as in a URL's authority, without port and credentials) names a machine that a
/// phone elsewhere can reach: not this machine, not a private, shared or link-local network, not
/// a name only a local network resolves, however the address is spelt.
fn is_public_host(host: &str) -> bool {
    match parse_host(host) {
        None => false,
        Some(Host::V4(a)) => is_public_ipv4(a),
        Some(Host::V6(g)) => {
            let v4 = u32::from(g[6]) << 16 | u32::from(g[7]);
            match g {
                // Unspecified and loopback.
                [0, 0, 0, 0, 0, 0, 0, 0 | 1] => false,
                // IPv4-mapped, IPv4-compatible and NAT64: the IPv4 address decides.
                [0, 0, 0, 0, 0, 0xffff | 0, _, _] | [0x64, 0xff9b, 0, 0, 0, 0, _, _] => {
                    is_public_ipv4(v4)
                }
                // Link-local, unique-local, multicast, documentation.
                [first, ..] if first & 0xffc0 == 0xfe80 || first & 0xfe00 == 0xfc00 => false,
                [first, ..] if first & 0xff00 == 0xff00 => false,
                [0x2001, 0x0db8, ..] => false,
                _ => true,
            }
        }
        Some(Host::Name(name)) => {
            let last = name.rsplit('.').next().unwrap_or("");
            name.contains('.')
                && !matches!(
                    last,
                    "localhost" | "local" | "internal" | "lan" | "home" | "test"
                )
                && name.split('.').all(|l| {
                    !l.is_empty() && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
                })
        }
    }
}

/// `url` without its fragment, if it is an http(s) address of a public host, without
/// credentials or characters that need escaping, that fits a link's base.
fn public_address(url: &str) -> Option<String> {
    let url = url.split('#').next().unwrap_or("");
    let bad = |c: char| {
        c.is_whitespace()
            || c.is_control()
            || !c.is_ascii()
            || matches!(
                c,
                '"' | '\'' | '<' | '>' | '\\' | '`' | '{' | '}' | '|' | '^'
            )
    };
    if url.is_empty() || url.len() > MAX_LINK_BASE || url.chars().any(bad) {
        return None;
    }
    let lower = url.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))?;
    let authority = rest.split(['/', '?']).next().unwrap_or("");
    if authority.contains('@') {
        return None;
    }
    let (host, port) = match authority.strip_prefix('[') {
        Some(v6) => {
            let (inner, after) = v6.split_once(']')?;
            (format!("[{inner}]"), after)
        }
        None => match authority.find(':') {
            Some(at) => (authority[..at].to_owned(), &authority[at..]),
            None => (authority.to_owned(), ""),
        },
    };
    // A port, if any, as a browser takes it: digits up to 65535 (none: the scheme's own).
    let port_ok = match port.strip_prefix(':') {
        None => port.is_empty(),
        Some(digits) => {
            digits.bytes().all(|b| b.is_ascii_digit())
                && (digits.is_empty() || digits.parse::<u32>().is_ok_and(|p| p <= 65_535))
        }
    };
    (port_ok && is_public_host(&host)).then(|| url.to_owned())
}

/// Whether `url` may be a config's `handoff_url`: an http(s) address of a public host, with no
/// fragment and no credentials, of at most [`MAX_LINK_BASE`] characters.
pub fn is_handoff_url(url: &str) -> bool {
    !url.contains('#') && public_address(url).is_some()
}

/// Where hand-off links of a page at `page_url` point: the app's own address (without its query,
/// which carries this device's settings, and fragment) when a phone can open it; else the
/// address its config names (`configured`, checked with [`is_handoff_url`] when the config was
/// read); else why there is none. `embedded`: the page is a frame in an association's page, whose
/// own address is not for people.
pub fn link_base(
    page_url: &str,
    configured: Option<&str>,
    embedded: bool,
) -> Result<LinkBase, NoLink> {
    let own = (!embedded)
        .then(|| public_address(page_url))
        .flatten()
        .map(|url| url.split('?').next().unwrap_or("").to_owned());
    own.or_else(|| configured.filter(|u| is_handoff_url(u)).map(str::to_owned))
        .map(LinkBase)
        .ok_or(if embedded {
            NoLink::Embedded
        } else {
            NoLink::NotPublic
        })
}
