//! The core's tests, one binary (as ripgrep does): each module is one concern.

mod association;
mod bounds;
mod citations;
mod codes;
mod cohort;
mod common;
mod compare;
mod customise;
mod disclosure;
mod export_path;
mod first_steps;
mod fixtures;
mod handoff;
mod law;
mod obligations;
mod plan;
mod properties;
mod recovery;
mod schema;
mod scoring;
mod split;
mod validation;
mod verdicts;
mod view;
mod walk;
