//! A cohort: the figures of many members' results, with the privacy rules enforced here, so that
//! no front end can show a figure the rules withhold (`docs/cohort.md`).
//!
//! The rules, and why:
//! - A group of fewer than [`MIN_GROUP`] members is shown as "fewer than 5": its count is a
//!   [`Hidden`], a type that cannot hold the figure.
//! - A group's breakdown inside a grouping (its histograms, stages, gaps… by region, sector or
//!   size: a cross-tabulation) needs [`MIN_CROSS_TAB`] members. The whole set's figures are a
//!   one-way table and need [`MIN_GROUP`].
//! - Percentiles (quartiles and median) need [`MIN_PERCENTILES`] values: in a small group a
//!   quartile is one member's score.
//! - Only fixed groupings ([`Grouping`]), never crossed with each other, and no free filter.
//! - Complementary suppression: the groups of a grouping add up to the whole set, so a hidden
//!   group could be narrowed down as the whole minus the shown groups. The groups withheld are
//!   those below the threshold and, where needed, the smallest others, so that every withheld
//!   group (and every combination of them) could be at least the threshold for all a reader can
//!   work out from everything published and from the rule itself: [`suppress`]. Every withheld group gives the same reason
//!   ([`Hidden::Withheld`]), so the reasons do not tell which one is small.
//!
//! Counting is a [`Tally`]: members are added one by one and tallies merged, so a front end can
//! count on every core, or in chunks between frames, and get the same figures. Scores are counted
//! by exact tenth, so the quartiles are exact (linear interpolation between order statistics, as
//! DuckDB's `quantile_cont` and numpy's default) and need no list of every score.

use std::fmt::Write as _;

use serde::Serialize;

use crate::ids::{DimensionId, OptionId, PathId, QuestionId, StageId};
use crate::limits::MAX_REFUSED_LISTED;
use crate::questionnaire::{Questionnaire, QuestionnaireRef};
use crate::result_record::{Grouping, PathStatus, RecommendationRef, Refusal, ResultRecord, Score};
use crate::text::LangTag;

/// The fewest members a group may have for its count or any figure of it to be shown.
pub const MIN_GROUP: u64 = 5;
/// The fewest members a group of a grouping may have for its breakdown to be shown.
pub const MIN_CROSS_TAB: u64 = 10;
/// The fewest values a percentile may be computed from.
pub const MIN_PERCENTILES: u64 = 20;
/// Histogram bins of ten points: 0–10, 10–20, … 90–100 (100 in the last).
pub const BINS: usize = 10;
/// How many of the most frequent top recommendations a cohort lists.
pub const MOST_FREQUENT: usize = 5;

/// Why a figure is not shown. It carries the rule, never the figure.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Hidden {
    /// The whole set, or the values a percentile needs, are fewer than this threshold.
    FewerThan(u64),
    /// A group of a grouping withheld at this threshold: either it is below it, or showing it
    /// would let a group below it be worked out. Which of the two is never said, since that
    /// would tell a reader which withheld group is the small one.
    Withheld(u64),
}

impl std::fmt::Display for Hidden {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Hidden::FewerThan(n) => write!(f, "fewer than {n}"),
            Hidden::Withheld(n) => {
                write!(f, "withheld (fewer than {n} or would reveal such a group)")
            }
        }
    }
}

/// A figure, or why it is withheld.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Shown<T> {
    Shown(T),
    Hidden(Hidden),
}

impl<T> Shown<T> {
    pub fn shown(&self) -> Option<&T> {
        match self {
            Shown::Shown(t) => Some(t),
            Shown::Hidden(_) => None,
        }
    }
}

/// Which group of a cohort.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum GroupKey {
    /// The whole set.
    All,
    /// Members who gave this answer to the grouping's question.
    Code(OptionId),
    /// Members who did not answer it.
    NotGiven,
}

impl std::fmt::Display for GroupKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            GroupKey::All => f.write_str("(all)"),
            GroupKey::Code(code) => code.fmt(f),
            GroupKey::NotGiven => f.write_str("(not given)"),
        }
    }
}

