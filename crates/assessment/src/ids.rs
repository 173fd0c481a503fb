//! Identifiers and small closed vocabularies.
//!
//! Ids are newtypes so that a question id can never be passed where an option id is expected; the
//! closed sets the brief fixes (maturity levels, action-plan horizons) are enums.

use std::fmt;

use serde::{Deserialize, Serialize};

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
        #[serde(transparent)]
        pub struct $name(pub String);

        impl $name {
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl From<&str> for $name {
            fn from(s: &str) -> Self {
                Self(s.to_owned())
            }
        }
    };
}

id_type!(
    /// A question's id, profile question (`P.sector`) or scored item (`T1`) alike: both share one
    /// namespace because answers and conditions refer to either.
    QuestionId
);
id_type!(
    /// An answer option's id, unique within its question.
    OptionId
);
id_type!(
    /// One of the profile's screens (`company`, `size`, `markets`, `goods`, `data`): a section of the
    /// walk, named in the page's address as a dimension is.
    PartId
);
id_type!(
    /// A scored dimension's id (`technology`, `industry`, `institutions`).
    DimensionId
);
id_type!(
    /// A countermeasure of the paper (`3.1`, `3.2`, `3.3`).
    CountermeasureId
);
id_type!(
    /// An outcome of the data-export decision (`exempt`, `standard_contract`, …).
    PathId
);
id_type!(
    /// An additional data-export route that may be open to a firm (`gba_contract`, `ftz_list`).
    RouteId
);
id_type!(
    /// A maturity stage (`unrated`, `level1` … `level4`).
    StageId
);

id_type!(
    /// Who in a small firm does a recommendation's work (`owner`, `it`, `logistics`, …).
    RoleId
);
id_type!(
    /// A rough size of a recommendation's work and cost (`hours`, `days`, `weeks`, `project`).
    EffortId
);
id_type!(
    /// Where a firm can get help with a recommendation (`single_window`, `provincial_cac`, …).
    HelpSourceId
);

id_type!(
    /// An entry of the market-obligations catalogue (`eu_cbam`, `us_uflpa`, …).
    ObligationId
);

/// A maturity level, 0 (nothing in place) to 4 (leading practice).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(into = "u8", try_from = "u8")]
pub enum Level {
    L0 = 0,
    L1 = 1,
    L2 = 2,
    L3 = 3,
    L4 = 4,
}

impl Level {
    pub const MAX: Level = Level::L4;
    pub const ALL: [Level; 5] = [Level::L0, Level::L1, Level::L2, Level::L3, Level::L4];

    pub fn value(self) -> u8 {
        self as u8
    }

    /// The level as a share of the top level, 0.0 to 1.0.
    pub fn fraction(self) -> f64 {
        f64::from(self.value()) / f64::from(Level::MAX.value())
    }
}

impl From<Level> for u8 {
    fn from(level: Level) -> u8 {
        level.value()
    }
}

impl TryFrom<u8> for Level {
    type Error = String;

    fn try_from(value: u8) -> Result<Self, Self::Error> {
        Level::ALL
            .get(usize::from(value))
            .copied()
            .ok_or_else(|| format!("level {value} is outside 0–4"))
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.value())
    }
}

/// When a recommendation should be acted on: the three horizons of the action plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Horizon {
    /// 0–3 months.
    Now,
    /// 3–12 months.
    ThisYear,
    /// 12 months and more.
    Later,
}

impl Horizon {
    pub const ALL: [Horizon; 3] = [Horizon::Now, Horizon::ThisYear, Horizon::Later];
}

/// A product code of the Harmonized System as a prefix: a chapter (2 digits), heading (4),
/// subheading (6), EU CN code (8) or TARIC code (10). Written without spaces or dots; only such a
/// code can be made, so matching never meets a malformed one. A catalogue's triggers and the codes
/// a firm types into its goods question (`hs_codes`) are both of this type.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct HsCode(String);

#[cfg(feature = "schema")]
impl schemars::JsonSchema for HsCode {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "HsCode".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        // As files hold it: digits only (a person's `7318.15` is written `731815`).
        schemars::json_schema!({
            "description": "A product code of the Harmonized System as a prefix, digits only: a \
                chapter (2 digits), heading (4), subheading (6), EU CN code (8) or TARIC code (10).",
            "type": "string",
            "pattern": "^([0-9]{2}){1,5}$"
        })
    }
}

/// Why a text is not an HS code: what a person must change.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum WhyNotACode {
    /// Nothing but spaces and dots.
    Empty,
    /// A character other than a digit, a space or a dot.
    NotADigit(char),
    /// Digits, but not 2, 4, 6, 8 or 10 of them.
    Length(usize),
}

/// A text that is not an HS code, and why. Front ends word it in their languages from `why`
/// (the core's `Display` is the English).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NotAnHsCode {
    /// What was typed.
    pub input: String,
    pub why: WhyNotACode,
}

