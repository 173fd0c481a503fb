//! One component per file, each named for what it shows. Components get plain values and callbacks
//! as props; only `App` holds the reducer.

pub mod lang_switch;
pub mod start;

pub use lang_switch::{LangSwitch, LangSwitchProps};
pub use start::{Start, StartProps};
