//! The bounds on values inside a file: a weight, a hand-off link's address. A leaf: the validators
//! check them and the problems that name them quote them (`problem.rs`). The bounds on whole files
//! (their size, their entries) are in `limits.rs`.

/// The largest weight a questionnaire may give. Weights are relative, so any range will do; a
/// bound keeps weighted sums finite (fuzzing found 1e308 weights overflowing to infinity).
pub const MAX_WEIGHT: f64 = 1000.0;

/// The longest address a hand-off link may start with. A QR code of version 10 at error
/// correction M holds 1728 data bits; the shipped questionnaire's code (117 digits in a numeric
/// segment, 406 bits with its header) and the address in a byte segment (20 bits of header, 8 a
/// character) leave room for 162 characters; 160 keeps a margin. Tested in `tests/handoff.rs`.
pub const MAX_LINK_BASE: usize = 160;