impl fmt::Display for NotAnHsCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let input = self.input.escape_debug();
        match self.why {
            WhyNotACode::Empty => write!(
                f,
                "type an HS code: 2 to 10 digits, such as 7318 or 7318.15"
            ),
            WhyNotACode::NotADigit(c) => write!(
                f,
                "\"{input}\" is not an HS code: \"{}\" is not a digit (an HS code is digits, \
                 such as 7318 or 7318.15)",
                c.escape_debug()
            ),
            WhyNotACode::Length(n) => write!(
                f,
                "\"{input}\" is not an HS code: it has {n} digit(s); an HS code has 2, 4, 6, 8 \
                 or 10 (7318, 7318.15, 7318 15 90)"
            ),
        }
    }
}

impl std::error::Error for NotAnHsCode {}

impl HsCode {
    /// A code as a person types it: spaces and dots between the digits are allowed
    /// (`7318.15`, `7318 15 90`), nothing else.
    pub fn from_input(input: &str) -> Result<Self, NotAnHsCode> {
        let digits: String = input.chars().filter(|c| !matches!(c, ' ' | '.')).collect();
        Self::try_from(digits).map_err(|e| NotAnHsCode {
            input: input.trim().to_owned(),
            why: e.why,
        })
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// How every front end names a code the firm gave: `HS 731815`.
    pub fn label(&self) -> String {
        format!("HS {}", self.0)
    }

    /// Whether every code under `self` is also under `other`'s prefix.
    pub fn within(&self, other: &HsCode) -> bool {
        self.0.starts_with(&other.0)
    }

    /// Whether goods of this code are under one of `prefixes`: `Some(true)` when the code is
    /// within one; `None` when it is broader than one and within none (a chapter `73` against
    /// the heading `7318`: some of its goods are, a finer code would tell); `Some(false)`
    /// otherwise. The one reading of "a code under a list of codes": the obligations catalogue's
    /// triggers and the rule language's `answer_in` (its `codes`) both use it.
    pub fn under(&self, prefixes: &[HsCode]) -> Option<bool> {
        if prefixes.iter().any(|p| self.within(p)) {
            Some(true)
        } else if prefixes.iter().any(|p| p.within(self)) {
            None
        } else {
            Some(false)
        }
    }
}

/// Reads a list of HS codes written as strings, each made an [`HsCode`] or refused with the
/// core's reason (`"731" is not an HS code: …`). The one reader of the code lists of the
/// documents the app loads (answers, an `answer_in`'s `codes`): serde's own `try_from` path for
/// `HsCode` is more code in the app's wasm beside this one.
pub(crate) fn codes_from<E: serde::de::Error>(codes: Vec<String>) -> Result<Vec<HsCode>, E> {
    codes
        .into_iter()
        .map(HsCode::try_from)
        .collect::<Result<_, _>>()
        .map_err(E::custom)
}

/// [`codes_from`] as a field's `deserialize_with`.
pub(crate) fn deserialize_codes<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Vec<HsCode>, D::Error> {
    codes_from(<Vec<String> as Deserialize>::deserialize(deserializer)?)
}

impl TryFrom<String> for HsCode {
    type Error = NotAnHsCode;

    fn try_from(code: String) -> Result<Self, NotAnHsCode> {
        let why = if code.is_empty() {
            Some(WhyNotACode::Empty)
        } else if let Some(c) = code.chars().find(|c| !c.is_ascii_digit()) {
            Some(WhyNotACode::NotADigit(c))
        } else if !matches!(code.len(), 2 | 4 | 6 | 8 | 10) {
            Some(WhyNotACode::Length(code.len()))
        } else {
            None
        };
        match why {
            None => Ok(Self(code)),
            Some(why) => Err(NotAnHsCode { input: code, why }),
        }
    }
}

impl From<HsCode> for String {
    fn from(code: HsCode) -> String {
        code.0
    }
}

impl fmt::Display for HsCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// [`is_questionnaire_id`] as a JSON Schema pattern.
#[cfg(feature = "schema")]
pub(crate) const ID_PATTERN: &str = "^[a-z0-9][a-z0-9._-]{0,63}$";

/// [`is_version`] as a JSON Schema pattern.
#[cfg(feature = "schema")]
pub(crate) const VERSION_PATTERN: &str =
    "^(0|[1-9][0-9]{0,8})\\.(0|[1-9][0-9]{0,8})\\.(0|[1-9][0-9]{0,8})$";

/// A questionnaire id: 1–64 of `a-z 0-9 - _ .`, starting with a letter or digit. It is written
/// into storage keys, file names and the printed page's margin, so nothing else is allowed.
pub fn is_questionnaire_id(id: &str) -> bool {
    let mut chars = id.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        && id.len() <= 64
        && chars
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '-' | '_' | '.'))
}

/// `MAJOR.MINOR.PATCH`: three numbers of at most 9 digits, without leading zeros.
pub fn is_version(version: &str) -> bool {
    let parts: Vec<&str> = version.split('.').collect();
    parts.len() == 3
        && parts.iter().all(|p| {
            !p.is_empty()
                && p.len() <= 9
                && p.bytes().all(|b| b.is_ascii_digit())
                && (p.len() == 1 || !p.starts_with('0'))
        })
}
