//! Working lists kept between documents on a thread: emptied, and freed instead when a huge
//! document left them larger than worth holding on to.

/// Empties `v`, freeing it if it holds room for more than `keep` items.
pub fn fit<T>(v: &mut Vec<T>, keep: usize) {
    v.clear();
    if v.capacity() > keep {
        *v = Vec::new();
    }
}

/// An empty list with `v`'s allocation, for items of another lifetime: a thread's spare list
/// outlives the document its items borrowed from. The collect reuses the allocation in place
/// (the same type but for its lifetime) and yields nothing, `v` being emptied first.
// The `filter_map` changes the item type, which a `filter` cannot.
#[allow(clippy::unnecessary_filter_map)]
pub fn relifetime<T, U>(mut v: Vec<T>) -> Vec<U> {
    v.clear();
    v.into_iter().filter_map(|_| None).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relifetime_keeps_the_allocation() {
        let text = String::from("borrowed");
        let mut v: Vec<&str> = Vec::with_capacity(100);
        v.push(&text);
        let ptr = v.as_ptr() as usize;
        let w: Vec<&'static str> = relifetime(v);
        assert!(w.is_empty());
        assert_eq!(w.capacity(), 100);
        assert_eq!(w.as_ptr() as usize, ptr);
    }
}
