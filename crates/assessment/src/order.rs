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

/// The order of `n` elements by `compare` (of their indices), stably: a bottom-up merge sort of
/// the indices, n·log n whatever the order, for lists from a file that may be long. It takes a
/// `dyn` comparator, so that the app holds one copy of it whatever is sorted.
pub fn stable_order(n: usize, compare: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut from: Vec<usize> = (0..n).collect();
    let mut to = vec![0; n];
    let mut width = 1;
    while width < n {
        let mut start = 0;
        while start < n {
            let mid = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            let (mut i, mut j) = (start, mid);
            for slot in &mut to[start..end] {
                // The left run's element first when equal: stable.
                let left = i < mid && (j == end || compare(from[j], from[i]) != Ordering::Less);
                if left {
                    *slot = from[i];
                    i += 1;
                } else {
                    *slot = from[j];
                    j += 1;
                }
            }
            start = end;
        }
        std::mem::swap(&mut from, &mut to);
        width *= 2;
    }
    from
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
                let order = stable_order(v.len(), &mut |i, j| v[i].0.cmp(&v[j].0));
                let by_order: Vec<(u32, usize)> = order.iter().map(|i| v[*i]).collect();
                assert_eq!(by_order, expected);
            }
        }
    }
}