/// The quartiles of a distribution, in points.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Quartiles {
    pub p25: f64,
    pub median: f64,
    pub p75: f64,
}

/// The distribution of one score (overall or a dimension's) in a group.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Distribution {
    /// Members with this score.
    pub n: u64,
    /// Members without one (nothing in it answered yet).
    pub unscored: u64,
    /// Members per ten points, [`BINS`] of them.
    pub bins: Vec<u64>,
    pub quartiles: Shown<Quartiles>,
}

/// A count of members with some property, of `n`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Counted<K> {
    pub key: K,
    pub count: u64,
}

/// Counts of members by a key, over `n` members.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Counts<K> {
    pub n: u64,
    pub counts: Vec<Counted<K>>,
}

/// A critical gap's frequency: `count` of `n` members, `percent` of them (one decimal).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GapShare {
    pub item: QuestionId,
    pub dimension: DimensionId,
    pub count: u64,
    pub percent: f64,
}

/// Every critical rule's item, with how many of `n` members have that gap.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GapShares {
    pub n: u64,
    pub gaps: Vec<GapShare>,
}

/// One dimension's score distribution.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DimensionDistribution {
    pub id: DimensionId,
    pub distribution: Distribution,
}

/// The data-export path as a cohort counts it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PathKey {
    Outcome(PathId),
    Pending,
    Uncovered,
}

impl std::fmt::Display for PathKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PathKey::Outcome(id) => id.fmt(f),
            PathKey::Pending => f.write_str("(pending)"),
            PathKey::Uncovered => f.write_str("(uncovered)"),
        }
    }
}

/// Every figure of one group. Each carries the `n` it is computed over.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Figures {
    pub n: u64,
    /// Members whose assessment is complete.
    pub complete: u64,
    pub overall: Distribution,
    pub dimensions: Vec<DimensionDistribution>,
    /// Members by stage; `None` counts those without an overall score.
    pub stages: Counts<Option<StageId>>,
    /// Every critical rule's item, with how many members have that gap, of `n`.
    pub critical_gaps: GapShares,
    /// Members by bottleneck; `None` counts those without one.
    pub bottlenecks: Counts<Option<DimensionId>>,
    /// The most common bottleneck (several when tied); empty when no member has one.
    pub most_common_bottleneck: Vec<DimensionId>,
    /// The recommendations most often among members' top ones, most frequent first, at most
    /// [`MOST_FREQUENT`]; `n` is the members counted.
    pub top_recommendations: Counts<RecommendationRef>,
    pub export_paths: Counts<PathKey>,
}

/// One group: its member count and its figures, each shown or withheld by the rules.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Group {
    pub key: GroupKey,
    pub members: Shown<u64>,
    pub figures: Shown<Figures>,
}

/// The groups of one grouping, in the order of its question's options, then "not given".
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GroupingTable {
    pub grouping: Grouping,
    pub question: QuestionId,
    pub groups: Vec<Group>,
}

/// The thresholds the figures were withheld by, for a reader of the output.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Rules {
    pub min_group: u64,
    pub min_cross_tab: u64,
    pub min_percentiles: u64,
}

/// A file that was not counted, by name, and why.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Refused {
    pub name: String,
    /// Written as its English words; `Refusal::message` gives them in a language.
    pub reason: Refusal,
}

/// The files not counted: the first [`MAX_REFUSED_LISTED`] by name and reason, in the order
/// they were met, and how many in all. Its memory is bounded whatever the number of files, and
/// counting one more is constant time. In a cohort's JSON: `"refused": [listed…]` and
/// `"refused_total": n`.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Refusals {
    #[serde(rename = "refused")]
    listed: Vec<Refused>,
    #[serde(rename = "refused_total")]
    total: u64,
}

impl Refusals {
    /// Counts one more file not counted; lists it while fewer than the cap are listed.
    pub fn push(&mut self, refused: Refused) {
        if self.listed.len() < MAX_REFUSED_LISTED {
            self.listed.push(refused);
        }
        self.total += 1;
    }

