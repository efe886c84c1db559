package dev.precept.model.internal;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Values computed once per key object (by identity, not equality) and dropped when the key is no
 * longer used elsewhere: for facts derived from immutable objects, such as a policy's digest.
 * Thread-safe; a value may be computed twice by racing threads, never wrongly.
 */
public final class IdentityCache<K, V> {
  private final Map<Key<K>, V> values = new HashMap<>();
  private final ReferenceQueue<K> dropped = new ReferenceQueue<>();

  /** The value for {@code key}, computed by {@code compute} the first time. */
  public V computeIfAbsent(K key, Function<K, V> compute) {
    Key<K> lookup = new Key<>(key, null);
    synchronized (this) {
      expunge();
      V known = values.get(lookup);
      if (known != null) {
        return known;
      }
    }
    V value = compute.apply(key);
    synchronized (this) {
      V raced = values.putIfAbsent(new Key<>(key, dropped), value);
      return raced != null ? raced : value;
    }
  }

  /** How many keys are remembered (for tests). */
  public synchronized int size() {
    expunge();
    return values.size();
  }

  private void expunge() {
    for (Object gone = dropped.poll(); gone != null; gone = dropped.poll()) {
      values.remove(gone);
    }
  }

  /** A weak reference equal to another only when both refer to the same live object. */
  private static final class Key<K> extends WeakReference<K> {
    private final int hash;

    Key(K referent, ReferenceQueue<K> queue) {
      super(referent, queue);
      this.hash = System.identityHashCode(referent);
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public boolean equals(Object other) {
      if (this == other) {
        return true;
      }
      if (!(other instanceof Key<?> key)) {
        return false;
      }
      Object mine = get();
      return mine != null && mine == key.get();
    }
  }
}
