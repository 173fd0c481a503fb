//! An association's changes to a questionnaire, as data: which dimensions to ask and which weights
//! to change. Applied to the document before validation, so that the result is checked like any
//! questionnaire, and a change that breaks it (a removed dimension that another rule needs) is
//! reported, not scored.

use crate::list_map::ListMap;

use serde::{Deserialize, Serialize};

use crate::ids::DimensionId;
use crate::model::QuestionnaireDoc;
use crate::problem::{Place, Problem, ProblemKind};

/// Written (in a result record, `docs/cohort.md`) as an association's config writes these
/// fields, leaving out what it does not change.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Customisation {
    /// The dimensions to ask, by id; every dimension when absent. The profile is always asked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub sections: Option<Vec<DimensionId>>,
    #[serde(default, skip_serializing_if = "Weights::is_empty")]
    pub weights: Weights,
}

/// New weights, dimensions and items apart: an item and a dimension may share an id, and a weight
/// must say which it changes. Keyed by the ids' text (a dimension id in `dimensions`, an item id
/// in `items`): one map type for both keeps a second JSON map deserializer out of the wasm.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct Weights {
    /// New weights of dimensions, by id: above 0, at most 1000.
    #[serde(skip_serializing_if = "ListMap::is_empty")]
    #[cfg_attr(
        feature = "schema",
        schemars(extend("additionalProperties" = {
            "type": "number", "exclusiveMinimum": 0, "maximum": crate::bounds::MAX_WEIGHT
        }))
    )]
    pub dimensions: ListMap<String, f64>,
    /// New weights of items, by id: above 0, at most 1000.
    #[serde(skip_serializing_if = "ListMap::is_empty")]
    #[cfg_attr(
        feature = "schema",
        schemars(extend("additionalProperties" = {
            "type": "number", "exclusiveMinimum": 0, "maximum": crate::bounds::MAX_WEIGHT
        }))
    )]
    pub items: ListMap<String, f64>,
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
    /// The customisation as an association's config writes it: the one form it is sent in (to the
    /// report's worker, say) and read back from ([`Customisation::from_json`]).
    pub fn to_json(&self) -> String {
        crate::json::to_json(self)
    }

    pub fn from_json(text: &str) -> Result<Self, serde_json::Error> {
        serde_json::from_str(text)
    }

    pub fn is_empty(&self) -> bool {
        self.sections.is_none() && self.weights.is_empty()
    }

    /// Whether `other` scores as this one: the same sections and the same weights, a weight read
    /// back from a record's JSON within a rounding of the number's last digit.
    pub fn scores_as(&self, other: &Customisation) -> bool {
        let same = |a: &ListMap<String, f64>, b: &ListMap<String, f64>| {
            a.len() == b.len()
                && a.iter().zip(b).all(|((ka, va), (kb, vb))| {
                    ka == kb && (va - vb).abs() <= 1e-9 * va.abs().max(vb.abs())
                })
        };
        self.sections == other.sections
            && same(&self.weights.dimensions, &other.weights.dimensions)
            && same(&self.weights.items, &other.weights.items)
    }

    /// Its sections and weights, for a person: `sections technology, institutions; weights
    /// dimension institutions 1.5, item R2 2`, or in Chinese; "as shipped" when empty.
    pub fn describe(&self, chinese: bool) -> String {
        let mut parts = Vec::new();
        let quoted = |id: &str| {
            if chinese {
                format!("“{id}”")
            } else {
                id.to_owned()
            }
        };
        if let Some(sections) = &self.sections {
            let ids: Vec<String> = sections.iter().map(|d| quoted(d.as_str())).collect();
            parts.push(if chinese {
                format!("维度 {}", ids.join("、"))
            } else {
                format!("sections {}", ids.join(", "))
            });
        }
        let (dimension, item) = if chinese {
            ("维度", "题目")
        } else {
            ("dimension ", "item ")
        };
        let weights: Vec<String> = (self
            .weights
            .dimensions
            .iter()
            .map(|(id, w)| (dimension, id, w)))
        .chain(self.weights.items.iter().map(|(id, w)| (item, id, w)))
        .map(|(what, id, w)| format!("{what}{} {}", quoted(id), crate::problem::number(*w)))
        .collect();
        if !weights.is_empty() {
            parts.push(if chinese {
                format!("权重 {}", weights.join("，"))
            } else {
                format!("weights {}", weights.join(", "))
            });
        }
        match (parts.is_empty(), chinese) {
            (true, true) => "问卷原有的维度和权重".to_owned(),
            (true, false) => "the questionnaire's own sections and weights".to_owned(),
            (false, true) => parts.join("；"),
            (false, false) => parts.join("; "),
        }
    }

    /// `doc` with the changes made, or every problem with them (in the config, by field).
    pub fn apply(&self, doc: QuestionnaireDoc) -> Result<QuestionnaireDoc, Vec<Problem>> {
        self.apply_effective(doc).map(|(doc, _)| doc)
    }

    /// [`Customisation::apply`], and what it changed of the document's scoring: the sections
    /// asked, in the questionnaire's order, when not every dimension is, and each weight that
    /// differs from the document's. Two configs that score alike give the same (a weight set to
    /// its own value, every section listed, in any order), so a result record carries it and the
    /// cohort tools compare it (`result_record::import`). Found as the changes are made: the
    /// document is not copied.
    pub(crate) fn apply_effective(
        &self,
        mut doc: QuestionnaireDoc,
    ) -> Result<(QuestionnaireDoc, Customisation), Vec<Problem>> {
        let mut effective = Customisation::default();
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
            let all = doc.dimensions.len();
            doc.dimensions.retain(|d| sections.contains(&d.id));
            if doc.dimensions.len() < all {
                effective.sections = Some(doc.dimensions.iter().map(|d| d.id.clone()).collect());
            }
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
                Some(d) => {
                    if d.weight != weight {
                        effective.weights.dimensions.insert(id.clone(), weight);
                    }
                    d.weight = weight;
                }
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
                Some(item) => {
                    if item.weight != weight {
                        effective.weights.items.insert(id.clone(), weight);
                    }
                    item.weight = weight;
                }
                None => problems.push(problem(field, ProblemKind::NotAsked(id.to_string()))),
            }
        }
        if problems.is_empty() {
            Ok((doc, effective))
        } else {
            Err(problems)
        }
    }
}