    /// Adds those refused after these (another thread's part of the next files, in order): the
    /// first of both together stay listed.
    pub fn append(&mut self, later: Refusals) {
        let room = MAX_REFUSED_LISTED - self.listed.len();
        self.listed.extend(later.listed.into_iter().take(room));
        self.total += later.total;
    }

    /// The first ones, in the order they were met.
    pub fn listed(&self) -> &[Refused] {
        &self.listed
    }

    /// How many in all, listed or not.
    pub fn total(&self) -> u64 {
        self.total
    }

    pub fn is_empty(&self) -> bool {
        self.total == 0
    }

    /// How many more than those listed there were, in `lang` ("… and 4900 more"), to say after
    /// the list; `None` when every one is listed.
    pub fn more(&self, lang: &LangTag) -> Option<String> {
        let more = self.total - self.listed.len() as u64;
        (more > 0).then(|| crate::limits::and_more(more, lang, "个未列出"))
    }
}

/// A cohort's figures.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Cohort {
    pub questionnaire: QuestionnaireRef,
    pub rules: Rules,
    /// Results counted (whatever the rules then show).
    pub counted: u64,
    #[serde(flatten)]
    pub refused: Refusals,
    pub all: Group,
    pub groupings: Vec<GroupingTable>,
}

/// What a tally indexes its counters by: the questionnaire's ids in order.
#[derive(Clone, Debug)]
struct Layout {
    questionnaire: QuestionnaireRef,
    codes: Vec<(Grouping, QuestionId, Vec<OptionId>)>,
    dimensions: Vec<DimensionId>,
    stages: Vec<StageId>,
    /// Items with a critical rule, and their dimension.
    critical: Vec<(QuestionId, DimensionId)>,
    outcomes: Vec<PathId>,
    recommendations: Vec<RecommendationRef>,
}

impl Layout {
    fn new(q: &Questionnaire) -> Self {
        let mut recommendations: Vec<RecommendationRef> = Vec::new();
        for (_, item) in q.items() {
            for r in &item.recommendations {
                let key = RecommendationRef {
                    item: item.id.clone(),
                    countermeasure: r.countermeasure.clone(),
                };
                if !recommendations.contains(&key) {
                    recommendations.push(key);
                }
            }
        }
        let doc = q.doc();
        Layout {
            questionnaire: q.reference(),
            codes: Grouping::ALL
                .iter()
                .map(|g| (*g, g.question(), g.codes(q)))
                .collect(),
            dimensions: doc.dimensions.iter().map(|d| d.id.clone()).collect(),
            stages: doc.stages.iter().map(|s| s.id.clone()).collect(),
            critical: q
                .items()
                .filter(|(_, i)| i.critical.is_some())
                .map(|(d, i)| (i.id.clone(), d.id.clone()))
                .collect(),
            outcomes: doc
                .export_path
                .outcomes
                .iter()
                .map(|o| o.id.clone())
                .collect(),
            recommendations,
        }
    }

    /// The index of each group a record falls in: the whole set, then one per grouping.
    fn groups_of(&self, record: &ResultRecord) -> [usize; 4] {
        let mut out = [0; 4];
        let mut base = 1;
        for (i, (grouping, _, codes)) in self.codes.iter().enumerate() {
            let at = record
                .profile
                .get(*grouping)
                .and_then(|c| codes.iter().position(|x| x == c))
                .unwrap_or(codes.len());
            out[i + 1] = base + at;
            base += codes.len() + 1;
        }
        out
    }

    fn group_count(&self) -> usize {
        1 + self
            .codes
            .iter()
            .map(|(_, _, c)| c.len() + 1)
            .sum::<usize>()
    }
}

/// Counts by exact tenth of a score, 0.0–100.0.
#[derive(Clone, Debug)]
struct ScoreCounts {
    tenths: Vec<u64>,
    unscored: u64,
}

impl ScoreCounts {
    fn new() -> Self {
        ScoreCounts {
            tenths: vec![0; usize::from(Score::MAX_TENTHS) + 1],
            unscored: 0,
        }
    }

    fn add(&mut self, score: Option<Score>) {
        match score {
            Some(s) => self.tenths[usize::from(s.tenths())] += 1,
            None => self.unscored += 1,
        }
    }

