//! One small sort for the core's short lists (a question's options, a report's recommendations, a
//! catalogue's findings: tens of elements, never thousands).
//!
//! Why not `slice::sort_*`: the standard library's sorts are built for large inputs, and each call
//! with its own element type and comparator is compiled into the web app as its own copy of a
//! pattern-defeating quicksort and its small-sort networks (about 2–4 KB of wasm each). An
//! insertion sort is a few dozen bytes per copy and, on lists this short, as fast. It is stable.

use std::cmp::Ordering;

/// Sorts `v` by `compare`, stably (equal elements keep their order). Quadratic: for short lists.
pub fn sort_by<T>(v: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    for i in 1..v.len() {
        let mut j = i;
        while j > 0 && compare(&v[j - 1], &v[j]) == Ordering::Greater {
            v.swap(j - 1, j);
            j -= 1;
        }
    }
}

/// Sorts `v` by the key `key` gives each element, stably. Quadratic: for short lists.
pub fn sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_like_the_standard_stable_sort() {
        // Every list of up to 7 elements over 3 values, tagged with their place: ties must keep it.
        for len in 0..=7u32 {
            for n in 0..3u32.pow(len) {
                let mut v: Vec<(u32, usize)> = (0..len)
                    .map(|k| (n / 3u32.pow(k) % 3, k as usize))
                    .collect();
                let mut expected = v.clone();
                expected.sort_by_key(|(x, _)| *x);
                sort_by_key(&mut v, |(x, _)| *x);
                assert_eq!(v, expected);
            }
        }
    }
}
