//! Attacks on the cohort's complementary suppression. Cohorts are built so that a small group
//! could be worked out (one small group; two; small groups in two groupings sharing the whole
//! set; a group of 1 or 3 beside groups of exactly the threshold), and a checker reads what the
//! cohort publishes (its JSON, which `assess cohort --json` prints and the cohort page's worker
//! renders: one core function) and computes, as an attacker would, the feasible values of every
//! withheld group and of every combination of withheld groups: none may be pinned below the
//! threshold. The checker solves the small integer programme exactly (a dynamic programme over the
//! groups), and, for the built cohorts, also enumerates every table that the published rule
//! itself would have withheld the same way, so knowing the rule and its order does not help.

use std::collections::BTreeSet;

use serde_json::Value;

use assessment::cohort::{suppress, MIN_CROSS_TAB, MIN_GROUP};
use assessment::{OptionId, Refusals, ResultRecord, Tally};

use crate::common::builtin;

/// What one grouping publishes about its groups' sizes.
#[derive(Debug)]
struct Published {
    grouping: String,
    /// The whole set.
    total: u64,
    /// Each group's count, or `None` when withheld.
    members: Vec<Option<u64>>,
    /// Each group's breakdown withheld by the rules (not merely empty).
    figures_withheld: Vec<bool>,
}

fn shown(v: &Value) -> Option<&Value> {
    v.get("shown")
}

/// Reads a cohort's JSON as an attacker would. `None` when the whole set is withheld, after
/// checking that nothing else is then shown of any group.
fn read(json: &Value) -> Option<Vec<Published>> {
    let groupings = json["groupings"].as_array().unwrap();
    let Some(total) = shown(&json["all"]["members"]) else {
        for t in groupings {
            for g in t["groups"].as_array().unwrap() {
                assert_eq!(
                    g["members"]["hidden"],
                    serde_json::json!({"withheld": MIN_GROUP})
                );
                assert!(shown(&g["figures"]).is_none());
            }
        }
        return None;
    };
    let total = total.as_u64().unwrap();
    let all_figures = shown(&json["all"]["figures"]).expect("the whole set's figures");
    let mut out = Vec::new();
    for t in groupings {
        let groups = t["groups"].as_array().unwrap();
        let members: Vec<Option<u64>> = groups
            .iter()
            .map(|g| shown(&g["members"]).map(|n| n.as_u64().unwrap()))
            .collect();
        // The reasons: one and the same for every withheld group, so they tell nothing apart.
        let reasons: BTreeSet<String> = groups
            .iter()
            .filter_map(|g| g["members"].get("hidden"))
            .map(Value::to_string)
            .collect();
        assert!(reasons.len() <= 1, "{reasons:?}");
        let figures_withheld: Vec<bool> = groups
            .iter()
            .map(|g| g["figures"]["hidden"].get("withheld").is_some())
            .collect();
        // The breakdowns published: the whole set's minus the shown groups' is the combination
        // of the groups whose breakdown is withheld, and only that combination. Its size agrees
        // with the counts: the breakdowns add no equation on a withheld group of its own.
        let shown_fig: Vec<&Value> = groups.iter().filter_map(|g| shown(&g["figures"])).collect();
        let stages = |f: &Value| -> Vec<u64> {
            f["stages"]["counts"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| c["count"].as_u64().unwrap())
                .collect()
        };
        let mut rest = stages(all_figures);
        for f in &shown_fig {
            for (r, c) in rest.iter_mut().zip(stages(f)) {
                *r -= c;
            }
        }
        let by_members: u64 = total
            - shown_fig
                .iter()
                .map(|f| f["n"].as_u64().unwrap())
                .sum::<u64>();
        assert_eq!(rest.iter().sum::<u64>(), by_members);
        let withheld_members: u64 = members
            .iter()
            .zip(&figures_withheld)
            .filter(|(_, w)| **w)
            .map(|(m, _)| m.unwrap_or(0))
            .sum();
        let hidden_sum = total - members.iter().flatten().sum::<u64>();
        assert_eq!(by_members - withheld_members, hidden_sum);
        out.push(Published {
            grouping: t["grouping"].as_str().unwrap().to_owned(),
            total,
            members,
            figures_withheld,
        });
    }
    Some(out)
}

impl Published {
    fn withheld(&self) -> Vec<usize> {
        (0..self.members.len())
            .filter(|i| self.members[*i].is_none())
            .collect()
    }

    /// The bounds a reader knows of each withheld group: at least 1 (an empty group is shown as
    /// 0) unless every group is withheld, and at most the whole set.
    fn bounds(&self) -> (u64, u64) {
        let every = self.members.iter().all(Option::is_none);
        (u64::from(!every), self.total)
    }