    fn merge(&mut self, other: &ScoreCounts) {
        for (a, b) in self.tenths.iter_mut().zip(&other.tenths) {
            *a += b;
        }
        self.unscored += other.unscored;
    }

    fn n(&self) -> u64 {
        self.tenths.iter().sum()
    }

    /// The `k`-th smallest score (0-based), in tenths.
    fn nth(&self, k: u64) -> u64 {
        let mut seen = 0;
        for (t, c) in self.tenths.iter().enumerate() {
            seen += c;
            if seen > k {
                return t as u64;
            }
        }
        unreachable!("k is below n")
    }

    /// The `p` quantile, interpolated linearly between order statistics, in points.
    fn quantile(&self, n: u64, p: f64) -> f64 {
        let h = (n - 1) as f64 * p;
        let lo = h.floor();
        let below = self.nth(lo as u64) as f64;
        let above = self.nth((lo as u64 + 1).min(n - 1)) as f64;
        (below + (h - lo) * (above - below)) / 10.0
    }

    fn distribution(&self) -> Distribution {
        let n = self.n();
        let mut bins = vec![0; BINS];
        for (t, c) in self.tenths.iter().enumerate() {
            bins[(t / 100).min(BINS - 1)] += c;
        }
        let quartiles = if n >= MIN_PERCENTILES {
            Shown::Shown(Quartiles {
                p25: self.quantile(n, 0.25),
                median: self.quantile(n, 0.5),
                p75: self.quantile(n, 0.75),
            })
        } else {
            Shown::Hidden(Hidden::FewerThan(MIN_PERCENTILES))
        };
        Distribution {
            n,
            unscored: self.unscored,
            bins,
            quartiles,
        }
    }
}

/// The counters of one group.
#[derive(Clone, Debug)]
struct GroupTally {
    members: u64,
    complete: u64,
    overall: ScoreCounts,
    dimensions: Vec<ScoreCounts>,
    /// Per stage, then one for "no stage".
    stages: Vec<u64>,
    gaps: Vec<u64>,
    /// Per dimension, then one for "none".
    bottlenecks: Vec<u64>,
    recommendations: Vec<u64>,
    /// Per outcome, then pending, then uncovered.
    paths: Vec<u64>,
}

impl GroupTally {
    fn new(l: &Layout) -> Self {
        GroupTally {
            members: 0,
            complete: 0,
            overall: ScoreCounts::new(),
            dimensions: vec![ScoreCounts::new(); l.dimensions.len()],
            stages: vec![0; l.stages.len() + 1],
            gaps: vec![0; l.critical.len()],
            bottlenecks: vec![0; l.dimensions.len() + 1],
            recommendations: vec![0; l.recommendations.len()],
            paths: vec![0; l.outcomes.len() + 2],
        }
    }

    fn add(&mut self, l: &Layout, r: &ResultRecord) {
        self.members += 1;
        self.complete += u64::from(r.complete);
        self.overall.add(r.overall);
        for (i, d) in l.dimensions.iter().enumerate() {
            let score = r
                .dimensions
                .iter()
                .find(|x| &x.id == d)
                .and_then(|x| x.score);
            self.dimensions[i].add(score);
        }
        let stage = r
            .stage
            .as_ref()
            .and_then(|s| l.stages.iter().position(|x| x == s));
        self.stages[stage.unwrap_or(l.stages.len())] += 1;
        for gap in &r.critical_gaps {
            if let Some(i) = l.critical.iter().position(|(q, _)| q == gap) {
                self.gaps[i] += 1;
            }
        }
        let b = r
            .bottleneck
            .as_ref()
            .and_then(|b| l.dimensions.iter().position(|x| x == b));
        self.bottlenecks[b.unwrap_or(l.dimensions.len())] += 1;
        for rec in &r.top_recommendations {
            if let Some(i) = l.recommendations.iter().position(|x| x == rec) {
                self.recommendations[i] += 1;
            }
        }
        let path = match &r.export_path {
            PathStatus::Decided { outcome } => l
                .outcomes
                .iter()
                .position(|x| x == outcome)
                .unwrap_or(l.outcomes.len() + 1),
            PathStatus::Pending => l.outcomes.len(),
            PathStatus::Uncovered => l.outcomes.len() + 1,
        };
        self.paths[path] += 1;
    }

