//! The core's one stable sort (npm package size: every `sort_by` call site on another element
//! type compiled its own copy of std's stable sort, about 5 KB of wasm each; here std's sort is
//! compiled once, for indexes). Region search keeps std's `sort_by_key`: it is the only sort in
//! the `kotacerdas/ids` module, which this indirection would make 1.2 KB gzip larger.

use std::cmp::Ordering;

/// Sorts `items` stably by `compare`: the same result as `items.sort_by(compare)`.
pub(crate) fn sort_by<T>(items: &mut Vec<T>, compare: impl Fn(&T, &T) -> Ordering) {
    let order = sorted_order(items.len(), &|a, b| compare(&items[a], &items[b]));
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(
        order
            .into_iter()
            .filter_map(|index| slots.get_mut(index).and_then(Option::take)),
    );
}

/// `0..len` in the stable order of `compare` on indexes: the one copy of std's sort.
#[inline(never)]
fn sorted_order(len: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    order.sort_by(|&a, &b| compare(a, b));
    order
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    proptest! {
        /// Ties keep their order (the second item tells them apart), as std's stable sort.
        #[test]
        fn same_as_std_stable_sort(items in proptest::collection::vec((0u8..8, any::<u16>()), 0..200)) {
            let mut ours = items.clone();
            super::sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
            let mut std = items;
            std.sort_by_key(|item| item.0);
            prop_assert_eq!(ours, std);
        }
    }
}