    /// The withheld groups together: the whole minus the shown groups.
    fn hidden_sum(&self) -> u64 {
        self.total - self.members.iter().flatten().sum::<u64>()
    }
}

/// The most `subset` of `k` integer cells in `[lo, hi]` adding up to `sum` can hold together, or
/// `None` when no such cells exist: a dynamic programme over the cells and partial sums.
fn most(k: usize, (lo, hi): (u64, u64), sum: u64, subset: &[bool]) -> Option<u64> {
    let sum = sum as usize;
    let mut best: Vec<Option<u64>> = vec![None; sum + 1];
    best[0] = Some(0);
    for cell in subset.iter().take(k) {
        let mut next = vec![None; sum + 1];
        for (t, b) in best.iter().enumerate() {
            let Some(b) = b else { continue };
            for x in lo..=hi {
                let u = t + x as usize;
                if u > sum {
                    break;
                }
                let v = b + if *cell { x } else { 0 };
                next[u] = next[u].max(Some(v));
            }
        }
        best = next;
    }
    best[sum]
}

/// Every assignment of the withheld groups that fits the published equations and bounds.
fn assignments(p: &Published) -> Vec<Vec<u64>> {
    let k = p.withheld().len();
    let (lo, hi) = p.bounds();
    let mut out = Vec::new();
    let mut at = Vec::new();
    fn go(k: usize, lo: u64, hi: u64, left: u64, at: &mut Vec<u64>, out: &mut Vec<Vec<u64>>) {
        if at.len() == k {
            if left == 0 {
                out.push(at.clone());
            }
            return;
        }
        for x in lo..=hi.min(left) {
            at.push(x);
            go(k, lo, hi, left - x, at, out);
            at.pop();
        }
    }
    go(k, lo, hi, p.hidden_sum(), &mut at, &mut out);
    out
}

/// Proves that no withheld group of `p`, nor any combination of them, can be pinned below the
/// threshold: from the equations and bounds alone, and (`knowing_the_rule`) also knowing that
/// the rule, run on the true table, withholds exactly what is withheld.
fn check(p: &Published, knowing_the_rule: bool) {
    let withheld = p.withheld();
    let k = withheld.len();
    if k == 0 {
        return;
    }
    let (lo, hi) = p.bounds();
    let tables: Vec<Vec<u64>> = if knowing_the_rule {
        assignments(p)
            .into_iter()
            .filter(|xs| {
                let mut sizes: Vec<u64> = p.members.iter().map(|m| m.unwrap_or(0)).collect();
                for (i, x) in withheld.iter().zip(xs) {
                    sizes[*i] = *x;
                }
                let members = suppress(&sizes, MIN_GROUP, &vec![false; sizes.len()]);
                let figures = suppress(&sizes, MIN_CROSS_TAB, &members);
                let hidden: Vec<bool> = p.members.iter().map(Option::is_none).collect();
                members == hidden && figures == p.figures_withheld
            })
            .collect()
    } else {
        Vec::new()
    };
    if knowing_the_rule {
        assert!(!tables.is_empty(), "the true table fits: {p:?}");
    }
    for mask in 1u32..(1 << k) {
        let subset: Vec<bool> = (0..k).map(|i| mask & (1 << i) != 0).collect();
        let max = most(k, (lo, hi), p.hidden_sum(), &subset).expect("feasible");
        assert!(
            max >= MIN_GROUP,
            "{}: groups {subset:?} of {:?} are at most {max}",
            p.grouping,
            p.members
        );
        if knowing_the_rule {
            let max = tables
                .iter()
                .map(|xs| {
                    xs.iter()
                        .zip(&subset)
                        .filter(|(_, s)| **s)
                        .map(|(x, _)| x)
                        .sum()
                })
                .max()
                .unwrap_or(0);
            assert!(
                max >= MIN_GROUP,
                "{}, knowing the rule: groups {subset:?} of {:?} are at most {max}",
                p.grouping,
                p.members
            );
        }
    }
}

/// A cohort of `(region, sector, size, how many)` members, published as its JSON.
fn publish(members: &[(&str, &str, &str, usize)]) -> Value {
    let q = builtin();
    let base = crate::cohort::record(None, None, None, 50.0);
    let mut tally = Tally::new(&q);
    for (region, sector, size, n) in members {
        let mut r: ResultRecord = base.clone();
        let code = |c: &str| (!c.is_empty()).then(|| OptionId::from(c));
        r.profile.region = code(region);
        r.profile.sector = code(sector);
        r.profile.size = code(size);
        for _ in 0..*n {
            tally.add(&r);
        }
    }
    serde_json::to_value(tally.finish(Refusals::default())).unwrap()
}