    fn merge(&mut self, o: &GroupTally) {
        fn sum(a: &mut [u64], b: &[u64]) {
            for (x, y) in a.iter_mut().zip(b) {
                *x += y;
            }
        }
        self.members += o.members;
        self.complete += o.complete;
        self.overall.merge(&o.overall);
        for (a, b) in self.dimensions.iter_mut().zip(&o.dimensions) {
            a.merge(b);
        }
        sum(&mut self.stages, &o.stages);
        sum(&mut self.gaps, &o.gaps);
        sum(&mut self.bottlenecks, &o.bottlenecks);
        sum(&mut self.recommendations, &o.recommendations);
        sum(&mut self.paths, &o.paths);
    }

    fn figures(&self, l: &Layout) -> Figures {
        let n = self.members;
        let mut stages: Vec<Counted<Option<StageId>>> = l
            .stages
            .iter()
            .zip(&self.stages)
            .map(|(s, c)| Counted {
                key: Some(s.clone()),
                count: *c,
            })
            .collect();
        stages.push(Counted {
            key: None,
            count: self.stages[l.stages.len()],
        });
        let gaps = l
            .critical
            .iter()
            .zip(&self.gaps)
            .map(|((item, dimension), c)| GapShare {
                item: item.clone(),
                dimension: dimension.clone(),
                count: *c,
                percent: percent(*c, n),
            })
            .collect();
        let mut bottlenecks: Vec<Counted<Option<DimensionId>>> = l
            .dimensions
            .iter()
            .zip(&self.bottlenecks)
            .map(|(d, c)| Counted {
                key: Some(d.clone()),
                count: *c,
            })
            .collect();
        bottlenecks.push(Counted {
            key: None,
            count: self.bottlenecks[l.dimensions.len()],
        });
        let top = self.bottlenecks[..l.dimensions.len()]
            .iter()
            .copied()
            .max()
            .unwrap_or(0);
        let most_common_bottleneck = if top == 0 {
            Vec::new()
        } else {
            l.dimensions
                .iter()
                .zip(&self.bottlenecks)
                .filter(|(_, c)| **c == top)
                .map(|(d, _)| d.clone())
                .collect()
        };
        let mut recommendations: Vec<Counted<RecommendationRef>> = l
            .recommendations
            .iter()
            .zip(&self.recommendations)
            .filter(|(_, c)| **c > 0)
            .map(|(r, c)| Counted {
                key: r.clone(),
                count: *c,
            })
            .collect();
        // Most frequent first; ties keep the questionnaire's order (a stable sort).
        recommendations.sort_by_key(|c| std::cmp::Reverse(c.count));
        recommendations.truncate(MOST_FREQUENT);
        let mut paths: Vec<Counted<PathKey>> = l
            .outcomes
            .iter()
            .zip(&self.paths)
            .map(|(o, c)| Counted {
                key: PathKey::Outcome(o.clone()),
                count: *c,
            })
            .collect();
        paths.push(Counted {
            key: PathKey::Pending,
            count: self.paths[l.outcomes.len()],
        });
        paths.push(Counted {
            key: PathKey::Uncovered,
            count: self.paths[l.outcomes.len() + 1],
        });
        Figures {
            n,
            complete: self.complete,
            overall: self.overall.distribution(),
            dimensions: l
                .dimensions
                .iter()
                .zip(&self.dimensions)
                .map(|(id, c)| DimensionDistribution {
                    id: id.clone(),
                    distribution: c.distribution(),
                })
                .collect(),
            stages: Counts { n, counts: stages },
            critical_gaps: GapShares { n, gaps },
            bottlenecks: Counts {
                n,
                counts: bottlenecks,
            },
            most_common_bottleneck,
            top_recommendations: Counts {
                n,
                counts: recommendations,
            },
            export_paths: Counts { n, counts: paths },
        }
    }
}

