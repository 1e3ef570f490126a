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
        // the characters copied out at once: charAt per character (a bounds check and the string's coder each time) was
        // a fifth of the read-model checkpoint's samples at 100,000 cases under the JIT's C1 (issue 13, stop 44)
        char[] chars = key.toCharArray();
        int length = chars.length;
        byte[] bytes = new byte[3 * length];
        int n = 0;
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
        buff.putVarInt(length).put(bytes, 0, n);
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
