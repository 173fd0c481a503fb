//! Translatable text: every user-facing string of a questionnaire is an object keyed by language tag,
//! so that a third language is a data change, not a code change.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

/// A BCP 47 language tag as used in the questionnaire (`zh-CN`, `en`).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(transparent)]
pub struct LangTag(pub String);

impl LangTag {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl From<&str> for LangTag {
    fn from(s: &str) -> Self {
        Self(s.to_owned())
    }
}

impl fmt::Display for LangTag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// One text in every language of the questionnaire: `{"zh-CN": "…", "en": "…"}`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(transparent)]
pub struct Text(pub BTreeMap<LangTag, String>);

impl Text {
    /// The text in `lang`. A validated questionnaire has every language for every text, so the
    /// fallback to any language only matters for a language the questionnaire does not declare.
    pub fn get(&self, lang: &LangTag) -> &str {
        self.0
            .get(lang)
            .or_else(|| self.0.values().next())
            .map(String::as_str)
            .unwrap_or("")
    }

    /// The declared languages that have no non-blank text here.
    pub fn missing<'a>(&self, languages: &'a [LangTag]) -> Vec<&'a LangTag> {
        languages
            .iter()
            .filter(|lang| self.0.get(*lang).is_none_or(|s| s.trim().is_empty()))
            .collect()
    }
}