/// `count` of `n` in percent, one decimal.
fn percent(count: u64, n: u64) -> f64 {
    if n == 0 {
        0.0
    } else {
        (count as f64 * 1000.0 / n as f64).round() / 10.0
    }
}

/// Results counted so far for one questionnaire. Add records, merge tallies (from other threads or
/// chunks), then [`Tally::finish`] applies the privacy rules.
#[derive(Clone, Debug)]
pub struct Tally {
    layout: Layout,
    groups: Vec<GroupTally>,
}

impl Tally {
    pub fn new(questionnaire: &Questionnaire) -> Self {
        let layout = Layout::new(questionnaire);
        let groups = vec![GroupTally::new(&layout); layout.group_count()];
        Tally { layout, groups }
    }

    /// Counts one record, which [`crate::result_record::import`] has checked against the
    /// questionnaire this tally was made for.
    pub fn add(&mut self, record: &ResultRecord) {
        for g in self.layout.groups_of(record) {
            self.groups[g].add(&self.layout, record);
        }
    }

    /// Adds another tally of the same questionnaire.
    pub fn merge(&mut self, other: &Tally) {
        assert_eq!(
            self.layout.questionnaire, other.layout.questionnaire,
            "tallies of one questionnaire"
        );
        for (a, b) in self.groups.iter_mut().zip(&other.groups) {
            a.merge(b);
        }
    }

    /// Results counted.
    pub fn counted(&self) -> u64 {
        self.groups[0].members
    }

    /// The figures, withheld by the rules; `refused`: the files not counted.
    pub fn finish(&self, refused: Refusals) -> Cohort {
        let l = &self.layout;
        let whole = &self.groups[0];
        let all = Group {
            key: GroupKey::All,
            members: at_least(whole.members, MIN_GROUP),
            figures: if whole.members >= MIN_GROUP {
                Shown::Shown(whole.figures(l))
            } else {
                Shown::Hidden(Hidden::FewerThan(MIN_GROUP))
            },
        };
        let mut groupings = Vec::new();
        let mut base = 1;
        for (grouping, question, codes) in &l.codes {
            let tallies = &self.groups[base..base + codes.len() + 1];
            base += codes.len() + 1;
            let sizes: Vec<u64> = tallies.iter().map(|t| t.members).collect();
            let members_hidden = suppress(&sizes, MIN_GROUP, &vec![false; sizes.len()]);
            let figures_hidden = suppress(&sizes, MIN_CROSS_TAB, &members_hidden);
            let keys = codes
                .iter()
                .map(|c| GroupKey::Code(c.clone()))
                .chain([GroupKey::NotGiven]);
            let groups = keys
                .zip(tallies)
                .enumerate()
                .map(|(i, (key, t))| Group {
                    key,
                    members: if members_hidden[i] {
                        Shown::Hidden(Hidden::Withheld(MIN_GROUP))
                    } else {
                        Shown::Shown(t.members)
                    },
                    figures: if members_hidden[i] {
                        Shown::Hidden(Hidden::Withheld(MIN_GROUP))
                    } else if figures_hidden[i] {
                        Shown::Hidden(Hidden::Withheld(MIN_CROSS_TAB))
                    } else if t.members == 0 {
                        // An empty group has no figures to show.
                        Shown::Hidden(Hidden::FewerThan(MIN_CROSS_TAB))
                    } else {
                        Shown::Shown(t.figures(l))
                    },
                })
                .collect();
            groupings.push(GroupingTable {
                grouping: *grouping,
                question: question.clone(),
                groups,
            });
        }
        Cohort {
            questionnaire: l.questionnaire.clone(),
            rules: Rules {
                min_group: MIN_GROUP,
                min_cross_tab: MIN_CROSS_TAB,
                min_percentiles: MIN_PERCENTILES,
            },
            counted: whole.members,
            refused,
            all,
            groupings,
        }
    }
}

fn at_least(n: u64, threshold: u64) -> Shown<u64> {
    if n >= threshold {
        Shown::Shown(n)
    } else {
        Shown::Hidden(Hidden::FewerThan(threshold))
    }
}

