package bebop.app;

import bebop.data.BluesDataset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The models a long-running server composes with, kept between requests: each read once (with the blues
 * data set its primers are picked from, made once) instead of at every request. Owned by its server (one
 * instance, no static state) and handed to {@link ComposeService#compose(ComposeRequest, ModelCache)}; the
 * command line composes once a process and reads the model as before.
 *
 * <p>A file is known by its real path, size, last-modified time and file key (the inode where the file
 * system has one), so a model retrained or replaced on disk is read again. At most {@code capacity} models
 * are kept, the least recently used forgotten first. Safe for concurrent requests: a model is read once
 * even when several requests ask for it at the same time; what is kept is only read when composing (every
 * composition runs its own state over the shared weights: see {@code LstmSequenceModel}).
 */
public final class ModelCache {
    /** A file as it is on disk now; {@code path} null for the bundled model. */
    private record Key(Path path, long size, FileTime modified, Object fileKey) {}

    private static final Key BUNDLED = new Key(null, 0, null, null);

    /** A model read (once) and its blues data set (made once, when first asked for). */
    public final class Entry {
        private final Path file;
        private LoadedModel model;
        private BluesDataset data;

        private Entry(Path file) {
            this.file = file;
        }

        /** The model, read from its file the first time it is asked for. */
        public synchronized LoadedModel model() {
            if (model == null) {
                model = Models.load(file);
                loads.incrementAndGet();
            }
            return model;
        }

        /** The blues data set of a blues model ({@link BluesModel#data()}), made the first time it is asked for. */
        public synchronized BluesDataset data() {
            if (data == null) {
                data = ((BluesModel) model()).data();
            }
            return data;
        }
    }

    private final int capacity;
    private final AtomicInteger loads = new AtomicInteger();
    /** Guarded by itself; in access order, so the eldest entry is the least recently used. */
    private final Map<Key, Entry> entries;

    /** A cache of at most {@code capacity} models. */
    public ModelCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("a model cache keeps at least one model, not " + capacity);
        }
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Entry> eldest) {
                return size() > ModelCache.this.capacity;
            }
        };
    }

    /**
     * The model in {@code file} (null: the bundled model), read when this cache has not read the file as it
     * is now on disk. A file that cannot be looked at is not kept: it is read as {@link Models#load} reads
     * it (which names the file and the problem).
     */
    public Entry get(Path file) {
        Key key = key(file);
        if (key == null) {
            Entry once = new Entry(file);
            once.model();
            return once;
        }
        Entry entry;
        synchronized (entries) {
            entry = entries.computeIfAbsent(key, k -> new Entry(file));
        }
        try {
            entry.model();
        } catch (RuntimeException e) {
            forget(key, entry);
            throw e;
        }
        if (!key.equals(key(file))) {
            // the file changed while it was read: this request has what was read, the next reads it again
            forget(key, entry);
        }
        return entry;
    }

    /** How many times a model file has been read (for tests: a request served from the cache reads none). */
    public int loads() {
        return loads.get();
    }

    /** The models kept now. */
    public int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    private void forget(Key key, Entry entry) {
        synchronized (entries) {
            entries.remove(key, entry);
        }
    }

    private static Key key(Path file) {
        if (file == null) {
            return BUNDLED;
        }
        try {
            Path real = file.toRealPath();
            BasicFileAttributes a = Files.readAttributes(real, BasicFileAttributes.class);
            if (!a.isRegularFile()) {
                return null;
            }
            return new Key(real, a.size(), a.lastModifiedTime(), a.fileKey());
        } catch (IOException | SecurityException e) {
            return null;
        }
    }
}
