//! An association's changes to a questionnaire, as data: which dimensions to ask and which weights
//! to change. Applied to the document before validation, so that the result is checked like any
//! questionnaire, and a change that breaks it (a removed dimension that another rule needs) is
//! reported, not scored.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::ids::DimensionId;
use crate::model::QuestionnaireDoc;
use crate::validate::{Place, Problem, ProblemKind};

#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Customisation {
    /// The dimensions to ask, by id; every dimension when absent. The profile is always asked.
    #[serde(default)]
    pub sections: Option<Vec<DimensionId>>,
    #[serde(default)]
    pub weights: Weights,
}

/// New weights, dimensions and items apart: an item and a dimension may share an id, and a weight
/// must say which it changes. Keyed by the ids' text (a dimension id in `dimensions`, an item id
/// in `items`): one map type for both keeps a second JSON map deserializer out of the wasm.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Weights {
    pub dimensions: BTreeMap<String, f64>,
    pub items: BTreeMap<String, f64>,
}

impl Weights {
    pub fn is_empty(&self) -> bool {
        self.dimensions.is_empty() && self.items.is_empty()
    }
}

fn problem(field: String, kind: ProblemKind) -> Problem {
    Problem {
        place: Place::Config,
        field,
        kind,
    }
}

impl Customisation {
    pub fn is_empty(&self) -> bool {
        self.sections.is_none() && self.weights.is_empty()
    }

    /// `doc` with the changes made, or every problem with them (in the config, by field).
    pub fn apply(&self, mut doc: QuestionnaireDoc) -> Result<QuestionnaireDoc, Vec<Problem>> {
        let mut problems = Vec::new();
        if let Some(sections) = &self.sections {
            if sections.is_empty() {
                problems.push(problem("sections".into(), ProblemKind::Empty));
            }
            for (i, id) in sections.iter().enumerate() {
                if !doc.dimensions.iter().any(|d| &d.id == id) {
                    problems.push(problem(
                        format!("sections[{i}]"),
                        ProblemKind::UnknownDimension(id.to_string()),
                    ));
                }
            }
            doc.dimensions.retain(|d| sections.contains(&d.id));
        }
        let out_of_range = |weight: f64| {
            (!crate::validate::weight_in_range(weight))
                .then_some(ProblemKind::WeightOutOfRange(weight))
        };
        for (id, &weight) in &self.weights.dimensions {
            let field = format!("weights.dimensions.{id}");
            if let Some(kind) = out_of_range(weight) {
                problems.push(problem(field, kind));
                continue;
            }
            match doc.dimensions.iter_mut().find(|d| d.id.as_str() == id) {
                Some(d) => d.weight = weight,
                None => problems.push(problem(field, ProblemKind::NotAsked(id.to_string()))),
            }
        }
        for (id, &weight) in &self.weights.items {
            let field = format!("weights.items.{id}");
            if let Some(kind) = out_of_range(weight) {
                problems.push(problem(field, kind));
                continue;
            }
            let item = doc
                .dimensions
                .iter_mut()
                .flat_map(|d| d.items.iter_mut())
                .find(|i| i.id.as_str() == id);
            match item {
                Some(item) => item.weight = weight,
                None => problems.push(problem(field, ProblemKind::NotAsked(id.to_string()))),
            }
        }
        if problems.is_empty() {
            Ok(doc)
        } else {
            Err(problems)
        }
    }
}
