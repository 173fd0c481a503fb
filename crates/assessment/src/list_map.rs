//! `ListMap`: a map held as a list sorted by key, for the core's small maps (a text's languages, a
//! sheet's answers, an association's weights: two to a hundred entries).
//!
//! Why not `BTreeMap`: each key and value type compiles its own copy of a B-tree's insertion,
//! removal, balancing, cloning and dropping into the web app's first load (several KB of wasm per
//! map type), and on lists this short a binary search over a `Vec`, whose code the app has anyway,
//! is as fast. It reads and writes as a JSON object, in the order of its keys, as a `BTreeMap` does.

use std::fmt;
use std::marker::PhantomData;

use serde::{Deserialize, Serialize};

/// A map sorted by key, one entry per key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ListMap<K, V>(Vec<(K, V)>);

impl<K, V> Default for ListMap<K, V> {
    fn default() -> Self {
        Self(Vec::new())
    }
}

impl<K: Ord, V> ListMap<K, V> {
    pub fn new() -> Self {
        Self::default()
    }

    fn find<Q: Ord + ?Sized>(&self, key: &Q) -> Result<usize, usize>
    where
        K: std::borrow::Borrow<Q>,
    {
        self.0.binary_search_by(|(k, _)| k.borrow().cmp(key))
    }

    pub fn get<Q: Ord + ?Sized>(&self, key: &Q) -> Option<&V>
    where
        K: std::borrow::Borrow<Q>,
    {
        self.find(key).ok().map(|at| &self.0[at].1)
    }

    pub fn contains_key<Q: Ord + ?Sized>(&self, key: &Q) -> bool
    where
        K: std::borrow::Borrow<Q>,
    {
        self.find(key).is_ok()
    }

    /// Sets `key`'s value, and returns the value it replaced.
    pub fn insert(&mut self, key: K, value: V) -> Option<V> {
        match self.find(&key) {
            Ok(at) => Some(std::mem::replace(&mut self.0[at].1, value)),
            Err(at) => {
                self.0.insert(at, (key, value));
                None
            }
        }
    }

    pub fn remove<Q: Ord + ?Sized>(&mut self, key: &Q) -> Option<V>
    where
        K: std::borrow::Borrow<Q>,
    {
        self.find(key).ok().map(|at| self.0.remove(at).1)
    }

    /// The value of `key`, inserted as `V::default()` first if it has none.
    pub fn get_or_default(&mut self, key: K) -> &mut V
    where
        V: Default,
    {
        let at = match self.find(&key) {
            Ok(at) => at,
            Err(at) => {
                self.0.insert(at, (key, V::default()));
                at
            }
        };
        &mut self.0[at].1
    }

    /// Keeps the entries for which `keep` holds.
    pub fn retain(&mut self, mut keep: impl FnMut(&K, &mut V) -> bool) {
        self.0.retain_mut(|(k, v)| keep(k, v));
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The entries in the order of their keys.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = (&K, &V)> + ExactSizeIterator {
        self.0.iter().map(|(k, v)| (k, v))
    }

    pub fn keys(&self) -> impl DoubleEndedIterator<Item = &K> + ExactSizeIterator {
        self.0.iter().map(|(k, _)| k)
    }

    pub fn values(&self) -> impl DoubleEndedIterator<Item = &V> + ExactSizeIterator {
        self.0.iter().map(|(_, v)| v)
    }
}

impl<K: Ord, V> ListMap<K, V> {
    /// The entries as a map, a later entry for a key replacing an earlier one, as in a
    /// `BTreeMap`. Sorted once: inserting one by one into the sorted list would shift it at each
    /// entry, quadratic for keys in descending order, and the keys may come from a hostile file.
    fn from_entries(entries: Vec<(K, V)>) -> Self {
        let (order, mut slots) = Self::ordered(entries);
        let mut out: Vec<(K, V)> = Vec::with_capacity(order.len());
        // In a run of equal keys the order is the file's (a stable sort): the last one stays.
        for i in order {
            if let Some(entry) = slots[i].take() {
                match out.last_mut() {
                    Some(last) if last.0 == entry.0 => *last = entry,
                    _ => out.push(entry),
                }
            }
        }
        Self(out)
    }

    /// The entries as a map, or the key that comes a second time first in their order: sorted
    /// once, in n·log n, whatever the order of the keys.
    pub fn from_unique(entries: Vec<(K, V)>) -> Result<Self, K> {
        let (order, mut slots) = Self::ordered(entries);
        let key = |i: usize| slots[i].as_ref().map(|e| &e.0);
        // Where a reader going in order meets a key again: the second of a run, the earliest.
        let repeat = order
            .windows(2)
            .filter(|w| key(w[0]) == key(w[1]))
            .map(|w| w[1])
            .min();
        if let Some((k, _)) = repeat.and_then(|at| slots[at].take()) {
            return Err(k);
        }
        Ok(Self(
            order.iter().filter_map(|i| slots[*i].take()).collect(),
        ))
    }

    /// The entries' stable order by key, and the entries to take from by it.
    #[allow(clippy::type_complexity)]
    fn ordered(entries: Vec<(K, V)>) -> (Vec<usize>, Vec<Option<(K, V)>>) {
        let slots: Vec<Option<(K, V)>> = entries.into_iter().map(Some).collect();
        let key = |i: usize| slots[i].as_ref().map(|e| &e.0);
        let order = crate::order::stable_order(slots.len(), &mut |i, j| key(i).cmp(&key(j)));
        (order, slots)
    }
}

impl<K: Ord, V> FromIterator<(K, V)> for ListMap<K, V> {
    /// A later entry for a key replaces an earlier one, as in a `BTreeMap`.
    fn from_iter<I: IntoIterator<Item = (K, V)>>(entries: I) -> Self {
        Self::from_entries(entries.into_iter().collect())
    }
}

impl<K, V> IntoIterator for ListMap<K, V> {
    type Item = (K, V);
    type IntoIter = std::vec::IntoIter<(K, V)>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl<'a, K, V> IntoIterator for &'a ListMap<K, V> {
    type Item = (&'a K, &'a V);
    type IntoIter = std::iter::Map<std::slice::Iter<'a, (K, V)>, fn(&'a (K, V)) -> (&'a K, &'a V)>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter().map(|(k, v)| (k, v))
    }
}

