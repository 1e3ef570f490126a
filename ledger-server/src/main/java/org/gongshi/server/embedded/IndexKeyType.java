package org.gongshi.server.embedded;

import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.StringDataType;

import java.nio.ByteBuffer;

/**
 * The embedded MongoDB's index keys ({@link SecondaryIndex}, {@link KeyedUniqueIndex}) in exactly the bytes H2's
 * {@link StringDataType} gives them (so a data directory reads as before), encoded a key at a time into an array: H2
 * writes and reads each character through {@code ByteBuffer.put} and {@code get}, and with every page a checkpoint
 * writes holding some hundred keys, that was a quarter of the read-model checkpoint's samples under 8 clients at 100,000
 * cases (issue 13; the checkpoint holds the lock every writing MongoDB command waits for). H2's encoding: the key's length in
 * characters, then each UTF-16 character alone (surrogates too: the complemented keys of a descending index hold some)
 * in one byte below {@code 0x80}, two ({@code 0xc0 | c >> 6}, {@code c & 0x3f}) below {@code 0x800}, else three
 * ({@code 0xe0 | c >> 12}, {@code c >> 6 & 0x3f}, {@code c & 0x3f}).
 */
final class IndexKeyType extends StringDataType {

    static final IndexKeyType INSTANCE = new IndexKeyType();

    private IndexKeyType() {
    }

    @Override
    public void write(WriteBuffer buff, String key) {
        byte[] bytes = new byte[MOST_LENGTH_BYTES + 3 * key.length()];
        buff.put(bytes, 0, encode(key, bytes, 0));
    }

    /**
     * A page's keys, encoded together into one array and put into H2's buffer at once: put key by key, the buffer checked
     * and grew its capacity twice for each (the length, then the characters), a seventh of the read-model checkpoint's
     * samples in a rebuild of 10,000 cases (issue 13, stop 54), all of it under the lock every writing command waits for.
     */
    @Override
    public void write(WriteBuffer buff, Object storage, int len) {
        String[] keys = (String[]) storage;
        int most = 0;
        for (int i = 0; i < len; i++) most += MOST_LENGTH_BYTES + 3 * keys[i].length();
        byte[] bytes = new byte[most];
        int n = 0;
        for (int i = 0; i < len; i++) n = encode(keys[i], bytes, n);
        buff.put(bytes, 0, n);
    }

    /** The most bytes a key's length takes (a variable-length int, seven bits a byte). */
    private static final int MOST_LENGTH_BYTES = 5;

    /** Writes {@code key} into {@code bytes} from {@code n} as H2 does (its length, then its characters); answers where it ends. */
    private static int encode(String key, byte[] bytes, int n) {
        // the characters copied out at once: charAt per character (a bounds check and the string's coder each time) was
        // a fifth of the read-model checkpoint's samples at 100,000 cases under the JIT's C1 (issue 13, stop 44)
        char[] chars = key.toCharArray();
        int length = chars.length;
        while ((length & ~0x7f) != 0) { // H2's variable-length int (DataUtils.writeVarInt)
            bytes[n++] = (byte) (length | 0x80);
            length >>>= 7;
        }
        bytes[n++] = (byte) length;
        for (char c : chars) {
            if (c < 0x80) {
                bytes[n++] = (byte) c;
            } else if (c >= 0x800) {
                bytes[n++] = (byte) (0xe0 | (c >> 12));
                bytes[n++] = (byte) ((c >> 6) & 0x3f);
                bytes[n++] = (byte) (c & 0x3f);
            } else {
                bytes[n++] = (byte) (0xc0 | (c >> 6));
                bytes[n++] = (byte) (c & 0x3f);
            }
        }
        return n;
    }

    @Override
    public String read(ByteBuffer buff) {
        int length = DataUtils.readVarInt(buff);
        if (!buff.hasArray()) return DataUtils.readString(buff, length);
        byte[] bytes = buff.array();
        int p = buff.arrayOffset() + buff.position();
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            int x = bytes[p++] & 0xff;
            if (x < 0x80) {
                chars[i] = (char) x;
            } else if (x >= 0xe0) {
                chars[i] = (char) (((x & 0xf) << 12) + ((bytes[p] & 0x3f) << 6) + (bytes[p + 1] & 0x3f));
                p += 2;
            } else {
                chars[i] = (char) (((x & 0x1f) << 6) + (bytes[p++] & 0x3f));
            }
        }
        if (p > buff.arrayOffset() + buff.limit()) throw new java.nio.BufferUnderflowException(); // a key cut off: a damaged page
        buff.position(p - buff.arrayOffset());
        return new String(chars);
    }
}
