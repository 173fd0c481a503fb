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