fn regions(json: &Value) -> Vec<Value> {
    json["groupings"][0]["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["members"].clone())
        .collect()
}

fn attack(members: &[(&str, &str, &str, usize)]) -> Value {
    let json = publish(members);
    for p in read(&json).into_iter().flatten() {
        check(&p, true);
    }
    json
}

#[test]
fn a_group_of_1_or_3_beside_groups_of_exactly_5_cannot_be_worked_out() {
    let withheld = serde_json::json!({"hidden": {"withheld": 5}});
    for small in [1, 3] {
        let json = attack(&[
            ("east", "textiles", "lt20", small),
            ("central", "textiles", "lt20", 5),
            ("west", "textiles", "lt20", 5),
            ("northeast", "textiles", "lt20", 105),
        ]);
        // East withheld, and central and west with it (both of the smallest size, so that the
        // one withheld does not depend on the order), with the same words; north-east shown.
        assert_eq!(
            regions(&json),
            [
                withheld.clone(),
                withheld.clone(),
                withheld.clone(),
                serde_json::json!({"shown": 105}),
                serde_json::json!({"shown": 0}),
            ],
            "east {small}"
        );
    }
}

#[test]
fn one_small_group_cannot_be_worked_out() {
    for small in 1..5 {
        attack(&[
            ("east", "textiles", "lt20", 20),
            ("west", "machinery", "lt20", small),
        ]);
    }
}

#[test]
fn two_small_groups_cannot_be_worked_out_together_or_apart() {
    for (a, b) in [(1, 1), (2, 3), (3, 3), (4, 4), (1, 4)] {
        attack(&[
            ("east", "textiles", "lt20", a),
            ("central", "textiles", "lt20", b),
            ("west", "textiles", "lt20", 40),
            ("northeast", "textiles", "lt20", 6),
        ]);
    }
}

#[test]
fn small_groups_in_two_groupings_sharing_the_whole_set_cannot_be_worked_out() {
    attack(&[
        ("east", "textiles", "lt20", 2),
        ("central", "machinery", "e20_99", 3),
        ("west", "electronics", "lt20", 60),
        ("west", "machinery", "", 1),
        ("", "electronics", "e100_299", 4),
        ("northeast", "agrifood", "lt20", 7),
    ]);
}

#[test]
fn every_group_small_withholds_every_group() {
    // Six members, one per region and two not saying: each group could be any of the six.
    let json = attack(&[
        ("east", "textiles", "lt20", 1),
        ("central", "textiles", "lt20", 1),
        ("west", "textiles", "lt20", 1),
        ("northeast", "textiles", "lt20", 1),
        ("", "textiles", "lt20", 2),
    ]);
    assert!(regions(&json).iter().all(|m| m.get("hidden").is_some()));
    // A whole set under 5 shows only that, and nothing of any group.
    let json = publish(&[("east", "textiles", "lt20", 4)]);
    assert!(read(&json).is_none());
}

#[test]
fn no_random_cohort_publishes_a_group_that_can_be_pinned_below_the_threshold() {
    let regions = ["east", "central", "west", "northeast", ""];
    let sectors = ["textiles", "machinery", "electronics", "", "logistics"];
    let sizes = ["lt20", "e20_99", "e100_299", ""];
    let mut seed: u64 = 32;
    let mut next = |n: u64| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) % n
    };
    let (mut checked, mut knowing) = (0, 0);
    for _ in 0..400 {
        // Skewed: most members in a few groups, so that small groups are common.
        let groups = 1 + next(12);
        let mut members: Vec<(&str, &str, &str, usize)> = Vec::new();
        for _ in 0..groups {
            let r = next(5) + 1;
            let region = regions[next(r) as usize];
            let sector = sectors[next(5) as usize];
            let z = next(4) + 1;
            let size = sizes[next(z) as usize];
            let m = next(12) + 1;
            members.push((region, sector, size, 1 + next(m) as usize));
        }
        let json = publish(&members);
        for p in read(&json).into_iter().flatten() {
            // Knowing the rule too, where the tables are few enough to list.
            let small = p.withheld().len() <= 3 && p.hidden_sum() <= 60;
            check(&p, small);
            checked += usize::from(!p.withheld().is_empty());
            knowing += usize::from(!p.withheld().is_empty() && small);
        }
    }
    eprintln!("{checked} groupings with withheld groups attacked, {knowing} knowing the rule");
    assert!(checked > 300 && knowing > 100, "{checked} {knowing}");
}