/// A set held as a sorted list: `ListMap` without values, for the same reason.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ListSet<T>(ListMap<T, ()>);

impl<T> Default for ListSet<T> {
    fn default() -> Self {
        Self(ListMap::default())
    }
}

impl<T: Ord> ListSet<T> {
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds `value`; false if it was there already.
    pub fn insert(&mut self, value: T) -> bool {
        self.0.insert(value, ()).is_none()
    }

    pub fn contains<Q: Ord + ?Sized>(&self, value: &Q) -> bool
    where
        T: std::borrow::Borrow<Q>,
    {
        self.0.contains_key(value)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<T: Ord> FromIterator<T> for ListSet<T> {
    fn from_iter<I: IntoIterator<Item = T>>(values: I) -> Self {
        Self(values.into_iter().map(|v| (v, ())).collect())
    }
}

impl<K: Serialize, V: Serialize> Serialize for ListMap<K, V> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.0.iter().map(|(k, v)| (k, v)))
    }
}

impl<'de, K: Ord + Deserialize<'de>, V: Deserialize<'de>> Deserialize<'de> for ListMap<K, V> {
    /// As a `BTreeMap` reads a JSON object: a later key replaces an earlier one.
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Entries<K, V>(PhantomData<(K, V)>);
        impl<'de, K: Ord + Deserialize<'de>, V: Deserialize<'de>> serde::de::Visitor<'de>
            for Entries<K, V>
        {
            type Value = ListMap<K, V>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a map")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut access: A,
            ) -> Result<Self::Value, A::Error> {
                let mut entries = Vec::new();
                while let Some(entry) = access.next_entry()? {
                    entries.push(entry);
                }
                Ok(ListMap::from_entries(entries))
            }
        }
        deserializer.deserialize_map(Entries(PhantomData))
    }
}

#[cfg(feature = "schema")]
impl<K: schemars::JsonSchema, V: schemars::JsonSchema> schemars::JsonSchema for ListMap<K, V> {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> std::borrow::Cow<'static, str> {
        <std::collections::BTreeMap<K, V>>::schema_name()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        // Written as a JSON object, exactly as a `BTreeMap` of the same types.
        <std::collections::BTreeMap<K, V>>::json_schema(generator)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    #[test]
    fn behaves_as_a_btree_map() {
        // Every sequence of up to 6 inserts and removes over 4 keys, against a BTreeMap.
        for n in 0..8u32.pow(6) {
            let (mut ours, mut theirs) = (ListMap::new(), BTreeMap::new());
            for step in 0..6 {
                let op = n / 8u32.pow(step) % 8;
                let key = op % 4;
                if op < 4 {
                    assert_eq!(ours.insert(key, step), theirs.insert(key, step));
                } else {
                    assert_eq!(ours.remove(&key), theirs.remove(&key));
                }
                assert!(ours.iter().eq(theirs.iter()));
                assert_eq!(ours.get(&key), theirs.get(&key));
                assert_eq!(ours.contains_key(&key), theirs.contains_key(&key));
            }
        }
    }

    #[test]
    fn is_built_from_entries_as_a_btree_map_is() {
        // Every sequence of up to 5 keys of 3, with repeats: the later value wins.
        for n in 0..3u32.pow(5) {
            let len = (n % 6) as usize;
            let entries: Vec<(u32, usize)> =
                (0..len).map(|i| (n / 3u32.pow(i as u32) % 3, i)).collect();
            let ours: ListMap<u32, usize> = entries.iter().copied().collect();
            let theirs: BTreeMap<u32, usize> = entries.iter().copied().collect();
            assert!(ours.iter().eq(theirs.iter()), "{entries:?}");
            // The first key met twice, reading in order.
            let mut seen = std::collections::BTreeSet::new();
            let first_repeat = entries.iter().find(|(k, _)| !seen.insert(*k)).map(|e| e.0);
            match ListMap::from_unique(entries.clone()) {
                Ok(map) => {
                    assert_eq!(first_repeat, None);
                    assert!(map.iter().eq(theirs.iter()));
                }
                Err(key) => assert_eq!(Some(key), first_repeat, "{entries:?}"),
            }
        }
    }

    #[test]
    fn a_set_tells_what_it_holds() {
        let mut set: ListSet<&str> = ["b", "a"].into_iter().collect();
        assert!(set.contains("a") && set.contains("b") && !set.contains("c"));
        assert!(!set.insert("a"));
        assert!(set.insert("c"));
        assert!(set.contains("c"));
    }

    #[test]
    fn reads_and_writes_as_a_btree_map_does() {
        let json = r#"{"b": 2, "a": 1, "b": 3}"#;
        let ours: ListMap<String, u8> = serde_json::from_str(json).unwrap();
        let theirs: BTreeMap<String, u8> = serde_json::from_str(json).unwrap();
        assert!(ours.iter().eq(theirs.iter()));
        assert_eq!(
            serde_json::to_string(&ours).unwrap(),
            serde_json::to_string(&theirs).unwrap()
        );
        assert!(serde_json::from_str::<ListMap<String, u8>>("[1]").is_err());
    }
}
