//! The languages the tool speaks, and the one way every front end words a sentence in them.
//!
//! A questionnaire's texts are data, keyed by whatever tags it declares ([`LangTag`]); the tool's
//! own words (the app's, the core's messages, the CLI's, the cohort page's) exist only in the
//! languages of [`Lang`]. Text from outside (a `--lang`, a `?lang=`, a config's `language`, a
//! browser's preferences) becomes a `Lang` here or is refused: nothing downstream guesses.
//!
//! A table of words is declared once with [`words!`]: each entry gives its words in every language
//! side by side, so adding a sentence is one entry, written once per language, and a language
//! missing from an entry does not compile.

use std::fmt;
use std::str::FromStr;

use crate::text::LangTag;

/// A language the tool speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Lang {
    ZhCn,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::ZhCn, Lang::En];

    /// The BCP 47 tag, as `<html lang>` and the questionnaire's texts use it.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::ZhCn => "zh-CN",
            Lang::En => "en",
        }
    }

    pub fn lang_tag(self) -> LangTag {
        LangTag::from(self.tag())
    }

    /// The language's own name, which is how a person finds it in a switch.
    pub fn autonym(self) -> &'static str {
        match self {
            Lang::ZhCn => "简体中文",
            Lang::En => "English",
        }
    }

    /// The language for a BCP 47 tag, matched on its primary subtag (`zh-Hans-CN` is Chinese);
    /// `None` for a language the tool does not speak.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.split(['-', '_']).next()?;
        Lang::ALL
            .into_iter()
            .find(|lang| lang.tag()[..2].eq_ignore_ascii_case(primary))
    }

    /// The first of a browser's preferred languages that the tool speaks; Chinese otherwise,
    /// since most users are Chinese exporters.
    pub fn preferred<'a>(tags: impl IntoIterator<Item = &'a str>) -> Lang {
        tags.into_iter()
            .find_map(Lang::from_tag)
            .unwrap_or(Lang::ZhCn)
    }

    /// The language the core words a message in for a questionnaire's tag: its own, or English
    /// for a language the tool does not speak.
    pub fn of(tag: &LangTag) -> Lang {
        Lang::from_tag(tag.as_str()).unwrap_or(Lang::En)
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.tag())
    }
}

/// A language tag names no language the tool speaks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NotSpoken(pub String);

impl fmt::Display for NotSpoken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "this tool does not speak \"{}\": use ", self.0)?;
        for (i, lang) in Lang::ALL.iter().enumerate() {
            let sep = if i == 0 { "" } else { " or " };
            write!(f, "{sep}{lang}")?;
        }
        Ok(())
    }
}

impl std::error::Error for NotSpoken {}

impl FromStr for Lang {
    type Err = NotSpoken;

    fn from_str(tag: &str) -> Result<Lang, NotSpoken> {
        Lang::from_tag(tag).ok_or_else(|| NotSpoken(tag.to_owned()))
    }
}

/// Declares a table of words: a struct whose every entry is given in each language side by side,
/// and `NAME::of(lang)`, the table in one language (a constant: a lookup costs a `match`, and a
/// table can hold another's). Sentences, which put a number or a name where each language puts
/// it, are methods: each language's closure is called directly, so a sentence costs what a
/// `match` on the language would.
///
/// ```
/// assessment::words! {
///     /// The words of a screen.
///     pub struct Screen {
///         /// A fixed word.
///         next: &'static str = "下一步", "Next";
///     }
///     sentences {
///         /// A sentence with numbers, worded by each language in its own order.
///         fn step(n: usize, of: usize) -> String =
///             |n, of| format!("第 {n} 步，共 {of} 步"),
///             |n, of| format!("Step {n} of {of}");
///     }
/// }
/// use assessment::Lang;
/// assert_eq!(Screen::of(Lang::En).next, "Next");
/// assert_eq!(Screen::of(Lang::ZhCn).step(2, 5), "第 2 步，共 5 步");
/// ```
///
/// The languages come in the order of [`Lang::ALL`]: Chinese, then English.
#[macro_export]
macro_rules! words {
    (
        $(#[$meta:meta])*
        $vis:vis struct $name:ident {
            $( $(#[$field_meta:meta])* $field:ident : $ty:ty = $zh_cn:expr, $en:expr; )*
        }
        $( sentences {
            $(
                $(#[$sentence_meta:meta])*
                fn $sentence:ident ( $( $arg:ident : $arg_ty:ty ),* $(,)? ) -> $ret:ty =
                    $sentence_zh_cn:expr, $sentence_en:expr;
            )*
        } )?
    ) => {
        $(#[$meta])*
        $vis struct $name {
            $( $(#[$field_meta])* pub $field: $ty, )*
            /// The language of this table, which its sentences are said in.
            #[allow(dead_code)]
            lang: $crate::Lang,
        }

        impl $name {
            const ZH_CN: $name = $name { $( $field: $zh_cn, )* lang: $crate::Lang::ZhCn };
            const EN: $name = $name { $( $field: $en, )* lang: $crate::Lang::En };

            /// The table in `lang`.
            pub const fn of(lang: $crate::Lang) -> &'static $name {
                match lang {
                    $crate::Lang::ZhCn => &Self::ZH_CN,
                    $crate::Lang::En => &Self::EN,
                }
            }

            /// Every entry's name and value, in the order declared: for a generator of another
            /// front end's words (the cohort page's, in JavaScript).
            #[allow(dead_code)]
            pub fn entries(&'static self) -> Vec<(&'static str, &'static dyn ::core::any::Any)> {
                vec![ $( (stringify!($field), &self.$field as &dyn ::core::any::Any), )* ]
            }

            $( $(
                $(#[$sentence_meta])*
                pub fn $sentence(&self, $( $arg: $arg_ty ),* ) -> $ret {
                    match self.lang {
                        $crate::Lang::ZhCn => ($sentence_zh_cn)($( $arg ),*),
                        $crate::Lang::En => ($sentence_en)($( $arg ),*),
                    }
                }
            )* )?
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn browser_tags_pick_the_first_language_spoken() {
        assert_eq!(Lang::preferred(["fr-FR", "en-GB", "zh-CN"]), Lang::En);
        assert_eq!(Lang::preferred(["zh-Hans-CN"]), Lang::ZhCn);
        assert_eq!(Lang::preferred(["zh_TW", "en"]), Lang::ZhCn);
        assert_eq!(Lang::preferred(["de", "fr"]), Lang::ZhCn);
        assert_eq!(Lang::preferred([]), Lang::ZhCn);
    }

    #[test]
    fn tags_round_trip_and_others_are_refused() {
        for lang in Lang::ALL {
            assert_eq!(lang.tag().parse(), Ok(lang));
        }
        assert_eq!("EN-gb".parse(), Ok(Lang::En));
        let refused = "fr".parse::<Lang>().unwrap_err();
        assert_eq!(
            refused.to_string(),
            "this tool does not speak \"fr\": use zh-CN or en"
        );
        assert_eq!("".parse::<Lang>(), Err(NotSpoken(String::new())));
        // The core's messages for a questionnaire's other language are in English.
        assert_eq!(Lang::of(&LangTag::from("fr")), Lang::En);
    }
}
