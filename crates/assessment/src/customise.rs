//! An association's changes to a questionnaire, as data: which dimensions to ask and which weights
//! to change. Applied to the document before validation, so that the result is checked like any
//! questionnaire, and a change that breaks it (a removed dimension that another rule needs) is
//! reported, not scored.

use std::collections::BTreeMap;
use std::fmt;

use serde::Deserialize;

use crate::ids::DimensionId;
use crate::model::QuestionnaireDoc;

#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Customisation {
    /// The dimensions to ask, by id; every dimension when absent. The profile is always asked.
    #[serde(default)]
    pub sections: Option<Vec<DimensionId>>,
    /// New weights, by item id or dimension id.
    #[serde(default)]
    pub weights: BTreeMap<String, f64>,
}

/// One thing wrong with a customisation, naming its field.
#[derive(Clone, Debug, PartialEq)]
pub struct CustomisationProblem {
    pub field: String,
    pub message: String,
}

impl fmt::Display for CustomisationProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "field {}: {}", self.field, self.message)
    }
}

impl Customisation {
    pub fn is_empty(&self) -> bool {
        self.sections.is_none() && self.weights.is_empty()
    }

    /// `doc` with the changes made, or every problem with them.
    pub fn apply(
        &self,
        mut doc: QuestionnaireDoc,
    ) -> Result<QuestionnaireDoc, Vec<CustomisationProblem>> {
        let mut problems = Vec::new();
        if let Some(sections) = &self.sections {
            if sections.is_empty() {
                problems.push(CustomisationProblem {
                    field: "sections".into(),
                    message: "lists no dimension; at least one must be asked".into(),
                });
            }
            for (i, id) in sections.iter().enumerate() {
                if !doc.dimensions.iter().any(|d| &d.id == id) {
                    problems.push(CustomisationProblem {
                        field: format!("sections[{i}]"),
                        message: format!("the questionnaire has no dimension \"{id}\""),
                    });
                }
            }
            doc.dimensions.retain(|d| sections.contains(&d.id));
        }
        for (id, &weight) in &self.weights {
            let field = format!("weights.{id}");
            if !crate::validate::weight_in_range(weight) {
                problems.push(CustomisationProblem {
                    field,
                    message: format!(
                        "weight {weight} must be greater than 0 and at most {}",
                        crate::validate::MAX_WEIGHT
                    ),
                });
                continue;
            }
            let dimension = doc.dimensions.iter_mut().find(|d| d.id.as_str() == id);
            if let Some(d) = dimension {
                d.weight = weight;
                continue;
            }
            let item = doc
                .dimensions
                .iter_mut()
                .flat_map(|d| d.items.iter_mut())
                .find(|i| i.id.as_str() == id);
            match item {
                Some(item) => item.weight = weight,
                None => problems.push(CustomisationProblem {
                    field,
                    message: format!("no item or dimension \"{id}\" is asked"),
                }),
            }
        }
        if problems.is_empty() {
            Ok(doc)
        } else {
            Err(problems)
        }
    }
}
