//! CPython's set iteration order, so that iterating, printing or splicing a
//! YAQL set gives the order Mistral (Python 3.11, `PYTHONHASHSEED=0`) gives.
//!
//! A Python set is an open-addressing hash table; its iteration order is the
//! table's slot order, which depends on the elements' hashes, the insertion
//! order and the table's growth. This module reproduces that for sets whose
//! elements are ints, booleans and strings (hashes: ints modulo 2^61 - 1,
//! strings by SipHash-1-3 with the zero key that `PYTHONHASHSEED=0` selects).
//! Sets holding anything else keep insertion order.

use super::value::{Set, Value};

const PERTURB_SHIFT: u32 = 5;
const LINEAR_PROBES: usize = 9;
const MIN_SIZE: usize = 8;
/// 2^61 - 1, the modulus of Python's numeric hash.
const MODULUS: i128 = (1 << 61) - 1;

/// Python's `hash()` for the values this module handles.
pub fn py_hash(value: &Value) -> Option<i64> {
    let h = match value {
        Value::Bool(b) => i64::from(*b),
        Value::Int(i) => {
            let m = (i.abs() % MODULUS) as i64;
            if *i < 0 { -m } else { m }
        }
        Value::Float(f) if f.fract() == 0.0 && f.abs() < 1e30 => {
            return py_hash(&Value::Int(*f as i128));
        }
        Value::Str(s) => str_hash(s),
        _ => return None,
    };
    Some(if h == -1 { -2 } else { h })
}

fn str_hash(s: &str) -> i64 {
    if s.is_empty() {
        return 0;
    }
    // CPython hashes the string's internal units: 1, 2 or 4 bytes each.
    let max = s.chars().map(u32::from).max().unwrap_or(0);
    let width = if max < 0x100 {
        1
    } else if max < 0x10000 {
        2
    } else {
        4
    };
    let mut bytes = Vec::with_capacity(s.len() * width);
    for c in s.chars() {
        let code = u32::from(c).to_le_bytes();
        bytes.extend_from_slice(&code[..width]);
    }
    siphash13(&bytes) as i64
}

/// SipHash-1-3 with a zero key.
fn siphash13(data: &[u8]) -> u64 {
    let (k0, k1) = (0u64, 0u64);
    let mut v0 = k0 ^ 0x736f_6d65_7073_6575;
    let mut v1 = k1 ^ 0x646f_7261_6e64_6f6d;
    let mut v2 = k0 ^ 0x6c79_6765_6e65_7261;
    let mut v3 = k1 ^ 0x7465_6462_7974_6573;
    let round = |v0: &mut u64, v1: &mut u64, v2: &mut u64, v3: &mut u64| {
        *v0 = v0.wrapping_add(*v1);
        *v1 = v1.rotate_left(13);
        *v1 ^= *v0;
        *v0 = v0.rotate_left(32);
        *v2 = v2.wrapping_add(*v3);
        *v3 = v3.rotate_left(16);
        *v3 ^= *v2;
        *v0 = v0.wrapping_add(*v3);
        *v3 = v3.rotate_left(21);
        *v3 ^= *v0;
        *v2 = v2.wrapping_add(*v1);
        *v1 = v1.rotate_left(17);
        *v1 ^= *v2;
        *v2 = v2.rotate_left(32);
    };
    let chunks = data.chunks_exact(8);
    let tail = chunks.remainder();
    for chunk in chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let m = u64::from_le_bytes(word);
        v3 ^= m;
        round(&mut v0, &mut v1, &mut v2, &mut v3);
        v0 ^= m;
    }
    let mut last = (data.len() as u64) << 56;
    for (i, b) in tail.iter().enumerate() {
        last |= u64::from(*b) << (8 * i);
    }
    v3 ^= last;
    round(&mut v0, &mut v1, &mut v2, &mut v3);
    v0 ^= last;
    v2 ^= 0xff;
    for _ in 0..3 {
        round(&mut v0, &mut v1, &mut v2, &mut v3);
    }
    v0 ^ v1 ^ v2 ^ v3
}

/// A simulated CPython set table of element indices.
struct Table {
    slots: Vec<Option<(usize, i64)>>,
    fill: usize,
}

impl Table {
    fn new() -> Table {
        Table {
            slots: vec![None; MIN_SIZE],
            fill: 0,
        }
    }

    fn mask(&self) -> usize {
        self.slots.len() - 1
    }