/// Which groups of a grouping (by size, summing to the whole set) to withhold at `threshold`,
/// starting from those already withheld (`given`), so that no withheld group, nor any
/// combination of them, can be pinned below the threshold from what is published (the whole
/// set, the shown groups) and from this rule itself, which is public.
///
/// - A grouping of a set smaller than `threshold + groups - 1` is withheld whole, whatever its
///   groups hold: then no group could be at least the threshold with every other one shown, and
///   withholding it whole only when the groups are small would tell that they are.
/// - Otherwise every non-empty group below the threshold is withheld. A reader knows that a
///   withheld group is not empty (an empty one is shown as 0), so one of `k` withheld groups
///   holding `sum` together is at most `sum - (k - 1)`. While that is below the threshold, the
///   smallest shown groups are withheld too: all those of that size, so that which one of them
///   is withheld says nothing of the order of the groups. One size is always enough, being at
///   least the threshold.
/// - When those below the threshold are enough by that count, a reader who knows this rule
///   could still tell that each of them is below the threshold, unless one of them could be the
///   group the rule withholds to protect the others: a group of at least the threshold, smaller
///   than every shown group, with the others too small without it. Where none could, the
///   smallest shown groups are withheld too.
///
/// Every withheld group then could hold the threshold or more for all a reader can work out, and
/// the reasons, all one, say nothing more (`tests/disclosure.rs` attacks it).
pub fn suppress(sizes: &[u64], threshold: u64, given: &[bool]) -> Vec<bool> {
    let groups = sizes.len() as u64;
    let whole: u64 = sizes.iter().sum();
    if whole + 1 < threshold + groups {
        return vec![true; sizes.len()];
    }
    let mut hidden: Vec<bool> = sizes
        .iter()
        .zip(given)
        .map(|(&n, &g)| g || (n > 0 && n < threshold))
        .collect();
    if !hidden.contains(&true) {
        return hidden;
    }
    let (sum, k) = sizes
        .iter()
        .zip(&hidden)
        .filter(|(_, h)| **h)
        .fold((0, 0), |(s, k), (n, _)| (s + n, k + 1));
    let smallest_shown = sizes
        .iter()
        .zip(&hidden)
        .filter(|(n, h)| !**h && **n > 0)
        .map(|(n, _)| *n)
        .min();
    let enough = sum + 1 >= threshold + k;
    let more = match smallest_shown {
        // With every non-empty group withheld, the set's size settles it: enough.
        None => false,
        Some(_) if !enough => true,
        Some(smallest) => {
            // The sizes one of them could have as the group withheld to protect the others.
            let low = threshold.max((sum + 3).saturating_sub(k + threshold));
            let high = (smallest - 1).min(sum + 1 - k);
            low > high
        }
    };
    if let (true, Some(smallest)) = (more, smallest_shown) {
        for (h, n) in hidden.iter_mut().zip(sizes) {
            *h |= *n == smallest;
        }
    }
    hidden
}

