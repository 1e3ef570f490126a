package org.gongshi.server.embedded;

import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Axon's aggregate cache over the {@code size} aggregates used last, for a ledger with one writer: the embedded default,
 * where this JVM is the only one that appends to its event store (and the synthetic generation, which keeps 400,000).
 * Axon's caching repository puts an aggregate here when a command's unit of work commits and removes it when one rolls
 * back, so a kept aggregate is always the state its events give; the next command on it skips reading and deserializing
 * them. Axon's own weak-reference cache lost nearly every aggregate at the next collection (measured in the generation).
 * Every method holds the cache's lock for a map operation only.
 *
 * <p>{@link #removeAll} (a data subject's key deleted) empties it for good: a command whose unit of work read the cache
 * before it was emptied may hold an aggregate as it was read before, its party's data in clear, and puts it back only
 * after; it is not kept (its unit of work carries the emptying it began under). A command that creates an aggregate
 * reads no cache: its events are sealed when appended, after the put, and a deleted key fails them, which rolls the put
 * back.
 */
public final class KeptAggregates implements Cache {

    private final Map<Object, Object> entries;
    /** How many times it was emptied; a unit of work's first read records the number in the unit of work. */
    private long emptied;
    private final String emptiedWhenRead = KeptAggregates.class.getName() + "#emptied@" + System.identityHashCode(this);

    public KeptAggregates(int size) {
        if (size < 1) throw new IllegalArgumentException("gongshi.embedded.kept-aggregates is 1 or more (was " + size + ")");
        this.entries = new LinkedHashMap<>(Math.min(size, 1 << 16), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, Object> eldest) {
                return size() > size;
            }
        };
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized <K, V> V get(K key) {
        if (CurrentUnitOfWork.isStarted()) CurrentUnitOfWork.get().root().resources().putIfAbsent(emptiedWhenRead, emptied);
        return (V) entries.get(key);
    }

    @Override
    public synchronized void put(Object key, Object value) {
        if (readBeforeEmptied()) entries.remove(key);
        else entries.put(key, value);
    }

    @Override
    public synchronized boolean putIfAbsent(Object key, Object value) {
        if (readBeforeEmptied()) return false;
        return entries.putIfAbsent(key, value) == null;
    }

    /** Whether the current unit of work read this cache before it was last emptied. */
    private boolean readBeforeEmptied() {
        if (!CurrentUnitOfWork.isStarted()) return false;
        Object read = CurrentUnitOfWork.get().root().getResource(emptiedWhenRead);
        return read != null && (Long) read != emptied;
    }

    @Override
    public synchronized boolean remove(Object key) {
        return entries.remove(key) != null;
    }

    @Override
    public synchronized void removeAll() {
        emptied++;
        entries.clear();
    }

    @Override
    public synchronized boolean containsKey(Object key) {
        return entries.containsKey(key);
    }

    /**
     * This cache as one kind of aggregate sees it: its ids are that kind's own, so an id of another kind (a listing's at a
     * case's path) finds nothing kept and goes to the event store, which says it is none of this kind (404). Axon keys a cache
     * by id alone; with one cache for every kind, a case just filed was served to the listings' repository as a listing, which
     * failed (a sweep from outside, stop 71: 503 "retry", then 404 once the failure had removed it). The kinds share one bound
     * and one {@link #removeAll}.
     */
    public Cache forKind(Class<?> kind) {
        return new Cache() {
            @Override
            public <K, V> V get(K key) {
                return KeptAggregates.this.get(new KindAndId(kind, key));
            }

            @Override
            public void put(Object key, Object value) {
                KeptAggregates.this.put(new KindAndId(kind, key), value);
            }

            @Override
            public boolean putIfAbsent(Object key, Object value) {
                return KeptAggregates.this.putIfAbsent(new KindAndId(kind, key), value);
            }

            @Override
            public boolean remove(Object key) {
                return KeptAggregates.this.remove(new KindAndId(kind, key));
            }

            @Override
            public void removeAll() {
                KeptAggregates.this.removeAll();
            }

            @Override
            public boolean containsKey(Object key) {
                return KeptAggregates.this.containsKey(new KindAndId(kind, key));
            }

            @Override
            public Registration registerCacheEntryListener(EntryListener listener) {
                return KeptAggregates.this.registerCacheEntryListener(listener);
            }
        };
    }

    private record KindAndId(Class<?> kind, Object id) {}

    /** How many aggregates are kept now. */
    public synchronized int size() {
        return entries.size();
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener listener) {
        throw new UnsupportedOperationException("the kept aggregates have no listeners");
    }
}