    /// `set_add_entry` for an element known to be absent.
    fn add(&mut self, index: usize, hash: i64) {
        let mask = self.mask();
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        'search: loop {
            let probes = if i + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            };
            for j in 0..=probes {
                if self.slots[i + j].is_none() {
                    self.slots[i + j] = Some((index, hash));
                    break 'search;
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        }
        self.fill += 1;
        if self.fill * 5 >= mask * 3 {
            let used = self.fill;
            self.resize(if used > 50_000 { used * 2 } else { used * 4 });
        }
    }

    fn resize(&mut self, min_used: usize) {
        let mut size = MIN_SIZE;
        while size <= min_used {
            size <<= 1;
        }
        let old = std::mem::replace(&mut self.slots, vec![None; size]);
        let mask = size - 1;
        for (index, hash) in old.into_iter().flatten() {
            // `set_insert_clean`.
            let mut perturb = hash as u64;
            let mut i = (hash as u64 as usize) & mask;
            'search: loop {
                if self.slots[i].is_none() {
                    self.slots[i] = Some((index, hash));
                    break 'search;
                }
                if i + LINEAR_PROBES <= mask {
                    for j in 1..=LINEAR_PROBES {
                        if self.slots[i + j].is_none() {
                            self.slots[i + j] = Some((index, hash));
                            break 'search;
                        }
                    }
                }
                perturb >>= PERTURB_SHIFT;
                i = (i
                    .wrapping_mul(5)
                    .wrapping_add(1)
                    .wrapping_add(perturb as usize))
                    & mask;
            }
        }
    }

    fn order(&self) -> Vec<usize> {
        self.slots
            .iter()
            .flatten()
            .map(|(index, _)| *index)
            .collect()
    }
}

/// The order CPython iterates a set built by adding `items` (distinct) one
/// by one; `None` when an element's hash is not reproduced here.
pub fn iteration_order(items: &[&Value]) -> Option<Vec<usize>> {
    let hashes: Vec<i64> = items.iter().map(|v| py_hash(v)).collect::<Option<_>>()?;
    let mut table = Table::new();
    for (index, hash) in hashes.iter().enumerate() {
        table.add(index, *hash);
    }
    Some(table.order())
}

/// The set's elements in the order CPython would iterate a frozenset built
/// by adding them in their current order (unchanged when not reproducible).
pub fn python_order(set: Set) -> Set {
    let refs: Vec<&Value> = set.iter().collect();
    match iteration_order(&refs) {
        Some(order) => order
            .into_iter()
            .filter_map(|i| set.get_index(i).cloned())
            .collect(),
        None => set,
    }
}

/// The elements of `set` in the order CPython iterates a new set built by
/// iterating `set` (what Mistral's output conversion does).
pub fn output_order(set: &Set) -> Vec<&Value> {
    let refs: Vec<&Value> = set.iter().collect();
    match iteration_order(&refs) {
        Some(order) => order.into_iter().map(|i| refs[i]).collect(),
        None => refs,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_match_cpython() {
        // Values printed by `PYTHONHASHSEED=0 python3.11 -c "print(hash(...))"`.
        assert_eq!(py_hash(&Value::str("a")), Some(4644417185603328019));
        assert_eq!(py_hash(&Value::str("")), Some(0));
        assert_eq!(
            py_hash(&Value::str("hello world!")),
            Some(839851713330019024)
        );
        assert_eq!(py_hash(&Value::str("é")), Some(6047309291227476195));
        assert_eq!(py_hash(&Value::str("€")), Some(-5529981157763016009));
        assert_eq!(py_hash(&Value::Int(-1)), Some(-2));
    }

    fn order(values: Vec<Value>) -> Vec<Value> {
        let refs: Vec<&Value> = values.iter().collect();
        let idx = iteration_order(&refs).unwrap_or_default();
        idx.into_iter().map(|i| values[i].clone()).collect()
    }

    #[test]
    fn orders_match_cpython() {
        let ints = |v: &[i128]| v.iter().map(|i| Value::Int(*i)).collect::<Vec<_>>();
        assert_eq!(order(ints(&[3, 1, 2])), ints(&[1, 2, 3]));
        assert_eq!(
            order(ints(&[5, 13, 21, 1, 9, 100, 7])),
            ints(&[1, 100, 5, 7, 9, 13, 21])
        );
        let strs = |v: &[&str]| v.iter().map(|s| Value::str(s)).collect::<Vec<_>>();
        assert_eq!(order(strs(&["x", "y"])), strs(&["y", "x"]));
        assert_eq!(order(strs(&["b", "a", "c"])), strs(&["c", "a", "b"]));
    }
}