/// The cohort's figures as CSV (RFC 4180), one figure a row: `grouping,group,figure,subject,
/// key,value,n`. A withheld figure's value says why ("fewer than 5"). Text cells that a
/// spreadsheet would run as a formula are prefixed with `'`.
pub fn to_csv(cohort: &Cohort) -> String {
    let mut out = String::from("grouping,group,figure,subject,key,value,n\n");
    let mut row = |grouping: &str,
                   group: &GroupKey,
                   figure: &str,
                   subject: &str,
                   key: &str,
                   value: &str,
                   n: &str| {
        let cells = [grouping, &group.to_string(), figure, subject, key, value, n];
        let line: Vec<String> = cells.iter().map(|c| csv_cell(c)).collect();
        let _ = writeln!(out, "{}", line.join(","));
    };
    let tables = std::iter::once(("all", std::slice::from_ref(&cohort.all))).chain(
        cohort
            .groupings
            .iter()
            .map(|t| (t.grouping.name(), t.groups.as_slice())),
    );
    for (grouping, groups) in tables {
        for g in groups {
            let k = &g.key;
            match &g.members {
                Shown::Shown(n) => row(
                    grouping,
                    k,
                    "members",
                    "",
                    "",
                    &n.to_string(),
                    &n.to_string(),
                ),
                Shown::Hidden(h) => row(grouping, k, "members", "", "", &h.to_string(), ""),
            }
            let f = match &g.figures {
                Shown::Shown(f) => f,
                Shown::Hidden(h) => {
                    row(grouping, k, "figures", "", "", &h.to_string(), "");
                    continue;
                }
            };
            let n = f.n.to_string();
            row(grouping, k, "complete", "", "", &f.complete.to_string(), &n);
            let scores = std::iter::once(("overall".to_owned(), &f.overall)).chain(
                f.dimensions
                    .iter()
                    .map(|d| (d.id.to_string(), &d.distribution)),
            );
            for (subject, d) in scores {
                let dn = d.n.to_string();
                for (i, c) in d.bins.iter().enumerate() {
                    let key = format!("{}-{}", i * 10, i * 10 + 10);
                    row(
                        grouping,
                        k,
                        "score_bin",
                        &subject,
                        &key,
                        &c.to_string(),
                        &dn,
                    );
                }
                row(
                    grouping,
                    k,
                    "score_unscored",
                    &subject,
                    "",
                    &d.unscored.to_string(),
                    &n,
                );
                match &d.quartiles {
                    Shown::Shown(q) => {
                        for (key, v) in [("p25", q.p25), ("median", q.median), ("p75", q.p75)] {
                            row(
                                grouping,
                                k,
                                "score_quartile",
                                &subject,
                                key,
                                &v.to_string(),
                                &dn,
                            );
                        }
                    }
                    Shown::Hidden(h) => row(
                        grouping,
                        k,
                        "score_quartile",
                        &subject,
                        "",
                        &h.to_string(),
                        &dn,
                    ),
                }
            }
            for c in &f.stages.counts {
                let key = c
                    .key
                    .as_ref()
                    .map_or("(none)".to_owned(), |s| s.to_string());
                row(grouping, k, "stage", "", &key, &c.count.to_string(), &n);
            }
            for g in &f.critical_gaps.gaps {
                let item = g.item.as_str();
                row(
                    grouping,
                    k,
                    "critical_gap",
                    item,
                    "count",
                    &g.count.to_string(),
                    &n,
                );
                row(
                    grouping,
                    k,
                    "critical_gap",
                    item,
                    "percent",
                    &g.percent.to_string(),
                    &n,
                );
            }
            for c in &f.bottlenecks.counts {
                let key = c
                    .key
                    .as_ref()
                    .map_or("(none)".to_owned(), |d| d.to_string());
                row(
                    grouping,
                    k,
                    "bottleneck",
                    "",
                    &key,
                    &c.count.to_string(),
                    &n,
                );
            }
            for d in &f.most_common_bottleneck {
                let count = f
                    .bottlenecks
                    .counts
                    .iter()
                    .find(|c| c.key.as_ref() == Some(d))
                    .map_or(0, |c| c.count);
                let count = count.to_string();
                row(
                    grouping,
                    k,
                    "most_common_bottleneck",
                    "",
                    d.as_str(),
                    &count,
                    &n,
                );
            }
            for c in &f.top_recommendations.counts {
                let (item, cm) = (c.key.item.as_str(), c.key.countermeasure.as_str());
                row(
                    grouping,
                    k,
                    "top_recommendation",
                    item,
                    cm,
                    &c.count.to_string(),
                    &n,
                );
            }
            for c in &f.export_paths.counts {
                row(
                    grouping,
                    k,
                    "export_path",
                    "",
                    &c.key.to_string(),
                    &c.count.to_string(),
                    &n,
                );
            }
        }
    }
    out
}

/// One CSV cell: quoted when it holds a comma, quote or line break (quotes doubled), and a text
/// a spreadsheet would read as a formula (`=`, `+`, `-`, `@`, tab, CR first) prefixed with `'`.
pub fn csv_cell(text: &str) -> String {
    let numeric = text.parse::<f64>().is_ok();
    let guarded = if !numeric && text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_owned()
    };
    if guarded.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}
