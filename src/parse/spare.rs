//! Working lists kept between documents on a thread: emptied, and freed instead when a huge
//! document left them larger than worth holding on to.

/// Empties `v`, freeing it if it holds room for more than `keep` items.
pub fn fit<T>(v: &mut Vec<T>, keep: usize) {
    v.clear();
    if v.capacity() > keep {
        *v = Vec::new();
    }
}
