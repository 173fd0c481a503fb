//! Translatable text: every user-facing string of a questionnaire is an object keyed by language tag,
//! so that a third language is a data change, not a code change.

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
///
/// Held as a list in the order of the tags, one entry per language, as a map would hold it: a
/// questionnaire has one or two languages, and a map's code (insertion, lookup, cloning, each
/// compiled for this key and value) would be in the web app's first load for nothing.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Text(Vec<(LangTag, String)>);

impl Text {
    /// The text in `lang`. A validated questionnaire has every language for every text, so the
    /// fallback to any language only matters for a language the questionnaire does not declare.
    pub fn get(&self, lang: &LangTag) -> &str {
        self.in_language(lang)
            .or_else(|| self.0.first().map(|(_, text)| text.as_str()))
            .unwrap_or("")
    }

    /// The text in `lang`, if it has one.
    pub fn in_language(&self, lang: &LangTag) -> Option<&str> {
        self.0
            .iter()
            .find(|(tag, _)| tag == lang)
            .map(|(_, text)| text.as_str())
    }

    /// The declared languages that have no non-blank text here.
    pub fn missing<'a>(&self, languages: &'a [LangTag]) -> Vec<&'a LangTag> {
        languages
            .iter()
            .filter(|lang| self.in_language(lang).is_none_or(|s| s.trim().is_empty()))
            .collect()
    }

    /// Each language's text, in the order of the tags.
    pub fn iter(&self) -> impl Iterator<Item = (&LangTag, &str)> {
        self.0.iter().map(|(tag, text)| (tag, text.as_str()))
    }

    /// Sets the text in `lang`, replacing the one it had (as a JSON object's later key does).
    pub fn insert(&mut self, lang: LangTag, text: String) {
        match self.0.binary_search_by(|(tag, _)| tag.cmp(&lang)) {
            Ok(at) => self.0[at].1 = text,
            Err(at) => self.0.insert(at, (lang, text)),
        }
    }
}

impl Serialize for Text {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (tag, text) in &self.0 {
            map.serialize_entry(tag, text)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Texts;
        impl<'de> serde::de::Visitor<'de> for Texts {
            type Value = Text;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object of texts by language tag")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Text, A::Error> {
                let mut text = Text::default();
                while let Some((tag, value)) = map.next_entry::<LangTag, String>()? {
                    text.insert(tag, value);
                }
                Ok(text)
            }
        }
        deserializer.deserialize_map(Texts)
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Text {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Text".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        // What it is written as: an object of strings by language tag.
        schemars::json_schema!({
            "description": "One text in every language of the questionnaire: `{\"zh-CN\": \"…\", \"en\": \"…\"}`.",
            "type": "object",
            "additionalProperties": { "type": "string" }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_and_writes_as_an_object_by_language_tag() {
        let text: Text =
            serde_json::from_str(r#"{"zh-CN": "中", "en": "E", "en": "later"}"#).unwrap();
        // In the order of the tags, a later key replacing an earlier one, as a map would.
        assert_eq!(
            text.iter().collect::<Vec<_>>(),
            [(&"en".into(), "later"), (&"zh-CN".into(), "中")]
        );
        assert_eq!(text.get(&"zh-CN".into()), "中");
        assert_eq!(text.get(&"fr".into()), "later");
        assert_eq!(
            serde_json::to_string(&text).unwrap(),
            r#"{"en":"later","zh-CN":"中"}"#
        );
        assert!(serde_json::from_str::<Text>(r#"["en", "E"]"#).is_err());
        assert!(serde_json::from_str::<Text>(r#"{"en": 1}"#).is_err());
        assert_eq!(Text::default().get(&"en".into()), "");
    }
}
